import { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { cellToText, toNumber, type CellSchema } from '../workspace/cells.js';
import { MAX_PROBLEMS_PER_FILE, type RowOf, type TableSpec, type ValidRow } from '../workspace/rows.js';
import { UnreadableFileError, type Cell, type Table } from '../workspace/table.js';

/**
 * A faster twin of readRows for files of millions of rows (sick leave).
 * readRows runs a zod object schema on every row, which costs about half as
 * much again as reading the file. Here each cell first goes through a plain
 * parser built from the same primitives as the zod cell schemas (toNumber,
 * cellToText); a row any of them rejects is handed to the zod schema, which
 * stays the definition: it decides, and its messages are the ones reported,
 * at the same FILE:ROW:COLUMN as readRows would.
 */

/** Returns the cell's value, or INVALID to let the zod schema decide. */
export type FastCell = (cell: Cell) => unknown;
export const INVALID: unique symbol = Symbol('invalid');

const blank = (v: Cell) => v === null || (typeof v === 'string' && v.trim() === '');

/** The plain numbers SAP writes ("21", "0,5", "3.25"): read without toNumber's general cleaning, to the same value. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const number = (v: Cell): number | null => (typeof v === 'string' && PLAIN_NUMBER.test(v) ? Number(v.replace(',', '.')) : toNumber(v));

export function fastText(optional = false): FastCell {
  return (v) => (blank(v) ? (optional ? null : INVALID) : cellToText(v));
}

export function fastInteger(min: number, max: number, optional = false): FastCell {
  return (v) => {
    if (blank(v)) return optional ? null : INVALID;
    const n = number(v);
    return n !== null && Number.isInteger(n) && n >= min && n <= max ? n : INVALID;
  };
}

export function fastDecimal(min: number): FastCell {
  return (v) => {
    if (blank(v)) return INVALID;
    const n = number(v);
    return n !== null && n >= min ? n : INVALID;
  };
}

/** `lookup` maps lower-case spellings (codes and aliases) to the code, as code() in cells.ts does. */
export function fastCode(lookup: ReadonlyMap<string, string>): FastCell {
  return (v) => lookup.get(cellToText(v).toLowerCase()) ?? INVALID;
}

/**
 * Calls `onRow` with every valid row, in file order. A callback rather than
 * an async generator: one more generator layer costs a promise per row.
 */
export async function validateRows<S extends Record<string, CellSchema<unknown>>>(
  table: Table,
  spec: TableSpec<S>,
  columns: ReadonlyMap<string, number>,
  fast: { [K in keyof S]: FastCell },
  diagnostics: Diagnostics,
  onRow: (row: ValidRow<RowOf<S>>) => void,
): Promise<void> {
  const schema = z.object(spec.columns);
  const keys = Object.keys(spec.columns);
  const indexes = keys.map((key) => columns.get(key));
  const parsers = keys.map((key) => fast[key]!);
  let problems = 0;
  try {
    for await (const { row, cells } of table.rows()) {
      const value: Record<string, unknown> = {};
      let ok = true;
      for (let i = 0; i < keys.length; i++) {
        const index = indexes[i];
        const parsed = parsers[i]!(index === undefined ? null : (cells[index] ?? null));
        if (parsed === INVALID) {
          ok = false;
          break;
        }
        value[keys[i]!] = parsed;
      }
      if (ok) {
        onRow({ row, value: value as RowOf<S> });
        continue;
      }
      const input: Record<string, Cell> = {};
      keys.forEach((key, i) => {
        const index = indexes[i];
        input[key] = index === undefined ? null : (cells[index] ?? null);
      });
      const result = schema.safeParse(input);
      if (result.success) {
        onRow({ row, value: result.data as RowOf<S> });
        continue;
      }
      for (const issue of result.error.issues) {
        problems++;
        if (problems > MAX_PROBLEMS_PER_FILE) continue;
        const key = String(issue.path[0] ?? '');
        const index = columns.get(key);
        diagnostics.error(table.file, issue.message, row, index === undefined ? key : table.header[index]);
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    diagnostics.error(table.file, error.message, error.row);
  }
  if (problems > MAX_PROBLEMS_PER_FILE) diagnostics.error(table.file, messages.moreProblems(problems - MAX_PROBLEMS_PER_FILE));
}

/**
 * Counts the problems a source finds itself (unknown unit, unknown code) so a
 * national file with one wrong code in every row lists a readable number of them.
 */
export class ProblemLimit {
  private count = 0;
  constructor(private readonly file: string, private readonly diagnostics: Diagnostics) {}

  /** True while problems should still be listed one by one. */
  next(): boolean {
    this.count++;
    return this.count <= MAX_PROBLEMS_PER_FILE;
  }

  finish(): void {
    if (this.count > MAX_PROBLEMS_PER_FILE) this.diagnostics.error(this.file, messages.moreProblems(this.count - MAX_PROBLEMS_PER_FILE));
  }
}
