import type { SourceContext } from './context.js';

// Placeholder until the absence source lands: reports the source as not given.
export type AbsenceData = never;

export async function readAbsence(_context: SourceContext): Promise<AbsenceData | null> {
  return null;
}
