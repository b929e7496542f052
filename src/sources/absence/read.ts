import { messages } from '../../messages.js';
import { calendarYear, code, decimal, integer, plausibleYears, text } from '../../workspace/cells.js';
import { headerOf, matchColumns, ProblemLimit, tableSpec } from '../../workspace/rows.js';
import type { SourceContext } from '../context.js';
import { readPositionCodes, normalisePositionCode, STIPENDIAT_CODE, type PositionGroup } from './position-codes.js';
import { fastCode, fastDecimal, fastInteger, fastText, validateRows } from './rows.js';
import { Diagnostics } from '../../errors.js';
import { canIngestInParallel, fileSize, ingestInParallel } from './parallel.js';

/**
 * Sick leave from SAP (contract §3, absence.csv|xlsx), in one of two forms,
 * fixed by the header: person rows (`employee_id`, one row per person and
 * month or quarter) or aggregated rows (`persons`). A file gives one form:
 * a header with both `employee_id` and `persons` (or both `month` and
 * `quarter`) is an error, since summing persons over person rows or counting
 * ids over aggregated rows would both be wrong.
 *
 * The file is streamed and aggregated while it is read: memory grows with the
 * number of cells (year × quarter × unit × gender × stillingskode) and, for
 * person rows, with at most `minPersons` ids per cell, never with rows.
 */

export type Gender = 'K' | 'M';
export type AbsenceForm = 'person' | 'aggregated';

export interface AbsenceCell {
  year: number;
  quarter: number;
  /** 1–12 for monthly aggregated rows, 0 otherwise: persons add up within a period, not across periods. */
  month: number;
  unitId: string;
  orgId: string;
  gender: Gender;
  positionCode: string;
  group: PositionGroup;
  stipendiat: boolean;
  agreed: number;
  self: number;
  doctor: number;
  /** Aggregated rows: Σ persons. Person rows: distinct ids seen, at most `personCap`. */
  persons: number;
  /**
   * Person rows: the distinct ids, kept only up to `personCap` (enough to decide suppression of any union of cells).
   */
  ids: Set<string> | null;
}

export interface AbsenceData {
  file: string;
  form: AbsenceForm;
  /** Cells of the years the metrics use (report year and the two before). */
  cells: AbsenceCell[];
  /** Years present in the file among those used, ascending. */
  years: number[];
  /** Distinct ids are counted up to this number; a count at the cap means "at least". */
  personCap: number;
}

/** How many years of sick leave the report shows: the report year and the two before it. */
export const ABSENCE_YEARS = 3;

/** The genders of the contract's `gender` column. */
export const GENDERS = ['K', 'M'] as const;
const GENDER_ALIASES = { kvinne: 'K', mann: 'M', kvinner: 'K', menn: 'M' } as const;

export const absenceSpec = tableSpec({
  columns: {
    year: calendarYear(),
    month: integer({ optional: true, min: 1, max: 12 }),
    quarter: integer({ optional: true, min: 1, max: 4 }),
    unit_id: text(),
    gender: code(GENDERS, { aliases: GENDER_ALIASES }),
    position_code: text(),
    employee_id: text({ optional: true }),
    persons: integer({ optional: true, min: 0 }),
    agreed_days: decimal({ min: 0 }),
    self_certified_days: decimal({ min: 0 }),
    doctor_certified_days: decimal({ min: 0 }),
  },
  oneOf: [
    ['month', 'quarter'],
    ['employee_id', 'persons'],
  ],
});

/** The hot path's parsers (rows.ts); the worker of parallel.ts uses them too. */
export const fastAbsence = {
  year: fastInteger(plausibleYears().first, plausibleYears().last),
  month: fastInteger(1, 12, true),
  quarter: fastInteger(1, 4, true),
  unit_id: fastText(),
  gender: fastCode(
    new Map<string, string>([...GENDERS.map((g) => [g.toLowerCase(), g] as const), ...Object.entries(GENDER_ALIASES)]),
  ),
  position_code: fastText(),
  employee_id: fastText(true),
  persons: fastInteger(0, Number.MAX_SAFE_INTEGER, true),
  agreed_days: fastDecimal(0),
  self_certified_days: fastDecimal(0),
  doctor_certified_days: fastDecimal(0),
};

