import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { EXIT_DIFFERENT, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { diffMetrics, hasChanges, renderDiff, type DiffFormat, type DiffMode } from '../diff/index.js';
import type { CliIo } from './io.js';
import { useColor } from './output.js';

interface DiffOptions {
  out?: string;
  format: DiffFormat;
  mode: 'auto' | DiffMode;
  exitCode?: boolean;
}

/** `hms-report diff A B`: what changed between two metrics.json files. */
export function registerDiff(program: Command, io: CliIo, setStatus: (status: number) => void): void {
  program
    .command('diff')
    .description('compare two metrics.json files: every added, removed and changed figure')
    .argument('<a>', 'the earlier metrics.json, a folder holding one (out/2024), or a year (with --out)')
    .argument('<b>', 'the later one, in the same forms')
    .option('--out <dir>', 'output folder of the builds: a bare year means <out>/<year>/metrics.json (default: out)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .addOption(
      new Option(
        '--mode <mode>',
        "years: each figure of A's report year against B's (absence.years.2024.total vs …2025.total); runs: the same paths; auto: years when the report years differ",
      )
        .choices(['auto', 'runs', 'years'])
        .default('auto'),
    )
    .option('--exit-code', `exit with status ${EXIT_DIFFERENT} when anything differs (for CI)`)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  hms-report diff out/2024 out/2025                 year over year, as text',
        '  hms-report diff 2024 2025 --out rapporter         the same, from rapporter/<year>/metrics.json',
        '  hms-report diff old/metrics.json out/2025/metrics.json --mode runs --format markdown',
        '  hms-report diff main/2025 pr/2025 --exit-code     CI: status 1 when a figure changed',
        '',
        'Exit status: 0 no differences (or no --exit-code), 1 differences with --exit-code, 2 a file cannot be read.',
      ].join('\n'),
    )
    .action(async (a: string, b: string, options: DiffOptions) => {
      const [left, right] = await Promise.all([readMetrics(a, options.out, io), readMetrics(b, options.out, io)]);
      const mode: DiffMode =
        options.mode === 'auto'
          ? reportYear(left.value) !== reportYear(right.value)
            ? 'years'
            : 'runs'
          : options.mode;
      const diff = diffMetrics(left.value, right.value, mode);
      io.stdout(renderDiff(diff, { a: left.shown, b: right.shown }, options.format, { color: useColor(io, 'stdout') }));
      if (options.exitCode && hasChanges(diff)) setStatus(EXIT_DIFFERENT);
    });
}

function reportYear(metrics: unknown): unknown {
  return (metrics as { year?: unknown }).year;
}

/** Resolves a file, a folder holding metrics.json, or a bare year under the output folder. */
async function readMetrics(arg: string, out: string | undefined, io: CliIo): Promise<{ shown: string; value: object }> {
  const direct = resolve(io.cwd, arg);
  let path: string;
  if (out === undefined && (await io.fs.isFile(direct))) path = direct;
  else if (out === undefined && (await io.fs.isDirectory(direct))) path = resolve(direct, 'metrics.json');
  else path = resolve(io.cwd, out ?? 'out', arg, 'metrics.json');
  if (!(await io.fs.isFile(path))) throw new UsageError(messages.diffNoMetrics(arg, path));
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(await io.fs.readFile(path)));
  } catch (error) {
    throw new UsageError(messages.diffBadJson(path, error instanceof Error ? error.message : String(error)));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(messages.diffBadJson(path, 'not a JSON object'));
  return { shown: relativeShown(path, io.cwd), value };
}

function relativeShown(path: string, cwd: string): string {
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
