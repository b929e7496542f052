import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../src/cli/main.js';
import type { Table, TableLayout, TableRow } from '../../src/workspace/table.js';
import { openWithExceljs, openXlsx } from '../../src/workspace/xlsx.js';
import { readSimpleWorkbook } from '../../src/workspace/xlsx-simple.js';

async function all(table: Table): Promise<{ header: string[]; rows: TableRow[] }> {
  const rows: TableRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return { header: table.header, rows };
}

/** Both readers on the same bytes: the fast one must give exactly what exceljs gives. */
async function agree(bytes: Uint8Array, fast = true, layout: TableLayout = {}) {
  expect(readSimpleWorkbook(bytes) !== null).toBe(fast);
  const expected = await all(await openWithExceljs('t.xlsx', bytes, layout));
  expect(await all(await openXlsx('t.xlsx', bytes, layout))).toEqual(expected);
  return expected;
}

async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Ark1'), book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('the fast XLSX reader', () => {
  it('reads the sample workbooks exactly as exceljs does, sheet by name and header below title rows included', async () => {
    const absence = readFileSync(join(SAMPLES_DIR, 'Rapportsenter/Sykefravær 2023–2025.xlsx'));
    const isHeader = (cells: readonly string[]) => cells.includes('Stillingskode');
    const { rows } = await agree(absence, true, { sheet: 'Sykefravær', isHeader });
    expect(rows.length).toBeGreaterThan(10_000);
    await agree(absence, true, { isHeader });
    await agree(readFileSync(join(SAMPLES_DIR, 'survey/2023.xlsx')));
  });

  it('agrees on dates, numbers, booleans, rich text, escapes, styled blanks and rows wider than the header', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['id', 'dato', 'tall', 'ja', 'tekst & <mer>', '']);
      sheet.addRow(['a', new Date(Date.UTC(2025, 0, 31)), 1.5, true, 'æøå "sitat" \'x\'']);
      sheet.addRow([
        'b',
        45000.25,
        -3,
        false,
        { richText: [{ text: 'fet ', font: { bold: true } }, { text: 'og vanlig' }] },
      ]);
      sheet.addRow(['c', null, null, null, 'linje\nto\ttab', 'utenfor', 'enda lenger']);
      sheet.addRow([]);
      sheet.addRow(['  ', '', null]);
      sheet.addRow(['d', 'tekst_x0041_', 0, 1, '  mellomrom  ']);
      sheet.getCell('B3').numFmt = 'dd.mm.yyyy';
      sheet.getCell('C2').numFmt = '0.0 "%"';
      sheet.getCell('F9').numFmt = 'yyyy';
      sheet.getCell('H2').numFmt = '0.00';
      sheet.getCell('I10').value = 'langt nede';
    });
    const { header, rows } = await agree(bytes);
    expect(header.slice(0, 5)).toEqual(['id', 'dato', 'tall', 'ja', 'tekst & <mer>']);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 7, 10]);
  });

  it('leaves a workbook with an Excel error to exceljs, which reports the cell', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['id', 'tall']);
      sheet.addRow(['a', { error: '#N/A' }]);
    });
    expect(readSimpleWorkbook(bytes)).toBeNull();
    await expect(openXlsx('t.xlsx', bytes)).rejects.toMatchObject({
      cells: [expect.objectContaining({ row: 2, column: 'tall', message: expect.stringContaining('#N/A') })],
    });
  });

  it('finds a sheet by name and a header below title rows as exceljs does', async () => {
    const bytes = await workbook((front, book) => {
      front.addRow(['Rapportsenteret']);
      const data = book.addWorksheet('Data');
      data.addRow(['Hendelser 2025']);
      data.addRow([]);
      data.addRow(['Saksnr', 'Enhet', 'Dato']);
      data.addRow(['1', 'IE-IDI', new Date(Date.UTC(2025, 2, 1))]);
      data.getCell('C4').numFmt = 'dd.mm.yyyy';
    });
    const isHeader = (cells: readonly string[]) => cells.includes('Saksnr');
    expect((await agree(bytes, true, { sheet: 'data' })).header[0]).toBe('Hendelser 2025');
    expect((await agree(bytes, true, { isHeader })).rows).toHaveLength(1);
    expect((await agree(bytes, true, { sheet: 'Data', headerRow: 3 })).header).toEqual(['Saksnr', 'Enhet', 'Dato']);
    await expect(openXlsx('t.xlsx', bytes, { sheet: 'Ingen' })).rejects.toThrow(/Ingen/);
  });

  it('reads a 1904 workbook’s dates as exceljs does', async () => {
    const bytes = await workbook((sheet, book) => {
      book.properties.date1904 = true;
      sheet.addRow(['dato']);
      sheet.addRow([new Date(Date.UTC(2024, 5, 1))]);
    });
    await agree(bytes);
  });

  it('leaves formulas, merged cells and links to exceljs', async () => {
    await agree(
      await workbook((sheet) => {
        sheet.addRow(['a', 'b']);
        sheet.addRow([1, { formula: 'A2+1', result: 2 }]);
      }),
      false,
    );
    await agree(
      await workbook((sheet) => {
        sheet.addRow(['a', 'b']);
        sheet.addRow(['x', 'y']);
        sheet.mergeCells('A2:B2');
      }),
      false,
    );
    await agree(
      await workbook((sheet) => {
        sheet.addRow(['a']);
        sheet.addRow([{ text: 'lenke', hyperlink: 'https://example.org' }]);
      }),
      false,
    );
  });

  it('leaves what is not a workbook to exceljs, which says so', async () => {
    expect(readSimpleWorkbook(new TextEncoder().encode('id;navn\n1;a\n'))).toBeNull();
    await expect(openXlsx('t.xlsx', new TextEncoder().encode('id;navn\n1;a\n'))).rejects.toThrow(
      /not an Excel workbook/,
    );
  });
});
