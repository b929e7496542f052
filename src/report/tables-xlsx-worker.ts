import { parentPort, workerData } from 'node:worker_threads';
import { tablesXlsx } from './tables-xlsx.js';
import { sheetsFromWorker, type XlsxWorkerData } from './tables-xlsx-thread.js';

// The worker of tables-xlsx-thread.ts: makes the workbook and sends its bytes back.
const data = workerData as XlsxWorkerData;
const bytes = await tablesXlsx(data.metrics, sheetsFromWorker(data), data.date);
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
