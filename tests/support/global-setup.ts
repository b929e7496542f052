import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

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
 */
export default function setup(project: TestProject): () => void {
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
  project.onTestsRerun(next);
  return () => {
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
    rmSync(root, { recursive: true, force: true });
  };
}
