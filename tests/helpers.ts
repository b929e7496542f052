import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { processIo, type CliIo } from '../src/cli/io.js';
import { run, SAMPLES_DIR } from '../src/cli/main.js';
import type { Metrics } from '../src/metrics/types.js';
import { TEMPLATES_DIR } from '../src/report/templates.js';
import type { TopLevelSpec } from 'vega-lite';
import { Diagnostics, formatDiagnostic } from '../src/errors.js';
import { memoryFileSystem } from '../src/workspace/files.js';
import { Workspace } from '../src/workspace/workspace.js';

/** A workspace held in memory: keys are paths relative to its root. */
export function memoryWorkspace(files: Record<string, string | Uint8Array>): Workspace {
  const rooted = Object.fromEntries(Object.entries(files).map(([path, contents]) => [`/ws/${path}`, contents]));
  return new Workspace('/ws', memoryFileSystem(rooted));
}

/** Bytes of text in Windows-1252 (only Latin-1 range characters are needed here). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`no Windows-1252 byte for ${c} in this helper`);
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

/** A chart spec read from the package's templates, for component contexts built by hand in tests. */
export function chartSpecFromTemplates(name: string): TopLevelSpec {
  return JSON.parse(readFileSync(join(TEMPLATES_DIR, 'charts', `${name}.vl.json`), 'utf8')) as TopLevelSpec;
}
