import type { DiffRules, SourceDescriptor } from '../sources/descriptor.js';

/**
 * metrics.json as a flat list of figures: every leaf (number, string,
 * boolean or null) under its dotted path. Object key order is kept, so the
 * diff lists figures in the order the report builds them.
 */

export type Leaf = number | string | boolean | null;

export interface Figure {
  /** Keys from the root, e.g. ["absence", "years", "2025", "total"]. */
  keys: string[];
  value: Leaf;
}

export function flatten(value: unknown, keys: string[] = [], out: Figure[] = []): Figure[] {
  if (value === null || typeof value !== 'object') {
    if (value !== undefined) out.push({ keys, value: value as Leaf });
    return out;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) flatten(child, [...keys, key], out);
  return out;
}

/** Dotted path; a key that itself holds a dot or is empty is bracketed so the path stays unambiguous. */
export function pathOf(keys: readonly string[]): string {
  return keys.map((k, i) => (k === '' || k.includes('.') ? `[${JSON.stringify(k)}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Each source's diff rules, by its key in metrics.json. */
export type DiffRulesBySource = Readonly<Record<string, DiffRules>>;

export function diffRulesOf(sources: readonly SourceDescriptor[]): DiffRulesBySource {
  return Object.fromEntries(sources.flatMap((source) => (source.diff ? [[source.key, source.diff]] : [])));
}

/**
 * Whether the key at `index` is a year: four digits directly under a `years`
 * object, or at the depth the source's rules name (absence.byOrg.<year>). A
 * unit or org id of four digits elsewhere is never taken for a year.
 */
export function isYearKey(keys: readonly string[], index: number, rules: DiffRulesBySource): boolean {
  const key = keys[index];
  if (key === undefined || !/^\d{4}$/.test(key)) return false;
  return keys[index - 1] === 'years' || index === rules[keys[0] ?? '']?.yearKeyDepth;
}

/**
 * Which figures are percentages (their changes are shown in percentage
 * points): the survey's `percent`, any key ending in `percent`/`Percent`, and
 * whatever the source's rules say is one (every sick-leave rate).
 */
export function isPercentage(keys: readonly string[], rules: DiffRulesBySource): boolean {
  const last = keys[keys.length - 1] ?? '';
  if (/percent$/i.test(last)) return true;
  return rules[keys[0] ?? '']?.isPercentage?.(keys) ?? false;
}

/** Whether null at this path means a suppressed group: only where a source's rules say so (sick leave). */
export function isSuppressible(keys: readonly string[], rules: DiffRulesBySource): boolean {
  return rules[keys[0] ?? '']?.suppressible ?? false;
}

/** Traffic lights (survey colours) are reported as colour changes rather than as text changes. */
export function isLight(keys: readonly string[]): boolean {
  return keys[keys.length - 1] === 'light';
}
