import type { SourceContext } from './context.js';

// Placeholder until the whistleblowing source lands: reports the source as not given.
export type WhistleblowingData = never;

export async function readWhistleblowing(_context: SourceContext): Promise<WhistleblowingData | null> {
  return null;
}
