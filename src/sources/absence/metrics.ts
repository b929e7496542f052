import type { AbsenceCell, AbsenceData, Gender } from './read.js';
import { POSITION_GROUPS } from './position-codes.js';
import type { UnitRegister } from '../units/read.js';
import type { AbsenceMetrics, AbsenceSummary, AbsenceYear, OrgRange } from '../../metrics/types.js';
import { idRecord } from '../../json.js';

/**
 * Sick leave (contract §4 absence). Every rate is 100 × Σ(self + doctor) /
 * Σ agreed over the cells of its group, never an average of rates. A group
 * with fewer than minPersons persons is null; then complementary suppression
 * hides as many more groups as it takes so that no hidden group can be worked
 * out from a shown total and its shown parts (see `suppressComplements`).
 */

const GENDERS: readonly Gender[] = ['K', 'M'];
const QUARTERS = [1, 2, 3, 4] as const;

/** A group that may be shown: its cells, its size, and whether it is hidden. */
export interface Group {
  cells: AbsenceCell[];
  agreed: number;
  persons: number;
  hidden: boolean;
}

/** A shown total and the groups it splits into: showing all but one of them would give the one away. */
export interface Partition {
  parent: Group;
  children: Group[];
}

export function absenceMetrics(
  data: AbsenceData,
  units: UnitRegister,
  reportYear: number,
  minPersons: number,
): AbsenceMetrics {
  const personsOf = personCounter(data);
  const group = (cells: AbsenceCell[]): Group => {
    const persons = personsOf(cells);
    const agreed = cells.reduce((s, c) => s + c.agreed, 0);
    return { cells, agreed, persons, hidden: cells.length === 0 || agreed <= 0 || persons < minPersons };
  };
  const orgOrder = units.orgUnits().map((u) => u.id);
  const unitOrder = new Map(units.units.map((u, i) => [u.id, i]));
  const partitions: Partition[] = [];
  const built = data.years
    .filter((y) => y <= reportYear)
    .map((year) => {
      const cells = data.cells.filter((c) => c.year === year);
      const by = <K>(list: AbsenceCell[], key: (c: AbsenceCell) => K) => {
        const out = new Map<K, AbsenceCell[]>();
        for (const c of list) {
          const k = key(c);
          const found = out.get(k);
          if (found) found.push(c);
          else out.set(k, [c]);
        }
        return out;
      };
      const byQuarter = by(cells, (c) => c.quarter);
      const byGender = by(cells, (c) => c.gender);
      const byGroup = by(cells, (c) => c.group);
      const byOrg = by(cells, (c) => c.orgId);
      const byUnit = by(cells, (c) => c.unitId);
      const byQuarterGender = by(cells, (c) => `${c.quarter}|${c.gender}`);
      const stipendiatCells = cells.filter((c) => c.stipendiat);
      const stipendiatByOrg = by(stipendiatCells, (c) => c.orgId);

      const total = group(cells);
      const quarters = new Map(QUARTERS.map((q) => [q, group(byQuarter.get(q) ?? [])]));
      const genders = new Map(GENDERS.map((g) => [g, group(byGender.get(g) ?? [])]));
      const quarterGender = new Map(
        QUARTERS.map((q) => [q, new Map(GENDERS.map((g) => [g, group(byQuarterGender.get(`${q}|${g}`) ?? [])]))]),
      );
      const groups = new Map(POSITION_GROUPS.map((g) => [g, group(byGroup.get(g) ?? [])]));
      const stipendiat = group(stipendiatCells);
      const orgIds = orgOrder.filter((org) => byOrg.has(org));
      const orgs = new Map(orgIds.map((org) => [org, group(byOrg.get(org)!)]));
      const stipendiatOrgs = new Map(
        orgIds.filter((org) => stipendiatByOrg.has(org)).map((org) => [org, group(stipendiatByOrg.get(org)!)]),
      );
      const unitIds = [...byUnit.keys()].sort((a, b) => (unitOrder.get(a) ?? 0) - (unitOrder.get(b) ?? 0));
      const unitGroups = new Map(unitIds.map((id) => [id, group(byUnit.get(id)!)]));

      const present = (groups: Iterable<Group>) => [...groups].filter((g) => g.cells.length > 0);
      partitions.push({ parent: total, children: present(quarters.values()) });
      partitions.push({ parent: total, children: present(genders.values()) });
      partitions.push({ parent: total, children: present(groups.values()) });
      partitions.push({ parent: total, children: present(orgs.values()) });
      partitions.push({ parent: stipendiat, children: present(stipendiatOrgs.values()) });
      for (const q of QUARTERS)
        partitions.push({ parent: quarters.get(q)!, children: present(quarterGender.get(q)!.values()) });
      for (const g of GENDERS)
        partitions.push({
          parent: genders.get(g)!,
          children: present(QUARTERS.map((q) => quarterGender.get(q)!.get(g)!)),
        });
      for (const org of orgIds)
        partitions.push({
          parent: orgs.get(org)!,
          children: present(unitIds.filter((u) => units.orgOf(u) === org).map((u) => unitGroups.get(u)!)),
        });
      return { year, total, quarters, genders, quarterGender, groups, stipendiat, orgs, stipendiatOrgs, unitGroups };
    });
  suppressComplements(partitions);

  const orgRange: Record<string, OrgRange | null> = {};
  const stipendiatOrgRange: Record<string, OrgRange | null> = {};
  const metrics: AbsenceMetrics = {
    years: {},
    byOrg: {},
    byUnit: {},
    stipendiatByOrg: {},
    orgRange,
    stipendiatOrgRange,
  };
  for (const y of built) {
    const key = String(y.year);
    const byQuarter = Object.fromEntries(QUARTERS.map((q) => [String(q), rate(y.quarters.get(q)!)]));
    const year: AbsenceYear = {
      total: rate(y.total),
      self: rate(y.total, 'self'),
      doctor: rate(y.total, 'doctor'),
      byGender: Object.fromEntries(GENDERS.map((g) => [g, rate(y.genders.get(g)!)])),
      byQuarter,
      byGroup: Object.fromEntries(POSITION_GROUPS.map((g) => [g, rate(y.groups.get(g)!)])),
      stipendiat: rate(y.stipendiat),
      highestQuarter: highest(byQuarter),
      quarterByGender: Object.fromEntries(
        QUARTERS.map((q) => [
          String(q),
          Object.fromEntries(GENDERS.map((g) => [g, rate(y.quarterGender.get(q)!.get(g)!)])),
        ]),
      ),
      quarterByType: Object.fromEntries(
        QUARTERS.map((q) => [
          String(q),
          { self: rate(y.quarters.get(q)!, 'self'), doctor: rate(y.quarters.get(q)!, 'doctor') },
        ]),
      ),
    };
    metrics.years[key] = year;
    metrics.byOrg[key] = idRecord([...y.orgs].map(([id, g]) => [id, rate(g)]));
    metrics.byUnit[key] = idRecord([...y.unitGroups].map(([id, g]) => [id, rate(g)]));
    metrics.stipendiatByOrg[key] = idRecord([...y.stipendiatOrgs].map(([id, g]) => [id, rate(g)]));
    orgRange[key] = range(metrics.byOrg[key]!, units);
    stipendiatOrgRange[key] = range(metrics.stipendiatByOrg[key]!, units);
  }
  metrics.summary = summary(metrics, orgRange, stipendiatOrgRange, reportYear);
  return metrics;
}

