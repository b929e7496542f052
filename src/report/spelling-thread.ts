import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../errors.js';
import { checkSpelling, type SpellingFile } from './spelling.js';

/**
 * checkSpelling on another thread. Decoding the bokmål dictionary takes a
 * third of a second; a build checks while Chromium prints, so that the
 * decoding runs on the core Chromium leaves. The worker ends by itself when
 * it has answered. Run from the TypeScript sources (the tests), where there
 * is no compiled worker, it checks on this thread.
 */
const WORKER = new URL('./spelling-worker.js', import.meta.url);

export interface SpellingWorkerData {
  files: readonly SpellingFile[];
  wordList: readonly string[];
}

export function checkSpellingOnThread(
  files: readonly SpellingFile[],
  wordList: readonly string[],
): Promise<Diagnostic[]> {
  if (!existsSync(fileURLToPath(WORKER))) return checkSpelling(files, wordList);
  const workerData: SpellingWorkerData = { files, wordList };
  const worker = new Worker(WORKER, { workerData });
  return new Promise<Diagnostic[]>((resolve, reject) => {
    worker.once('message', (message: Diagnostic[]) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the spelling worker stopped (exit code ${code})`)));
  });
}
