import type { Metrics } from '../metrics/types.js';
import { SUPPRESSED, type Sheet, type Value } from './sheets.js';
import { tablesXlsx } from './tables-xlsx.js';
import { workerAnswer } from './worker-answer.js';

/**
 * tables.xlsx made on another thread: exceljs takes about as long to load
 * and write the workbook as the report's HTML takes to render, and a build
 * has two cores. The sheets cross to the worker as plain data (the
 * suppression symbol as a marker). Run from the TypeScript sources (the
 * tests), where there is no compiled worker, it is made on this thread.
 */
export interface XlsxJob {
  bytes: Promise<Uint8Array>;
  /** Stops a job whose workbook will not be written (the workspace turned out invalid). */
  cancel(): void;
}

const WORKER = new URL('./tables-xlsx-worker.js', import.meta.url);
const MARKER = { suppressed: true } as const;

export interface XlsxWorkerData {
  metrics: Metrics;
  sheets: { name: string; columns: Sheet['columns']; rows: (Exclude<Value, typeof SUPPRESSED> | typeof MARKER)[][] }[];
  date: Date;
}

export function tablesXlsxJob(metrics: Metrics, sheets: readonly Sheet[], date: Date): XlsxJob {
  const data: XlsxWorkerData = {
    metrics,
    sheets: sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) => row.map((value) => (value === SUPPRESSED ? MARKER : value))),
    })),
    date,
  };
  const job = workerAnswer<Uint8Array>(WORKER, data, 'tables.xlsx');
  const bytes = job?.answer ?? tablesXlsx(metrics, sheets, date);
  bytes.catch(() => undefined);
  return { bytes, cancel: () => job?.stop() };
}

/** The sheets as the worker received them, the suppression marker back to the symbol. */
export function sheetsFromWorker(data: XlsxWorkerData): Sheet[] {
  return data.sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) =>
      row.map((value) => (value !== null && typeof value === 'object' ? SUPPRESSED : value)),
    ),
  }));
}