/**
 * Persons behind a set of cells: distinct ids for person rows; for
 * aggregated rows the sum of `persons` within a period, and for a group of
 * periods the largest period's (the same people are counted in every month).
 * Person counts stop at the cap, which is all suppression needs to know.
 */
function personCounter(data: AbsenceData): (cells: readonly AbsenceCell[]) => number {
  if (data.form === 'person') {
    return (cells) => {
      const ids = new Set<string>();
      for (const cell of cells) {
        if (cell.ids!.size >= data.personCap) return data.personCap;
        for (const id of cell.ids!) ids.add(id);
        if (ids.size >= data.personCap) return data.personCap;
      }
      return ids.size;
    };
  }
  return (cells) => {
    const periods = new Map<string, number>();
    for (const cell of cells) {
      const key = `${cell.year}|${cell.quarter}|${cell.month}`;
      periods.set(key, (periods.get(key) ?? 0) + cell.persons);
    }
    return Math.max(0, ...periods.values());
  };
}

/**
 * Complementary suppression, repeated until nothing changes:
 * - a shown total with exactly one hidden part: the smallest shown part (by
 *   agreed days) is hidden too, else the one hidden part is the total minus
 *   the others; with no other part to hide, the total is hidden;
 * - a hidden total whose parts are all shown: the smallest part is hidden,
 *   else the total could be rebuilt from its parts and, through it, a hidden
 *   sibling at the level above.
 */
