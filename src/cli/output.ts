import type { Diagnostic } from '../errors.js';
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

export function inGithubActions(io: CliIo): boolean {
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
export function annotation(d: Diagnostic, workspacePrefix: string): string {
  const file = workspacePrefix ? `${workspacePrefix.replace(/\/$/, '')}/${d.file}` : d.file;
  const props = [`file=${escapeProperty(file)}`];
  if (d.row !== undefined) props.push(`line=${d.row}`);
  if (d.column) props.push(`title=${escapeProperty(`${d.file}: column ${d.column}`)}`);
  return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}`;
}

/** A diagnostic in the JSON summaries of validate and build. */
export function diagnosticJson(d: Diagnostic): { severity: string; file: string; row: number | null; column: string | null; message: string } {
  return { severity: d.severity, file: d.file, row: d.row ?? null, column: d.column ?? null, message: d.message };
}
