import type { TableRow } from '../workspace/table.js';
import { cellToText } from '../workspace/cells.js';
import { editDistance, nearest, normalText } from './mapped-table.js';

/**
 * Recognising an export by its header: which workspace table's columns a row
 * of headers holds (by the contract's names and the sources' header hints),
 * whether it is a Nettskjema download, and which code an export's label
 * stands for. Used for the hint on a file nothing read and by
 * `hms-report inspect`.
 */

/** What recognition needs of a workspace table (the registry builds it from the source descriptors). */
export interface TableSignature {
  name: string;
  /** The contract's columns, in order. */
  columns: readonly string[];
  /** Columns a file may lack. */
  optional: readonly string[];
  /** Groups of alternatives: each needs one of its columns. */
  oneOf: readonly (readonly string[])[];
  hints: Readonly<Record<string, readonly string[]>>;
  codes: Readonly<Record<string, readonly string[]>>;
  codeHints: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  multiValued: readonly string[];
  /** What the reader makes of a value in a column (its code, for an alias it accepts); null when it refuses it. */
  check(column: string, value: string): unknown;
}

/** How a header was matched to a contract column, best first. */
export type MatchKind = 'name' | 'hint' | 'words';

export interface ColumnMatch {
  column: string;
  /** The header's index in the row. */
  index: number;
  /** The header as written. */
  header: string;
  kind: MatchKind;
}

export interface Recognition {
  table: string;
  /** 0–1: how much of what the table needs the header holds. */
  score: number;
  matches: ColumnMatch[];
  /** Needed columns (of one-of groups, the first) the header lacks. */
  missing: string[];
}

/** Nettskjema's own columns: the classic download's and API v3's. */
export const NETTSKJEMA_CLASSIC = ['NR', 'Opprettet', 'Endret', 'Svartid'];
export const NETTSKJEMA_API = ['$submission_id', '$created', '$answer_time_ms'];

/** The words of a text, compared: lower case, letters and digits. */
export function words(value: string): string[] {
  return normalText(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const WEIGHT: Record<MatchKind, number> = { name: 1, hint: 1, words: 0.6 };

interface PreparedColumn {
  column: string;
  /** The name with spaces for its underscores. */
  spaced: string;
  hints: { text: string; words: string[]; joined: string }[];
}

/**
 * A table's columns and hints as matchHeader compares them, made once per
 * signature: a file nothing read has up to 30 rows tried as a header against
 * every table, and each header cell against every hint.
 */
const prepared = new WeakMap<TableSignature, PreparedColumn[]>();

function preparedColumns(signature: TableSignature): PreparedColumn[] {
  let columns = prepared.get(signature);
  if (!columns) {
    columns = signature.columns.map((column) => ({
      column,
      spaced: column.replace(/_/g, ' '),
      hints: (signature.hints[column] ?? []).map((hint) => {
        const hinted = words(hint);
        return { text: normalText(hint), words: hinted, joined: hinted.join(' ') };
      }),
    }));
    prepared.set(signature, columns);
  }
  return columns;
}

/**
 * Each contract column matched to at most one header and each header to at
 * most one column: the contract's own name first, then a hint written out,
 * then a hint's words found among the header's (`Dato` in `Skadedato` is not,
 * in `Dato for skaden` it is); a longer hint wins over a shorter.
 */
export function matchHeader(header: readonly string[], signature: TableSignature): Recognition {
  const candidates: { column: string; index: number; kind: MatchKind; length: number }[] = [];
  const columns = preparedColumns(signature);
  header.forEach((written, index) => {
    const text = normalText(written);
    if (text === '') return;
    const own = words(written);
    const ownJoined = own.join(' ');
    for (const { column, spaced, hints } of columns) {
      if (text === column || text === spaced) {
        candidates.push({ column, index, kind: 'name', length: 100 });
        continue;
      }
      for (const hint of hints) {
        if (hint.text === text || hint.joined === ownJoined)
          candidates.push({ column, index, kind: 'hint', length: hint.words.length });
        else if (hint.words.length > 0 && hint.words.every((w) => own.includes(w)))
          candidates.push({ column, index, kind: 'words', length: hint.words.length });
      }
    }
  });
  candidates.sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind] || b.length - a.length || a.index - b.index);
  const matches: ColumnMatch[] = [];
  const taken = new Set<number>();
  for (const c of candidates) {
    if (taken.has(c.index) || matches.some((m) => m.column === c.column)) continue;
    taken.add(c.index);
    matches.push({ column: c.column, index: c.index, header: header[c.index]!.trim(), kind: c.kind });
  }
  matches.sort((a, b) => a.index - b.index);
  const weightOf = (column: string) => {
    const match = matches.find((m) => m.column === column);
    return match ? WEIGHT[match.kind] : 0;
  };
  const grouped = new Set(signature.oneOf.flat());
  const required = signature.columns.filter((c) => !signature.optional.includes(c) && !grouped.has(c));
  let got = required.reduce((sum, c) => sum + weightOf(c), 0);
  for (const group of signature.oneOf) got += Math.max(...group.map(weightOf));
  const needed = required.length + signature.oneOf.length;
  const missing = [
    ...required.filter((c) => weightOf(c) === 0),
    ...signature.oneOf.filter((g) => g.every((c) => weightOf(c) === 0)).map((g) => g[0]!),
  ];
  return { table: signature.name, score: needed === 0 ? 0 : got / needed, matches, missing };
}

