import { messages } from '../messages.js';
import ExcelJS from 'exceljs';
import { isBlank, UnreadableFileError, type Cell, type Table, type TableRow } from './table.js';

/** The first sheet of a workbook, header in row 1. Excel's dates and numbers keep their types. */
export async function openXlsx(file: string, bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(messages.notXlsx());
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError(messages.noSheet());
  const header = rowCells(sheet.getRow(1), sheet.columnCount).map((c) => (c === null ? '' : cellText(c)).trim());
  if (header.every((h) => h === '')) throw new UnreadableFileError(messages.noXlsxHeader(), 1);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = rowCells(row, header.length);
    if (!cells.every(isBlank)) rows.push({ row: number, cells });
  });
  return {
    file,
    header,
    headerRow: 1,
    rows: async function* () {
      yield* rows;
    },
  };
}

function rowCells(row: ExcelJS.Row, width: number): Cell[] {
  const cells: Cell[] = [];
  for (let i = 1; i <= width; i++) cells.push(normalise(row.getCell(i).value));
  return cells;
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
