import { basename, dirname, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { Diagnostics, UsageError } from '../errors.js';
import { messages } from '../messages.js';
import { readImports, type DateFormat, type UnitNaming } from '../sources/imports.js';
import { nearest, normalText, TOTAL_ROW_LABELS } from '../sources/mapped-table.js';
import { findHeader, matchLabel, type Recognition, type TableSignature } from '../sources/recognise.js';
import { tableSignatures, workspaceTables } from '../sources/registry.js';
import { WorkspaceTables } from '../sources/tables.js';
import { idKey, readUnits, type UnitRegister } from '../sources/units/read.js';
import { cellToText } from '../workspace/cells.js';
import { isBlank, UnreadableFileError, type Cell } from '../workspace/table.js';
import { Workspace } from '../workspace/workspace.js';
import type { FileSystem } from '../workspace/files.js';

/**
 * `hms-report inspect <file>`: what the tool sees in one export — its
 * encoding and delimiter or its sheets, the header it finds below title rows,
 * each column with samples and, when there are few, its distinct values —
 * which table it most likely is and how each column maps onto it, and a
 * stanza for imports.yaml, ready to paste, for everything it could match.
 * The values it could not map are listed, and left in the stanza as comments.
 */

/** Columns with at most this many distinct values list them all. */
const FEW = 12;
/** Distinct values kept per column (with counts); more are only counted. */
const KEEP = 1000;
const SAMPLES = 3;

export interface InspectedColumn {
  header: string;
  /** The contract column it maps onto, and how the header was matched. */
  column: string | null;
  match: Recognition['matches'][number]['kind'] | null;
  /** Non-empty cells. */
  filled: number;
  /** Distinct values; `more` when there were more than could be kept. */
  distinct: number;
  more: boolean;
  samples: string[];
  /** All distinct values with their counts, when there are few. */
  values: { value: string; count: number }[] | null;
}

export interface ValueMapping {
  column: string;
  codes: readonly string[];
  /** Label → code for every label that maps (a code itself too: a value map must list every label). */
  mapped: { label: string; code: string; how: 'code' | 'alias' | 'words' | 'near'; count: number }[];
  unmapped: { label: string; count: number; row: number; nearest: string | null; tied?: string[] }[];
}

export interface UnitMatch {
  naming: UnitNaming;
  /** Decided against the register (else guessed from the values). */
  checked: boolean;
  unknown: { value: string; count: number; nearest: string | null }[];
}

export interface Inspection {
  /** The file as given on the command line. */
  file: string;
  /** Its path relative to the workspace: what imports.yaml's `file:` takes. */
  path: string;
  /** Whether the file lies inside the workspace (else `path` is its name, and it must be moved in). */
  inWorkspace: boolean;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headerRow: number;
  /** Rows above the header that hold something: the title rows passed over. */
  titleRows: { row: number; text: string }[];
  /** Data rows below the header, sum rows included. */
  rows: number;
  totalRows: { row: number; label: string }[];
  columns: InspectedColumn[];
  /** The tables it may be, best first (empty when none), or a Nettskjema download. */
  candidates: { table: string; score: number; matched: number; missing: string[] }[];
  nettskjema: string[];
  table: string | null;
  values: ValueMapping[];
  units: UnitMatch | null;
  separator: Record<string, string>;
  dateFormat: DateFormat | null;
  /** Contract columns the table needs that no header matched. */
  missing: string[];
  /** The stanza for imports.yaml. */
  stanza: string;
}

export interface InspectOptions {
  fs: FileSystem;
  /** The file, absolute. */
  path: string;
  /** As the user wrote it. */
  given: string;
  /** The workspace it belongs to (its register decides how units are named); null when there is none. */
  workspace: Workspace | null;
}

export async function inspectFile(options: InspectOptions): Promise<Inspection> {
  const { fs, path, workspace } = options;
  if (!(await fs.isFile(path))) throw new UsageError(messages.inspectNoFile(options.given));
  const folder = new Workspace(dirname(path), fs);
  const name = basename(path);
  const signatures = tableSignatures();
  let peek;
  try {
    peek = await folder.peek(name);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      throw new UsageError(messages.inspectUnreadable(options.given, error.message));
    throw error;
  }
  if (!peek) throw new UsageError(messages.inspectNotTable(options.given));
  const found = findHeader(peek.sheets, signatures);
  if (!found) throw new UsageError(messages.inspectEmpty(options.given));
  const sheet = peek.format === 'xlsx' ? peek.sheets[found.sheet]!.name : null;
  const titleRows = peek.sheets[found.sheet]!.rows.filter(
    (r) => r.row < found.row && r.cells.some((c) => !isBlank(c)),
  ).map((r) => ({
    row: r.row,
    text: r.cells
      .filter((c) => !isBlank(c))
      .map(textOf)
      .join(' | '),
  }));

  const diagnostics = new Diagnostics();
  const table = await folder.open(name, diagnostics, { sheet: sheet ?? undefined, headerRow: found.row });
  if (!table) throw new UsageError(messages.inspectUnreadable(options.given, diagnostics.items[0]?.message ?? ''));
  const stats = table.header.map(() => new ColumnStats());
  const totalRows: { row: number; label: string }[] = [];
  let rows = 0;
  for await (const record of table.rows()) {
    rows++;
    const first = record.cells.find((c) => !isBlank(c));
    const label = first === undefined ? '' : textOf(first);
    if (TOTAL_ROW_LABELS.includes(normalText(label)) || /^(sum|totalt?|i alt)\b/i.test(label.trim())) {
      totalRows.push({ row: record.row, label });
      continue;
    }
    record.cells.forEach((cell, index) => stats[index]?.add(cell, record.row));
  }

  const recognition = found.nettskjema.length > 0 ? null : (found.tables[0] ?? null);
  const signature = recognition ? signatures.find((s) => s.name === recognition.table)! : null;
  const columnOf = new Map(recognition?.matches.map((m) => [m.index, m]) ?? []);
  const columns: InspectedColumn[] = table.header.map((header, index) => {
    const s = stats[index]!;
    const values = s.distinctCount() <= FEW && !s.more ? s.sorted() : null;
    return {
      header,
      column: columnOf.get(index)?.column ?? null,
      match: columnOf.get(index)?.kind ?? null,
      filled: s.filled,
      distinct: s.distinctCount(),
      more: s.more,
      samples: s.samples(),
      values,
    };
  });

  const root = workspace?.root ?? null;
  const inside = root !== null && !relative(root, path).startsWith('..');
  const stanzaPath = inside ? relative(root!, path).split(sep).join('/') : name;
  const register = workspace ? await registerOf(workspace) : null;

  const values: ValueMapping[] = [];
  const separator: Record<string, string> = {};
  let units: UnitMatch | null = null;
  let dateFormat: DateFormat | null = null;
  if (signature && recognition) {
    for (const match of recognition.matches) {
      const s = stats[match.index]!;
      if (signature.multiValued.includes(match.column)) {
        const found = separatorOf(s);
        if (found) separator[match.column] = found;
      }
      const codes = signature.codes[match.column];
      if (codes) values.push(mapValues(match.column, s, codes, signature, separator[match.column]));
      if (match.column === 'unit_id') units = unitNaming(s, register);
      if (/date/i.test(match.column)) dateFormat ??= dateFormatOf(s);
    }
  }
  const missing = recognition?.missing ?? [];
  const inspection: Omit<Inspection, 'stanza'> = {
    file: options.given,
    path: stanzaPath,
    inWorkspace: inside,
    format: peek.format,
    encoding: peek.encoding ?? null,
    delimiter: peek.delimiter ?? null,
    sheets: peek.sheets.map((s) => s.name ?? '').filter((s) => s !== ''),
    sheet,
    headerRow: found.row,
    titleRows,
    rows,
    totalRows,
    columns,
    candidates: found.tables.slice(0, 3).map((r) => ({
      table: r.table,
      score: Math.round(r.score * 100) / 100,
      matched: r.matches.length,
      missing: r.missing,
    })),
    nettskjema: found.nettskjema,
    table: found.nettskjema.length > 0 ? 'survey' : (recognition?.table ?? null),
    values,
    units,
    separator,
    dateFormat,
    missing,
  };
  return { ...inspection, stanza: stanzaOf(inspection, recognition) };
}

/** The register of the workspace, or null when it has none that reads. */
async function registerOf(workspace: Workspace): Promise<UnitRegister | null> {
  const diagnostics = new Diagnostics();
  const columns = new Map(workspaceTables().map((t) => [t.name, Object.keys(t.spec.columns)] as const));
  const tables = new WorkspaceTables(workspace, await readImports(workspace, columns, diagnostics), diagnostics);
  return readUnits(tables, diagnostics);
}

function textOf(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cellToText(cell as Exclude<Cell, null>).trim();
}

class ColumnStats {
  filled = 0;
  more = false;
  private readonly counts = new Map<string, { value: string; count: number; row: number; raw: Cell }>();

  add(cell: Cell, row: number): void {
    if (isBlank(cell)) return;
    this.filled++;
    const value = textOf(cell);
    const found = this.counts.get(value);
    if (found) found.count++;
    else if (this.counts.size < KEEP) this.counts.set(value, { value, count: 1, row, raw: cell });
    else this.more = true;
  }

  distinctCount(): number {
    return this.counts.size;
  }

  entries() {
    return [...this.counts.values()];
  }

  sorted(): { value: string; count: number }[] {
    return this.entries()
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nb'))
      .map(({ value, count }) => ({ value, count }));
  }

  samples(): string[] {
    return this.entries()
      .slice(0, SAMPLES)
      .map((e) => e.value);
  }
}

/** The separator of a column whose cells hold several values: the one most cells hold; `;` is the contract's own. */
function separatorOf(stats: ColumnStats): string | null {
  const candidates = [';', ',', '|', '\n'];
  let best: string | null = null;
  let most = 0;
  for (const candidate of candidates) {
    const cells = stats.entries().filter((e) => e.value.includes(candidate)).length;
    if (cells > most) {
      best = candidate;
      most = cells;
    }
  }
  if (best === null || best === ';') return null;
  // ", " when every comma is followed by a space: a value may then hold a comma of its own only before a non-space.
  if (best === ',' && stats.entries().every((e) => !/,(?! )/.test(e.value))) return ', ';
  return best;
}

function mapValues(
  column: string,
  stats: ColumnStats,
  codes: readonly string[],
  signature: TableSignature,
  separator: string | undefined,
): ValueMapping {
  const labels = new Map<string, { count: number; row: number }>();
  for (const entry of stats.entries()) {
    const parts = separator ? entry.value.split(separator) : [entry.value];
    for (const part of parts.map((p) => p.trim()).filter((p) => p !== '')) {
      const known = labels.get(part);
      if (known) known.count += entry.count;
      else labels.set(part, { count: entry.count, row: entry.row });
    }
  }
  const mapping: ValueMapping = { column, codes, mapped: [], unmapped: [] };
  for (const [label, { count, row }] of labels) {
    const accepted = signature.check(column, label);
    if (typeof accepted === 'string' && codes.includes(accepted)) {
      const how = normalText(accepted) === normalText(label) ? 'code' : 'alias';
      mapping.mapped.push({ label, code: accepted, how, count });
      continue;
    }
    const match = matchLabel(label, codes, signature.codeHints[column]);
    if (match.code !== null) mapping.mapped.push({ label, code: match.code, how: match.how as 'words', count });
    else
      mapping.unmapped.push({
        label,
        count,
        row,
        nearest: nearest(label, codes),
        ...(match.tied ? { tied: match.tied } : {}),
      });
  }
  return mapping;
}

/** How the export names units: the register's naming that the most of its values match. */
function unitNaming(stats: ColumnStats, register: UnitRegister | null): UnitMatch {
  const values = stats.entries();
  if (!register) {
    // Without a register: ids rarely hold spaces, names do.
    const names = values.filter((v) => /\s/.test(v.value)).length;
    return { naming: names > values.length / 2 ? 'name' : 'unit_id', checked: false, unknown: [] };
  }
  const keys: Record<UnitNaming, Map<string, string>> = {
    unit_id: new Map(register.units.map((u) => [idKey(u.id), u.id])),
    name: new Map(register.units.map((u) => [normalText(u.name), u.name])),
    short_name: new Map(register.units.map((u) => [normalText(u.shortName), u.shortName])),
  };
  const keyOf = (naming: UnitNaming, value: string) => (naming === 'unit_id' ? idKey(value.trim()) : normalText(value));
  let naming: UnitNaming = 'unit_id';
  let best = -1;
  for (const candidate of ['unit_id', 'name', 'short_name'] as const) {
    const hits = values.filter((v) => keys[candidate].has(keyOf(candidate, v.value))).length;
    if (hits > best) {
      best = hits;
      naming = candidate;
    }
  }
  const known = [...keys[naming].values()];
  return {
    naming,
    checked: true,
    unknown: values
      .filter((v) => !keys[naming].has(keyOf(naming, v.value)))
      .map((v) => ({ value: v.value, count: v.count, nearest: nearest(v.value, known) })),
  };
}

/** The layout of a date column's text dates; null when they are ISO, Excel dates, or not dates at all. */
function dateFormatOf(stats: ColumnStats): DateFormat | null {
  const texts = stats
    .entries()
    .filter((e) => typeof e.raw === 'string')
    .map((e) => e.value.split(/[ T]/)[0]!);
  if (texts.length === 0) return null;
  const all = (re: RegExp) => texts.every((t) => re.test(t));
  if (all(/^\d{4}-\d{1,2}-\d{1,2}$/)) return null;
  if (all(/^\d{1,2}\.\d{1,2}\.\d{4}$/)) return 'DD.MM.YYYY';
  if (all(/^\d{1,2}\.\d{1,2}\.\d{2}$/)) return 'DD.MM.YY';
  if (all(/^\d{1,2}\/\d{1,2}\/\d{4}$/)) {
    const secondOver12 = texts.some((t) => Number(t.split('/')[1]) > 12);
    return secondOver12 ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
  }
  return null;
}

/** A YAML scalar, quoted only where YAML needs it. */
function scalar(value: string): string {
  return stringify(value).trimEnd();
}

function stanzaOf(inspection: Omit<Inspection, 'stanza'>, recognition: Recognition | null): string {
  const lines: string[] = [];
  if (inspection.table === 'survey') {
    lines.push('survey:', `  file: ${scalar(inspection.path)}`);
    return `${lines.join('\n')}\n`;
  }
  if (!recognition || inspection.table === null) return '';
  lines.push(`${inspection.table}:`, `  file: ${scalar(inspection.path)}`);
  if (inspection.sheet !== null && inspection.sheets.length > 1) lines.push(`  sheet: ${scalar(inspection.sheet)}`);
  // A header written otherwise than the contract's name, even only
  // in case, is named: value maps are keyed by the contract's name.
  const renamed = recognition.matches.filter((m) => m.header !== m.column);
  if (renamed.length === 0 && inspection.headerRow > 1) lines.push(`  header_row: ${inspection.headerRow}`);
  if (renamed.length > 0 || inspection.missing.length > 0) {
    if (inspection.headerRow > 1)
      lines.push(`  # the header is in row ${inspection.headerRow}, below title rows: found by the columns named here`);
    lines.push('  columns:');
    for (const m of renamed) lines.push(`    ${m.column}: ${scalar(m.header)}`);
    for (const column of inspection.missing)
      lines.push(`    # ${column}: ?   (no header found for it: name the one that holds it)`);
  }
  // A column whose labels are all codes, or spellings the reader
  // accepts (Kvinne for K), needs no map; a map lists them all.
  const valueMaps = inspection.values.filter(
    (v) => v.mapped.some((m) => m.how === 'words' || m.how === 'near') || v.unmapped.length > 0,
  );
  if (valueMaps.length > 0) {
    lines.push('  values:');
    for (const map of valueMaps) {
      lines.push(`    ${map.column}:`);
      for (const m of map.mapped) lines.push(`      ${scalar(m.label)}: ${scalar(m.code)}`);
      for (const u of map.unmapped)
        lines.push(
          `      # ${scalar(u.label)}: ?   (could not map${u.tied ? `: ${u.tied.join(' or ')}?` : ''}; one of ${map.codes.join(', ')})`,
        );
    }
  }
  if (inspection.units && inspection.units.naming !== 'unit_id')
    lines.push(
      `  units: ${inspection.units.naming}${inspection.units.checked ? '' : '   # guessed: give --data <workspace> to check it against units.csv'}`,
    );
  const separators = Object.entries(inspection.separator);
  if (separators.length > 0) {
    lines.push('  separator:');
    for (const [column, value] of separators) lines.push(`    ${column}: ${scalar(value)}`);
  }
  const own = [
    ...new Set(inspection.totalRows.map((t) => t.label).filter((l) => !TOTAL_ROW_LABELS.includes(normalText(l)))),
  ];
  if (own.length > 0) {
    lines.push('  total_rows:');
    for (const label of own) lines.push(`    - ${scalar(label)}`);
  }
  if (inspection.dateFormat) lines.push(`  date_format: ${inspection.dateFormat}`);
  return `${lines.join('\n')}\n`;
}
