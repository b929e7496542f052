import { messages } from '../messages.js';
import type ExcelJS from 'exceljs';
import { readSimpleWorkbook, type SimpleSheet } from './xlsx-simple.js';
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
 * dates and numbers keep their types. A plain workbook (an export) is read by
 * the fast reader of xlsx-simple.ts; anything else by exceljs, loaded only then.
 */
export async function openXlsx(file: string, bytes: Uint8Array, layout: TableLayout = {}): Promise<Table> {
  const simple = readSimpleWorkbook(bytes);
  return sheetTable(file, simple ? simple.map(simpleSheet) : await exceljsSheets(bytes), layout);
}

/** The workbook read by exceljs: whatever the fast reader leaves (and, in tests, what it must agree with). */
export async function openWithExceljs(file: string, bytes: Uint8Array, layout: TableLayout = {}): Promise<Table> {
  return sheetTable(file, await exceljsSheets(bytes), layout);
}

/** What a table needs of a sheet, from exceljs or from the fast reader. */
type SheetCell = Cell | { problem: string };

interface SheetCells {
  name: string;
  /** exceljs's columnCount and rowCount. */
  columnCount: number;
  rowCount: number;
  /** Cells 1 to `width` of a row, normalised; a cell without a value to read says why. */
  cells(row: number, width: number): SheetCell[];
  /** The rows that hold a value, in order. */
  rowsWithValues(): number[];
}

function sheetTable(file: string, worksheets: readonly SheetCells[], layout: TableLayout): Table {
  const names = worksheets.map((s) => s.name);
  const candidates = layout.sheet
    ? worksheets.filter((s) => s.name.trim().toLowerCase() === layout.sheet!.trim().toLowerCase())
    : layout.isHeader && layout.headerRow === undefined
      ? worksheets
      : worksheets.slice(0, 1);
  if (candidates.length === 0) {
    throw new UnreadableFileError(layout.sheet ? messages.noSuchSheet(layout.sheet, names) : messages.noSheet());
  }
  for (const sheet of candidates) {
    const headerRow = layout.headerRow ?? findHeaderRow(sheet, layout.isHeader);
    if (headerRow === null) continue;
    const problems: CellProblem[] = [];
    const header = textCells(sheet, headerRow, sheet.columnCount);
    if (header.every((h) => h === '')) throw new UnreadableFileError(messages.noXlsxHeader(headerRow), headerRow);
    const rows: TableRow[] = [];
    for (const number of sheet.rowsWithValues()) {
      if (number <= headerRow) continue;
      const cells = readable(sheet.cells(number, header.length), number, header, problems);
      if (!cells.every(isBlank)) rows.push({ row: number, cells });
    }
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
function findHeaderRow(sheet: SheetCells, isHeader: TableLayout['isHeader']): number | null {
  if (!isHeader) return 1;
  for (let number = 1; number <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); number++) {
    if (isHeader(textCells(sheet, number, sheet.columnCount))) return number;
  }
  return null;
}

function textCells(sheet: SheetCells, row: number, width: number): string[] {
  // Only a header is looked for here: a cell without a value reads as empty, and is reported if it is in the table.
  return readable(sheet.cells(row, width), row, [], []).map((c) => (c === null ? '' : cellText(c)).trim());
}

interface CellProblem {
  row: number;
  column: string;
  message: string;
}

const MAX_CELL_PROBLEMS = 200;

/**
 * A row's cells with each cell that has no value to read (a
 * formula never calculated) noted in `problems` and read as empty.
 */
function readable(cells: SheetCell[], row: number, header: readonly string[], problems: CellProblem[]): Cell[] {
  return cells.map((cell, i) => {
    if (typeof cell !== 'object' || cell === null || cell instanceof Date) return cell;
    if (problems.length < MAX_CELL_PROBLEMS)
      problems.push({ row, column: header[i] || columnLetter(i + 1) + row, message: cell.problem });
    return null;
  });
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function simpleSheet(sheet: SimpleSheet): SheetCells {
  return {
    name: sheet.name,
    columnCount: sheet.width,
    rowCount: sheet.rowCount,
    cells: (number, width) => {
      const row = sheet.rows.get(number);
      return Array.from({ length: width }, (_, i) => row?.get(i + 1) ?? null);
    },
    rowsWithValues: () =>
      [...sheet.rows]
        .filter(([, cells]) => [...cells.values()].length > 0)
        .map(([number]) => number)
        .sort((a, b) => a - b),
  };
}

async function exceljsSheets(bytes: Uint8Array): Promise<SheetCells[]> {
  // Loaded on demand (a second of start-up): most workbooks never need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(messages.notXlsx());
  }
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    get columnCount() {
      return sheet.columnCount;
    },
    get rowCount() {
      return sheet.rowCount;
    },
    cells: (number, width) => {
      const row = sheet.getRow(number);
      const cells: SheetCell[] = [];
      for (let i = 1; i <= width; i++) cells.push(normalise(row.getCell(i).value));
      return cells;
    },
    rowsWithValues: () => {
      const numbers: number[] = [];
      sheet.eachRow({ includeEmpty: false }, (_row, number) => numbers.push(number));
      return numbers;
    },
  }));
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
  return {
    sheets: (await exceljsSheets(bytes)).map((sheet) => {
      const rows: TableRow[] = [];
      for (let number = 1; number <= Math.min(count, sheet.rowCount); number++)
        rows.push({ row: number, cells: readable(sheet.cells(number, sheet.columnCount), number, [], []) });
      return { name: sheet.name, rows };
    }),
  };
}