/** A header recognised as one of the tables: at least half of what it needs and two columns; the best of them. */
export function recognise(header: readonly string[], signatures: readonly TableSignature[]): Recognition[] {
  return signatures
    .map((signature) => matchHeader(header, signature))
    .filter((r) => r.score >= 0.5 && r.matches.length >= 2)
    .sort((a, b) => b.score - a.score || b.matches.length - a.matches.length);
}

/** Nettskjema's own columns found in a header (none: not a Nettskjema download). */
export function nettskjemaMarkers(header: readonly string[]): string[] {
  const texts = header.map((h) => h.trim());
  const api = NETTSKJEMA_API.filter((m) => texts.includes(m));
  if (api.length > 0) return api;
  const classic = NETTSKJEMA_CLASSIC.filter((m) => texts.some((t) => normalText(t) === normalText(m)));
  return classic.length >= 2 ? classic : [];
}

export interface FoundHeader {
  /** The sheet's index among the peeked ones. */
  sheet: number;
  /** The header's row (line). */
  row: number;
  header: string[];
  /** The tables it may be, best first; empty when none. */
  tables: Recognition[];
  /** Nettskjema's columns in it; empty when none. */
  nettskjema: string[];
}

/**
 * The header among the top rows of each sheet: the row recognised best as a
 * table or as a Nettskjema download; when none is, the first of the widest
 * rows (title rows above a header are narrower).
 */
export function findHeader(
  sheets: readonly { rows: readonly TableRow[] }[],
  signatures: readonly TableSignature[],
): FoundHeader | null {
  let best: FoundHeader | null = null;
  let bestScore = -1;
  let widest: FoundHeader | null = null;
  let widestCount = 0;
  sheets.forEach((sheet, index) => {
    for (const record of sheet.rows) {
      const header = record.cells.map((c) => (c === null ? '' : cellToText(c)).trim());
      const filled = header.filter((h) => h !== '').length;
      if (filled === 0) continue;
      const found: FoundHeader = { sheet: index, row: record.row, header, tables: [], nettskjema: [] };
      if (filled > widestCount) {
        widest = found;
        widestCount = filled;
      }
      found.nettskjema = nettskjemaMarkers(header);
      found.tables = recognise(header, signatures);
      const score = found.nettskjema.length > 0 ? 2 : (found.tables[0]?.score ?? 0);
      if (score > bestScore && score > 0) {
        best = found;
        bestScore = score;
      }
    }
  });
  return best ?? widest;
}

/** What an export's label stands for among a column's codes; `how` says how sure that is. */
export interface LabelMatch {
  code: string | null;
  how: 'code' | 'words' | 'near' | 'none' | 'ambiguous';
  /** The codes that tied, when ambiguous. */
  tied?: string[];
}

/**
 * The code an export's label stands for: the code itself (any case and
 * spacing); else the code or one of its hints whose words the label holds
 * (`Farlig forhold / observasjon` holds `farlig forhold`; a word of three or
 * more letters also as the start of the label's word: `uke` in `uken`), the
 * most words winning and a tie left open; else a close spelling.
 */
export function matchLabel(
  label: string,
  codes: readonly string[],
  hints: Readonly<Record<string, readonly string[]>> = {},
): LabelMatch {
  const text = normalText(label);
  const exact = codes.find((c) => normalText(c) === text || normalText(c.replace(/_/g, ' ')) === text);
  if (exact !== undefined) return { code: exact, how: 'code' };
  const own = words(label);
  const holds = (w: string) => own.some((o) => o === w || (w.length >= 3 && o.startsWith(w)));
  let bestLength = 0;
  let best: string[] = [];
  for (const code of codes) {
    for (const phrase of [code.replace(/_/g, ' '), ...(hints[code] ?? [])]) {
      const needed = words(phrase);
      if (needed.length === 0 || !needed.every(holds)) continue;
      if (needed.length > bestLength) {
        bestLength = needed.length;
        best = [code];
      } else if (needed.length === bestLength && !best.includes(code)) best.push(code);
    }
  }
  if (best.length === 1) return { code: best[0]!, how: 'words' };
  if (best.length > 1) return { code: null, how: 'ambiguous', tied: best };
  const phrases = codes.flatMap((code) => [code, ...(hints[code] ?? [])].map((phrase) => ({ code, phrase })));
  const close = nearest(
    label,
    phrases.map((p) => p.phrase),
  );
  if (close !== null) {
    const distance = editDistance(text, normalText(close));
    if (distance <= Math.max(1, Math.floor(text.length / 5)))
      return { code: phrases.find((p) => p.phrase === close)!.code, how: 'near' };
  }
  return { code: null, how: 'none' };
}
