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
 * (tests/support/shared.ts) and removes it afterwards. Nothing is built here:
 * a shared build is made by the first test file that asks for it, so a run
 * of unit tests alone builds nothing.
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
  // In watch mode the sources may have changed between runs: never reuse a build of an earlier run.
  project.onTestsRerun(next);
  return () => rmSync(root, { recursive: true, force: true });
}
