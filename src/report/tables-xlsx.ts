import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Metrics } from '../metrics/types.js';
import { looksLikeFormula, SUPPRESSED, SUPPRESSED_TEXT, text, type Kind, type Sheet, type Value } from './sheets.js';

/**
 * tables.xlsx: the data behind every table and figure of the report, one
 * sheet each, built from metrics.json (not scraped from the HTML) so it holds
 * exactly the figures the report shows, unrounded. Number formats use Excel's
 * locale-neutral codes, so Excel shows `4,5 %` and `1 744` in a Norwegian locale.
 */

/** Percent values are 0–100 already: a literal "%" rather than Excel's ×100 percent format. */
const PERCENT_FORMAT = '0.0 "%"';
const COUNT_FORMAT = '#,##0';
/** Text format: Excel keeps what is typed over such a cell as text too. */
const TEXT_FORMAT = '@';

/** The first sheet: what the workbook is. A workbook needs a sheet even when no source was given. */
function aboutSheet(metrics: Metrics): Sheet {
  return {
    name: 'Om tabellene',
    columns: [text('Felt'), text('Verdi')],
    rows: [
      ['Institusjon', metrics.institution],
      ['Rapportår', String(metrics.year)],
      [
        'Innhold',
        'Tallene bak tabellene og figurene i HMS-rapporten, ett ark per tabell eller figur (samme tall som i metrics.json).',
      ],
      ['Prosent', 'Prosentverdier er uavrundede; rapporten avrunder ved visning.'],
      [SUPPRESSED_TEXT, 'Sykefravær for en gruppe med for få personer vises ikke (personvern).'],
    ],
  };
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

function writeCell(cell: ExcelJS.Cell, value: Value, kind: Kind): void {
  if (value === null) return;
  if (value === SUPPRESSED) {
    cell.value = SUPPRESSED_TEXT;
    cell.alignment = { horizontal: 'right' };
    return;
  }
  if (typeof value === 'number') {
    cell.value = value;
    cell.numFmt = kind === 'percent' ? PERCENT_FORMAT : Number.isInteger(value) ? COUNT_FORMAT : '0.0';
    return;
  }
  // A string is written as a shared-string cell, never as a formula; text that
  // looks like one also gets the text format, so editing the cell keeps it text.
  cell.value = value;
  if (looksLikeFormula(value)) cell.numFmt = TEXT_FORMAT;
}

/**
 * The workbook's bytes: the about sheet, then the sources' sheets in report
 * order. Deterministic: the document dates are the build's report date (as
 * the PDF's), and the zip is rewritten with fixed entry dates, since exceljs
 * stamps each entry with the current time.
 */
export async function tablesXlsx(metrics: Metrics, sheets: readonly Sheet[], date: Date): Promise<Uint8Array> {
  // Loaded on demand: only a build writes a workbook. The Workbook class alone, since the package's entry also
  // loads its streaming reader and writer (unzipper and its kin): a seventh of a second of every build, never used.
  const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  const workbook = new Workbook();
  workbook.creator = 'hms-report';
  workbook.lastModifiedBy = 'hms-report';
  workbook.created = date;
  workbook.modified = date;
  for (const sheet of [aboutSheet(metrics), ...sheets]) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.getRow(1);
    sheet.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      writeCell(cell, column.header, 'text');
      cell.font = { bold: true };
      ws.getColumn(i + 1).width = Math.min(
        60,
        Math.max(
          10,
          column.header.length + 2,
          ...sheet.rows.map((r) => (typeof r[i] === 'string' ? (r[i] as string).length + 2 : 0)),
        ),
      );
    });
    sheet.rows.forEach((row, r) => {
      const target = ws.getRow(r + 2);
      row.forEach((value, c) => writeCell(target.getCell(c + 1), value, sheet.columns[c]!.kind));
    });
  }
  // Stored, not compressed: the entries are compressed once, below.
  const raw = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  const zip = await JSZip.loadAsync(raw);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    fixed.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
