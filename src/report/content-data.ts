import type { Metrics } from '../metrics/types.js';
import type { ReportParts } from './html.js';

/**
 * The object content placeholders are evaluated against (docs/content.md).
 * Besides the raw metrics it offers per-year shortcuts, so prose reads
 * `{{percent current.absence.total 1}}` instead of a path with the year in it,
 * and the same text works for next year's report.
 *
 * Every source's key is present, null when its source was not given: strict
 * placeholders then fail only on misspellings, and `{{#if absence}}` works.
 */

/** How many years back `at.<year>` reaches: the survey's five-year window, the longest any table shows. */
const YEARS_BACK = 4;

/** What prose needs of one year: the sources' views (`current.absence`) and the reporting units that responded. */
function yearView(metrics: Metrics, parts: ReportParts, year: number): Record<string, unknown> {
  return {
    year,
    ...parts.yearView(year),
    units:
      metrics.units.years?.[String(year)] ??
      (year === metrics.year ? { reporting: metrics.units.reporting, responded: metrics.units.responded } : null),
  };
}

export function contentData(metrics: Metrics, parts: ReportParts) {
  const at = Object.fromEntries(
    Array.from({ length: YEARS_BACK + 1 }, (_, i) => metrics.year - YEARS_BACK + i).map((y) => [
      String(y),
      yearView(metrics, parts, y),
    ]),
  );
  return {
    ...Object.fromEntries(parts.sourceKeys.map((key) => [key, null])),
    ...metrics,
    metrics,
    year: metrics.year,
    previousYear: metrics.year - 1,
    /** The year the report is read and acted on ("Rektor vil i 2026 prioritere …"). */
    nextYear: metrics.year + 1,
    firstSurveyYear: metrics.year - YEARS_BACK,
    current: at[String(metrics.year)]!,
    previous: at[String(metrics.year - 1)]!,
    /** Two years back, the third year of the three-year sick-leave figures. */
    earlier: at[String(metrics.year - 2)]!,
    earlierYear: metrics.year - 2,
    /** The first year of the five-year survey tables. */
    first: at[String(metrics.year - YEARS_BACK)]!,
    at,
    names: metrics.units.names ?? {},
    ...parts.narrative,
  };
}
