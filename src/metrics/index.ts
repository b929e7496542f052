import type { Sources } from '../sources/index.js';
import { respondedByYear, surveyMetrics } from './survey.js';
import { incidentMetrics } from './incidents.js';
import { injuryMetrics } from './injuries.js';
import { unitsMetrics } from './units.js';
import { whistleblowingMetrics } from './whistleblowing.js';
import { absenceMetrics, benchmarkMetrics } from './absence.js';
import { workingTimeMetrics } from './working-time.js';
import { actionPlanMetrics } from './action-plan.js';
import type { Metrics } from './types.js';

/**
 * Every figure of the report, computed from the sources alone (pure: no I/O,
 * no clock). Parts whose source was not given are left out.
 */
export function computeMetrics(sources: Sources): Metrics {
  return {
    schemaVersion: 1,
    year: sources.year,
    institution: sources.config.institution,
    units: unitsMetrics(sources, sources.survey ? respondedByYear(sources.survey, sources.year) : new Map()),
    ...(sources.survey ? { survey: surveyMetrics(sources, sources.survey) } : {}),
    ...(sources.incidents ? { incidents: incidentMetrics(sources.incidents, sources.units, sources.year) } : {}),
    ...(sources.injuries ? { injuries: injuryMetrics(sources.injuries, sources.year) } : {}),
    ...(sources.whistleblowing ? { whistleblowing: whistleblowingMetrics(sources.whistleblowing, sources.year) } : {}),
    ...(sources.acceptanceCriteria ? { acceptanceCriteria: sources.acceptanceCriteria } : {}),
    ...(sources.absence
      ? { absence: absenceMetrics(sources.absence, sources.units, sources.year, sources.config.suppression.minPersons) }
      : {}),
    ...(sources.workingTime
      ? { workingTime: workingTimeMetrics(sources.workingTime, sources.units, sources.year) }
      : {}),
    ...(sources.benchmarks ? { benchmarks: benchmarkMetrics(sources.benchmarks, sources.year) } : {}),
    ...(sources.actionPlan ? { actionPlan: actionPlanMetrics(sources.actionPlan) } : {}),
  };
}
