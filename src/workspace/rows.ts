import { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { DecimalMarks, INVALID, isNumeric, plainParser, type CellSchema } from './cells.js';
import { UnreadableFileError, type Cell, type Table } from './table.js';

type Shape = Record<string, CellSchema<unknown>>;
export type RowOf<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

export interface TableSpec<S extends Shape> {
  columns: S;
  /** Columns that may be missing from the file; their cells then read as empty. */
  optional?: readonly (keyof S & string)[];
  /** Groups of alternatives: each group needs at least one of its columns. */
  oneOf?: readonly (readonly (keyof S & string)[])[];
  /** Columns the tool reads beyond the data contract: a new file (`init`) leaves them out. */
  extensions?: readonly (keyof S & string)[];
}

/** Declares a table's columns, keeping their names as types. */
export function tableSpec<S extends Shape>(spec: TableSpec<S>): TableSpec<S> {
  return spec;
}

/** The header of a new file of the table: the contract's columns in order, of each one-of group only the first. */
export function templateColumns(spec: TableSpec<Shape>): string[] {
  const left = new Set([...(spec.oneOf ?? []).flatMap((group) => group.slice(1)), ...(spec.extensions ?? [])]);
  return Object.keys(spec.columns).filter((column) => !left.has(column));
}

export interface ValidRow<T> {
  row: number;
  value: T;
}

/** Past this many problems in one file the rest are counted, not listed. */
const MAX_PROBLEMS_PER_FILE = 200;

/**
 * The columns a spec needs, found in a table's header (trimmed, any case).
 * Reports each missing required column; returns null when any is missing.
 */
export function matchColumns<S extends Shape>(
  table: Table,
  spec: TableSpec<S>,
  diagnostics: Diagnostics,
): Map<string, number> | null {
  const byName = new Map<string, number>();
  let complete = true;
  table.header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!key) return;
    const first = byName.get(key);
    if (first === undefined) {
      byName.set(key, index);
      return;
    }
    // Which of the two a reader would take is a guess: the figures would depend on the column order.
    diagnostics.error(
      table.file,
      messages.duplicateHeader(table.header[first]!, first + 1, name, index + 1),
      table.headerRow,
      name,
    );
    complete = false;
  });
  const optional = new Set<string>([...(spec.optional ?? []), ...(spec.oneOf ?? []).flat()]);
  for (const key of Object.keys(spec.columns)) {
    if (!byName.has(key.toLowerCase()) && !optional.has(key)) {
      diagnostics.error(table.file, messages.missingColumn(key), table.headerRow, key);
      complete = false;
    }
  }
  for (const group of spec.oneOf ?? []) {
    if (!group.some((key) => byName.has(key.toLowerCase()))) {
      diagnostics.error(table.file, messages.missingOneOf(group), table.headerRow, group[0]);
      complete = false;
    }
  }
  if (!complete) return null;
  const found = new Map<string, number>();
  for (const key of Object.keys(spec.columns)) {
    const index = byName.get(key.toLowerCase());
    if (index !== undefined) found.set(key, index);
  }
  return found;
}

/**
 * Counts a file's problems so that one wrong value in every row of a national
 * export lists a readable number of them; the rest are summed up in one line.
 */
export class ProblemLimit {
  private count = 0;
  /** The file's decimal mark, shared by the fast and the zod path of a row. */
  readonly numbers = new DecimalMarks();
  constructor(
    private readonly file: string,
    private readonly diagnostics: Diagnostics,
  ) {}

  /** True while problems should still be listed one by one. */
  next(): boolean {
    this.count++;
    return this.count <= MAX_PROBLEMS_PER_FILE;
  }

  finish(): void {
    for (const problem of this.numbers.finish())
      if (this.next()) this.diagnostics.error(this.file, problem.message, problem.row, problem.column);
    if (this.count > MAX_PROBLEMS_PER_FILE)
      this.diagnostics.error(this.file, messages.moreProblems(this.count - MAX_PROBLEMS_PER_FILE));
  }
}

