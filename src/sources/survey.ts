import type { SourceContext } from './context.js';

// Placeholder until the survey source lands: reports the source as not given.
export type SurveyData = never;

export async function readSurvey(_context: SourceContext): Promise<SurveyData | null> {
  return null;
}
