#!/usr/bin/env node
/**
 * How long `hms-report feedback` takes for every org and reporting unit of the
 * samples, against the same number of single builds.
 *
 *   npm run build && node bench/feedback-bench.mjs [--year 2025] [--data DIR] [--singles K] [--concurrency N]
 *
 * batch:  one run: read and validate the workspace once, one browser, pages
 *         printed N at a time (what `hms-report feedback` does).
 * single: what a build of one unit's report on its own costs: read and
 *         validate the workspace, render the page, start a browser, print,
 *         close. Timed K times (default 5) and multiplied up to the number of
 *         reports, unless --singles all.
 */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { planFeedback, planFeedbackPages } from '../dist/feedback.js';
import { buildContext } from '../dist/pipeline.js';
import { systemBrowser } from '../dist/report/pdf/index.js';
import { nodeFileSystem } from '../dist/workspace/files.js';
import { Workspace } from '../dist/workspace/workspace.js';

const { values } = parseArgs({
  options: {
    year: { type: 'string', default: '2025' },
    data: { type: 'string', default: fileURLToPath(new URL('../data-samples/', import.meta.url)) },
    singles: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: String(Math.min(8, Math.max(2, availableParallelism()))) },
  },
});
const year = Number(values.year);
const workspace = new Workspace(values.data, nodeFileSystem);
const search = systemBrowser.find(process.env);
if (!search.found) {
  console.error('No Chromium found: set HMS_REPORT_CHROMIUM.');
  process.exit(3);
}
const pdf = { browser: systemBrowser, env: process.env };
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

let start = performance.now();
const batch = await planFeedback(workspace, buildContext(year), {
  formats: ['html', 'pdf'],
  pdf,
  concurrency: Number(values.concurrency),
});
const batchMs = performance.now() - start;
const reports = batch.pages.length;
console.log(
  `batch:  ${reports} reports (HTML + PDF), one browser, ${values.concurrency} pages at a time: ${seconds(batchMs)} (${seconds(batchMs / reports)} a report)`,
);

const singles = values.singles === 'all' ? reports : Math.min(reports, Number(values.singles));
start = performance.now();
for (let i = 0; i < singles; i++) {
  const { pages } = await planFeedbackPages(workspace, buildContext(year));
  const printer = await systemBrowser.launch(search.path);
  try {
    await printer.print(pages[i].html);
  } finally {
    await printer.close();
  }
}
const singleMs = (performance.now() - start) / singles;
const singlesTotal = singleMs * reports;
const how = singles === reports ? 'measured' : `estimated from ${singles} timed`;
console.log(`single: ${seconds(singleMs)} a build; ${reports} single builds ${how}: ${seconds(singlesTotal)}`);
console.log(`batch is ${(singlesTotal / batchMs).toFixed(1)}× faster than ${reports} single builds`);
