import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { UnreadableFileError, type FileCoverage } from '../workspace/table.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Imports } from './imports.js';
import { findHeader, type TableSignature } from './recognise.js';

/**
 * Nothing in a workspace is ignored in silence: every file is read, or named
 * in a warning that says why not. A file whose header looks like an export
 * the tool knows is an error, not a warning — the report would lack its data
 * — naming the table it probably is and what to write in imports.yaml (or
 * `ignore:` for a copy kept on purpose). Then, per table file read, how many of its rows were read
 * and how many were passed over and why (validate's last lines).
 */

/**
 * Files a workspace may hold that are not the report's input: READMEs, the
 * default output folder (inside the workspace when the tool is run there),
 * the narrative of other years and survey exports of later years.
 */
const SURVEY_EXPORT = /^survey\/(\d{4})\.(csv|xlsx)$/i;

function leftOut(file: string, year: number): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (/^readme/i.test(base)) return true;
  if (file.startsWith('out/')) return true;
  const content = /^content\/(\d{4})\//.exec(file);
  if (content && Number(content[1]) !== year) return true;
  const survey = SURVEY_EXPORT.exec(file);
  return survey !== null && Number(survey[1]) > year;
}

/** The files imports.yaml's `ignore:` names: globs, and a folder (`scripts/`, `scripts/**`) for all below it. */
async function ignored(workspace: Workspace, patterns: readonly string[]): Promise<Set<string>> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const folder = /^(.*?)\/(\*\*)?$/.exec(pattern.replace(/\\/g, '/'));
    if (folder) for (const file of await workspace.files(folder[1])) files.add(file);
    else for (const file of await workspace.glob(pattern)) files.add(file);
  }
  return files;
}

/**
 * A warning for each file of the workspace that nothing read and no problem
 * names; a folder of files none of which is an export (scripts, documents)
 * is named once.
 */
export async function warnUnreadFiles(
  workspace: Workspace,
  year: number,
  signatures: readonly TableSignature[],
  imports: Imports,
  diagnostics: Diagnostics,
): Promise<void> {
  const named = new Set(diagnostics.items.flatMap((d) => d.file.split(' and ')));
  // A problem with the survey catalogue already says why survey/<year>.csv was not read.
  const surveyNamed = named.has('survey/questions.yaml');
  const skip = await ignored(workspace, imports.ignore);
  // The survey stanza's downloads and codebooks of years after the report year are not this report's to read.
  for (const byYear of [imports.survey?.files, imports.survey?.codebooks])
    for (const [fileYear, pattern] of Object.entries(byYear ?? {}))
      if (Number(fileYear) > year) for (const file of await workspace.glob(pattern)) skip.add(file);
  const all = await workspace.files();
  // A file read through a link inside the workspace is read: its target is not unread.
  const realpath = workspace.fs.realpath?.bind(workspace.fs);
  const real = async (file: string) => (realpath ? realpath(workspace.path(file)).catch(() => file) : file);
  const readReal = new Set(await Promise.all([...workspace.read].map(real)));
  const unread = new Map<string, Unread | null>();
  for (const file of all) {
    if (workspace.read.has(file) || named.has(file) || skip.has(file) || leftOut(file, year)) continue;
    if (readReal.has(await real(file))) continue;
    if (surveyNamed && SURVEY_EXPORT.test(file)) continue;
    // null: not an export of any kind.
    unread.set(file, await whyUnread(workspace, file, signatures, imports));
  }
  const folders = new Map<string, number>();
  for (const [file, why] of unread) {
    const parts = file.split('/').slice(0, -1);
    // The top-most folder whose every file is unread and none an export.
    const folder = parts
      .map((_, i) => parts.slice(0, i + 1).join('/'))
      .find((f) => all.filter((a) => a.startsWith(`${f}/`)).every((a) => unread.has(a) && unread.get(a) === null));
    if (why === null && folder !== undefined) folders.set(folder, (folders.get(folder) ?? 0) + 1);
    else if (why?.export) diagnostics.error(file, why.message);
    else diagnostics.warning(file, why?.message ?? messages.unreadOtherFile());
  }
  for (const [folder, count] of folders) diagnostics.warning(`${folder}/`, messages.unreadFolder(count, folder));
}

