import { messages } from '../messages.js';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { decode, decoderFor, detectEncoding, type TextEncodingName } from './encoding.js';
import {
  HEADER_SEARCH_ROWS,
  isBlank,
  newCoverage,
  UnreadableFileError,
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
  const records = () => parseRecords(open, encoding, delimiter);
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
  return { file, header, headerRow, coverage, rows: () => dataRows(records(), headerRow, header.length, coverage) };
}

/** The rows below the header, counted in `coverage` (a second pass over them does not count them twice). */
async function* dataRows(
  records: AsyncIterable<TableRow>,
  headerRow: number,
  width: number,
  coverage: FileCoverage,
): AsyncGenerator<TableRow> {
  let seen = 0;
  for await (const record of records) {
    if (record.row <= headerRow || record.cells.every(isBlank)) continue;
    while (record.cells.length < width) record.cells.push(null);
    if (++seen > coverage.rows) coverage.rows = seen;
    yield record;
  }
}

async function* parseRecords(
  open: () => AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  delimiter: string,
): AsyncGenerator<TableRow> {
  // Line numbers come from counting the line breaks in each record's raw text:
  // csv-parse's own `info` costs more than twice as much on a large export.
  // Empty lines are kept (and skipped by the caller) so that every line is counted.
  // A quote inside an unquoted field (a free-text answer in a tab-separated Nettskjema download) is text.
  const parser = Readable.from(decodeWithUnixLineEndings(open(), encoding)).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, raw: true, bom: true }),
  );
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      let breaks = 0;
      for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) breaks++;
      // A record is reported at the line where it ends, as csv-parse counts it.
      const end = line + breaks - (raw.endsWith('\n') ? 1 : 0);
      line += breaks;
      yield { row: end, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: number }).lines;
      throw new UnreadableFileError(messages.notCsv(error.message.replace(/^[A-Za-z_]+: /, '')), lines);
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
      if (!(excelHint && next.value.row === 1)) records.push(next.value);
    }
  } catch (error) {
    // A file that breaks further down still shows its top.
    if (!(error instanceof UnreadableFileError) || records.length === 0) throw error;
  } finally {
    await iterator.return?.(undefined);
  }
  return { encoding, delimiter, records };
}
