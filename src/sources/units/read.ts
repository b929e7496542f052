import type { Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';
import { cellToText, code, integer, text } from '../../workspace/cells.js';
import type { Cell } from '../../workspace/table.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { WorkspaceTables } from '../tables.js';

export interface Unit {
  id: string;
  name: string;
  /** Optional extension column: a short label for figures (falls back to the name). */
  shortName: string;
  parentId: string | null;
  reporting: boolean;
  firstYear: number | null;
  lastYear: number | null;
}

export const unitsSpec = tableSpec({
  columns: {
    unit_id: text(),
    name: text(),
    short_name: text({ optional: true }),
    parent_id: text({ optional: true }),
    reporting: code(['ja', 'nei'], { aliases: { yes: 'ja', no: 'nei', true: 'ja', false: 'nei', j: 'ja', n: 'nei' } }),
    first_year: integer({ optional: true, min: 1900, max: 2999 }),
    last_year: integer({ optional: true, min: 1900, max: 2999 }),
  },
  optional: ['short_name', 'parent_id', 'first_year', 'last_year'],
  extensions: ['short_name'],
});

/**
 * How ids are matched across files: any case, and the same letters however
 * they are encoded (an å typed on a Mac may come as a + ring).
 */
export function idKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

/** The unit register: every unit, its org (top-level ancestor) and the years it exists. */
export class UnitRegister {
  private readonly orgs = new Map<string, string>();

  constructor(
    /** In register order, which is the order units are listed everywhere. */
    readonly units: readonly Unit[],
    readonly file: string,
    /** Ids (idKey) of register rows that were invalid: already reported there, so references to them are not. */
    private readonly broken: ReadonlySet<string> = new Set(),
  ) {
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const unit of units) {
      let current = unit;
      for (let steps = 0; current.parentId && byId.has(current.parentId) && steps <= units.length; steps++)
        current = byId.get(current.parentId)!;
      this.orgs.set(unit.id, current.id);
    }
  }

  get(id: string): Unit | undefined {
    return this.units.find((u) => u.id === id);
  }

  orgOf(id: string): string {
    return this.orgs.get(id) ?? id;
  }

  /** Top-level organisations, in register order. */
  orgUnits(): Unit[] {
    return this.units.filter((u) => u.parentId === null);
  }

  existsIn(unit: Unit, year: number): boolean {
    return (unit.firstYear === null || unit.firstYear <= year) && (unit.lastYear === null || year <= unit.lastYear);
  }

  reportingUnits(year: number): Unit[] {
    return this.units.filter((u) => u.reporting && this.existsIn(u, year));
  }

  /**
   * Checks a reference from another file: the unit must be in the register and
   * exist in the row's year. Reports at the given place and returns false otherwise.
   */
  check(
    id: string,
    year: number,
    place: { file: string; row: number; column: string },
    diagnostics: Diagnostics,
  ): boolean {
    const unit = this.byIdCache().get(idKey(id));
    if (!unit) {
      if (this.broken.has(idKey(id))) return false;
      diagnostics.error(place.file, messages.unknownUnit(id), place.row, place.column);
      return false;
    }
    if (!this.existsIn(unit, year)) {
      diagnostics.error(place.file, messages.unitNotInYear(id, year), place.row, place.column);
      return false;
    }
    return true;
  }

  /** The register's own spelling of an id given in another file (ids match case-insensitively, as codes do). */
  canonicalId(id: string): string {
    return this.byIdCache().get(idKey(id))?.id ?? id;
  }

  private lookup?: Map<string, Unit>;
  private byIdCache(): Map<string, Unit> {
    this.lookup ??= new Map(this.units.map((u) => [idKey(u.id), u]));
    return this.lookup;
  }
}

/** Reads units.csv|xlsx; null (with an error) when it is missing or unusable. */
export async function readUnits(tables: WorkspaceTables, diagnostics: Diagnostics): Promise<UnitRegister | null> {
  const table = await tables.open('units', null);
  if (!table) {
    if (!diagnostics.hasErrors()) diagnostics.error('units.csv', messages.noUnits());
    return null;
  }
  const units: Unit[] = [];
  const rows = new Map<string, number>();
  const parentRefs: { id: string; parent: string; row: number }[] = [];
  // A unit whose row is invalid is reported once, there, and not again at every row that refers to it.
  const broken = new Set<string>();
  const rejected = (_row: number, cell: (key: 'unit_id') => Cell) => {
    const id = cellToText(cell('unit_id'));
    if (id) broken.add(idKey(id));
  };
  for await (const { row, value } of readRows(table, unitsSpec, diagnostics, rejected)) {
    const firstRow = rows.get(idKey(value.unit_id));
    if (firstRow !== undefined) {
      diagnostics.error(table.file, messages.duplicateUnit(value.unit_id, firstRow), row, headerOf(table, 'unit_id'));
      continue;
    }
    if (value.first_year !== null && value.last_year !== null && value.first_year > value.last_year) {
      diagnostics.error(
        table.file,
        messages.yearsReversed(value.first_year, value.last_year),
        row,
        headerOf(table, 'first_year'),
      );
    }
    rows.set(idKey(value.unit_id), row);
    if (value.parent_id) parentRefs.push({ id: value.unit_id, parent: value.parent_id, row });
    units.push({
      id: value.unit_id,
      name: value.name,
      shortName: value.short_name ?? value.name,
      parentId: value.parent_id,
      reporting: value.reporting === 'ja',
      firstYear: value.first_year,
      lastYear: value.last_year,
    });
  }
  const byId = new Map(units.map((u) => [idKey(u.id), u]));
  for (const ref of parentRefs) {
    const parent = byId.get(idKey(ref.parent));
    if (!parent && broken.has(idKey(ref.parent))) continue;
    if (!parent)
      diagnostics.error(table.file, messages.unknownParent(ref.parent), ref.row, headerOf(table, 'parent_id'));
    else byId.get(idKey(ref.id))!.parentId = parent.id;
  }
  for (const unit of units) {
    const seen = new Set<string>();
    for (let current: Unit | undefined = unit; current?.parentId; current = byId.get(idKey(current.parentId))) {
      if (seen.has(current.id)) {
        diagnostics.error(
          table.file,
          messages.parentCycle(unit.id),
          rows.get(idKey(unit.id)),
          headerOf(table, 'parent_id'),
        );
        break;
      }
      seen.add(current.id);
    }
  }
  return new UnitRegister(units, table.file, broken);
}
