import type { Sources } from '../sources/index.js';
import { respondedByYear, surveyMetrics } from './survey.js';
import { unitsMetrics } from './units.js';
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
  };
}
