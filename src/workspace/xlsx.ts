import { messages } from '../messages.js';
import ExcelJS from 'exceljs';
import {
  HEADER_SEARCH_ROWS,
  isBlank,
  newCoverage,
  UnreadableFileError,
  type Cell,
  type Table,
  type TableLayout,
  type TableRow,
} from './table.js';

/**
 * A sheet of a workbook as a table: by default the first sheet with its header
 * in row 1; `layout` names the sheet or the header row, or finds the header
 * below title rows (a report-centre workbook with a front sheet). Excel's
 * dates and numbers keep their types.
 */
export async function openXlsx(file: string, bytes: Uint8Array, layout: TableLayout = {}): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(messages.notXlsx());
  }
  const names = workbook.worksheets.map((s) => s.name);
  const candidates = layout.sheet
    ? workbook.worksheets.filter((s) => s.name.trim().toLowerCase() === layout.sheet!.trim().toLowerCase())
    : layout.isHeader && layout.headerRow === undefined
      ? workbook.worksheets
      : workbook.worksheets.slice(0, 1);
  if (candidates.length === 0) {
    throw new UnreadableFileError(layout.sheet ? messages.noSuchSheet(layout.sheet, names) : messages.noSheet());
  }
  for (const sheet of candidates) {
    const headerRow = layout.headerRow ?? findHeaderRow(sheet, layout.isHeader);
    if (headerRow === null) continue;
    const problems: CellProblem[] = [];
    const header = rowCells(sheet.getRow(headerRow), sheet.columnCount, problems, []).map((c) =>
      (c === null ? '' : cellText(c)).trim(),
    );
    if (header.every((h) => h === '')) throw new UnreadableFileError(messages.noXlsxHeader(headerRow), headerRow);
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number <= headerRow) return;
      const cells = rowCells(row, header.length, problems, header);
      if (!cells.every(isBlank)) rows.push({ row: number, cells });
    });
    // A formula Excel never calculated, or one that gave an error, has no value to read: each is reported at its cell.
    if (problems.length > 0)
      throw new UnreadableFileError(messages.xlsxCellsWithoutValue(problems.length), undefined, problems);
    const coverage = newCoverage(file, headerRow);
    coverage.rows = rows.length;
    return {
      file,
      header,
      headerRow,
      coverage,
      rows: async function* () {
        yield* rows;
      },
    };
  }
  throw new UnreadableFileError(messages.noHeaderFound(layout.sheet ? [layout.sheet] : names, HEADER_SEARCH_ROWS));
}

/** Row 1, or with `isHeader` the first of the top rows it accepts; null when none is. */
function findHeaderRow(sheet: ExcelJS.Worksheet, isHeader: TableLayout['isHeader']): number | null {
  if (!isHeader) return 1;
  for (let number = 1; number <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); number++) {
    if (isHeader(textCells(sheet.getRow(number), sheet.columnCount))) return number;
  }
  return null;
}

function textCells(row: ExcelJS.Row, width: number): string[] {
  // Only a header is looked for here: a cell without a value reads as empty, and is reported if it is in the table.
  return rowCells(row, width, [], []).map((c) => (c === null ? '' : cellText(c)).trim());
}

interface CellProblem {
  row: number;
  column: string;
  message: string;
}

const MAX_CELL_PROBLEMS = 200;

function rowCells(row: ExcelJS.Row, width: number, problems: CellProblem[], header: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 1; i <= width; i++) {
    const cell = row.getCell(i);
    const value = normalise(cell.value);
    if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      if (problems.length < MAX_CELL_PROBLEMS)
        problems.push({ row: row.number, column: header[i - 1] || cell.address, message: value.problem });
      cells.push(null);
    } else cells.push(value);
  }
  return cells;
}

/** A cell's value as the tables read it, or the problem that keeps it from having one. */
function normalise(value: ExcelJS.CellValue): Cell | { problem: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const written = value as { formula?: string; sharedFormula?: string };
      const formula = String(written.formula ?? written.sharedFormula);
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result === undefined || result === null) return { problem: messages.formulaWithoutValue(formula) };
      const read = normalise(result as ExcelJS.CellValue);
      if (typeof read === 'object' && read !== null && !(read instanceof Date))
        return { problem: messages.formulaError(formula, read.problem) };
      return read;
    }
    if ('error' in value) return { problem: messages.excelError(String(value.error)) };
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('text' in value && typeof value.text === 'object') return normalise(value.text as ExcelJS.CellValue);
  }
  return { problem: messages.unreadableCell() };
}

function cellText(cell: Cell): string {
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/** The top rows of each sheet of a workbook, for `hms-report inspect` and the hints for a file nothing read. */
export interface XlsxPeek {
  sheets: { name: string; rows: TableRow[] }[];
}

export async function peekXlsx(bytes: Uint8Array, count = HEADER_SEARCH_ROWS): Promise<XlsxPeek> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(messages.notXlsx());
  }
  return {
    sheets: workbook.worksheets.map((sheet) => {
      const rows: TableRow[] = [];
      for (let number = 1; number <= Math.min(count, sheet.rowCount); number++)
        rows.push({ row: number, cells: rowCells(sheet.getRow(number), sheet.columnCount, [], []) });
      return { name: sheet.name, rows };
    }),
  };
}
