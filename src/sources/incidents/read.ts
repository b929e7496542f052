import type { Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';
import { code, date, mapped, text, type CellSchema } from '../../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { Table } from '../../workspace/table.js';
import { CaseIds, cleanText, textKey } from '../case-ids.js';
import { SEVERITY_LABELS, SEVERITY_LEVELS, type SeverityLevel } from './severity.js';
import type { SourceContext } from '../context.js';

/**
 * The EQS export (contract §3, incidents): one row per case, all years.
 *
 * Decisions beyond the contract:
 * - case_id is unique case-insensitively (as unit ids are matched).
 * - Categories are split on ';', trimmed (inner runs of spaces collapsed) and
 *   matched case-insensitively; a category is shown with the first spelling
 *   the file uses, so "Kjemikalier" and "kjemikalier" are one category. A
 *   category repeated within a case counts once. A case without a category
 *   is allowed (forbedringsforslag often have none) and counted as such.
 * - closed_date before registered_date is a warning, not an error (the
 *   contract makes no such rule): the case counts, without its closed_date.
 *   A `lukket` case without closed_date is accepted silently: older exports
 *   lack the date, and the case is still closed; it is only left out of the
 *   time-to-close median.
 */

export const CASE_TYPES = ['ulykke', 'nestenulykke', 'farlig forhold', 'avvik', 'forbedringsforslag'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Uønskede hendelser: the case types Tabell 1 counts. */
export const UNWANTED_TYPES: ReadonlySet<CaseType> = new Set(['ulykke', 'nestenulykke', 'farlig forhold']);

export const STATUSES = ['åpen', 'under behandling', 'lukket', 'avvist'] as const;
export type Status = (typeof STATUSES)[number];

export const DIMENSIONS = ['person', 'material', 'environment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface IncidentCase {
  id: string;
  /** The row in the file, for messages. */
  row: number;
  /** The register's spelling of the unit id. */
  unitId: string;
  /** The year of registered_date: the case's year. */
  year: number;
  registered: string;
  type: CaseType;
  /** Display spellings, each once. */
  categories: string[];
  status: Status;
  closed: string | null;
  severity: Record<Dimension, { actual: SeverityLevel; potential: SeverityLevel }>;
}

export interface IncidentsData {
  file: string;
  cases: IncidentCase[];
}

const severityLabels = SEVERITY_LEVELS.map((level) => SEVERITY_LABELS[level]);
const severityAliases: Record<string, string> = {
  'ingen / liten fare': 'Ingen/liten fare',
  'ingen eller liten fare': 'Ingen/liten fare',
  ...Object.fromEntries(SEVERITY_LEVELS.map((level) => [level, SEVERITY_LABELS[level]])),
};
const levelOf = new Map<string | null, SeverityLevel>([
  [null, 'ikke_valgt'],
  ...SEVERITY_LEVELS.map((level) => [SEVERITY_LABELS[level], level] as const),
]);
const severity = (): CellSchema<SeverityLevel> =>
  mapped(code(severityLabels, { optional: true, aliases: severityAliases }), (label) => levelOf.get(label)!);

const SEVERITY_COLUMNS = DIMENSIONS.flatMap((d) => [`severity_${d}_actual`, `severity_${d}_potential`] as const);

export const incidentsSpec = tableSpec({
  columns: {
    case_id: text(),
    unit_id: text(),
    registered_date: date(),
    case_type: code(CASE_TYPES, {
      aliases: {
        farlig_forhold: 'farlig forhold',
        'farlige forhold': 'farlig forhold',
        'nesten-ulykke': 'nestenulykke',
        'nesten ulykke': 'nestenulykke',
      },
    }),
    category: text({ optional: true }),
    // Exports written without Norwegian letters spell åpen as apen or aapen.
    status: code(STATUSES, { aliases: { apen: 'åpen', aapen: 'åpen', under_behandling: 'under behandling' } }),
    closed_date: date({ optional: true }),
    severity_person_actual: severity(),
    severity_person_potential: severity(),
    severity_material_actual: severity(),
    severity_material_potential: severity(),
    severity_environment_actual: severity(),
    severity_environment_potential: severity(),
  },
  optional: ['category', 'closed_date', ...SEVERITY_COLUMNS],
});

export async function readIncidents({ tables, units, diagnostics }: SourceContext): Promise<IncidentsData | null> {
  const table = await tables.open('incidents', units);
  if (!table) return null;
  checkOptionalColumns(table, diagnostics);
  const ids = new CaseIds(table.file);
  const spelling = new Map<string, string>();
  const cases: IncidentCase[] = [];
  for await (const { row, value } of readRows(table, incidentsSpec, diagnostics)) {
    if (!ids.add(value.case_id, row, headerOf(table, 'case_id'), diagnostics)) continue;
    const year = Number(value.registered_date.slice(0, 4));
    if (!units.check(value.unit_id, year, { file: table.file, row, column: headerOf(table, 'unit_id') }, diagnostics))
      continue;
    // Not a contract rule, so not a reason to refuse the workspace: the case counts as exported, without the date.
    const closedInOrder = value.closed_date === null || value.closed_date >= value.registered_date;
    if (!closedInOrder) {
      diagnostics.warning(
        table.file,
        messages.closedBeforeRegistered(value.closed_date!, value.registered_date),
        row,
        headerOf(table, 'closed_date'),
      );
    }
    const categories: string[] = [];
    for (const part of (value.category ?? '').split(';')) {
      const key = textKey(part);
      if (!key) continue;
      if (!spelling.has(key)) spelling.set(key, cleanText(part));
      const shown = spelling.get(key)!;
      if (!categories.includes(shown)) categories.push(shown);
    }
    cases.push({
      id: value.case_id,
      row,
      unitId: units.canonicalId(value.unit_id),
      year,
      registered: value.registered_date,
      type: value.case_type,
      categories,
      status: value.status,
      closed: closedInOrder ? value.closed_date : null,
      severity: {
        person: { actual: value.severity_person_actual, potential: value.severity_person_potential },
        material: { actual: value.severity_material_actual, potential: value.severity_material_potential },
        environment: { actual: value.severity_environment_actual, potential: value.severity_environment_potential },
      },
    });
  }
  return { file: table.file, cases };
}

/**
 * category and closed_date may be left out of an export (a warning says what
 * is lost). The severity columns come as a set: all of them, or none (a
 * warning: Tabell 1 then counts every case as Ikke valgt); some of them is an
 * error, since a misspelled header would otherwise read as Ikke valgt unseen.
 */
function checkOptionalColumns(table: Table, diagnostics: Diagnostics): void {
  const has = (column: string) => table.header.some((h) => h.trim().toLowerCase() === column);
  for (const column of ['category', 'closed_date'] as const) {
    if (!has(column)) diagnostics.warning(table.file, messages.incidentColumnAbsent(column), table.headerRow, column);
  }
  const missing = SEVERITY_COLUMNS.filter((column) => !has(column));
  if (missing.length === SEVERITY_COLUMNS.length) {
    diagnostics.warning(table.file, messages.noSeverityColumns(), table.headerRow);
  } else {
    for (const column of missing)
      diagnostics.error(table.file, messages.missingColumn(column), table.headerRow, column);
  }
}
