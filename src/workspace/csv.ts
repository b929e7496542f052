import { messages } from '../messages.js';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { decode, decoderFor, detectEncoding, type TextEncodingName } from './encoding.js';
import {
  HEADER_SEARCH_ROWS,
  isBlank,
  newCoverage,
  UnreadableFileError,
  type CsvOrigin,
  type FileCoverage,
  type Table,
  type TableLayout,
  type TableRow,
} from './table.js';

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * A CSV table read in streaming passes: one to tell UTF-8 from Windows-1252,
 * one over the first chunk for the delimiter and header, one to parse the rows.
 * None holds the file in memory. The header is the first line that is not
 * empty, or the line `layout` names or finds below title lines.
 */
export async function openCsv(
  file: string,
  open: () => AsyncIterable<Uint8Array>,
  layout: TableLayout = {},
  /** The file's path on disk, when `open` streams that very file. */
  path?: string,
): Promise<Table> {
  const encoding = await detectEncoding(open());
  const firstLines = await readFirstLines(
    open(),
    encoding,
    layout.headerRow ?? (layout.isHeader ? HEADER_SEARCH_ROWS : 1),
  );
  const firstLine = firstLines[0] ?? '';
  // Excel's "sep=;" first line names the delimiter; the header is the line after it.
  const excelHint = /^\uFEFF?sep=(.)\s*$/i.exec(firstLine);
  // Title lines above the header hold few delimiters: the header's own line decides.
  const delimiter = layout.delimiter ?? (excelHint ? excelHint[1]! : detectDelimiter(widestLine(firstLines)));
  const records = () => flatten(parseRecords(open, encoding, delimiter));
  const iterator = records()[Symbol.asyncIterator]();
  const isHeader = (record: TableRow) =>
    layout.headerRow !== undefined
      ? record.row === layout.headerRow
      : layout.isHeader
        ? layout.isHeader(record.cells.map((c) => String(c ?? '').trim()))
        : !record.cells.every(isBlank) && !(excelHint && record.row === 1);
  let first = await iterator.next();
  while (!first.done && !isHeader(first.value)) {
    if (layout.isHeader && first.value.row > HEADER_SEARCH_ROWS) {
      await iterator.return?.(undefined);
      throw new UnreadableFileError(messages.noCsvHeaderFound(HEADER_SEARCH_ROWS));
    }
    first = await iterator.next();
  }
  await iterator.return?.(undefined);
  if (first.done) {
    if (layout.isHeader) throw new UnreadableFileError(messages.noCsvHeaderFound(HEADER_SEARCH_ROWS));
    throw new UnreadableFileError(messages.emptyFile());
  }
  const header = first.value.cells.map((c) => String(c ?? '').trim());
  const headerRow = first.value.row;
  const coverage = newCoverage(file, headerRow);
  const batches = () => dataBatches(parseRecords(open, encoding, delimiter), headerRow, header.length, coverage);
  const origin = path && encoding !== 'utf-16le' && encoding !== 'utf-16be' ? { path, encoding, delimiter } : undefined;
  return { file, header, headerRow, coverage, rows: () => flatten(batches()), batches, origin };
}

/**
 * The data rows of a byte range of a CSV file that holds no quote (`quoted`
 * is called, and the rows stop, at the first quote: such a file is read whole,
 * since a quoted field may hold a line break). `start` and `end` are at line
 * starts; rows are numbered from the range's first line (the header's own
 * numbering for the range at the start of the file).
 */
