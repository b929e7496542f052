import type { TextEncodingName } from './encoding.js';

/** A cell as read: CSV gives text; XLSX also gives numbers, dates and booleans. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The line (CSV) or sheet row (XLSX) a person sees. */
  row: number;
  /** Aligned with the header; shorter rows are padded with null. */
  cells: Cell[];
}

export interface Table {
  /** Path relative to the workspace, forward slashes. */
  file: string;
  /** Header cells as written, trimmed; for an export read through imports.yaml, the contract's names. */
  header: string[];
  /** The header as written in the file, where `header` holds the contract's names: what messages show. */
  labels?: string[];
  /** The header's row; rows() yields only the rows below it. */
  headerRow: number;
  rows(): AsyncIterable<TableRow>;
  /** A CSV file on disk, read as is (no imports.yaml mapping): a reader may split it across threads. */
  origin?: CsvOrigin;
  /** The same rows in batches, where the reader can give them so: far fewer promises for a file of millions of rows. */
  batches?(): AsyncIterable<TableRow[]>;
}

export interface CsvOrigin {
  /** The file's absolute path. */
  path: string;
  encoding: TextEncodingName;
  delimiter: string;
}

/** Thrown by a reader for a file it cannot read at all (broken quoting, not a workbook). */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly row?: number,
  ) {
    super(message);
  }
}

/** Where the header of an export is, for files that do not start with it (imports.yaml). */
export interface TableLayout {
  /** The workbook's sheet, by name; default the first (or the first where `isHeader` finds a header). */
  sheet?: string;
  /** The header's row as Excel or an editor shows it; default row 1, or the first that `isHeader` accepts. */
  headerRow?: number;
  /** Recognises the header row among the first rows, so title rows above it are passed over. */
  isHeader?: (cells: readonly string[]) => boolean;
  /** A CSV's delimiter when the reader knows it better than detection (a tab-separated file whose header texts hold commas). */
  delimiter?: string;
}

/** How many rows from the top a header is looked for in. */
export const HEADER_SEARCH_ROWS = 30;

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
