import { messages } from '../messages.js';
import type { HelperOptions } from 'handlebars';
import { round, formatCount, formatDate, formatNumber, formatPercent, formatPointChange } from './format.js';

/**
 * Formatting helpers for placeholders in the narrative (`{{percent x 1}}`).
 * A suppressed figure (null in metrics.json) prints as such, never as a number.
 * A helper given something that is not a figure throws; content.ts reports
 * that at the file and line of the placeholder.
 */
export type ContentHelper = (...args: unknown[]) => unknown;

/** Thrown for a helper used wrongly; its message is shown to the author as is. */
export class HelperError extends Error {}

/** The fractions prose rounds a share to ("om lag en tredel"), nearest first wins on a tie. */
const FRACTIONS: ReadonlyArray<readonly [number, string]> = [
  [1 / 10, 'en tidel'],
  [1 / 5, 'en femdel'],
  [1 / 4, 'en firedel'],
  [1 / 3, 'en tredel'],
  [1 / 2, 'halvparten'],
  [2 / 3, 'to tredeler'],
  [3 / 4, 'tre firedeler'],
];

const LIGHT_WORDS: Record<string, string> = { green: 'grønt', yellow: 'gult', red: 'rødt' };

export function contentHelpers(minPersons: number): Record<string, ContentHelper> {
  const suppressed = `[skjult: færre enn ${minPersons} personer]`;
  const decimalsOf = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  const numeric = (name: string, value: unknown): number | null => {
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new HelperError(messages.helperNotANumber(name, String(value)));
    return value;
  };
  /** The numeric entries of a map such as `current.absenceByOrg`, suppressed (null) ones left out. */
  const entries = (name: string, map: unknown): Array<[string, number]> => {
    if (map === null || typeof map !== 'object' || Array.isArray(map))
      throw new HelperError(messages.helperNotAMap(name));
    const found = Object.entries(map).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
    if (found.length === 0) throw new HelperError(messages.helperAllSuppressed(name));
    return found;
  };
  // Ties go to the first key in sorted order, so the text does not depend on the order of the source rows.
  const extreme = (name: string, map: unknown, pick: (a: number, b: number) => boolean): [string, number] =>
    entries(name, map)
      .sort(([a], [b]) => a.localeCompare(b, 'nb'))
      .reduce((best, entry) => (pick(entry[1], best[1]) ? entry : best));
  const lowest = (name: string, map: unknown) => extreme(name, map, (a, b) => a < b);
  const highest = (name: string, map: unknown) => extreme(name, map, (a, b) => a > b);
  /** The optional trailing string arguments of a word helper (Handlebars appends its options object). */
  const words = (args: unknown[]): string[] => args.filter((a): a is string => typeof a === 'string');

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
    /** Smallest figure of a map (suppressed entries left out): `{{percent (min current.absenceByOrg) 1}}`. */
    min: (map) => lowest('min', map)[1],
    max: (map) => highest('max', map)[1],
    /** Key of the smallest / largest figure: `{{name (maxKey current.workingTime.byOrg)}}`. */
    minKey: (map) => lowest('minKey', map)[0],
    maxKey: (map) => highest('maxKey', map)[0],
    /** Sum of the figures of a map; null when any of them is suppressed, since the sum would reveal it. */
    sum: (map) => {
      if (map !== null && typeof map === 'object' && Object.values(map).some((v) => v === null)) return null;
      return entries('sum', map).reduce((total, [, v]) => total + v, 0);
    },
    /** Name of a unit or org id from the unit register (metrics.units.names); the id itself when it has none. */
    name: (id, options) => {
      const names =
        ((options as HelperOptions).data?.root as { units?: { names?: Record<string, string> } }).units?.names ?? {};
      return names[String(id)] ?? String(id);
    },
    /**
     * A comparison in words, between the rounded figures the reader sees:
     * `{{compare a b}}` → "høyere", "lavere" or "like høyt"; other words as
     * arguments: `{{compare a b "en økning" "en nedgang" "uendret"}}`.
     */
    compare: (...args) => {
      const a = numeric('compare', args[0]);
      const b = numeric('compare', args[1]);
      const [higher = 'høyere', lower = 'lavere', same = 'like høyt'] = words(args.slice(2));
      if (a === null || b === null) return suppressed;
      const ra = round(a, 1);
      const rb = round(b, 1);
      return ra > rb ? higher : ra < rb ? lower : same;
    },
    /** `4. kvartal` from a quarter key or number. */
    quarter: (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 4) throw new HelperError(messages.helperNotAQuarter(String(value)));
      return `${n}. kvartal`;
    },
    /** A share in words: `{{fraction part whole}}` → "en tredel", "halvparten". */
    fraction: (part, whole) => {
      const p = numeric('fraction', part);
      const w = numeric('fraction', whole);
      if (p === null || w === null) return suppressed;
      if (w === 0) throw new HelperError(messages.helperWholeIsZero('fraction'));
      const share = p / w;
      return FRACTIONS.reduce((best, f) => (Math.abs(f[0] - share) < Math.abs(best[0] - share) ? f : best))[1];
    },
    /**
     * Share in percent (0–100) of a whole, for `{{percent (share current.units.responded current.units.reporting)}}`.
     */
    share: (part, whole) => {
      const p = numeric('share', part);
      const w = numeric('share', whole);
      if (w === 0) throw new HelperError(messages.helperWholeIsZero('share'));
      return p === null || w === null ? null : (100 * p) / w;
    },
    /** A traffic light in words, as prose uses it ("på gult nivå"): `{{light current.survey.hms_mal.light}}`. */
    light: (value) => {
      if (value === null) return 'uten aktuelle enheter';
      const word = LIGHT_WORDS[String(value)];
      if (!word) throw new HelperError(messages.helperNotALight(String(value)));
      return word;
    },
    /** Rounds down to a step, for "over 50 %": `{{percent (floor x 10)}}`. */
    floor: (value, step) => {
      const n = numeric('floor', value);
      const s = decimalsOf(step, 1);
      return n === null ? null : Math.floor(n / s) * s;
    },
    /** A list less the given items: `{{#each (without surveySections "6.1.3" "6.1.4")}}`. */
    without: (list, ...rest) => {
      if (!Array.isArray(list)) throw new HelperError(messages.helperNotAList('without'));
      const left = new Set(words(rest));
      return list.filter((item) => !left.has(String(item)));
    },
    /** Difference a − b, for "+0,1" in counts or points computed elsewhere: `{{count (minus a b)}}`. */
    minus: (a, b) => {
      const x = numeric('minus', a);
      const y = numeric('minus', b);
      return x === null || y === null ? null : x - y;
    },
  };
}
