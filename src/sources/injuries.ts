import type { SourceContext } from './context.js';

// Placeholder until the injuries source lands: reports the source as not given.
export type InjuriesData = never;

export async function readInjuries(_context: SourceContext): Promise<InjuriesData | null> {
  return null;
}
