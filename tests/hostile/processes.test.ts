import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { REPORT_FILES } from '../../src/pipeline.js';
import { sampleWorkspace } from '../support/helpers.js';

/**
 * Issue 11 with real processes: a report year that used to exhaust memory,
 * a kill while the output is written, a Chromium that fails. What is about
 * the process (its exit status, what reaches stderr, a kill) runs the command
 * line from dist/, which the run's global setup brings up to date with src/
 * (tests/support/dist.ts); the rest runs it in this process. All on a
 * workspace of the samples' units alone: what is tested here does not depend
 * on the exports, and each child process builds in half the time of the
 * hostile corpus's base.
 */
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/hms-report.js');

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir))
    files[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  return files;
}

/** A run of the command line in this process (from src/): its exit status and what it printed on stderr. */
async function cli(argv: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const status = await run(argv, {
    ...processIo,
    cwd: root,
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
  });
  return { status, stderr };
}

let root: string;
let units: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hms-proc-'));
  units = sampleWorkspace({ only: ['units.csv', 'hms-report.config.yaml', 'logo.svg'] });
});
afterAll(() => {
  for (const dir of [root, units]) rmSync(dir, { recursive: true, force: true });
});

describe('hostile runs as processes', () => {
  it('refuses report year 9999 at once (it ran out of memory) and 0000, without a stack trace', () => {
    for (const year of ['9999', '0000']) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, 'validate', year, '--data', units], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /is not a report year the tool makes: give a year from 2000 to \d{4}|is not a year/,
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  });

  it('names a folder where a file should be, exit 1, no stack trace', () => {
    const ws = join(root, 'folder');
    cpSync(units, ws, { recursive: true });
    mkdirSync(join(ws, 'injuries.csv'));
    const result = spawnSync(process.execPath, [BIN, 'validate', '2025', '--data', ws], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('injuries.csv: is a folder, not a file');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('leaves the earlier set or the new one when killed while writing, never a mix, and the next run cleans up', async () => {
    const out = join(root, 'killed');
    // Last run's set is made up rather than built: a build reads nothing of its output folder, and the writer
    // only lists and renames what is there. No file of it is a build's, and report.pdf (which these builds do
    // not write) is among them, so an old file left beside new ones shows.
    mkdirSync(join(out, '2025'), { recursive: true });
    for (const name of REPORT_FILES) writeFileSync(join(out, '2025', name), `last run's ${name}\n`);
    const earlier = snapshot(join(out, '2025'));
    const argv = ['build', '2025', '--data', units, '--out', out, '--format', 'html,json'];
    const states: Record<string, string>[] = [];
    for (const stage of ['new', 'ready']) {
      // Kill the moment the child's staged folder appears (or let it finish, if it was too quick to catch).
      // The folder's events catch the moment of .ready, a few renames long, where polling every millisecond
      // mostly missed it.
      const child = spawn(process.execPath, [BIN, ...argv], { stdio: 'ignore' });
      const mine = (entry: string) => entry.startsWith(`.2025.${child.pid}-`) && entry.endsWith(`.${stage}`);
      const watcher = watch(out, (_, entry) => {
        if ((entry === null ? readdirSync(out) : [entry]).some(mine)) child.kill('SIGKILL');
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
        child.on('exit', (...exit) => resolve(exit)),
      );
      watcher.close();
      // A run that failed before writing would leave the earlier set too, and prove nothing.
      expect(signal === 'SIGKILL' || code === 0, `the ${stage} run ended with ${code ?? signal}`).toBe(true);
      states.push(snapshot(join(out, '2025')));
    }
    // The next run need not be a process of its own: what it puts right is on disk.
    const next = await cli(argv);
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['2025']);
    const newer = snapshot(join(out, '2025'));
    expect(Object.keys(newer).sort()).toEqual(['metrics.json', 'report.html', 'tables.xlsx']);
    expect(newer).not.toEqual(earlier);
    // Killed between the two renames, 2025/ is briefly missing; the next run brings the right set back.
    for (const state of states) if (Object.keys(state).length > 0) expect([earlier, newer]).toContainEqual(state);
  });

  it("does not leave last run's report.pdf beside new files when Chromium fails", async () => {
    const out = join(root, 'nopdf');
    mkdirSync(join(out, '2025'), { recursive: true });
    for (const name of ['report.html', 'report.pdf', 'metrics.json', 'tables.xlsx'])
      cpSync(BIN, join(out, '2025', name));
    let stderr = '';
    const status = await run(['build', '2025', '--data', units, '--out', out], {
      ...processIo,
      env: { ...process.env, HMS_REPORT_CHROMIUM: join(root, 'no-such-chromium') },
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
    });
    expect(status, stderr).toBe(3);
    expect(readdirSync(join(out, '2025')).sort()).toEqual(['metrics.json', 'report.html', 'tables.xlsx']);
  });
});