export function suppressComplements(partitions: readonly Partition[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const { parent, children } of partitions) {
      if (children.length === 0) continue;
      const hidden = children.filter((c) => c.hidden).length;
      const smallestShown = children.filter((c) => !c.hidden).sort((a, b) => a.agreed - b.agreed)[0];
      if (!parent.hidden && hidden === 1) {
        if (smallestShown) smallestShown.hidden = true;
        else parent.hidden = true;
        changed = true;
      } else if (parent.hidden && hidden === 0 && smallestShown) {
        smallestShown.hidden = true;
        changed = true;
      }
    }
  }
}

function rate(group: Group, part: 'self' | 'doctor' | 'both' = 'both'): number | null {
  if (group.hidden) return null;
  let absence = 0;
  for (const c of group.cells) absence += part === 'self' ? c.self : part === 'doctor' ? c.doctor : c.self + c.doctor;
  return (100 * absence) / group.agreed;
}

function highest(values: Record<string, number | null>): string | null {
  let best: string | null = null;
  for (const [key, value] of Object.entries(values))
    if (value !== null && (best === null || value > values[best]!)) best = key;
  return best;
}

function lowest(values: Record<string, number | null>): string | null {
  let best: string | null = null;
  for (const [key, value] of Object.entries(values))
    if (value !== null && (best === null || value < values[best]!)) best = key;
  return best;
}

function range(values: Record<string, number | null>, units: UnitRegister): OrgRange | null {
  const minOrg = lowest(values);
  const maxOrg = highest(values);
  if (minOrg === null || maxOrg === null) return null;
  const name = (id: string) => units.get(id)?.name ?? id;
  return {
    min: values[minOrg]!,
    max: values[maxOrg]!,
    minOrg,
    maxOrg,
    minOrgName: name(minOrg),
    maxOrgName: name(maxOrg),
  };
}

/** The report year beside the two before it, in the shape the narrative's sentences need. */
function summary(
  metrics: AbsenceMetrics,
  orgRange: Record<string, OrgRange | null>,
  stipendiatOrgRange: Record<string, OrgRange | null>,
  reportYear: number,
): AbsenceSummary {
  const at = (offset: number) => metrics.years[String(reportYear - offset)];
  const now = at(0);
  const before = at(1);
  const first = at(2);
  const change = (a: number | null | undefined, b: number | null | undefined) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : null;
  const lower = (a: number | null | undefined, b: number | null | undefined) =>
    a !== null && a !== undefined && b !== null && b !== undefined && a < b;
  const highestQuarters = Object.values(metrics.years).map((y) => y.highestQuarter);
  const range = orgRange[String(reportYear)] ?? null;
  const stipRange = stipendiatOrgRange[String(reportYear)] ?? null;
  return {
    year: reportYear,
    previousYear: reportYear - 1,
    firstYear: reportYear - 2,
    total: now?.total ?? null,
    previousTotal: before?.total ?? null,
    firstTotal: first?.total ?? null,
    self: now?.self ?? null,
    doctor: now?.doctor ?? null,
    previousSelf: before?.self ?? null,
    previousDoctor: before?.doctor ?? null,
    women: now?.byGender.K ?? null,
    men: now?.byGender.M ?? null,
    vitenskapelig: now?.byGroup.vitenskapelig ?? null,
    teknisk: now?.byGroup['teknisk-administrativ'] ?? null,
    previousVitenskapelig: before?.byGroup.vitenskapelig ?? null,
    previousTeknisk: before?.byGroup['teknisk-administrativ'] ?? null,
    bothGroupsLower:
      lower(now?.byGroup.vitenskapelig, before?.byGroup.vitenskapelig) &&
      lower(now?.byGroup['teknisk-administrativ'], before?.byGroup['teknisk-administrativ']),
    stipendiat: now?.stipendiat ?? null,
    highestQuarter: now?.highestQuarter ?? null,
    highestQuarterValue: now?.highestQuarter ? (now.byQuarter[now.highestQuarter] ?? null) : null,
    highestQuarterEveryYear:
      highestQuarters.length > 0 && highestQuarters.every((q) => q !== null && q === highestQuarters[0]),
    orgMin: range?.min ?? null,
    orgMax: range?.max ?? null,
    orgMinName: range?.minOrgName ?? null,
    orgMaxName: range?.maxOrgName ?? null,
    stipendiatOrgMin: stipRange?.min ?? null,
    stipendiatOrgMax: stipRange?.max ?? null,
    changeTotal: change(now?.total, before?.total),
    changeSelf: change(now?.self, before?.self),
    changeDoctor: change(now?.doctor, before?.doctor),
  };
}
