import { clip, messages } from '../messages.js';
import { z } from 'zod';
import { isBlank, type Cell } from './table.js';

/**
 * zod schemas for one cell each, accepting what CSV and XLSX give (text,
 * numbers, Excel dates) and returning the typed value. Their messages are
 * what the user reads after `FILE:ROW:COLUMN:`.
 */

export type CellSchema<T> = z.ZodType<T, Cell>;

/** What a cell's plain parser returns where its schema would report an issue. */
export const INVALID: unique symbol = Symbol('invalid cell');

/**
 * Each cell schema's parse without zod: the value the schema gives, or
 * INVALID where it reports an issue. A zod object schema costs several times
 * a row's own parsing, so rowChecker tries this first and leaves to zod only
 * the rows with a problem, whose messages it gives.
 */
const PLAIN = new WeakMap<object, (value: Cell) => unknown>();

export function plainParser(schema: CellSchema<unknown>): ((value: Cell) => unknown) | undefined {
  return PLAIN.get(schema);
}

function cell<T>(
  parse: (value: Cell, fail: (message: string) => never) => T,
  optional: boolean,
  empty: T,
): CellSchema<T> {
  const fail = (message: string): never => {
    throw new CellIssue(message);
  };
  const schema = z.custom<Cell>().transform((value, ctx) => {
    if (isBlank(value)) {
      if (optional) return empty;
      ctx.addIssue({ code: 'custom', message: messages.emptyCell() });
      return z.NEVER;
    }
    try {
      return parse(value, fail);
    } catch (error) {
      if (!(error instanceof CellIssue)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  }) as unknown as CellSchema<T>;
  PLAIN.set(schema, (value) => {
    if (isBlank(value)) return optional ? empty : INVALID;
    try {
      return parse(value, fail);
    } catch (error) {
      if (!(error instanceof CellIssue)) throw error;
      return INVALID;
    }
  });
  return schema;
}

class CellIssue extends Error {}

/** A cell schema whose value goes on through `map` (zod's transform), with a plain parser that does the same. */
export function mapped<T, U>(schema: CellSchema<T>, map: (value: T) => U): CellSchema<U> {
  const result = schema.transform(map) as unknown as CellSchema<U>;
  const plain = PLAIN.get(schema);
  if (plain)
    PLAIN.set(result, (value) => {
      const parsed = plain(value);
      return parsed === INVALID ? INVALID : map(parsed as T);
    });
  return result;
}

export function text(): CellSchema<string>;
export function text(options: { optional: true }): CellSchema<string | null>;
export function text(options: { optional?: boolean } = {}): CellSchema<string | null> {
  return cell((v) => cellToText(v), options.optional ?? false, null);
}

export function integer(options: { optional: true; min?: number; max?: number }): CellSchema<number | null>;
export function integer(options?: { min?: number; max?: number }): CellSchema<number>;
export function integer(options: { optional?: boolean; min?: number; max?: number } = {}): CellSchema<number | null> {
  return numeric(
    cell(
      (v, fail) => {
        const n = toNumber(v);
        if (n === null) return fail(numberProblem(v) ?? messages.notWholeNumber(show(v)));
        if (!Number.isInteger(n)) return fail(messages.notWholeNumber(show(v)));
        return inRange(n, options, fail);
      },
      options.optional ?? false,
      null,
    ),
  );
}

/**
 * A calendar year in the plausible window (see plausibleYears): `year`
 * columns of the exports, which decide the years a figure runs over.
 */
export function calendarYear(): CellSchema<number>;
export function calendarYear(options: { optional: true }): CellSchema<number | null>;
export function calendarYear(options: { optional?: boolean } = {}): CellSchema<number | null> {
  return numeric(
    cell(
      (v, fail) => {
        const n = toNumber(v);
        if (n === null || !Number.isInteger(n)) return fail(numberProblem(v) ?? messages.notWholeNumber(show(v)));
        const { first, last } = plausibleYears();
        if (n < first || n > last) return fail(messages.implausibleYear(n, first, last));
        return n;
      },
      options.optional ?? false,
      null,
    ),
  );
}

export function decimal(options: { optional: true; min?: number }): CellSchema<number | null>;
export function decimal(options?: { min?: number }): CellSchema<number>;
export function decimal(options: { optional?: boolean; min?: number } = {}): CellSchema<number | null> {
  return numeric(
    cell(
      (v, fail) => {
        const n = toNumber(v);
        if (n === null) return fail(numberProblem(v) ?? messages.notNumber(show(v)));
        return inRange(n, options, fail);
      },
      options.optional ?? false,
      null,
    ),
  );
}

const NUMERIC = new WeakSet<object>();

function numeric<T>(schema: CellSchema<T>): CellSchema<T> {
  NUMERIC.add(schema);
  return schema;
}

/** Whether a column holds numbers, whose decimal mark must agree with the rest of its file (see DecimalMarks). */
export function isNumeric(schema: CellSchema<unknown>): boolean {
  return NUMERIC.has(schema);
}

/**
 * The years a date or a year in an export may fall in: from 2000 to the year
 * after the current one. A date outside them is a typing or export error
 * (Excel's day 0 is 1900-01-00, a two-digit year becomes 0025), and would
 * stretch every figure over a century. The report year has the same window.
 */
export const FIRST_PLAUSIBLE_YEAR = 2000;
export function plausibleYears(now: Date = new Date()): { first: number; last: number } {
  return { first: FIRST_PLAUSIBLE_YEAR, last: now.getUTCFullYear() + 1 };
}

/** Numbers larger than this are refused: sums of them stay exact and finite (below 2^53). */
export const LARGEST_NUMBER = 1e12;

/** A calendar date as `YYYY-MM-DD`. */
export function date(options: { optional: true }): CellSchema<string | null>;
export function date(): CellSchema<string>;
export function date(options: { optional?: boolean } = {}): CellSchema<string | null> {
  return cell(
    (v, fail) => {
      const parsed = toDateTime(v);
      if (parsed === null) return fail(messages.notDate(show(v)));
      // A timestamp's date is the one written, whatever its zone: 2026-01-01T00:30+01:00 is a case of 2026.
      const written =
        typeof v === 'string' && ISO_TIMESTAMP.test(v.trim())
          ? v.trim().slice(0, 10)
          : new Date(parsed).toISOString().slice(0, 10);
      return plausible(written, fail);
    },
    options.optional ?? false,
    null,
  );
}

/** A moment, as milliseconds since 1970 (times without a zone are read as UTC, which keeps their order). */
export function timestamp(): CellSchema<number> {
  return cell(
    (v, fail) => {
      const parsed = toDateTime(v);
      if (parsed === null) return fail(messages.notTimestamp(show(v)));
      plausible(new Date(parsed).toISOString().slice(0, 10), fail);
      return parsed;
    },
    false,
    0,
  );
}

/**
 * One of a fixed set of codes, matched case-insensitively after trimming.
 * `aliases` maps other spellings (lower case) to a code.
 */
export function code<const C extends string>(
  codes: readonly C[],
  options: { optional: true; aliases?: Record<string, C> },
): CellSchema<C | null>;
export function code<const C extends string>(
  codes: readonly C[],
  options?: { aliases?: Record<string, C> },
): CellSchema<C>;
export function code<const C extends string>(
  codes: readonly C[],
  options: { optional?: boolean; aliases?: Record<string, C> } = {},
): CellSchema<C | null> {
  const lookup = new Map<string, C>(codes.map((c) => [c.toLowerCase(), c]));
  for (const [alias, target] of Object.entries(options.aliases ?? {})) lookup.set(alias.toLowerCase(), target);
  const list = codes.map((c) => `"${c}"`).join(', ');
  return cell(
    (v, fail) => {
      const found = lookup.get(cellToText(v).toLowerCase());
      if (found === undefined) return fail(messages.notOneOf(show(v), list));
      return found;
    },
    options.optional ?? false,
    null,
  );
}

export function cellToText(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * Decimal comma or point, one of them; spaces (also non-breaking) as
 * thousands separators. A comma or point is always the decimal mark: "1.234,5"
 * and "1,234.5" are refused (a file must hold one decimal convention, and
 * DecimalMarks checks that its values agree). Null for anything else, for a
 * value that is not finite and for one beyond ±LARGEST_NUMBER.
 */
export function toNumber(value: Cell): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= LARGEST_NUMBER ? value : null;
  if (typeof value !== 'string') return null;
  let s = value
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  if (s.includes(',')) {
    if (s.includes('.') || s.indexOf(',') !== s.lastIndexOf(',')) return null;
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= LARGEST_NUMBER ? n : null;
}

/** Why toNumber refused a value that looks like a number, or null when it does not look like one. */
function numberProblem(value: Cell): string | null {
  if (typeof value === 'number') return messages.numberTooLarge(String(value), LARGEST_NUMBER);
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^[-+\u2212]?[\d.,]+$/.test(s) && s.includes(',') && s.includes('.'))
    return messages.twoDecimalMarks(show(value));
  if (/^[-+\u2212]?(\d+[.,]?\d*|[.,]\d+)([eE][-+]?\d+)?$/.test(s))
    return messages.numberTooLarge(show(value), LARGEST_NUMBER);
  return null;
}

/** The decimal mark of a number written as text, or null when it has none (or is not a plain number). */
export function decimalMarkOf(value: Cell): ',' | '.' | null {
  if (typeof value !== 'string') return null;
  const comma = value.indexOf(',');
  const point = value.indexOf('.');
  if (comma < 0 === point < 0) return null;
  return comma >= 0 ? ',' : '.';
}

/** "114,000": a mark followed by exactly three digits, which might be a thousands separator. */
const AMBIGUOUS = /^[-+\u2212]?[1-9]\d{0,2}[.,]\d{3}$/;

interface MarkSeen {
  count: number;
  /** Whether a value with this mark is unambiguous (not only values like "114,000"). */
  confirmed: boolean;
  /** The first cells written with this mark, as many as a message would list. */
  cells: { row: number; column: string; value: string }[];
}

/** Cells kept per mark: more than the problems a file lists (rows.ts). */
const KEPT_CELLS = 250;

/**
 * The decimal marks of one file's numbers, counted while it is read (both
 * marks read to the same value, so nothing is lost by reading first). When
 * the file ends, a file that used both has the mark of most of its numbers,
 * and each number with the other one ("117.80" among decimal-comma rows) is
 * an error at its cell. A file whose marked numbers all look like "114,000"
 * (114, or 114 000?) is ambiguous, reported at the first of them.
 */
export class DecimalMarks {
  private readonly seen: Record<',' | '.', MarkSeen> = {
    ',': { count: 0, confirmed: false, cells: [] },
    '.': { count: 0, confirmed: false, cells: [] },
  };
  private firstMark: ',' | '.' | null = null;

  /** Notes a numeric cell's mark, if it has one. */
  note(value: Cell, row: number, column: string): void {
    const mark = decimalMarkOf(value);
    if (mark === null) return;
    const text = (value as string).trim().replace(/[\s\u00a0\u202f]/g, '');
    const seen = this.seen[mark];
    this.firstMark ??= mark;
    seen.count++;
    if (!seen.confirmed && !AMBIGUOUS.test(text)) seen.confirmed = true;
    if (seen.cells.length < KEPT_CELLS) seen.cells.push({ row, column, value: text });
  }

  /** The problems of the file once it is read: the cells against its mark, or its ambiguity. */
  finish(): { row: number; column: string; message: string }[] {
    const comma = this.seen[','];
    const point = this.seen['.'];
    if (comma.count === 0 && point.count === 0) return [];
    const mark: ',' | '.' = comma.count === point.count ? this.firstMark! : comma.count > point.count ? ',' : '.';
    const main = this.seen[mark];
    const other = mark === ',' ? point : comma;
    const first = main.cells[0]!;
    const problems = other.cells.map((cell) => ({
      row: cell.row,
      column: cell.column,
      message: messages.otherDecimalMark(
        clip(cell.value),
        mark === ',' ? '.' : ',',
        main.count,
        first.value,
        first.row,
        first.column,
      ),
    }));
    if (problems.length === 0 && !main.confirmed)
      problems.push({ row: first.row, column: first.column, message: messages.ambiguousNumber(first.value) });
    return problems;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NORWEGIAN_TIMESTAMP = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;

/** Milliseconds since 1970 for the contract's date forms, or null. */
function toDateTime(value: Cell): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return excelSerial(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = ISO_DATE.exec(s);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!);
  m = NORWEGIAN_DATE.exec(s);
  if (m) return utc(+m[3]!, +m[2]!, +m[1]!);
  m = ISO_TIMESTAMP.exec(s);
  if (m) {
    const base = utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), Number(`0.${m[7] ?? 0}`) * 1000);
    if (base === null) return null;
    const zone = m[8];
    if (!zone || zone.toUpperCase() === 'Z') return base;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return base - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  m = NORWEGIAN_TIMESTAMP.exec(s);
  if (m) return utc(+m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  return null;
}

/** Excel's day count (1900 system) for a number in a date column. */
function excelSerial(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return Math.round((serial - 25569) * 86_400_000);
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | null {
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(t);
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  return t;
}

function inRange(n: number, options: { min?: number; max?: number }, fail: (message: string) => never): number {
  if (options.min !== undefined && n < options.min)
    return fail(`${n} is below the smallest allowed value, ${options.min}`);
  if (options.max !== undefined && n > options.max)
    return fail(`${n} is above the largest allowed value, ${options.max}`);
  return n;
}

function plausible(isoDate: string, fail: (message: string) => never): string {
  const year = Number(isoDate.slice(0, 4));
  const { first, last } = plausibleYears();
  if (year < first || year > last) return fail(messages.implausibleDate(isoDate, first, last));
  return isoDate;
}

/** A cell's value as a message quotes it: clipped, so a 10 MB cell does not become a 10 MB line. */
function show(value: Cell): string {
  return clip(value instanceof Date ? value.toISOString() : String(value).trim());
}