export function rangeBatches(
  origin: CsvOrigin,
  start: number,
  end: number,
  headerRow: number,
  width: number,
  quoted: () => void,
): AsyncIterable<TableRow[]> {
  const bytes = async function* () {
    if (end <= start) return;
    for await (const chunk of createReadStream(origin.path, { start, end: end - 1, highWaterMark: 1 << 18 })) {
      if ((chunk as Buffer).includes(0x22)) {
        quoted();
        return;
      }
      yield chunk as Buffer;
    }
  };
  return dataBatches(parseRecords(bytes, origin.encoding, origin.delimiter), start === 0 ? headerRow : 0, width);
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/**
 * The data rows of each batch of records: below the header, not blank, padded
 * to the header's width; counted in `coverage` when given (a second pass over
 * them does not count them twice).
 */
async function* dataBatches(
  records: AsyncIterable<TableRow[]>,
  headerRow: number,
  width: number,
  coverage?: FileCoverage,
): AsyncGenerator<TableRow[]> {
  let seen = 0;
  for await (const batch of records) {
    const rows: TableRow[] = [];
    for (const record of batch) {
      if (record.row <= headerRow || record.cells.every(isBlank)) continue;
      while (record.cells.length < width) record.cells.push(null);
      rows.push(record);
    }
    seen += rows.length;
    if (coverage && seen > coverage.rows) coverage.rows = seen;
    if (rows.length > 0) yield rows;
  }
}

/** The file's records in batches (a chunk's lines at a time: a promise per row would cost more than the row). */
async function* parseRecords(
  open: () => AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  delimiter: string,
): AsyncGenerator<TableRow[]> {
  // Lines are split by hand while each field holds no quote or is quoted on one line (as an export that quotes
  // every field, or only those with a delimiter or a quote, writes them): csv-parse makes exactly those fields of
  // such a line, and is slower by far. From the first other line on, csv-parse reads the rest, since a quoted
  // field may hold line breaks.
  const text = decodeWithUnixLineEndings(open(), encoding)[Symbol.asyncIterator]();
  let carry = '';
  let line = 0;
  let start = true;
  for (;;) {
    const next = await text.next();
    if (next.done) break;
    let chunk = carry + next.value;
    if (start) {
      // csv-parse's `bom` option: a byte-order mark before the first field is not part of it.
      if (chunk.length === 0) continue;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      start = false;
    }
    const end = chunk.lastIndexOf('\n');
    const batch: TableRow[] = [];
    let at = 0;
    while (at <= end) {
      const newline = chunk.indexOf('\n', at);
      const cells = fieldsOf(chunk.slice(at, newline), delimiter);
      if (cells === null) break;
      batch.push({ row: ++line, cells });
      at = newline + 1;
    }
    if (batch.length > 0) yield batch;
    carry = chunk.slice(at);
    // Stopped at a line only csv-parse reads.
    if (at <= end) {
      yield* parseQuoted(carry, text, delimiter, line);
      return;
    }
  }
  if (carry === '') return;
  const cells = fieldsOf(carry, delimiter);
  if (cells === null) yield* parseQuoted(carry, text, delimiter, line);
  else yield [{ row: ++line, cells }];
}

/**
 * A line's fields when each holds no quote or is all quoted, its own quotes
 * doubled (`a;"b;c";"""d""";""`), as csv-parse reads them; null for any
 * other line (a quoted field that goes on to the next line among them).
 */
function fieldsOf(line: string, delimiter: string): string[] | null {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let close = line.indexOf('"', at + 1);
      // A quote inside a quoted field is written twice.
      while (close >= 0 && line[close + 1] === '"') close = line.indexOf('"', close + 2);
      if (close < 0) return null;
      const field = line.slice(at + 1, close);
      fields.push(field.includes('"') ? field.replaceAll('""', '"') : field);
      if (close + 1 === line.length) return fields;
      if (!line.startsWith(delimiter, close + 1)) return null;
      at = close + 1 + delimiter.length;
    } else {
      const next = line.indexOf(delimiter, at);
      const field = line.slice(at, next < 0 ? line.length : next);
      if (field.includes('"')) return null;
      fields.push(field);
      if (next < 0) return fields;
      at = next + delimiter.length;
    }
  }
}

