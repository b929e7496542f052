import { clip } from './messages.js';

/**
 * Problems found in a workspace are collected, never thrown one at a time: the
 * user fixes every one of them in a single round. HmsError is for what stops
 * the tool outright and carries the exit code the CLI returns.
 */

/** Every exit status of the CLI (README § Commands). */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
/** `diff --exit-code` when anything differs, as `git diff --exit-code`. */
export const EXIT_DIFFERENT = 1;
export const EXIT_USAGE = 2;
/** No Chromium could be found or started, or it failed while printing. */
export const EXIT_NO_BROWSER = 3;
/** A defect of the tool or its package, not of the user's input (sysexits' EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  /** The line (CSV) or sheet row (XLSX) as a person sees it; absent for file-level problems. */
  row?: number;
  /** The column's header as written in the file. */
  column?: string;
  message: string;
}

/** What stops the tool outright; each kind below carries its exit status. */
export abstract class HmsError extends Error {
  abstract readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[] = [];
}

/** The workspace has problems: each one is in `diagnostics`, and nothing is written. */
export class InvalidWorkspaceError extends HmsError {
  readonly exitCode = EXIT_INVALID;
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('invalid workspace');
  }
}

/** The command line, an argument or the environment is wrong: the message says what to change. */
export class UsageError extends HmsError {
  readonly exitCode = EXIT_USAGE;
}

/** No browser could print the PDF: the message says how to get one. */
export class BrowserError extends HmsError {
  readonly exitCode = EXIT_NO_BROWSER;
}

/** A defect of the tool or its package (a bundled file missing or broken), to be reported. */
export class InternalError extends HmsError {
  readonly exitCode = EXIT_INTERNAL;
}

/** A message longer than this is cut: each quoted value is clipped already (messages.ts), this is the last guard. */
const MAX_MESSAGE = 2000;

/** Collects diagnostics in the order found; sorting happens once, at the end. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(file: string, message: string, row?: number, column?: string): void {
    this.items.push(diagnostic('error', file, message, row, column));
  }

  warning(file: string, message: string, row?: number, column?: string): void {
    this.items.push(diagnostic('warning', file, message, row, column));
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** A column is a header cell as written, which may be 10 MB long: clipped like any value in a message. */
function diagnostic(severity: Severity, file: string, message: string, row?: number, column?: string): Diagnostic {
  return {
    severity,
    file: clip(file, 300),
    row,
    column: column === undefined ? undefined : clip(column),
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message,
  };
}

/** Stable order: by file, then row, then column; file-level problems first. */
export function sorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.file.localeCompare(b.d.file, 'en') || (a.d.row ?? 0) - (b.d.row ?? 0) || a.index - b.index)
    .map(({ d }) => d);
}

/** `FILE:ROW:COLUMN: message`, leaving out the parts a file-level problem lacks. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.row, d.column].filter((p) => p !== undefined && p !== '').join(':');
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${place}: ${prefix}${d.message}`;
}
