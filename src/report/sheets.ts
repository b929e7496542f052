/**
 * A sheet of tables.xlsx as data: what a source contributes for the figures
 * and tables it puts in the report. The workbook itself is written in
 * tables-xlsx.ts.
 */

export type Kind = 'text' | 'count' | 'percent';

/** A suppressed sick-leave figure: shown as such, never as a number. */
export const SUPPRESSED = Symbol('suppressed');
export const SUPPRESSED_TEXT = 'skjult';

export type Value = string | number | null | typeof SUPPRESSED;

export interface Column {
  header: string;
  kind: Kind;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Value[][];
}

/** Text Excel (or a CSV made from the sheet) could take for a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export const text = (header: string): Column => ({ header, kind: 'text' });
export const count = (header: string): Column => ({ header, kind: 'count' });
export const percent = (header: string): Column => ({ header, kind: 'percent' });

export function sortedYears(record: Record<string, unknown> | undefined): string[] {
  return Object.keys(record ?? {}).sort();
}

/** The short name of an org or unit id, as metrics.json gives it. */
export function orgName(names: Record<string, string> | undefined, id: string): string {
  return names?.[id] ?? '';
}

/** A sheet of counts per year, one column per figure. */
export function yearlySheet<T>(
  name: string,
  years: Record<string, T> | undefined,
  columns: [string, (v: T) => number][],
): Sheet[] {
  if (!years) return [];
  return [
    {
      name,
      columns: [text('År'), ...columns.map(([h]) => count(h))],
      rows: sortedYears(years).map((y) => [y, ...columns.map(([, get]) => get(years[y]!))]),
    },
  ];
}
