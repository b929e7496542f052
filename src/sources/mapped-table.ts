import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { cellToText } from '../workspace/cells.js';
import { isBlank, type Cell, type Table, type TableRow } from '../workspace/table.js';
import type { DateFormat, TableMapping, UnitNaming } from './imports.js';
import type { UnitRegister } from './units/read.js';

/**
 * An export as its system wrote it, read as the contract's table through its
 * stanza of imports.yaml: headers renamed to the contract's columns, labels
 * turned into codes, unit names into unit ids, several values in a cell
 * joined with `;`, dates in the export's own layout made ISO, and sum rows
 * passed over with a warning. Everything the stanza cannot map is an error:
 * each unknown value once, with its count, its first row and the nearest
 * label the stanza knows.
 */

/** Labels of sum rows in report-centre exports, recognised in a row's first cell. */
export const TOTAL_ROW_LABELS = ['sum', 'totalt', 'total', 'i alt', 'sum total', 'totalsum', 'grand total'];

/** Text as compared: composed, trimmed, inner spaces collapsed, any case. */
export function normalText(value: string): string {
  let text = normalised.get(value);
  if (text === undefined) {
    text = value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
    if (normalised.size >= 10_000) normalised.clear();
    normalised.set(value, text);
  }
  return text;
}

/**
 * An export repeats a few hundred labels and unit names in thousands of
 * rows, and lower-casing for a locale is slow: each text is normalised once.
 */
const normalised = new Map<string, string>();

interface Unknown {
  raw: string;
  count: number;
  row: number;
}

/**
 * The mapped table, or null when a column the stanza names is not in the
 * file (each such column is an error at the header row). `stanza` names the
 * table's key in imports.yaml for messages.
 */
export function mapTable(
  table: Table,
  stanza: string,
  mapping: TableMapping,
  units: UnitRegister | null,
  diagnostics: Diagnostics,
): Table | null {
  const header = [...table.header];
  const labels = [...table.header];
  let complete = true;
  for (const [column, written] of Object.entries(mapping.columns ?? {})) {
    const index = table.header.findIndex((h) => normalText(h) === normalText(written));
    if (index < 0) {
      diagnostics.error(
        table.file,
        messages.importsColumnNotInFile(written, `${stanza}.columns.${column}`, table.header),
        table.headerRow,
        written,
      );
      complete = false;
    } else header[index] = column;
  }
  if (!complete) return null;

  const transforms = new Map<number, (value: Cell, row: number) => Cell | typeof UNMAPPED>();
  const unknown = new Map<number, Map<string, Unknown>>();
  const note = (index: number, raw: string, row: number) => {
    const byValue = unknown.get(index) ?? new Map<string, Unknown>();
    unknown.set(index, byValue);
    const found = byValue.get(normalText(raw));
    if (found) found.count++;
    else byValue.set(normalText(raw), { raw, count: 1, row });
  };
  const known = new Map<number, string[]>();

  header.forEach((column, index) => {
    const steps: ((value: string, row: number) => string | typeof UNMAPPED)[] = [];
    const values = mapping.values?.[column];
    if (values) {
      const lookup = new Map<string, string>();
      for (const [from, to] of Object.entries(values)) {
        lookup.set(normalText(from), to);
        lookup.set(normalText(to), to);
      }
      known.set(index, Object.keys(values));
      steps.push((value, row) => lookup.get(normalText(value)) ?? (note(index, value, row), UNMAPPED));
    }
    if (column === 'unit_id' && units && mapping.units && mapping.units !== 'unit_id' && !values) {
      const byName = unitNames(units, mapping.units);
      known.set(
        index,
        [...byName.keys()].map((key) => byName.get(key)!.label),
      );
      steps.push((value, row) => {
        const unit = byName.get(normalText(value));
        return unit?.id ?? (note(index, value, row), UNMAPPED);
      });
    }
    const separator = mapping.separator?.[column];
    const format = mapping.date_format;
    const isDate = format !== undefined && /date/i.test(column);
    if (steps.length === 0 && !separator && !isDate) return;
    transforms.set(index, (cell, row) => {
      if (isBlank(cell)) return cell;
      if (isDate && typeof cell === 'string') return isoDate(cell, format) ?? cell;
      if (isDate) return cell;
      const parts = separator ? splitValues(cellToText(cell), separator) : [cellToText(cell).trim()];
      const mapped: string[] = [];
      for (const part of parts.filter((p) => p !== '')) {
        let value: string | typeof UNMAPPED = part;
        for (const step of steps) if (value !== UNMAPPED) value = step(value, row);
        if (value === UNMAPPED) return UNMAPPED;
        mapped.push(value);
      }
      return mapped.join(';');
    });
  });

  const totals = new Set([...TOTAL_ROW_LABELS, ...(mapping.total_rows ?? []).map(normalText)]);
  let reported = false;
  const coverage = table.coverage;
  const skip = (reason: 'sum' | 'unmapped') => {
    if (coverage && !reported) coverage.skipped[reason] = (coverage.skipped[reason] ?? 0) + 1;
  };
  return {
    file: table.file,
    header,
    labels,
    headerRow: table.headerRow,
    coverage,
    rows: async function* () {
      for await (const record of table.rows()) {
        const first = record.cells.find((c) => !isBlank(c));
        if (first !== undefined && totals.has(normalText(cellToText(first)))) {
          if (!reported) diagnostics.warning(table.file, messages.importsTotalRow(cellToText(first)), record.row);
          skip('sum');
          continue;
        }
        const cells: Cell[] = [];
        let dropped = false;
        record.cells.forEach((cell, index) => {
          const transform = transforms.get(index);
          const value = transform ? transform(cell, record.row) : cell;
          if (value === UNMAPPED) dropped = true;
          else cells.push(value);
        });
        // A row with a value the stanza cannot map is an error (below); reading it would count it wrongly.
        if (!dropped) yield { row: record.row, cells } satisfies TableRow;
        else skip('unmapped');
      }
      if (reported) return;
      reported = true;
      for (const [index, values] of unknown) {
        for (const value of values.values()) {
          coverage?.skippedWithError.add(value.row);
          diagnostics.error(
            table.file,
            messages.importsUnknownValue(
              value.raw,
              value.count,
              stanza,
              header[index]!,
              nearest(value.raw, known.get(index) ?? []),
            ),
            value.row,
            labels[index],
          );
        }
      }
    },
  };
}

