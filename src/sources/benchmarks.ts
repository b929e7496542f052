import type { SourceContext } from './context.js';

// Placeholder until the benchmarks source lands: reports the source as not given.
export type BenchmarksData = never;

export async function readBenchmarks(_context: SourceContext): Promise<BenchmarksData | null> {
  return null;
}
