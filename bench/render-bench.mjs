// In-process runs one after another, as the preview's rebuilds and the test
// suite's hostile-input corpus make them: `hms-report build <year> --format
// html,json` and `hms-report validate <year>` of one workspace, after two runs
// to warm up. With --reference, another checkout of the tool (its dist/
// compiled) runs in the same process, turn about with this one, so that both
// see the same machine; its outputs must be the same bytes.
//
// Per run: wall time; the main thread's CPU time (what the sources, the
// metrics and the HTML cost, without the worker threads for tables.xlsx and
// the spelling check, which only a compiled build starts: Linux's
// /proc/self/task/<pid>/schedstat, elsewhere the event loop's busy time); and
// the process's CPU time, workers included.
// Usage: npm run build && node bench/render-bench.mjs [--data DIR] [--year 2025] [--runs 30] [--reference DIR]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { machine, median } from './machine.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const DATA = resolve(option('data', join(ROOT, 'data-samples')));
const YEAR = option('year', '2025');
const RUNS = Number(option('runs', '30'));
const REFERENCE = option('reference');

async function tool(name, checkout) {
  const dist = join(checkout, 'dist');
  const { run } = await import(pathToFileURL(join(dist, 'cli/main.js')).href);
  const { processIo } = await import(pathToFileURL(join(dist, 'cli/io.js')).href);
  const out = mkdtempSync(join(tmpdir(), 'hms-render-bench-'));
  let stderr = '';
  const io = { ...processIo, stdout: () => undefined, stderr: (text) => void (stderr += text) };
  const commands = {
    build: ['build', YEAR, '--data', DATA, '--out', out, '--format', 'html,json'],
    validate: ['validate', YEAR, '--data', DATA],
  };
  return {
    name,
    out,
    times: { build: [], validate: [] },
    async run(command) {
      stderr = '';
      const status = await run(commands[command], io);
      if (status !== 0) throw new Error(`${name}: ${commands[command].join(' ')} exited ${status}:\n${stderr}`);
    },
  };
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
/** Milliseconds the main thread has run on a CPU (Linux), else null. */
const mainCpu = existsSync(SCHEDSTAT) ? () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : () => null;

async function timed(t, command) {
  const elu = performance.eventLoopUtilization();
  const main = mainCpu();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await t.run(command);
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  t.times[command].push({
    wall,
    main: main === null ? performance.eventLoopUtilization(elu).active : mainCpu() - main,
    cpu: (user + system) / 1000,
  });
}

const tools = [await tool('this checkout', ROOT)];
if (REFERENCE) tools.push(await tool(`reference (${REFERENCE})`, resolve(REFERENCE)));
for (const t of tools) for (let i = 0; i < 2; i++) for (const command of ['build', 'validate']) await t.run(command);
for (let i = 0; i < RUNS; i++)
  for (const t of i % 2 ? [...tools].reverse() : tools)
    for (const command of ['build', 'validate']) await timed(t, command);

let same = true;
if (REFERENCE)
  for (const file of ['report.html', 'metrics.json', 'tables.xlsx'])
    if (!readFileSync(join(tools[0].out, YEAR, file)).equals(readFileSync(join(tools[1].out, YEAR, file)))) {
      console.log(`${file} differs from the reference's`);
      same = false;
    }
for (const t of tools) rmSync(t.out, { recursive: true, force: true });

console.log(machine());
console.log(`\n${DATA}, ${RUNS} runs each, turn about (median, min–max, ms per run):\n`);
const metrics = [
  ['wall', 'wall'],
  ['main', mainCpu() === null ? 'main thread busy' : 'main thread CPU'],
  ['cpu', 'process CPU'],
];
console.log(`| run | ${metrics.map(([, label]) => label).join(' | ')} |`);
console.log(`|---|${metrics.map(() => '---:').join('|')}|`);
const cell = (values) =>
  `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
for (const command of ['build', 'validate'])
  for (const t of tools) {
    const runs = t.times[command];
    console.log(`| ${command}, ${t.name} | ${metrics.map(([key]) => cell(runs.map((r) => r[key]))).join(' | ')} |`);
  }
if (REFERENCE) {
  console.log(`\nThis checkout ÷ the reference (medians):\n`);
  console.log(`| run | ${metrics.map(([, label]) => label).join(' | ')} |`);
  console.log(`|---|${metrics.map(() => '---:').join('|')}|`);
  for (const command of ['build', 'validate']) {
    const ratio = (key) =>
      median(tools[0].times[command].map((r) => r[key])) / median(tools[1].times[command].map((r) => r[key]));
    console.log(`| ${command} | ${metrics.map(([key]) => `${ratio(key).toFixed(2)}×`).join(' | ')} |`);
  }
  console.log(same ? '\nreport.html, metrics.json and tables.xlsx: the same bytes as the reference’s.' : '');
  if (!same) process.exitCode = 1;
}
