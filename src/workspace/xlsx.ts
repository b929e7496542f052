import { messages } from '../messages.js';
import type ExcelJS from 'exceljs';
import { readSimpleWorkbook, type SimpleSheet } from './xlsx-simple.js';
import {
  HEADER_SEARCH_ROWS,
  isBlank,
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
interface SheetCells {
  name: string;
  /** exceljs's columnCount and rowCount. */
  columnCount: number;
  rowCount: number;
  /** Cells 1 to `width` of a row, normalised. */
  cells(row: number, width: number): Cell[];
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
    const header = textCells(sheet, headerRow, sheet.columnCount);
    if (header.every((h) => h === '')) throw new UnreadableFileError(messages.noXlsxHeader(headerRow), headerRow);
    const rows: TableRow[] = [];
    for (const number of sheet.rowsWithValues()) {
      if (number <= headerRow) continue;
      const cells = sheet.cells(number, header.length);
      if (!cells.every(isBlank)) rows.push({ row: number, cells });
    }
    return {
      file,
      header,
      headerRow,
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
  return sheet.cells(row, width).map((c) => (c === null ? '' : cellText(c)).trim());
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
      const cells: Cell[] = [];
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

function normalise(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return normalise((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

function cellText(cell: Cell): string {
  return cell instanceof Date ? cell.toISOString() : String(cell);
}
