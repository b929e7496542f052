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
  ) {
    super(message);
  }
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
