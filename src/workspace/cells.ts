import { messages } from '../messages.js';
import { z } from 'zod';
import { isBlank, type Cell } from './table.js';

/**
 * zod schemas for one cell each, accepting what CSV and XLSX give (text,
 * numbers, Excel dates) and returning the typed value. Their messages are
 * what the user reads after `FILE:ROW:COLUMN:`.
 */

export type CellSchema<T> = z.ZodType<T, Cell>;

function cell<T>(
  parse: (value: Cell, fail: (message: string) => never) => T,
  optional: boolean,
  empty: T,
): CellSchema<T> {
  return z.custom<Cell>().transform((value, ctx) => {
    if (isBlank(value)) {
      if (optional) return empty;
      ctx.addIssue({ code: 'custom', message: messages.emptyCell() });
      return z.NEVER;
    }
    try {
      return parse(value, (message) => {
        throw new CellIssue(message);
      });
    } catch (error) {
      if (!(error instanceof CellIssue)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  }) as unknown as CellSchema<T>;
}

class CellIssue extends Error {}

export function text(): CellSchema<string>;
export function text(options: { optional: true }): CellSchema<string | null>;
export function text(options: { optional?: boolean } = {}): CellSchema<string | null> {
  return cell((v) => cellToText(v), options.optional ?? false, null);
}

export function integer(options: { optional: true; min?: number; max?: number }): CellSchema<number | null>;
export function integer(options?: { min?: number; max?: number }): CellSchema<number>;
export function integer(options: { optional?: boolean; min?: number; max?: number } = {}): CellSchema<number | null> {
  return cell(
    (v, fail) => {
      const n = toNumber(v);
      if (n === null || !Number.isInteger(n)) return fail(`"${show(v)}" is not a whole number`);
      return inRange(n, options, fail);
    },
    options.optional ?? false,
    null,
  );
}

export function decimal(options: { optional: true; min?: number }): CellSchema<number | null>;
export function decimal(options?: { min?: number }): CellSchema<number>;
export function decimal(options: { optional?: boolean; min?: number } = {}): CellSchema<number | null> {
  return cell(
    (v, fail) => {
      const n = toNumber(v);
      if (n === null) return fail(`"${show(v)}" is not a number`);
      return inRange(n, options, fail);
    },
    options.optional ?? false,
    null,
  );
}

/** A calendar date as `YYYY-MM-DD`. */
export function date(options: { optional: true }): CellSchema<string | null>;
export function date(): CellSchema<string>;
export function date(options: { optional?: boolean } = {}): CellSchema<string | null> {
  return cell(
    (v, fail) => {
      const parsed = toDateTime(v);
      if (parsed === null) return fail(`"${show(v)}" is not a date (use YYYY-MM-DD or DD.MM.YYYY)`);
      // A timestamp's date is the one written, whatever its zone: 2026-01-01T00:30+01:00 is a case of 2026.
      if (typeof v === 'string' && ISO_TIMESTAMP.test(v.trim())) return v.trim().slice(0, 10);
      return new Date(parsed).toISOString().slice(0, 10);
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
      if (parsed === null) return fail(`"${show(v)}" is not a date or timestamp`);
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
      if (found === undefined) return fail(`"${show(v)}" is not one of ${list}`);
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

/** Decimal comma or point; spaces (also non-breaking) as thousands separators. */
export function toNumber(value: Cell): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  let s = value
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  if (comma >= 0 && point >= 0) {
    s = comma > point ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return null;
    s = s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
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

function show(value: Cell): string {
  return value instanceof Date ? value.toISOString() : String(value).trim();
}
