import { parentPort, workerData } from 'node:worker_threads';
import { Diagnostics } from '../../errors.js';
import { rangeBatches } from '../../workspace/csv.js';
import type { Table } from '../../workspace/table.js';
import type { IngestJob, IngestResult, PartialCell } from './parallel.js';
import { normalisePositionCode } from './position-codes.js';
import { absenceSpec, fastAbsence } from './read.js';
import { validateRows } from './rows.js';

// One worker of parallel.ts: parses, validates and aggregates one byte range of absence.csv.
const job = workerData as IngestJob;
let trusted = true;
const untrusted = () => {
  trusted = false;
};
const table: Table = {
  file: job.file,
  header: job.header,
  headerRow: job.headerRow,
  rows: () => {
    throw new Error('the ingest worker reads batches');
  },
  batches: () => rangeBatches(job.origin, job.start, job.end, job.headerRow, job.header.length, untrusted),
};
const diagnostics = new Diagnostics();
const units = new Set<string>();
const positions = new Set<string>();
const cells = new Map<string, PartialCell>();
const required = [job.form === 'person' ? 'employee_id' : 'persons', job.monthly ? 'month' : 'quarter'] as const;

await validateRows(table, absenceSpec, new Map(job.columns), fastAbsence, diagnostics, ({ value }) => {
  // The same checks as readAbsence, in the same order; the register and the codes are checked by the caller.
  if (required.some((key) => value[key] === null)) return untrusted();
  units.add(`${value.year}|${value.unit_id}`);
  const positionCode = normalisePositionCode(value.position_code);
  positions.add(positionCode);
  if (value.self_certified_days + value.doctor_certified_days > value.agreed_days + 1e-9) return untrusted();
  if (value.year < job.firstYear || value.year > job.reportYear) return;
  const month = job.monthly ? value.month! : 0;
  const quarter = job.monthly ? Math.ceil(month / 3) : value.quarter!;
  const cellMonth = job.form === 'aggregated' ? month : 0;
  const key = `${value.year}|${quarter}|${cellMonth}|${value.unit_id}|${value.gender}|${positionCode}`;
  let cell = cells.get(key);
  if (!cell) {
    cell = {
      year: value.year,
      quarter,
      month: cellMonth,
      unit: value.unit_id,
      gender: value.gender as PartialCell['gender'],
      positionCode,
      agreed: 0,
      self: 0,
      doctor: 0,
      persons: 0,
      ids: job.form === 'person' ? [] : null,
    };
    cells.set(key, cell);
  }
  cell.agreed += value.agreed_days;
  cell.self += value.self_certified_days;
  cell.doctor += value.doctor_certified_days;
  if (cell.ids) {
    if (cell.ids.length < job.cap && !cell.ids.includes(value.employee_id!)) cell.ids.push(value.employee_id!);
  } else {
    cell.persons += value.persons ?? 0;
  }
});
if (diagnostics.items.length > 0) trusted = false;
const result: IngestResult = trusted
  ? { trusted, units: [...units], positions: [...positions], cells: [...cells] }
  : { trusted, units: [], positions: [], cells: [] };
parentPort!.postMessage(result);