export async function readAbsence(context: SourceContext): Promise<AbsenceData | null> {
  const { tables, diagnostics, units, year: reportYear } = context;
  const table = await tables.open('absence', units);
  if (!table) return null;
  const positions = await readPositionCodes(context);
  const columns = matchColumns(table, absenceSpec, diagnostics);
  if (!columns) return null;
  for (const [a, b] of [
    ['employee_id', 'persons'],
    ['month', 'quarter'],
  ] as const) {
    if (columns.has(a) && columns.has(b)) {
      diagnostics.error(
        table.file,
        messages.bothColumns(headerOf(table, a), headerOf(table, b)),
        table.headerRow,
        headerOf(table, b),
      );
      return null;
    }
  }
  const form: AbsenceForm = columns.has('employee_id') ? 'person' : 'aggregated';
  const monthly = columns.has('month');
  const cap = context.config.suppression.minPersons;
  const firstYear = reportYear - ABSENCE_YEARS + 1;
  const cells = new Map<string, AbsenceCell>();
  const column = (key: string) => headerOf(table, key);
  const unitColumn = column('unit_id');
  const positionColumn = column('position_code');
  const agreedColumn = column('agreed_days');
  const limit = new ProblemLimit(table.file, diagnostics);
  // Past the limit, unit problems are still counted but go nowhere.
  const overflow = new Diagnostics();
  // Units known valid in a year: the register lookup is the hot path's largest cost after parsing.
  const validUnits = new Map<string, string>();

  // The columns of the file's form are optional in the spec (one of two), but required in every row of that form.
  const required = [form === 'person' ? 'employee_id' : 'persons', monthly ? 'month' : 'quarter'] as const;

  // A large export on every core (parallel.ts); null when it must be read on one thread after all.
  const size = await fileSize(table.origin);
  if (canIngestInParallel(table.origin, size)) {
    const parallel = await ingestInParallel(
      {
        origin: table.origin,
        file: table.file,
        header: table.header,
        headerRow: table.headerRow,
        columns: [...columns],
        form,
        monthly,
        cap,
        firstYear,
        reportYear,
      },
      size,
      units,
      positions,
    );
    if (parallel) return absenceData(table.file, form, parallel, cap);
  }

  await validateRows(table, absenceSpec, columns, fastAbsence, diagnostics, ({ row, value }) => {
    const empty = required.filter((key) => value[key] === null);
    if (empty.length > 0) {
      for (const key of empty) if (limit.next()) diagnostics.error(table.file, messages.emptyCell(), row, column(key));
      return;
    }
    const unitKey = `${value.year}|${value.unit_id}`;
    let unitId = validUnits.get(unitKey);
    if (unitId === undefined) {
      const place = { file: table.file, row, column: unitColumn };
      if (!units.check(value.unit_id, value.year, place, overflow)) {
        if (limit.next()) units.check(value.unit_id, value.year, place, diagnostics);
        return;
      }
      unitId = units.canonicalId(value.unit_id);
      validUnits.set(unitKey, unitId);
    }
    const positionCode = normalisePositionCode(value.position_code);
    const position = positions.get(positionCode);
    if (!position) {
      if (limit.next())
        diagnostics.error(table.file, messages.unknownPositionCode(value.position_code), row, positionColumn);
      return;
    }
    const absence = value.self_certified_days + value.doctor_certified_days;
    if (absence > value.agreed_days + 1e-9) {
      if (limit.next())
        diagnostics.error(table.file, messages.absenceOverAgreed(absence, value.agreed_days), row, agreedColumn);
      return;
    }
    if (value.year < firstYear || value.year > reportYear) return;
    const month = monthly ? value.month! : 0;
    const quarter = monthly ? Math.ceil(month / 3) : value.quarter!;
    // Person rows merge the months of a quarter into one cell; monthly
    // aggregated rows keep their month (see AbsenceCell.month).
    const cellMonth = form === 'aggregated' ? month : 0;
    const key = `${value.year}|${quarter}|${cellMonth}|${unitId}|${value.gender}|${positionCode}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        year: value.year,
        quarter,
        month: cellMonth,
        unitId,
        orgId: units.orgOf(unitId),
        gender: value.gender,
        positionCode,
        group: position.group,
        stipendiat: positionCode === STIPENDIAT_CODE,
        agreed: 0,
        self: 0,
        doctor: 0,
        persons: 0,
        ids: form === 'person' ? new Set() : null,
      };
      cells.set(key, cell);
    }
    cell.agreed += value.agreed_days;
    cell.self += value.self_certified_days;
    cell.doctor += value.doctor_certified_days;
    if (cell.ids) {
      if (cell.ids.size < cap) cell.ids.add(value.employee_id!);
      cell.persons = cell.ids.size;
    } else {
      cell.persons += value.persons ?? 0;
    }
  });
  limit.finish();
  return absenceData(table.file, form, cells, cap);
}

function absenceData(
  file: string,
  form: AbsenceForm,
  cells: ReadonlyMap<string, AbsenceCell>,
  cap: number,
): AbsenceData {
  const list = [...cells.values()];
  return {
    file,
    form,
    cells: list,
    years: [...new Set(list.map((c) => c.year))].sort((a, b) => a - b),
    personCap: cap,
  };
}
