import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run, SAMPLES_DIR } from '../../src/cli/main.js';
import type { Metrics } from '../../src/metrics/types.js';
import type { ReportParts } from '../../src/report/html.js';
import { reportParts, type Sources } from '../../src/sources/registry.js';
import { DEFAULT_CONFIG } from '../../src/sources/config.js';
import { UnitRegister } from '../../src/sources/units/read.js';
import { PACKAGE_DIR } from '../../src/workspace/package.js';
import { Diagnostics, formatDiagnostic } from '../../src/errors.js';
import { memoryFileSystem } from '../../src/workspace/files.js';
import { Workspace } from '../../src/workspace/workspace.js';

/** The package's bundled defaults that sources read (templates/position-codes.csv …), for a file system in memory. */
const BUNDLED = Object.fromEntries(
  ['templates/position-codes.csv', 'templates/acceptance-criteria.yaml'].map((name) => [
    join(PACKAGE_DIR, name),
    readFileSync(join(PACKAGE_DIR, name)),
  ]),
);

/** A workspace held in memory: keys are paths relative to its root; the package's bundled defaults beside it. */
export function memoryWorkspace(files: Record<string, string | Uint8Array>): Workspace {
  const rooted = Object.fromEntries(Object.entries(files).map(([path, contents]) => [`/ws/${path}`, contents]));
  return new Workspace('/ws', memoryFileSystem({ ...BUNDLED, ...rooted }));
}

/** What the registry's sources give a narrative rendered by hand, with the given sources' data (`{ facts: … }`). */
export function partsFor(metrics: Metrics, data: Record<string, unknown> = {}): ReportParts {
  const sources = {
    year: metrics.year,
    config: DEFAULT_CONFIG,
    units: new UnitRegister([], 'units.csv'),
    data: new Map(Object.entries(data)),
  } as unknown as Sources;
  return reportParts(sources, metrics);
}

/** The characters Windows-1252 has at 0x80–0x9F; other bytes are Latin-1. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Bytes of text in Windows-1252. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const high = WINDOWS_1252_HIGH.indexOf(c);
      if (high >= 0) return 0x80 + high;
      const code = c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`no Windows-1252 byte for ${c}`);
      return code;
    }),
  );
}

export async function xlsxBytes(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function lines(diagnostics: Diagnostics): string[] {
  return diagnostics.items.map(formatDiagnostic);
}

export interface CliBuild {
  status: number;
  stderr: string;
  metrics: Metrics;
  html: string;
  /** Removes the temporary output folder. */
  cleanup(): void;
}

/**
 * Runs `hms-report build <year> --format html,json` through the command line
 * into a fresh temporary folder, as a user would; `data` defaults to the
 * bundled samples.
 */
export async function cliBuild(options: { data?: string; year?: number } = {}): Promise<CliBuild> {
  const out = mkdtempSync(join(tmpdir(), 'hms-build-'));
  const year = String(options.year ?? 2025);
  let stderr = '';
  const io: CliIo = { ...processIo, cwd: out, stdout: () => undefined, stderr: (t) => void (stderr += t) };
  const data = options.data ? ['--data', options.data] : [];
  const status = await run(['build', year, ...data, '--out', out, '--format', 'html,json'], io);
  const read = (name: string) => (status === 0 ? readFileSync(join(out, year, name), 'utf8') : '');
  return {
    status,
    stderr,
    metrics: (status === 0 ? JSON.parse(read('metrics.json')) : {}) as Metrics,
    html: read('report.html'),
    cleanup: () => rmSync(out, { recursive: true, force: true }),
  };
}

/**
 * A temporary copy of the bundled samples without their own narrative
 * (so the default text in templates/content/ is used): every file, or only
 * the named ones, plus the given files written over them.
 */
export function sampleWorkspace(options: { only?: readonly string[]; files?: Record<string, string> } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-ws-'));
  if (options.only) {
    for (const name of options.only) cpSync(join(SAMPLES_DIR, name), join(dir, name), { recursive: true });
  } else {
    cpSync(SAMPLES_DIR, dir, { recursive: true, filter: (path) => !/[\\/](content|generate)$/.test(path) });
  }
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), text);
  return dir;
}
