import type { Sources } from '../sources/index.js';
import { idRecord } from '../json.js';
import type { UnitsMetrics } from './types.js';

/**
 * Reporting units of the report year, how many responded to the survey, and
 * the names that metrics keys refer to (so a reader of metrics.json, or the
 * report, never needs the register).
 */
export function unitsMetrics(sources: Sources, respondedByYear: ReadonlyMap<number, number>): UnitsMetrics {
  const { units, year } = sources;
  const years: Record<string, { reporting: number; responded: number }> = {};
  for (const [surveyYear, responded] of [...respondedByYear].sort(([a], [b]) => a - b)) {
    years[surveyYear] = { reporting: units.reportingUnits(surveyYear).length, responded };
  }
  const names = idRecord<string>();
  for (const unit of units.units) names[unit.id] = unit.shortName;
  return {
    reporting: units.reportingUnits(year).length,
    responded: respondedByYear.get(year) ?? 0,
    years,
    names,
  };
}