/**
 * The zod check of one row, the definition of a valid row: returns the typed
 * value, or null after reporting each problem at its row and column (the
 * header as the file writes it). A spec column the file lacks reads as empty.
 * Each cell first goes through its schema's plain parser (cells.ts), which
 * gives the value zod would; zod itself runs only on a row with a problem
 * (and on a column whose schema has no plain parser), to name the problem.
 */
export function rowChecker<S extends Shape>(
  table: Table,
  spec: TableSpec<S>,
  columns: ReadonlyMap<string, number>,
  limit: ProblemLimit,
  diagnostics: Diagnostics,
): (row: number, cells: readonly Cell[]) => RowOf<S> | null {
  let schema: z.ZodType | undefined;
  const keys = Object.keys(spec.columns);
  const indexes = keys.map((key) => columns.get(key));
  const numeric = keys.flatMap((key, i) => (isNumeric(spec.columns[key]!) && columns.has(key) ? [i] : []));
  const parsers = keys.map((key) => {
    const cellSchema = spec.columns[key]!;
    return (
      plainParser(cellSchema) ??
      ((value: Cell) => {
        const result = cellSchema.safeParse(value);
        return result.success ? result.data : INVALID;
      })
    );
  });
  return (row, cells) => {
    const cellOf = (i: number) => {
      const index = indexes[i];
      return index === undefined ? null : (cells[index] ?? null);
    };
    for (const i of numeric) limit.numbers.note(cellOf(i), row, table.header[indexes[i]!]!);
    const value: Record<string, unknown> = {};
    let valid = true;
    for (let i = 0; i < keys.length && valid; i++) {
      const parsed = parsers[i]!(cellOf(i));
      if (parsed === INVALID) valid = false;
      else value[keys[i]!] = parsed;
    }
    if (valid) return value as RowOf<S>;
    // A null-prototype object: a column named "__proto__" or "constructor" is a column like any other.
    const input: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
    keys.forEach((key, i) => (input[key] = cellOf(i)));
    // Built when first needed: zod compiles each object schema when it first parses with it.
    schema ??= z.object(spec.columns);
    const result = schema.safeParse(input);
    if (result.success) return result.data as RowOf<S>;
    for (const issue of result.error.issues) {
      if (!limit.next()) continue;
      const key = String(issue.path[0] ?? '');
      const index = columns.get(key);
      diagnostics.error(table.file, issue.message, row, index === undefined ? key : table.header[index]);
    }
    return null;
  };
}

/**
 * A file that breaks part-way (unbalanced quotes) is reported where it breaks;
 * the rows before it were checked. Anything else is not the user's to fix.
 */
export function reportBrokenFile(error: unknown, table: Table, diagnostics: Diagnostics): void {
  if (!(error instanceof UnreadableFileError)) throw error;
  diagnostics.error(table.file, error.message, error.row);
}

/**
 * Validates every row with zod (see rowChecker) and yields the valid ones.
 * `rejected` hears of every row that was not, with its cells by column, so a
 * reader can keep its key and spare the user echoes of one mistake
 * (a unit whose row is invalid is not also "unknown" in every other file).
 */
export async function* readRows<S extends Shape>(
  table: Table,
  spec: TableSpec<S>,
  diagnostics: Diagnostics,
  rejected?: (row: number, cell: (key: keyof S & string) => Cell) => void,
): AsyncGenerator<ValidRow<RowOf<S>>> {
  const columns = matchColumns(table, spec, diagnostics);
  if (!columns) return;
  const limit = new ProblemLimit(table.file, diagnostics);
  const check = rowChecker(table, spec, columns, limit, diagnostics);
  try {
    for await (const { row, cells } of table.rows()) {
      const value = check(row, cells);
      if (value !== null) yield { row, value };
      else rejected?.(row, (key) => cells[columns.get(key) ?? -1] ?? null);
    }
  } catch (error) {
    reportBrokenFile(error, table, diagnostics);
  }
  limit.finish();
}

/** The header name of a spec column as the file writes it, for messages about that column. */
export function headerOf(table: Table, key: string): string {
  const index = table.header.findIndex((h) => h.trim().toLowerCase() === key.toLowerCase());
  return index < 0 ? key : (table.labels?.[index] ?? table.header[index]!);
}