/** csv-parse over the rest of the text, from the start of a line; `before` lines came before it. */
async function* parseQuoted(
  head: string,
  rest: AsyncIterator<string>,
  delimiter: string,
  before: number,
): AsyncGenerator<TableRow[]> {
  const source = async function* () {
    yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  };
  // Line numbers come from counting the line breaks in each record's raw text:
  // csv-parse's own `info` costs more than twice as much on a large export.
  // Empty lines are kept (and skipped by the caller) so that every line is counted.
  // A quote inside an unquoted field (a free-text answer in a tab-separated Nettskjema download) is text.
  const parser = Readable.from(source()).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, raw: true }),
  );
  let line = before + 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      let breaks = 0;
      for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) breaks++;
      // A record is reported at the line where it ends, as csv-parse counts it.
      const end = line + breaks - (raw.endsWith('\n') ? 1 : 0);
      line += breaks;
      yield [{ row: end, cells: record }];
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: number }).lines;
      // csv-parse counted from where it started: its line numbers, in the message too, move by the lines before.
      const detail = error.message
        .replace(/^[A-Za-z_]+: /, '')
        .replace(/\b(at|on) line (\d+)/g, (_, word: string, n: string) => `${word} line ${Number(n) + before}`);
      throw new UnreadableFileError(messages.notCsv(detail), lines === undefined ? undefined : lines + before);
    }
    throw error;
  }
}

/**
 * Decodes like decode(), turning CRLF and a lone CR into LF. csv-parse counts
 * a CRLF inside a quoted field (a free-text answer typed in a browser) as two
 * lines, and drifts in a file that mixes line endings, so rows would no longer
 * be the lines an editor shows. One generator, not two stacked, so records
 * reach the reader as promptly as before when a later part of the file breaks.
 */
async function* decodeWithUnixLineEndings(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  let carriedCr = false;
  const normal = (piece: string): string => {
    let text = carriedCr ? `\r${piece}` : piece;
    // A CR at the end of a piece may be the first half of a CRLF split across chunks.
    carriedCr = text.endsWith('\r');
    if (carriedCr) text = text.slice(0, -1);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  };
  for await (const chunk of chunks) {
    const text = normal(decoder.decode(chunk, { stream: true }));
    if (text) yield text;
  }
  const rest = normal(decoder.decode()) + (carriedCr ? '\n' : '');
  if (rest) yield rest;
}

/** The first `count` lines of the file (fewer when it is shorter), reading no further than they need. */
async function readFirstLines(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  count: number,
): Promise<string[]> {
  let text = '';
  for await (const piece of decode(chunks, encoding)) {
    text += piece;
    const lines = text.split(/\r?\n/);
    if (lines.length > count) return lines.slice(0, count);
    if (text.length > 1 << 20) break;
  }
  return text.split(/\r?\n/).slice(0, count);
}

/** The line with the most delimiter candidates: the header among title lines. */
function widestLine(lines: readonly string[]): string {
  const width = (line: string) => [...line].filter((c) => (DELIMITERS as readonly string[]).includes(c)).length;
  return lines.reduce((best, line) => (width(line) > width(best) ? line : best), lines[0] ?? '');
}

/** The candidate that splits the header line most often, counting only outside quotes. */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The top of a CSV file as the tool sees it: `hms-report inspect` and the hints for a file nothing read. */
export interface CsvPeek {
  encoding: TextEncodingName;
  delimiter: string;
  /** The first records, blank ones included, with their lines. */
  records: TableRow[];
}

/** Decodes and splits the first `count` records of a CSV file, reading no further. */
export async function peekCsv(open: () => AsyncIterable<Uint8Array>, count = HEADER_SEARCH_ROWS): Promise<CsvPeek> {
  const encoding = await detectEncoding(open());
  const firstLines = await readFirstLines(open(), encoding, count);
  const excelHint = /^\uFEFF?sep=(.)\s*$/i.exec(firstLines[0] ?? '');
  const delimiter = excelHint ? excelHint[1]! : detectDelimiter(widestLine(firstLines));
  const records: TableRow[] = [];
  const iterator = parseRecords(open, encoding, delimiter)[Symbol.asyncIterator]();
  try {
    for (let next = await iterator.next(); !next.done && records.length < count; next = await iterator.next()) {
      for (const record of next.value)
        if (!(excelHint && record.row === 1) && records.length < count) records.push(record);
    }
  } catch (error) {
    // A file that breaks further down still shows its top.
    if (!(error instanceof UnreadableFileError) || records.length === 0) throw error;
  } finally {
    await iterator.return?.(undefined);
  }
  return { encoding, delimiter, records };
}
