import { round, formatCount, formatDate, formatNumber, formatPercent, formatPointChange } from './format.js';

/**
 * Formatting helpers for placeholders in the narrative (`{{percent x 1}}`).
 * A suppressed figure (null in metrics.json) prints as such, never as a number.
 */
export function contentHelpers(minPersons: number): Record<string, (...args: unknown[]) => unknown> {
  const suppressed = `[skjult: færre enn ${minPersons} personer]`;
  const decimalsOf = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  const numeric = (name: string, value: unknown): number | null => {
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name}: "${String(value)}" is not a number`);
    return value;
  };
  return {
    percent: (value, decimals) => {
      const n = numeric('percent', value);
      return n === null ? suppressed : formatPercent(n, decimalsOf(decimals, 0));
    },
    number: (value, decimals) => {
      const n = numeric('number', value);
      return n === null ? suppressed : formatNumber(n, decimalsOf(decimals, 0));
    },
    count: (value) => {
      const n = numeric('count', value);
      return n === null ? suppressed : formatCount(n);
    },
    /**
     * Change in percentage points from `before` to `after`, signed (`+0,1`),
     * between the rounded figures the reader sees, so the text agrees with them.
     */
    pp: (after, before, decimals) => {
      const a = numeric('pp', after);
      const b = numeric('pp', before);
      const d = decimalsOf(decimals, 1);
      return a === null || b === null ? suppressed : formatPointChange(round(a, d) - round(b, d), d);
    },
    date: (value) => formatDate(String(value)),
  };
}
