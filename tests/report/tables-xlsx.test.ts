import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Metrics } from '../../src/metrics/types.js';
import { tablesXlsx } from '../../src/report/tables-xlsx.js';
import { looksLikeFormula } from '../../src/report/sheets.js';
import { reportSheets } from '../../src/sources/registry.js';

const REPORT_DATE = new Date(Date.UTC(2026, 0, 1));

const zeros = { ikke_valgt: 0, ingen_liten_fare: 0, en_viss_fare: 0, farlig: 0, kritisk: 0, katastrofalt: 0 };

/** The contract's keys that tables.xlsx reads; the extension keys other parts add are left out on purpose. */
function metrics(): Metrics {
  const partial = {
    schemaVersion: 1 as const,
    year: 2025,
    institution: 'NTNU',
    units: { reporting: 71, responded: 71, names: { NV: 'Fakultet for naturvitenskap' } },
    survey: {
      questions: {
        hms_mal: {
          section: '6.1.3',
          theme: 'HMS-/arbeidsmiljømål',
          years: {
            '2024': { positive: 50, applicable: 70, missing: 0, percent: 71.42857142857143, light: 'yellow' },
            '2025': { positive: 60, applicable: 71, missing: 1, percent: 84.50704225352112, light: 'green' },
          },
        },
        ark_tiltak: {
          section: '6.1.4',
          theme: 'ARK',
          years: { '2025': { positive: 0, applicable: 0, missing: 0, percent: null, light: null } },
        },
        har_kjemikalier: {
          section: '6.1',
          theme: 'Har kjemikalier',
          report: false,
          years: { '2025': { positive: 38, applicable: 71, missing: 0, percent: 53.5, light: 'yellow' } },
        },
      },
    },
    incidents: {
      years: {
        '2025': { reported: 1744, closed: 1200, suggestions: 103, suggestionsClosed: 42, rejected: 3 },
      },
      byOrg: { NV: 200 },
      byCategory: { '=HYPERLINK("http://x","klikk")': 2, '-1+1': 1, '@SUM(A1)': 1, '+47': 1, Brann: 4 },
      severity: {
        person: { actual: { ...zeros, farlig: 9 }, potential: zeros },
        material: { actual: zeros, potential: zeros },
        environment: { actual: zeros, potential: zeros },
      },
    },
    absence: {
      years: {
        '2025': {
          total: 4.5123,
          self: 1.1,
          doctor: 3.4123,
          byGender: { K: 6.3, M: null },
          byQuarter: { '1': 4.9, '2': 4.1, '3': 3.8, '4': 4.7 },
          byGroup: { vitenskapelig: 3.1 },
          stipendiat: 5.3,
        },
      },
      byOrg: { '2025': { NV: 4.2 } },
      byUnit: { '2025': { 'NV-IKJ': null } },
      stipendiatByOrg: { '2025': { NV: 5 } },
    },
  };
  return partial as unknown as Metrics;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('tables.xlsx', () => {
  it('has a sheet per table and figure, with unrounded values and Norwegian-ready formats', async () => {
    const workbook = await load(await tablesXlsx(metrics(), reportSheets(metrics()), REPORT_DATE));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Om tabellene',
      'Undersøkelse 6.1.3',
      'Undersøkelse 6.1.4',
      'Hendelser per år',
      'Hendelser per org',
      'Hendelser per kategori',
      'Alvorlighetsgrad',
      'Sykefravær per år',
      'Sykefravær per kvartal',
      'Sykefravær per org',
      'Sykefravær per enhet',
      'Stipendiater per org',
    ]);
    const survey = workbook.getWorksheet('Undersøkelse 6.1.3')!;
    expect(survey.getRow(1).values).toEqual([
      undefined,
      'Tema',
      'Id',
      '2024 positive %',
      '2025 positive %',
      '2025 positive',
      '2025 besvart',
      '2025 ikke besvart',
      '2025 lys',
    ]);
    expect(survey.getCell('D2').value).toBe(84.50704225352112);
    expect(survey.getCell('D2').numFmt).toBe('0.0 "%"');
    expect(survey.getCell('H2').value).toBe('green');
    const perYear = workbook.getWorksheet('Hendelser per år')!;
    expect(perYear.getCell('B2').value).toBe(1744);
    expect(perYear.getCell('B2').numFmt).toBe('#,##0');
    expect(workbook.getWorksheet('Hendelser per org')!.getRow(2).values).toEqual([
      undefined,
      'NV',
      'Fakultet for naturvitenskap',
      200,
    ]);
  });
  it('shows suppressed sick leave as suppressed, never as a number', async () => {
    const workbook = await load(await tablesXlsx(metrics(), reportSheets(metrics()), REPORT_DATE));
    const year = workbook.getWorksheet('Sykefravær per år')!;
    expect(year.getRow(1).values).toContain('Menn %');
    const header = (year.getRow(1).values as unknown[]).indexOf('Menn %');
    expect(year.getRow(2).getCell(header).value).toBe('skjult');
    expect(workbook.getWorksheet('Sykefravær per enhet')!.getCell('C2').value).toBe('skjult');
  });
  it('never writes a cell Excel would run as a formula', async () => {
    const bytes = await tablesXlsx(metrics(), reportSheets(metrics()), REPORT_DATE);
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('xl/worksheets/sheet'))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(sheetXml.some((xml) => xml.includes('<f>') || xml.includes('<f '))).toBe(false);
    const workbook = await load(bytes);
    const categories = workbook.getWorksheet('Hendelser per kategori')!;
    const cells = [2, 3, 4, 5].map((r) => categories.getCell(`A${r}`));
    expect(cells.map((c) => c.value)).toEqual(['=HYPERLINK("http://x","klikk")', '-1+1', '@SUM(A1)', '+47']);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
    }
    expect(categories.getCell('A6').numFmt).toBeUndefined();
    expect(looksLikeFormula('\tx')).toBe(true);
    expect(looksLikeFormula('Brann')).toBe(false);
  });
  it('is byte for byte the same whenever it is built', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
    const first = await tablesXlsx(metrics(), reportSheets(metrics()), REPORT_DATE);
    vi.setSystemTime(new Date('2027-06-30T23:59:58Z'));
    const second = await tablesXlsx(metrics(), reportSheets(metrics()), REPORT_DATE);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const workbook = await load(first);
    expect(workbook.created.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
  it('leaves out the sheets of a source not given', async () => {
    const bare: Metrics = { schemaVersion: 1, year: 2025, institution: 'X', units: { reporting: 0, responded: 0 } };
    const workbook = await load(await tablesXlsx(bare, reportSheets(bare), REPORT_DATE));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Om tabellene']);
  });
});
