import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run, SAMPLES_DIR } from '../../src/cli/main.js';
import type { Metrics } from '../../src/metrics/types.js';
import { sharedFolder, workspaceBuild } from '../support/shared.js';
import { CASES, prepareBase, type HostileCase } from './corpus.js';

/** What the command line printed, and its exit status. */
async function cli(argv: string[], cwd: string): Promise<{ status: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const io: CliIo = { ...processIo, cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const status = await run(argv, io);
  return { status, stderr, stdout };
}

/**
 * A folder of plain files again, each made by `file` (a copy or a
 * link): leaner than cpSync, which looks at each entry several times.
 */
function copyTree(from: string, to: string, file: (from: string, to: string) => void): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) copyTree(source, target, file);
    else if (entry.isFile()) file(source, target);
    else throw new Error(`${source} is neither a file nor a folder`);
  }
}

/** Every file under a folder with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name), `${prefix}${entry.name}/`);
      else
        files[`${prefix}${entry.name}`] = createHash('sha256')
          .update(readFileSync(join(at, entry.name)))
          .digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return files;
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const SUMMARY =
  /^(The workspace is (in)?valid|Wrote |No workspace in the current folder|Read .+ \([a-z-]+\): \d+ of \d+ rows?)/;
const DIAGNOSTIC = /^([^\s:][^:\n]*)(?::(\d+))?(?::[^\n]*?)?: (warning: )?\S/;

/**
 * What every run must hold, whatever the input: no stack trace, no
 * internal error, no endless line, every line a diagnostic or a summary.
 */
function checkOutput(stderr: string, status: number): void {
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toContain('Unexpected internal error');
  expect(status).not.toBe(70);
  for (const line of stderr.split('\n').filter(Boolean)) {
    expect(line.length, `an overlong line: ${line.slice(0, 120)}…`).toBeLessThan(1500);
    if (status !== 2) expect(SUMMARY.test(line) || DIAGNOSTIC.test(line), `not a diagnostic: ${line}`).toBe(true);
  }
}

/** The report may load nothing: a CSP, and no element that fetches from a URL. */
function checkSelfContained(html: string): void {
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  expect(html).not.toMatch(/<(script|iframe|object|embed|link)\b/i);
  expect(html).not.toMatch(/\s(src|srcset|poster|data)\s*=\s*["']?(?!data:)[a-z]+:/i);
  expect(html).not.toMatch(/url\((?!data:)|@import/i);
}

/**
 * Runs the corpus cases whose index leaves `part` when divided by
 * `parts` (the corpus is split over test files, to use both cores).
 */
export function runCorpus(part: number, parts: number): void {
  const cases = CASES.map((c, i) => ({ c, i })).filter(({ i }) => i % parts === part);
  let root: string;
  let base: string;
  let earlier: string;
  let baseMetrics: Metrics;
  let baseFiles: Record<string, string>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hms-hostile-'));
    // One base and one build of it for the corpus's files (and processes.test.ts), whichever asks first.
    base = await sharedFolder('hostile-base', (dir) => prepareBase(SAMPLES_DIR, dir));
    const built = await workspaceBuild(base, 2025);
    expect(built.status, built.stderr).toBe(0);
    earlier = built.out;
    baseMetrics = built.metrics;
    baseFiles = snapshot(base);
  }, 600_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    // The cases' files were links to the base: none of them may have written into it.
    expect(snapshot(base)).toEqual(baseFiles);
  });

  describe.each(cases)('hostile input %#', ({ c, i }: { c: HostileCase; i: number }) => {
    it(`${c.kind}: ${c.name} → exit ${c.status}`, async () => {
      const dir = join(root, `case-${i}`);
      // Linked, not copied (a tenth of the time): the corpus's edits write
      // new files (corpus.ts), and the base is checked after the run.
      copyTree(base, dir, linkSync);
      await c.apply(dir);
      const year = c.year ?? '2025';

      const validate = await cli(['validate', year, '--data', dir], root);
      checkOutput(validate.stderr, validate.status);
      expect(validate.status, validate.stderr.slice(0, 3000)).toBe(c.status);
      const errors = validate.stderr
        .split('\n')
        .filter((l) => DIAGNOSTIC.test(l) && !SUMMARY.test(l) && !l.includes(': warning: '));
      if (c.file) {
        const named = errors.filter((l) => l.startsWith(`${c.file}:`));
        expect(named.length, `no error names ${c.file}:\n${validate.stderr.slice(0, 3000)}`).toBeGreaterThan(0);
        // (the count of problems beyond the first 200 is said once, for the file)
        if (c.atLine)
          for (const l of named.filter((l) => !/ more problems in this file/.test(l)))
            expect(l, 'an error without its row or line').toMatch(/^[^:]+:\d+[:\s]/);
      }
      if (c.message) expect(validate.stderr).toMatch(c.message);
      if (c.maxErrors !== undefined) expect(errors.length, validate.stderr).toBeLessThanOrEqual(c.maxErrors);

      // build over an earlier good output: on failure the earlier output stays as it was
      const out = join(root, `out-${i}`);
      // Linked, not copied: a build replaces its files by renaming, never writes into
      // them, so the shared set stays as it is (and the snapshot would show it if not).
      copyTree(earlier, out, linkSync);
      const before = snapshot(out);
      const build = await cli(['build', year, '--data', dir, '--out', out, '--format', 'html,json'], root);
      checkOutput(build.stderr, build.status);
      expect(build.status, build.stderr.slice(0, 3000)).toBe(c.status);
      if (c.status !== 0) {
        expect(snapshot(out)).toEqual(before);
        return;
      }
      const written = join(out, year);
      expect(Object.keys(snapshot(written)).sort()).toEqual(['metrics.json', 'report.html', 'tables.xlsx']);
      const html = readFileSync(join(written, 'report.html'), 'utf8');
      checkSelfContained(html);
      c.html?.(html);
      c.metrics?.(JSON.parse(readFileSync(join(written, 'metrics.json'), 'utf8')) as Metrics, baseMetrics);
    }, 300_000);
  });
}
