import { messages } from '../../messages.js';
import { calendarYear, code, date, integer, text } from '../../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { SourceContext } from '../context.js';

/** The contract's rule codes, in the order the report lists them when counts tie. */
export const WORKING_TIME_RULES = [
  'uke_over_48',
  'dag_over_13',
  'hvile_dogn',
  'hvile_uke',
  'overtid_uke',
  'overtid_4uker',
  'overtid_aar',
  'annet',
] as const;
export type WorkingTimeRule = (typeof WORKING_TIME_RULES)[number];

export interface WorkingTimeRow {
  year: number;
  unitId: string;
  orgId: string;
  rule: WorkingTimeRule;
  count: number;
}

export interface WorkingTimeData {
  file: string;
  /** Breaches summed per year, unit and rule. */
  rows: WorkingTimeRow[];
}

export const workingTimeSpec = tableSpec({
  columns: {
    unit_id: text(),
    date: date({ optional: true }),
    year: calendarYear({ optional: true }),
    rule: code(WORKING_TIME_RULES),
    count: integer({ optional: true, min: 0 }),
  },
  optional: ['count'],
  oneOf: [['date', 'year']],
});

/**
 * Breaches of the working-time rules (contract §3, working-time.csv|xlsx),
 * from SAP's time registration: one row a breach, or a count per row. A row's
 * year is its date's; a row may give both when they agree.
 */
export async function readWorkingTime(context: SourceContext): Promise<WorkingTimeData | null> {
  const { tables, diagnostics, units } = context;
  const table = await tables.open('working-time', units);
  if (!table) return null;
  // One row a breach can mean many rows: they are summed per year, unit and rule as they are read.
  const rows = new Map<string, WorkingTimeRow>();
  for await (const { row, value } of readRows(table, workingTimeSpec, diagnostics)) {
    const dateYear = value.date === null ? null : Number(value.date.slice(0, 4));
    if (dateYear !== null && value.year !== null && dateYear !== value.year) {
      diagnostics.error(table.file, messages.dateYearMismatch(value.date!, value.year), row, headerOf(table, 'year'));
      continue;
    }
    const year = dateYear ?? value.year;
    if (year === null) {
      diagnostics.error(table.file, messages.noDateOrYear(), row, headerOf(table, 'date'));
      continue;
    }
    if (!units.check(value.unit_id, year, { file: table.file, row, column: headerOf(table, 'unit_id') }, diagnostics))
      continue;
    const unitId = units.canonicalId(value.unit_id);
    const key = `${year}|${unitId}|${value.rule}`;
    const found = rows.get(key);
    if (found) found.count += value.count ?? 1;
    else rows.set(key, { year, unitId, orgId: units.orgOf(unitId), rule: value.rule, count: value.count ?? 1 });
  }
  return { file: table.file, rows: [...rows.values()] };
}
