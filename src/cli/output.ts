import { relative, sep } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import type { CoverageLine } from '../sources/coverage.js';
import type { CliIo } from './io.js';

/**
 * How the CLI talks to terminals and CI: colour only on a terminal and never
 * with NO_COLOR (https://no-color.org: any non-empty value), progress only
 * when stderr is a terminal, GitHub Actions annotations when run there.
 */

export function useColor(io: CliIo, stream: 'stdout' | 'stderr'): boolean {
  if ((io.env.NO_COLOR ?? '') !== '') return false;
  return io.isTTY?.[stream] === true;
}

/** A progress line on stderr for a long step, shown only to a person at a terminal. */
export function progress(io: CliIo, text: string): void {
  if (io.isTTY?.stderr === true) io.stderr(`${text}\n`);
}

function inGithubActions(io: CliIo): boolean {
  return io.env.GITHUB_ACTIONS === 'true';
}

/** GitHub's workflow-command escaping: %, CR and LF in the message; also : and , in properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=units.csv,line=4,title=column reporting::message`. A file
 * path relative to the repository is what GitHub links to, so the workspace
 * folder (relative to the working directory) is prefixed.
 */
function annotation(d: Diagnostic, workspacePrefix: string): string {
  const file = workspacePrefix ? `${workspacePrefix.replace(/\/$/, '')}/${d.file}` : d.file;
  const props = [`file=${escapeProperty(file)}`];
  if (d.row !== undefined) props.push(`line=${d.row}`);
  if (d.column) props.push(`title=${escapeProperty(`${d.file}: column ${d.column}`)}`);
  return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}`;
}

/** A diagnostic in the JSON summaries of validate and build. */
function diagnosticJson(d: Diagnostic): { file: string; row: number | null; column: string | null; message: string } {
  return { file: d.file, row: d.row ?? null, column: d.column ?? null, message: d.message };
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/**
 * One diagnostic as printed on stderr: a GitHub Actions annotation when run
 * there (the log still shows the full FILE:ROW:COLUMN line as its message,
 * and the annotation links the file), else the plain line, its place
 * coloured on a terminal.
 */
export function diagnosticLine(d: Diagnostic, io: CliIo, workspaceRoot: string | undefined): string {
  const plain = formatDiagnostic(d);
  if (inGithubActions(io))
    return annotation({ ...d, message: plain }, workspaceRoot ? relativeTo(io.cwd, workspaceRoot) : '');
  if (!useColor(io, 'stderr')) return plain;
  const colon = plain.indexOf(': ');
  return `${d.severity === 'error' ? RED : YELLOW}${plain.slice(0, colon + 1)}${RESET}${plain.slice(colon + 1)}`;
}

/** A path relative to the working directory, forward slashes; '' for the directory itself. */
function relativeTo(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

export interface RunSummary {
  command: 'validate' | 'build';
  year: number;
  ok: boolean;
  diagnostics: readonly Diagnostic[];
  /** Paths written, as given by the writer (absolute); shown relative to the working directory. */
  files: readonly string[];
  /** What stopped the run when it is not a problem in a file (no Chromium, a bad SOURCE_DATE_EPOCH …). */
  message?: string;
  /** validate: each table file read, its rows read and skipped. */
  coverage?: readonly CoverageLine[];
}

/** The `--json` summary of validate and build, on stdout, for CI. */
export function summaryJson(summary: RunSummary, io: CliIo): string {
  const { diagnostics } = summary;
  return `${JSON.stringify(
    {
      command: summary.command,
      year: summary.year,
      ok: summary.ok,
      errors: diagnostics.filter((d) => d.severity === 'error').map(diagnosticJson),
      warnings: diagnostics.filter((d) => d.severity === 'warning').map(diagnosticJson),
      files: summary.files.map((f) => relativeTo(io.cwd, f)),
      ...(summary.message === undefined ? {} : { message: summary.message }),
      ...(summary.coverage === undefined ? {} : { coverage: summary.coverage }),
    },
    null,
    2,
  )}\n`;
}
