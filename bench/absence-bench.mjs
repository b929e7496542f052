// Sick-leave ingest at national scale: generates person-month absence CSVs
// (1 million and 5 million rows by default, into bench/tmp/, gitignored) and
// reports side by side, in one run, for each size:
//   - a raw read of the file (`cat` to /dev/null, and a Node stream that only counts bytes),
//   - the tool's ingest (readAbsence: parse, validate every row, aggregate), in a child
//     process whose peak memory (maxRSS) is read from process.resourceUsage(),
//   - the same aggregation in Python with pandas, when installed (Debian: python3-pandas).
// Usage: npm run build && node bench/absence-bench.mjs [--rows 1000000,5000000] [--persons 100000]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { machine } from './machine.mjs';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const TMP = join(HERE, 'tmp');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null))
    .filter(Boolean),
);
const SIZES = (args.rows ?? '1000000,5000000').split(',').map(Number);
const PERSONS = Number(args.persons ?? 100_000);

if (!existsSync(join(ROOT, 'dist/sources/absence/read.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

// The sample register's units that exist in every year, and common stillingskoder.
const UNITS = [
  'AD-IAP',
  'HF-ISL',
  'IE-IDI',
  'IV-IBM',
  'MH-ISB',
  'NV-IKJ',
  'SU-IPS',
  'ØK-IØT',
  'VM-INH',
  'FA-HR',
  'FA-IT',
  'FA-UB',
];
const CODES = ['1013', '1011', '1017', '1352', '1065', '1364', '1434', '1087'];

/**
 * A fixed population of PERSONS people, month after month up to December
 * 2025: more rows mean more months of the same people, as a longer SAP export
 * would (from 2021 at most: 60 months of 100 000 people is 6 million rows).
 */
async function generate(rows, file) {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  out.write(
    'employee_id;year;month;unit_id;gender;position_code;agreed_days;self_certified_days;doctor_certified_days\n',
  );
  let buffer = '';
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  // The export ends in December 2025, the report year, whatever its length.
  const first = 60 - Math.ceil(rows / PERSONS);
  for (let i = 0; i < rows; i++) {
    const person = i % PERSONS;
    const monthIndex = first + Math.floor(i / PERSONS);
    const year = 2021 + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const agreed = 21;
    const self = next() < 0.1 ? 1 : 0;
    const doctor = next() < 0.05 ? Math.floor(next() * 20) : 0;
    buffer += `E${person};${year};${month};${UNITS[person % UNITS.length]};${person % 2 ? 'K' : 'M'};${CODES[person % CODES.length]};${agreed};${self};${doctor}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function rawCat(file) {
  const start = process.hrtime.bigint();
  execFileSync('sh', ['-c', `cat "${file}" > /dev/null`]);
  return seconds(start);
}

async function rawNode(file) {
  const start = process.hrtime.bigint();
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) bytes += chunk.length;
  return { seconds: seconds(start), bytes };
}

function child(command, argv) {
  const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/**
 * The first Python that has pandas: the one on PATH, else Debian's own (a pyenv python3 on PATH lacks apt's packages).
 */
function pandasPython() {
  return (
    ['python3', '/usr/bin/python3'].find(
      (python) => spawnSync(python, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0,
    ) ?? null
  );
}

mkdirSync(TMP, { recursive: true });
const pandas = pandasPython();
if (!pandas)
  console.log('pandas is not installed (Debian: apt-get install -y python3-pandas): its column is skipped.\n');
const results = [];
for (const rows of SIZES) {
  const workspace = join(TMP, `ws-${rows}`);
  mkdirSync(workspace, { recursive: true });
  copyFileSync(join(ROOT, 'data-samples/units.csv'), join(workspace, 'units.csv'));
  const file = join(workspace, 'absence.csv');
  process.stdout.write(`${rows.toLocaleString('en')} rows: generating… `);
  await generate(rows, file);
  process.stdout.write('reading… ');
  const cat = rawCat(file);
  const node = await rawNode(file);
  const tool = child(process.execPath, [join(HERE, 'ingest.mjs'), workspace]);
  const py = pandas ? child(pandas, [join(HERE, 'pandas_ingest.py'), file]) : null;
  console.log('done');
  results.push({ rows, mb: statSync(file).size / 1e6, cat, node: node.seconds, tool, py });
}

console.log(`\n${machine()}`);
const f = (n, d = 1) => n.toFixed(d);
// Wall-clock time depends on what else the machine runs; CPU time (user + system) much less, so both are shown.
console.log(
  '\n| rows | file (MB) | cat (s) | node stream (s) | hms-report wall / CPU (s) | rows per CPU-s | peak RSS (MB) | pandas wall / CPU (s) | pandas peak RSS (MB) | wall ÷ node stream | wall ÷ pandas wall | CPU ÷ pandas CPU | RSS ÷ pandas RSS |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.rows.toLocaleString('en')} | ${f(r.mb, 0)} | ${f(r.cat, 2)} | ${f(r.node, 2)} | ${f(r.tool.seconds)} / ${f(r.tool.cpuSeconds)} | ${Math.round(r.rows / r.tool.cpuSeconds).toLocaleString('en')} | ${f(r.tool.maxRssMb, 0)} | ${r.py ? `${f(r.py.seconds)} / ${f(r.py.cpuSeconds)}` : '–'} | ${r.py ? f(r.py.maxRssMb, 0) : '–'} | ${f(r.tool.seconds / r.node, 0)}× | ${r.py ? f(r.tool.seconds / r.py.seconds, 2) + '×' : '–'} | ${r.py ? f(r.tool.cpuSeconds / r.py.cpuSeconds, 1) + '×' : '–'} | ${r.py ? f(r.tool.maxRssMb / r.py.maxRssMb, 2) : '–'} |`,
  );
}
if (results.length > 1) {
  const [a, b] = [results[0], results.at(-1)];
  console.log(
    `\nRows ×${f(b.rows / a.rows, 1)}: hms-report peak memory ×${f(b.tool.maxRssMb / a.tool.maxRssMb, 2)}${a.py ? `, pandas ×${f(b.py.maxRssMb / a.py.maxRssMb, 2)}` : ''}.`,
  );
  for (const r of results) {
    const different = JSON.stringify(r.tool.check) !== JSON.stringify(r.py?.check ?? r.tool.check);
    if (different)
      console.log(
        `Check ${r.rows}: hms-report ${JSON.stringify(r.tool.check)} vs pandas ${JSON.stringify(r.py.check)}`,
      );
  }
}
