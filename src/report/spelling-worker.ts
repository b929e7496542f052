import { parentPort, workerData } from 'node:worker_threads';
import { checkSpelling } from './spelling.js';
import type { SpellingWorkerData } from './spelling-thread.js';

// The worker of spelling-thread.ts: checks the text it was given and sends the warnings back.
const data = workerData as SpellingWorkerData;
parentPort!.postMessage(await checkSpelling(data.files, data.wordList));
