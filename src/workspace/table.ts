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
  /** What became of the file's rows, counted as they are read (validate's coverage lines). */
  coverage?: FileCoverage;
  /** A CSV file on disk, read as is (no imports.yaml mapping): a reader may split it across threads. */
  origin?: CsvOrigin;
  /** The same rows in batches, where the reader can give them so: far fewer promises for a file of millions of rows. */
  batches?(): AsyncIterable<TableRow[]>;
}

/**
 * One table file's rows as read: how many lay below the header, and how many
 * were passed over and why. Rows with problems are counted from the
 * diagnostics at the end, so a reader need not count them.
 */
export interface FileCoverage {
  file: string;
  /** The workspace table or source that read it (`incidents`, `survey`); set by the registry. */
  source?: string;
  headerRow: number;
  /** Data rows below the header (blank rows not counted). */
  rows: number;
  /** Rows passed over before validation, by reason (`sum`, `unmapped`). */
  skipped: Record<string, number>;
  /** Rows passed over that already carry an error of their own (not counted again as rows with errors). */
  skippedWithError: Set<number>;
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
    /** Further problems at their own cells (formula cells of a workbook without a value), each reported. */
    readonly cells: readonly { row: number; column: string; message: string }[] = [],
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
  /**
   * A CSV's delimiter when the reader knows it better than detection
   * (a tab-separated file whose header texts hold commas).
   */
  delimiter?: string;
}

/** How many rows from the top a header is looked for in. */
export const HEADER_SEARCH_ROWS = 30;

/** A table file's coverage before any row is read. */
export function newCoverage(file: string, headerRow: number): FileCoverage {
  return { file, headerRow, rows: 0, skipped: {}, skippedWithError: new Set() };
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A workspace file that cannot be used at all (a folder where a file should
 * be, a link that loops or leads out of the workspace, mixed encodings in a
 * YAML or Markdown file): reported at the file, the rest of the workspace
 * still checked (see guardFile).
 */
export class WorkspaceFileError extends UnreadableFileError {
  constructor(
    readonly file: string,
    message: string,
    row?: number,
  ) {
    super(message, row);
  }
}
