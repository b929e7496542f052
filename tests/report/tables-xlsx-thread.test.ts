import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * tables.xlsx made on a worker thread gives the bytes made on this one. The
 * worker exists only compiled (dist/, which `npm ci` builds); from the
 * TypeScript sources the build makes the workbook on its own thread.
 */
const compiled = new URL('../../dist/report/tables-xlsx-thread.js', import.meta.url);

describe.skipIf(!existsSync(compiled))('tables.xlsx on a worker thread', () => {
  it('gives the same bytes as on the main thread, suppressed cells included', async () => {
    const thread = await import(compiled.href);
    const { tablesXlsx } = await import(new URL('../../dist/report/tables-xlsx.js', import.meta.url).href);
    const { SUPPRESSED } = await import(new URL('../../dist/report/sheets.js', import.meta.url).href);
    const metrics = { schemaVersion: 1, year: 2025, institution: 'Testuniversitetet', units: {} };
    const sheets = [
      {
        name: 'Sykefravær',
        columns: [
          { header: 'Enhet', kind: 'text' },
          { header: 'Prosent', kind: 'percent' },
          { header: 'Personer', kind: 'count' },
        ],
        rows: [
          ['IE', 4.5, 120],
          ['HF', SUPPRESSED, null],
        ],
      },
    ];
    const date = new Date(Date.UTC(2026, 0, 1));
    const job = thread.tablesXlsxJob(metrics, sheets, date);
    expect(Buffer.from(await job.bytes)).toEqual(Buffer.from(await tablesXlsx(metrics, sheets, date)));
  });
});
