import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run, SAMPLES_DIR } from '../../src/cli/main.js';
import type { Metrics } from '../../src/metrics/types.js';
import { findBrowser, launchChromium, type BrowserAccess } from '../../src/report/pdf/index.js';
import { SAMPLE_YEAR, skipWithoutBrowser } from './pdf.js';

/**
 * Builds shared by the whole test run. Building the samples takes seconds, so
 * the end-to-end tests do not each build them: the first test file that asks
 * for a build runs `hms-report build` once, into the run's folder
 * (tests/support/global-setup.ts), and every other file — in the same worker
 * or another — reads what that build wrote. A file that asks while another
 * worker is building waits for it.
 */

/** What one `hms-report build` run wrote and said. */
export interface SharedBuild {
  year: number;
  status: number;
  stderr: string;
  /** The folder `--out` pointed at: files are under `<year>/`. */
  out: string;
  /** report.html, or '' when the build failed. */
  html: string;
  /** metrics.json, parsed afresh for each caller (no test sees another's changes); {} when the build failed. */
  readonly metrics: Metrics;
  /** The path of an output file: `path('report.pdf')`. */
  path(name: string): string;
  bytes(name: string): Buffer;
  /** How the build used the browser, when it printed report.pdf. */
  browser?: BrowserCalls;
}

export interface BrowserCalls {
  launches: number;
  prints: number;
  closes: number;
}

/**
 * The bundled samples for 2025, built as `hms-report build 2025 --data data-samples`
 * with every format: report.html, metrics.json, tables.xlsx and — where a
 * Chromium is found (always under CI) — report.pdf, printed through a browser
 * that counts its launches, prints and closes. SOURCE_DATE_EPOCH is unset,
 * so the report is dated 1 January 2026.
 */
export function samplesBuild(): Promise<SharedBuild> {
  return shared('samples', async (dir) => {
    const calls: BrowserCalls = { launches: 0, prints: 0, closes: 0 };
    const withPdf = !skipWithoutBrowser;
    const result = await cliBuildInto(dir, SAMPLES_DIR, SAMPLE_YEAR, withPdf ? [] : ['--format', 'html,json'], {
      browser: countingBrowser(calls),
    });
    return { ...result, browser: withPdf ? calls : undefined };
  });
}

/**
 * The bundled samples without their own narrative (data-samples/content/),
 * so the default text of templates/content/ is used: `--format html,json`.
 */
export function defaultNarrativeBuild(): Promise<SharedBuild> {
  return shared('samples-default-narrative', async (dir) => {
    const workspace = join(dir, 'workspace');
    cpSync(SAMPLES_DIR, workspace, { recursive: true, filter: (path) => !/[\\/](content|generate)$/.test(path) });
    return cliBuildInto(dir, workspace, SAMPLE_YEAR, ['--format', 'html,json']);
  });
}

/** Any workspace folder and year, `--format html,json` (the samples' 2025: samplesBuild()). */
export function workspaceBuild(data: string, year: number): Promise<SharedBuild> {
  if (resolve(data) === resolve(SAMPLES_DIR) && year === SAMPLE_YEAR) return samplesBuild();
  const key = createHash('sha256')
    .update(`${resolve(data)}\n${year}`)
    .digest('hex')
    .slice(0, 16);
  return shared(`workspace-${key}`, (dir) => cliBuildInto(dir, resolve(data), year, ['--format', 'html,json']));
}

interface BuildRecord {
  year: number;
  status: number;
  stderr: string;
  out: string;
  browser?: BrowserCalls;
}

async function cliBuildInto(
  dir: string,
  data: string,
  year: number,
  format: string[],
  options: { browser?: BrowserAccess } = {},
): Promise<BuildRecord> {
  const out = join(dir, 'out');
  let stderr = '';
  const io: CliIo = {
    ...processIo,
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: undefined },
    isTTY: { stdout: false, stderr: false },
    stdout: () => undefined,
    stderr: (text) => void (stderr += text),
    ...options,
  };
  const status = await run(['build', String(year), '--data', data, '--out', out, ...format], io);
  return { year, status, stderr, out };
}

/** The system browser, counting how the build uses it. */
export function countingBrowser(calls: BrowserCalls): BrowserAccess {
  return {
    find: (env) => findBrowser(env),
    async launch(path) {
      calls.launches++;
      const real = await launchChromium(path);
      return {
        print: (html, fill, options) => {
          calls.prints++;
          return real.print(html, fill, options);
        },
        close: () => {
          calls.closes++;
          return real.close();
        },
      };
    },
  };
}

/**
 * A folder of the run's, filled once by `fill` (a workspace several test
 * files start from): the others wait for it and get its path. Read only.
 */
export function sharedFolder(name: string, fill: (dir: string) => Promise<void>): Promise<string> {
  return once(name, async (dir) => {
    // Beside done.json, not around it: the folder may be a workspace, which must hold nothing else.
    const folder = join(dir, 'folder');
    await fill(folder);
    return folder;
  });
}

/** This worker's shared things by folder: one promise each, however many files ask. */
const made = new Map<string, Promise<unknown>>();
let fallbackRoot: string | undefined;

function once<T>(name: string, make: (dir: string) => Promise<T>): Promise<T> {
  // Without tests/support/global-setup.ts (another config): they are shared within this worker only.
  const root = inject('sharedDir') ?? (fallbackRoot ??= mkdtempSync(join(tmpdir(), 'hms-test-shared-')));
  const dir = join(root, name);
  let thing = made.get(dir) as Promise<T> | undefined;
  if (!thing) {
    thing = claimOrWait(dir, make);
    made.set(dir, thing);
  }
  return thing;
}

async function shared(name: string, make: (dir: string) => Promise<BuildRecord>): Promise<SharedBuild> {
  return view(await once(name, make));
}

/**
 * Creating the folder claims the build (mkdir is atomic across processes);
 * the claimant writes done.json when it is over, and the others wait for it.
 */
async function claimOrWait<T>(dir: string, make: (dir: string) => Promise<T>): Promise<T> {
  const done = join(dir, 'done.json');
  let claimed = true;
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    claimed = false;
  }
  if (claimed) {
    let outcome: { ok: true; record: T } | { ok: false; error: string };
    try {
      outcome = { ok: true, record: await make(dir) };
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    writeFileSync(`${done}.tmp`, JSON.stringify(outcome));
    renameSync(`${done}.tmp`, done);
  }
  while (!existsSync(done)) await sleep(50);
  const outcome = JSON.parse(readFileSync(done, 'utf8')) as { ok: true; record: T } | { ok: false; error: string };
  if (!outcome.ok) throw new Error(`the shared build in ${dir} failed:\n${outcome.error}`);
  return outcome.record;
}

function view(record: BuildRecord): SharedBuild {
  const path = (name: string) => join(record.out, String(record.year), name);
  const ok = record.status === 0;
  const html = ok && existsSync(path('report.html')) ? readFileSync(path('report.html'), 'utf8') : '';
  const json = ok && existsSync(path('metrics.json')) ? readFileSync(path('metrics.json'), 'utf8') : '{}';
  return {
    ...record,
    html,
    get metrics() {
      return JSON.parse(json) as Metrics;
    },
    path,
    bytes: (name) => readFileSync(path(name)),
  };
}
