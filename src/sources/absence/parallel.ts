import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Diagnostics } from '../../errors.js';
import type { CsvOrigin } from '../../workspace/table.js';
import type { UnitRegister } from '../units/read.js';
import type { PositionCode } from './position-codes.js';
import { STIPENDIAT_CODE } from './position-codes.js';
import type { AbsenceCell, AbsenceForm, Gender } from './read.js';

/**
 * Sick leave at national scale on every core: the file is cut into byte
 * ranges at line starts, and a worker thread parses, validates and
 * aggregates each (ingest-worker.ts); the partial cells are merged here in
 * file order. Every row is still validated. The parts are trusted only when
 * nothing went wrong: a range holding a quote (a quoted field may hold a line
 * break, so the cuts may be wrong), any problem in any row, or a unit or
 * stillingskode the register does not know makes the caller read the file
 * again on one thread, which reports every problem at its FILE:ROW:COLUMN
 * exactly as before.
 */

/** Below this size one thread reads the file sooner than threads start. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
let minBytes = PARALLEL_MIN_BYTES;

/** For tests: the size from which files are read in parallel. */
export function setParallelMinBytes(bytes: number): void {
  minBytes = bytes;
}
const WORKER = new URL('./ingest-worker.js', import.meta.url);

/** What a worker is given. */
export interface IngestJob {
  origin: CsvOrigin;
  start: number;
  end: number;
  file: string;
  header: string[];
  headerRow: number;
  columns: [string, number][];
  form: AbsenceForm;
  monthly: boolean;
  cap: number;
  firstYear: number;
  reportYear: number;
}

/** A cell as a worker aggregated it, under the unit id as the file spells it. */
export interface PartialCell {
  year: number;
  quarter: number;
  month: number;
  unit: string;
  gender: Gender;
  positionCode: string;
  agreed: number;
  self: number;
  doctor: number;
  persons: number;
  ids: string[] | null;
}

/** What a worker gives back: null cells when its part cannot be trusted (see above). */
export interface IngestResult {
  trusted: boolean;
  /** `year|unit_id` of every row, to check against the register here. */
  units: string[];
  /** Every stillingskode, normalised. */
  positions: string[];
  cells: [string, PartialCell][];
}

export function canIngestInParallel(origin: CsvOrigin | undefined, size: number): origin is CsvOrigin {
  return (
    origin !== undefined &&
    size >= minBytes &&
    availableParallelism() > 1 &&
    // Run from the TypeScript sources (the tests) there is no compiled worker.
    existsSync(fileURLToPath(WORKER))
  );
}

export async function fileSize(origin: CsvOrigin | undefined): Promise<number> {
  return origin ? (await stat(origin.path)).size : 0;
}

/** Byte offsets cutting the file into `parts` ranges, each cut just after a line break. */
async function cuts(path: string, size: number, parts: number): Promise<number[]> {
  const handle = await open(path, 'r');
  try {
    const offsets = [0];
    const window = Buffer.alloc(1 << 16);
    for (let i = 1; i < parts; i++) {
      let at = Math.max(Math.floor((size * i) / parts), offsets.at(-1)!);
      for (;;) {
        const { bytesRead } = await handle.read(window, 0, window.length, at);
        if (bytesRead === 0) {
          at = size;
          break;
        }
        const newline = window.subarray(0, bytesRead).indexOf(0x0a);
        if (newline >= 0) {
          at += newline + 1;
          break;
        }
        at += bytesRead;
      }
      offsets.push(at);
    }
    offsets.push(size);
    return offsets;
  } finally {
    await handle.close();
  }
}

function runWorker(job: IngestJob): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    // Small heaps: a worker holds a chunk of rows at a time and its cells, and the process must stay small.
    const worker = new Worker(WORKER, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`an ingest worker stopped (exit code ${code})`)));
  });
}

/**
 * The cells of the whole file from the workers' parts, or null when the file
 * must be read on one thread (a quote, a problem, an unknown unit or code).
 */
export async function ingestInParallel(
  job: Omit<IngestJob, 'start' | 'end'>,
  size: number,
  units: UnitRegister,
  positions: ReadonlyMap<string, PositionCode>,
): Promise<Map<string, AbsenceCell> | null> {
  const parts = Math.min(4, availableParallelism());
  const offsets = await cuts(job.origin.path, size, parts);
  // A worker that fails (out of memory, a defect) costs only the time: one thread reads the file then.
  const results = await Promise.all(
    offsets.slice(0, -1).map((start, i) => runWorker({ ...job, start, end: offsets[i + 1]! })),
  ).catch(() => null);
  if (!results || results.some((result) => !result.trusted)) return null;
  // The register and the stillingskoder are checked here, once per distinct value; any problem: read again.
  const scratch = new Diagnostics();
  const place = { file: job.file, row: 0, column: '' };
  for (const pair of new Set(results.flatMap((result) => result.units))) {
    const bar = pair.indexOf('|');
    if (!units.check(pair.slice(bar + 1), Number(pair.slice(0, bar)), place, scratch)) return null;
  }
  if (scratch.items.length > 0) return null;
  for (const code of new Set(results.flatMap((result) => result.positions))) if (!positions.has(code)) return null;
  // Merged in file order: the cells come in the order of their first row, as one thread makes them.
  const cells = new Map<string, AbsenceCell>();
  for (const result of results) {
    for (const [, part] of result.cells) {
      const unitId = units.canonicalId(part.unit);
      const key = `${part.year}|${part.quarter}|${part.month}|${unitId}|${part.gender}|${part.positionCode}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = {
          year: part.year,
          quarter: part.quarter,
          month: part.month,
          unitId,
          orgId: units.orgOf(unitId),
          gender: part.gender,
          positionCode: part.positionCode,
          group: positions.get(part.positionCode)!.group,
          stipendiat: part.positionCode === STIPENDIAT_CODE,
          agreed: 0,
          self: 0,
          doctor: 0,
          persons: 0,
          ids: part.ids ? new Set() : null,
        };
        cells.set(key, cell);
      }
      cell.agreed += part.agreed;
      cell.self += part.self;
      cell.doctor += part.doctor;
      if (cell.ids) {
        // Each part kept at most `cap` ids of a cell: the union, cut at `cap`, has the size one thread finds.
        for (const id of part.ids!) if (cell.ids.size < job.cap) cell.ids.add(id);
        cell.persons = cell.ids.size;
      } else {
        cell.persons += part.persons;
      }
    }
  }
  return cells;
}
