import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../src/cli/main.js';

/**
 * Sick leave read by worker threads over byte ranges gives what one thread
 * gives; a file they cannot be trusted with (a quote, a problem) is read by
 * one thread, with its problems exactly as before. The workers exist only
 * compiled (dist/, which `npm ci` builds), so this runs the compiled reader.
 */
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const compiled = existsSync(new URL('../../dist/sources/absence/ingest-worker.js', import.meta.url));

const UNITS = ['IE-IDI', 'HF-ISL', 'NV-IKJ', 'ØK-IØT'];
const CODES = ['1013', '1011', '1017', '1352'];

function absenceCsv(rows: number, edit?: (lines: string[]) => void): string {
  const lines = [
    'employee_id;year;month;unit_id;gender;position_code;agreed_days;self_certified_days;doctor_certified_days',
  ];
  for (let i = 0; i < rows; i++) {
    const person = i % 997;
    const month = (Math.floor(i / 997) % 12) + 1;
    const year = 2023 + (Math.floor(i / (997 * 12)) % 3);
    lines.push(
      `E${person};${year};${month};${UNITS[person % 4]};${person % 2 ? 'K' : 'M'};${CODES[person % 4]};21;${(i % 7) / 2};${i % 5 === 0 ? '1.25' : '0'}`,
    );
  }
  edit?.(lines);
  return lines.join('\n') + '\n';
}

describe.skipIf(!compiled)('sick leave on every core', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function read(csv: string, parallel: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'hms-parallel-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'units.csv'), readFileSync(join(SAMPLES_DIR, 'units.csv')));
    writeFileSync(join(dir, 'absence.csv'), csv);
    const { setParallelMinBytes } = await import(dist('sources/absence/parallel.js'));
    const { Diagnostics, formatDiagnostic } = await import(dist('errors.js'));
    const { DEFAULT_CONFIG } = await import(dist('sources/config.js'));
    const { readAbsence } = await import(dist('sources/absence/read.js'));
    const { readUnits } = await import(dist('sources/units/read.js'));
    const { NO_IMPORTS } = await import(dist('sources/imports.js'));
    const { WorkspaceTables } = await import(dist('sources/tables.js'));
    const { nodeFileSystem } = await import(dist('workspace/files.js'));
    const { Workspace } = await import(dist('workspace/workspace.js'));
    const { PACKAGE_DIR } = await import(dist('workspace/package.js'));
    setParallelMinBytes(parallel ? 1 : Number.POSITIVE_INFINITY);
    const workspace = new Workspace(dir, nodeFileSystem);
    const diagnostics = new Diagnostics();
    const tables = new WorkspaceTables(workspace, NO_IMPORTS, diagnostics);
    const units = await readUnits(tables, diagnostics);
    const bundled = new Workspace(PACKAGE_DIR, nodeFileSystem);
    const data = await readAbsence({
      workspace,
      bundled,
      tables,
      year: 2025,
      config: DEFAULT_CONFIG,
      units,
      diagnostics,
    });
    return { data, problems: diagnostics.items.map(formatDiagnostic) as string[] };
  }

  /** The cells with their sums rounded past float noise (parts are summed in another order). */
  const comparable = (data: any) =>
    data.cells.map((c: any) => ({
      ...c,
      agreed: Number(c.agreed.toFixed(6)),
      self: Number(c.self.toFixed(6)),
      doctor: Number(c.doctor.toFixed(6)),
      ids: c.ids ? c.ids.size : null,
    }));

  it('gives the cells one thread gives', async () => {
    const csv = absenceCsv(36_000);
    const one = await read(csv, false);
    const many = await read(csv, true);
    expect(one.problems).toEqual([]);
    expect(many.problems).toEqual([]);
    expect(comparable(many.data)).toEqual(comparable(one.data));
    expect(many.data.years).toEqual(one.data.years);
    expect(one.data.cells.length).toBeGreaterThan(40);
  });

  it('reads a file with quoted fields, line breaks in them included, on one thread with the same rows', async () => {
    const csv = absenceCsv(20_000, (lines) => {
      lines[15_000] = lines[15_000]!.replace(/^E(\d+);/, '"E$1";');
      lines[15_001] = lines[15_001]!.replace(/^((?:[^;]*;){3})[^;]*;/, '$1"HF-\nISL";');
    });
    const one = await read(csv, false);
    const many = await read(csv, true);
    expect(many).toEqual(one);
    expect(one.problems.some((p) => p.startsWith('absence.csv:15003:unit_id: '))).toBe(true);
  });

  it('reports every problem at its FILE:ROW:COLUMN exactly as one thread does', async () => {
    const csv = absenceCsv(30_000, (lines) => {
      lines[100] = lines[100]!.replace(/;21;/, ';tjueen;');
      lines[25_000] = lines[25_000]!.replace(/^((?:[^;]*;){3})[^;]*;/, '$1XX-UKJENT;');
      lines[29_000] = lines[29_000]!.replace(/^((?:[^;]*;){5})[^;]*;/, '$19999;');
    });
    const one = await read(csv, false);
    const many = await read(csv, true);
    expect(many.problems).toEqual(one.problems);
    expect(one.problems).toHaveLength(3);
    expect(one.problems[0]).toMatch(/^absence\.csv:101:agreed_days: /);
  });
});
