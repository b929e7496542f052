import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { refreshDist } from './dist.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's shared builds (tests/support/shared.ts); a fresh one on every watch-mode rerun. */
    sharedDir: string;
  }
}

/**
 * Gives the run a temporary folder for the builds its test files share
 * (tests/support/shared.ts) and for every temporary folder a test makes, and
 * removes it afterwards. Nothing is built here: a shared build is made by the
 * first test file that asks for it, so a run of unit tests alone builds nothing.
 * The compiled tool in dist/, which some tests run, is brought up to date with
 * src/ before any test starts.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  await freshDist();
  const root = mkdtempSync(join(tmpdir(), 'hms-test-run-'));
  let run = 0;
  const next = () => {
    const dir = join(root, String(run++));
    mkdirSync(dir);
    project.provide('sharedDir', dir);
  };
  next();
  // The workers and what they start inherit it: a test's temporary folders go under the run's, removed with it.
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  const tmpBefore = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  // In watch mode the sources may have changed between runs: never reuse a build of an earlier run.
  project.onTestsRerun(async () => {
    next();
    await freshDist();
  });
  return () => {
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
    rmSync(root, { recursive: true, force: true });
  };
}

async function freshDist(): Promise<void> {
  const emitted = await refreshDist(join(import.meta.dirname, '../..'));
  if (emitted.length > 0) console.log(`dist/: ${emitted.length} changed source(s) emitted for the tests that run it`);
}
