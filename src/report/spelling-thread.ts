import type { Diagnostic } from '../errors.js';
import { checkSpelling, type SpellingFile } from './spelling.js';
import { workerAnswer } from './worker-answer.js';

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
  const workerData: SpellingWorkerData = { files, wordList };
  return workerAnswer<Diagnostic[]>(WORKER, workerData, 'spelling')?.answer ?? checkSpelling(files, wordList);
}