interface Unread {
  message: string;
  /** It looks like an export the tool knows. */
  export?: boolean;
}

/** Why a file was not read, with a hint when it looks like an export; null when it is no export at all. */
async function whyUnread(
  workspace: Workspace,
  file: string,
  signatures: readonly TableSignature[],
  imports: Imports,
): Promise<Unread | null> {
  const why = await reason(workspace, file, signatures, imports);
  return why === null || typeof why !== 'string' ? why : { message: why };
}

async function reason(
  workspace: Workspace,
  file: string,
  signatures: readonly TableSignature[],
  imports: Imports,
): Promise<string | Unread | null> {
  for (const [table, mapping] of imports.tables) {
    if (mapping.file && (await workspace.glob(mapping.file)).includes(file))
      return messages.unreadMatchedByImports(`${table}.file`);
  }
  const contractName = /^([a-z-]+)\.(csv|xlsx)$/i.exec(file);
  const table = contractName && signatures.find((s) => s.name === contractName[1]!.toLowerCase());
  if (table)
    return imports.tables.has(table.name)
      ? messages.unreadMappedElsewhere(table.name)
      : messages.unreadNamedTable(table.name);
  if (/\.xls$/i.test(file)) return messages.unreadOldExcel();
  let peek;
  try {
    peek = await workspace.peek(file);
  } catch (error) {
    if (error instanceof UnreadableFileError) return messages.unreadUnreadable(error.message);
    throw error;
  }
  if (!peek) return null;
  const firstCells = peek.sheets[0]?.rows.find((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  if (peek.format === 'csv' && /^\*\s/.test(String(firstCells?.cells[0] ?? '')))
    return messages.unreadLooksLikeCodebook();
  const found = findHeader(peek.sheets, signatures);
  if (!found) return messages.unreadEmpty();
  if (found.nettskjema.length > 0)
    return { message: messages.unreadLooksLikeSurvey(file, found.nettskjema), export: true };
  const best = found.tables[0];
  if (best)
    return {
      message: messages.unreadLooksLike(
        file,
        best.table,
        best.matches.length,
        found.row,
        peek.format === 'xlsx' ? peek.sheets[found.sheet]!.name : null,
      ),
      export: true,
    };
  return messages.unreadUnknownTable(
    file,
    found.row,
    found.header.filter((h) => h !== ''),
  );
}

/** One table file's rows, for validate's last lines and its `--json`. */
export interface CoverageLine {
  source: string;
  file: string;
  /** Data rows below the header. */
  rows: number;
  /** Rows that reached the source without a problem. */
  read: number;
  skipped: { sum: number; unmapped: number; errors: number };
}

/** The rows of each table file read: a row with an error is one skipped, however many problems it has. */
export function coverageLines(files: readonly FileCoverage[], diagnostics: Diagnostics): CoverageLine[] {
  return files.map((coverage) => {
    const errorRows = new Set(
      diagnostics.items
        .filter(
          (d) =>
            d.severity === 'error' &&
            d.file === coverage.file &&
            d.row !== undefined &&
            d.row > coverage.headerRow &&
            !coverage.skippedWithError.has(d.row),
        )
        .map((d) => d.row!),
    );
    const sum = coverage.skipped.sum ?? 0;
    const unmapped = coverage.skipped.unmapped ?? 0;
    const errors = Math.min(errorRows.size, coverage.rows - sum - unmapped);
    return {
      source: coverage.source ?? '',
      file: coverage.file,
      rows: coverage.rows,
      read: Math.max(0, coverage.rows - sum - unmapped - errors),
      skipped: { sum, unmapped, errors },
    };
  });
}

/** A coverage line as printed. */
export function coverageText(line: CoverageLine): string {
  const skipped: string[] = [];
  if (line.skipped.sum) skipped.push(messages.coverageSum(line.skipped.sum));
  if (line.skipped.unmapped) skipped.push(messages.coverageUnmapped(line.skipped.unmapped));
  if (line.skipped.errors) skipped.push(messages.coverageErrors(line.skipped.errors));
  return messages.coverageLine(line.source, line.file, line.rows, line.read, skipped);
}
