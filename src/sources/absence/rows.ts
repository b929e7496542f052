import type { Diagnostics } from '../../errors.js';
import { cellToText, isNumeric, toNumber, type CellSchema } from '../../workspace/cells.js';
import {
  ProblemLimit,
  reportBrokenFile,
  rowChecker,
  type RowOf,
  type TableSpec,
  type ValidRow,
} from '../../workspace/rows.js';
import { isBlank, type Cell, type Table, type TableRow } from '../../workspace/table.js';

/**
 * A faster twin of readRows for files of millions of rows (sick leave): rows
 * in batches to a callback, not one promise each, and each cell through a
 * parser written for what SAP writes, built from the same primitives as the
 * zod cell schemas (toNumber, cellToText). A row any of them rejects is
 * handed to readRows' own check (rowChecker), so the zod schema stays the
 * definition: it decides, and its messages are the ones reported, at the
 * same FILE:ROW:COLUMN.
 */

/** Returns the cell's value, or INVALID to let the zod schema decide. */
export type FastCell = (cell: Cell) => unknown;
const INVALID: unique symbol = Symbol('invalid');

/** The plain numbers SAP writes ("21", "0,5", "3.25"): read without toNumber's general cleaning, to the same value. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const number = (v: Cell): number | null =>
  typeof v === 'string' && PLAIN_NUMBER.test(v) ? Number(v.replace(',', '.')) : toNumber(v);

export function fastText(optional = false): FastCell {
  return (v) => (isBlank(v) ? (optional ? null : INVALID) : cellToText(v));
}

export function fastInteger(min: number, max: number, optional = false): FastCell {
  return (v) => {
    if (isBlank(v)) return optional ? null : INVALID;
    const n = number(v);
    return n !== null && Number.isInteger(n) && n >= min && n <= max ? n : INVALID;
  };
}

export function fastDecimal(min: number): FastCell {
  return (v) => {
    if (isBlank(v)) return INVALID;
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
  const keys = Object.keys(spec.columns);
  const indexes = keys.map((key) => columns.get(key));
  const parsers = keys.map((key) => fast[key]!);
  const numeric = keys.map((key) => isNumeric(spec.columns[key]!));
  const headers = indexes.map((index) => (index === undefined ? '' : table.header[index]!));
  const limit = new ProblemLimit(table.file, diagnostics);
  const check = rowChecker(table, spec, columns, limit, diagnostics);
  const one = ({ row, cells }: TableRow) => {
    const value: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const index = indexes[i];
      const parsed = parsers[i]!(index === undefined ? null : (cells[index] ?? null));
      if (parsed === INVALID) {
        const checked = check(row, cells);
        if (checked !== null) onRow({ row, value: checked });
        return;
      }
      value[keys[i]!] = parsed;
    }
    // The decimal marks are judged when the file ends (the zod path notes them itself).
    for (let i = 0; i < keys.length; i++)
      if (numeric[i] && indexes[i] !== undefined) limit.numbers.note(cells[indexes[i]!] ?? null, row, headers[i]!);
    onRow({ row, value: value as RowOf<S> });
  };
  try {
    if (table.batches) {
      for await (const batch of table.batches()) for (const row of batch) one(row);
    } else {
      for await (const row of table.rows()) one(row);
    }
  } catch (error) {
    reportBrokenFile(error, table, diagnostics);
  }
  limit.finish();
}
