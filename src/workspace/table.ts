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
  /** Header cells as written, trimmed. */
  header: string[];
  /** The header's row; rows() yields only the rows below it. */
  headerRow: number;
  rows(): AsyncIterable<TableRow>;
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
