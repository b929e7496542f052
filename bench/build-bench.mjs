// A cold `hms-report build 2025` of the samples against the floor: Chromium
// alone printing the finished report.html (`chromium --headless
// --print-to-pdf`, one process start, one load, one print). Each run is a new
// process, in turn, on the same machine: build (all four files), build
// --format html,json, then the floor on the HTML the build wrote.
// Usage: npm run build && node bench/build-bench.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findBrowser } from '../dist/report/pdf/browser.js';
import { machine, median } from './machine.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const out = mkdtempSync(join(tmpdir(), 'hms-build-bench-'));
const browser = findBrowser(process.env);

function timed(command, args) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env } });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return ms;
}

const cli = join(ROOT, 'bin/hms-report.js');
const times = { full: [], htmlJson: [], floor: [] };
for (let i = 0; i < RUNS; i++) {
  if (browser.found) times.full.push(timed(process.execPath, [cli, 'build', '2025', '--out', out]));
  times.htmlJson.push(timed(process.execPath, [cli, 'build', '2025', '--out', out, '--format', 'html,json']));
  if (browser.found)
    times.floor.push(
      timed(browser.path, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--print-to-pdf=${join(out, 'floor.pdf')}`,
        pathToFileURL(join(out, '2025/report.html')).href,
      ]),
    );
}
rmSync(out, { recursive: true, force: true });

console.log(machine());
console.log(`\nCold runs of the samples, ${RUNS} each, one at a time (median, min–max):\n`);
console.log('| what | median | min | max | ÷ floor |');
console.log('|---|---:|---:|---:|---:|');
const floor = times.floor.length ? median(times.floor) : NaN;
const row = (name, values) =>
  values.length &&
  console.log(
    `| ${name} | ${(median(values) / 1000).toFixed(2)} s | ${(Math.min(...values) / 1000).toFixed(2)} s | ${(Math.max(...values) / 1000).toFixed(2)} s | ${Number.isNaN(floor) ? '–' : `${(median(values) / floor).toFixed(2)}×`} |`,
  );
row('`hms-report build 2025` (HTML, PDF, metrics.json, tables.xlsx)', times.full);
row('`hms-report build 2025 --format html,json` (and tables.xlsx)', times.htmlJson);
row('floor: `chromium --headless --print-to-pdf report.html`', times.floor);
if (!browser.found) console.log('\nNo Chromium found: only the HTML build was timed.');
