import type { SourceDescriptor } from '../sources/descriptor.js';
import { SOURCES } from '../sources/registry.js';
import {
  diffRulesOf,
  flatten,
  isLight,
  isPercentage,
  isSuppressible,
  isYearKey,
  pathOf,
  type DiffRulesBySource,
  type Figure,
  type Leaf,
} from './flatten.js';

/**
 * `runs`: the same paths of two runs (what changed between two builds).
 * `years`: each figure of A's report year against the same figure of B's
 * report year (absence.years.2024.total against absence.years.2025.total);
 * history and other years are left out, figures without a year (byOrg,
 * byCategory, severity: the report year's) are compared as they are.
 */
export type DiffMode = 'runs' | 'years';

export type ChangeKind = 'changed' | 'light' | 'suppressed' | 'unsuppressed' | 'added' | 'removed';

export interface Change {
  kind: ChangeKind;
  /** Path in A (null when added). */
  pathA: string | null;
  /** Path in B (null when removed). */
  pathB: string | null;
  /** What the user reads: the path, with the year shown as `2024→2025` in the years mode. */
  label: string;
  before: Leaf | undefined;
  after: Leaf | undefined;
  /** Percentage figures: their changes are percentage points. */
  percent: boolean;
  /** Under absence, where null means a suppressed group (contract §3); elsewhere null is just no value. */
  suppressible: boolean;
  /** after − before when both are numbers (percentage points for percentages). */
  delta: number | null;
  /** For added and removed figures: the outermost object that exists on one side only, to group them. */
  group?: string;
}

export interface MetricsDiff {
  mode: DiffMode;
  yearA: number | null;
  yearB: number | null;
  changes: Change[];
  counts: Record<ChangeKind, number>;
}

interface Aligned {
  /** Alignment key: the path, with the report year replaced in the years mode. */
  key: string;
  label: string;
  figure: Figure;
}

const YEAR_SLOT = '\u0000year';

/** Every added, removed and changed figure between two metrics objects, each read by its source's diff rules. Pure. */
export function diffMetrics(
  a: unknown,
  b: unknown,
  mode: DiffMode,
  sources: readonly SourceDescriptor[] = SOURCES,
): MetricsDiff {
  const rules = diffRulesOf(sources);
  const yearA = reportYear(a);
  const yearB = reportYear(b);
  const sideA = align(flatten(a), mode, yearA, yearA, yearB, rules);
  const sideB = align(flatten(b), mode, yearB, yearA, yearB, rules);
  const byKeyB = new Map(sideB.map((f) => [f.key, f]));
  const keysA = new Set(sideA.map((f) => f.key));
  const containersA = containers(sideA);
  const containersB = containers(sideB);
  const changes: Change[] = [];

  for (const fa of sideA) {
    const fb = byKeyB.get(fa.key);
    if (!fb) {
      changes.push(entry('removed', rules, fa, undefined, groupOf(fa.key, containersB)));
      continue;
    }
    const before = fa.figure.value;
    const after = fb.figure.value;
    if (Object.is(before, after)) continue;
    const suppressible = isSuppressible(fa.figure.keys, rules);
    if (suppressible && before === null && typeof after === 'number')
      changes.push(entry('unsuppressed', rules, fa, fb));
    else if (suppressible && typeof before === 'number' && after === null)
      changes.push(entry('suppressed', rules, fa, fb));
    else changes.push(entry(isLight(fa.figure.keys) ? 'light' : 'changed', rules, fa, fb));
  }
  for (const fb of sideB) {
    if (!keysA.has(fb.key)) changes.push(entry('added', rules, undefined, fb, groupOf(fb.key, containersA)));
  }

  const counts: Record<ChangeKind, number> = {
    changed: 0,
    light: 0,
    suppressed: 0,
    unsuppressed: 0,
    added: 0,
    removed: 0,
  };
  for (const c of changes) counts[c.kind]++;
  return { mode, yearA, yearB, changes, counts };
}

export function hasChanges(diff: MetricsDiff): boolean {
  return diff.changes.length > 0;
}

function reportYear(metrics: unknown): number | null {
  const year = (metrics as { year?: unknown } | null)?.year;
  return typeof year === 'number' ? year : null;
}

function align(
  figures: Figure[],
  mode: DiffMode,
  ownYear: number | null,
  yearA: number | null,
  yearB: number | null,
  rules: DiffRulesBySource,
): Aligned[] {
  const out: Aligned[] = [];
  for (const figure of figures) {
    const keys = figure.keys;
    if (mode === 'runs') {
      const path = pathOf(keys);
      out.push({ key: path, label: path, figure });
      continue;
    }
    // The report year itself always differs between two years' reports: not a change.
    if (keys.length === 1 && keys[0] === 'year') continue;
    const yearIndexes = keys.map((_, i) => i).filter((i) => isYearKey(keys, i, rules));
    if (yearIndexes.some((i) => keys[i] !== String(ownYear))) continue;
    const slotted = keys.map((k, i) => (yearIndexes.includes(i) ? YEAR_SLOT : k));
    const shown = keys.map((k, i) => (yearIndexes.includes(i) ? `${yearA ?? '?'}→${yearB ?? '?'}` : k));
    out.push({ key: pathOf(slotted), label: pathOf(shown), figure });
  }
  return out;
}

/** Every object path that holds at least one figure on a side. */
function containers(side: Aligned[]): Set<string> {
  const set = new Set<string>();
  for (const { key } of side) {
    for (let i = key.indexOf('.'); i !== -1; i = key.indexOf('.', i + 1)) set.add(key.slice(0, i));
  }
  return set;
}

function groupOf(key: string, otherContainers: Set<string>): string {
  for (let i = key.indexOf('.'); i !== -1; i = key.indexOf('.', i + 1)) {
    const prefix = key.slice(0, i);
    if (!otherContainers.has(prefix)) return prefix;
  }
  return key;
}

function entry(
  kind: ChangeKind,
  rules: DiffRulesBySource,
  a: Aligned | undefined,
  b: Aligned | undefined,
  group?: string,
): Change {
  const keys = (a ?? b)!.figure.keys;
  const before = a?.figure.value;
  const after = b?.figure.value;
  // Twelve significant digits drop binary artefacts (4.5 − 4.6 = −0.0999…96) without rounding real figures.
  const delta =
    typeof before === 'number' && typeof after === 'number' ? Number((after - before).toPrecision(12)) : null;
  const label = (b ?? a)!.label;
  const change: Change = {
    kind,
    pathA: a ? pathOf(a.figure.keys) : null,
    pathB: b ? pathOf(b.figure.keys) : null,
    label,
    before,
    after,
    percent: isPercentage(keys, rules),
    suppressible: isSuppressible(keys, rules),
    delta,
  };
  if (group !== undefined) change.group = group.split(YEAR_SLOT).join(yearLabelOf(label, group));
  return change;
}

/** The `2024→2025` part of a label, to show a group's path the way its figures are shown. */
function yearLabelOf(label: string, group: string): string {
  if (!group.includes(YEAR_SLOT)) return '';
  return /\d{4}→\d{4}|\?→\d{4}|\d{4}→\?/.exec(label)?.[0] ?? '';
}
