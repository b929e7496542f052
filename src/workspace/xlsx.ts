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
  const problems: CellProblem[] = [];
  const header = rowCells(sheet.getRow(1), sheet.columnCount, problems, []).map((c) =>
    (c === null ? '' : cellText(c)).trim(),
  );
  if (header.every((h) => h === '')) throw new UnreadableFileError(messages.noXlsxHeader(), 1);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = rowCells(row, header.length, problems, header);
    if (!cells.every(isBlank)) rows.push({ row: number, cells });
  });
  // A formula Excel never calculated, or one that gave an error, has no value to read: each is reported at its cell.
  if (problems.length > 0)
    throw new UnreadableFileError(messages.xlsxCellsWithoutValue(problems.length), undefined, problems);
  return {
    file,
    header,
    headerRow: 1,
    rows: async function* () {
      yield* rows;
    },
  };
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