const UNMAPPED = Symbol('unmapped');

/**
 * The values of a multi-valued cell: split at the separator (its spaces do
 * not matter), trimmed, empty ones dropped. A part ending in a hyphen is a
 * suspended compound, not a value of its own: "Klem-, kutt- og fallskader"
 * is one category.
 */
export function splitValues(text: string, separator: string): string[] {
  const values: string[] = [];
  let pending = '';
  for (const raw of text.split(separator.trim() || separator)) {
    const part = raw.trim();
    if (part.endsWith('-')) {
      pending += `${part}${separator.trim() ? `${separator.trim()} ` : separator}`;
      continue;
    }
    if (part !== '' || pending !== '') values.push(`${pending}${part}`.trim());
    pending = '';
  }
  if (pending) values.push(pending.trim());
  return values.filter((v) => v !== '');
}

function unitNames(units: UnitRegister, naming: Exclude<UnitNaming, 'unit_id'>) {
  const byName = new Map<string, { id: string; label: string }>();
  for (const unit of units.units) {
    const label = naming === 'name' ? unit.name : unit.shortName;
    byName.set(normalText(label), { id: unit.id, label });
  }
  return byName;
}

/** "31.12.2025" in the stanza's layout as 2025-12-31; null when the text is not in that layout. */
export function isoDate(value: string, format: DateFormat): string | null {
  const parts = value.trim().split(/[ T]/)[0]!.split(/[./-]/);
  if (parts.length !== 3) return null;
  const order: Record<DateFormat, [number, number, number]> = {
    'DD.MM.YYYY': [2, 1, 0],
    'DD/MM/YYYY': [2, 1, 0],
    'DD.MM.YY': [2, 1, 0],
    'MM/DD/YYYY': [2, 0, 1],
    'YYYY-MM-DD': [0, 1, 2],
  };
  const [y, m, d] = order[format].map((i) => parts[i]!);
  const year = y!.length === 2 ? `20${y}` : y!;
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(m!) || !/^\d{1,2}$/.test(d!)) return null;
  return `${year}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** The known label closest to `value` (edit distance on the compared forms); null when there is none. */
export function nearest(value: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(normalText(value), normalText(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance between two texts. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
