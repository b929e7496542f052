import type { SourceContext } from './context.js';

// Placeholder until the working-time source lands: reports the source as not given.
export type WorkingTimeData = never;

export async function readWorkingTime(_context: SourceContext): Promise<WorkingTimeData | null> {
  return null;
}
