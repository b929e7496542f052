/**
 * Norwegian typography for every number the report prints: decimal comma,
 * a no-break space as thousands separator and before "%", dates as
 * "5. januar 2025". One place, so tables, figures and prose agree.
 */

export const NBSP = '\u00a0';

/** The months as Norwegian writes them in a date, lower case. */
export const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/** Rounds half away from zero at the given decimals, avoiding binary artefacts (4.45 → 4,5). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(12))) / factor;
  return Math.sign(value) * rounded;
}

export function formatNumber(value: number, decimals = 0): string {
  const fixed = round(value, decimals).toFixed(decimals);
  const [whole, fraction] = fixed.replace('-', '').split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const sign = fixed.startsWith('-') && Number(fixed) !== 0 ? '\u2212' : '';
  return sign + grouped + (fraction ? `,${fraction}` : '');
}

/** `4,5 %`; whole percent by default as in the survey tables. */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** `1 744` */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** Percentage points with a sign: `+0,1`, `−0,2`, `0,0`. */
export function formatPointChange(value: number, decimals = 1): string {
  const text = formatNumber(value, decimals);
  return round(value, decimals) > 0 ? `+${text}` : text;
}

/** `5. januar 2025` from `2025-01-05`. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2021–2025" for the years shown, "2025" for one. */
export function yearSpan(years: readonly (string | number)[]): string {
  return years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0] ?? '');
}

/** "a, b og c" */
export function formatList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}
