/* global document -- page.evaluate runs in the browser */
// The edit loop: from saving a file to the open page showing the change.
// Starts `hms-report preview 2025` on a copy of the samples, opens the page in
// Chromium (puppeteer-core, the system browser) and, several times each:
//   - appends a sentence to a narrative file (content/2025/01-sammendrag.md),
//   - changes a row of an export (injuries.csv, the smallest; working-time.csv, the largest read as is),
// timing from the write to the reloaded page (the new report's version, loaded).
// Usage: npm run build && node bench/preview-bench.mjs [--runs 5]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../dist/report/pdf/browser.js';
import { machine, median } from './machine.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const browserPath = findBrowser(process.env);
if (!browserPath.found) {
  console.log('No Chromium found (set HMS_REPORT_CHROMIUM): the preview bench needs one to load the page.');
  process.exit(0);
}

const workspace = mkdtempSync(join(tmpdir(), 'hms-preview-bench-'));
cpSync(join(ROOT, 'data-samples'), workspace, { recursive: true, filter: (p) => !p.includes('/generate') });

const server = spawn(
  process.execPath,
  [join(ROOT, 'bin/hms-report.js'), 'preview', '2025', '--data', workspace, '--port', '0'],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let log = '';
server.stderr.on('data', (chunk) => (log += chunk));
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /http:\/\/\S+/.exec(out);
    if (found) resolve(found[0]);
  });
  server.on('exit', () => reject(new Error(`preview exited:\n${log}`)));
});

const browser = await puppeteer.launch({
  executablePath: browserPath.path,
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await page.goto(url, { waitUntil: 'load' });

const version = async () =>
  page
    .evaluate(() => (document.readyState === 'complete' ? Number(document.documentElement.dataset.previewVersion) : 0))
    .catch(() => 0);

/** Writes, then polls the page until it shows a newer report, fully loaded; milliseconds. */
async function timeSave(write) {
  const before = await version();
  const start = performance.now();
  write();
  for (;;) {
    const now = await version();
    if (now > before) return performance.now() - start;
    if (performance.now() - start > 60_000) throw new Error(`the page never reloaded; preview said:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const narrative = join(workspace, 'content/2025/01-sammendrag.md');
const injuries = join(workspace, 'injuries.csv');
const workingTime = join(workspace, 'working-time.csv');
const injuriesText = readFileSync(injuries, 'utf8');
const workingTimeText = readFileSync(workingTime, 'utf8');
const results = { narrative: [], injuries: [], workingTime: [] };
for (let i = 0; i < RUNS; i++) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  results.narrative.push(await timeSave(() => appendFileSync(narrative, `\nBenkmerke nummer ${i}.\n`)));
  await new Promise((resolve) => setTimeout(resolve, 300));
  // One more injury in 2025 (and back again the next run): the count in the report changes.
  results.injuries.push(
    await timeSave(() =>
      writeFileSync(
        injuries,
        i % 2 === 0 ? `${injuriesText.trimEnd()}\r\nYS-2025-99,NV-IBT,2025-03-01,Yrkesskade\r\n` : injuriesText,
      ),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Many more breaches for one unit in its last month (and back again).
  results.workingTime.push(
    await timeSave(() =>
      writeFileSync(
        workingTime,
        i % 2 === 0
          ? workingTimeText.replace(/,(\d+)(\r?\n?)$/, (_, n, end) => `,${Number(n) + 500}${end}`)
          : workingTimeText,
      ),
    ),
  );
}
await browser.close();
server.kill('SIGINT');
await new Promise((resolve) => server.on('exit', resolve));
rmSync(workspace, { recursive: true, force: true });

console.log(machine());
console.log(`\nSave → reloaded page, ${RUNS} saves each (median, min–max):\n`);
console.log('| saved file | what is redone | median | min | max |');
console.log('|---|---|---:|---:|---:|');
const row = (name, what, values) =>
  console.log(
    `| ${name} | ${what} | ${median(values).toFixed(0)} ms | ${Math.min(...values).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms |`,
  );
row('content/2025/01-sammendrag.md', 'the HTML, from the metrics it has', results.narrative);
row('injuries.csv (73 lines)', 'that source, the metrics, the HTML', results.injuries);
row('working-time.csv (5 292 lines)', 'that source, the metrics, the HTML', results.workingTime);
console.log(
  '\nThe preview said:\n' +
    log
      .split('\n')
      .filter((l) => l.startsWith('Updated'))
      .slice(-6)
      .join('\n'),
);
