import { code, date, text } from '../../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { SourceContext } from '../context.js';
import { CaseIds } from '../case-ids.js';

/** Yrkesskader and yrkessykdommer reported to NAV (contract §3, injuries), all years. */

export const INJURY_KINDS = ['yrkesskade', 'yrkessykdom'] as const;
export type InjuryKind = (typeof INJURY_KINDS)[number];

export interface Injury {
  id: string;
  row: number;
  unitId: string;
  year: number;
  date: string;
  kind: InjuryKind;
}

export interface InjuriesData {
  file: string;
  injuries: Injury[];
}

export const injuriesSpec = tableSpec({
  columns: {
    case_id: text(),
    unit_id: text(),
    date: date(),
    kind: code(INJURY_KINDS, { aliases: { skade: 'yrkesskade', sykdom: 'yrkessykdom' } }),
  },
});

export async function readInjuries({ tables, units, diagnostics }: SourceContext): Promise<InjuriesData | null> {
  const table = await tables.open('injuries', units);
  if (!table) return null;
  const injuries: Injury[] = [];
  const ids = new CaseIds(table.file);
  for await (const { row, value } of readRows(table, injuriesSpec, diagnostics)) {
    if (!ids.add(value.case_id, row, headerOf(table, 'case_id'), diagnostics)) continue;
    const year = Number(value.date.slice(0, 4));
    if (!units.check(value.unit_id, year, { file: table.file, row, column: headerOf(table, 'unit_id') }, diagnostics))
      continue;
    injuries.push({
      id: value.case_id,
      row,
      unitId: units.canonicalId(value.unit_id),
      year,
      date: value.date,
      kind: value.kind,
    });
  }
  return { file: table.file, injuries };
}
