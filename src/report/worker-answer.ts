import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker compiled beside this module (dist/) that answers with one message.
 * Null when there is none — run from the TypeScript sources (the tests) —
 * and the caller does the work on its own thread.
 */
export function workerAnswer<Answer>(
  worker: URL,
  workerData: unknown,
  name: string,
): { answer: Promise<Answer>; stop(): void } | null {
  if (!existsSync(fileURLToPath(worker))) return null;
  const thread = new Worker(worker, { workerData });
  const answer = new Promise<Answer>((resolve, reject) => {
    thread.once('message', (message: Answer) => resolve(message));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the ${name} worker stopped (exit code ${code})`)));
  });
  return { answer, stop: () => void thread.terminate() };
}
