import type { SourceContext } from './context.js';

// Placeholder until the incidents source lands: reports the source as not given.
export type IncidentsData = never;

export async function readIncidents(_context: SourceContext): Promise<IncidentsData | null> {
  return null;
}
