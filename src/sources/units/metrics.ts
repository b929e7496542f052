import type { UnitRegister } from './read.js';
import type { UnitsMetrics } from '../../metrics/types.js';
import { idRecord } from '../../json.js';

/**
 * Reporting units of the report year, how many responded to the survey, and
 * the names that metrics keys refer to (so a reader of metrics.json, or the
 * report, never needs the register).
 */
export function unitsMetrics(
  units: UnitRegister,
  year: number,
  respondedByYear: ReadonlyMap<number, number>,
): UnitsMetrics {
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
