import { idRecord } from '../../json.js';
import type { BenchmarkEntry, BenchmarksMetrics } from '../../metrics/types.js';
import { BENCHMARK_MEASURES, type Benchmark, type BenchmarksData } from './read.js';

/**
 * benchmarks.yaml as metrics: every entry by id, and the report year's
 * national, sector and own-institution figures picked out for the narrative
 * (the first entry wins where several fit).
 */
export function benchmarkMetrics(data: BenchmarksData, reportYear: number): BenchmarksMetrics {
  const entry = (b: Benchmark): BenchmarkEntry => ({
    label: b.label,
    scope: b.scope,
    measure: b.measure,
    year: b.year,
    value: b.value ?? null,
    min: b.range?.min ?? b.value!,
    max: b.range?.max ?? b.value!,
    source: b.source,
    period: b.period,
    seasonallyAdjusted: b.seasonallyAdjusted,
    note: b.note ?? null,
  });
  const current = data.benchmarks.filter((b) => b.year === reportYear);
  // Every measure is a key (null when not given), so the narrative can test `{{#if benchmarks.national.women}}`.
  const national: Record<string, BenchmarkEntry | null> = Object.fromEntries(BENCHMARK_MEASURES.map((m) => [m, null]));
  for (const b of current) if (b.scope === 'national' && national[b.measure] === null) national[b.measure] = entry(b);
  const own = current.find((b) => b.scope === 'institution' && b.measure === 'total');
  return {
    items: idRecord(data.benchmarks.map((b) => [b.id, entry(b)])),
    national,
    sector: idRecord(current.filter((b) => b.scope === 'sector' && b.measure === 'total').map((b) => [b.id, entry(b)])),
    institution: own ? entry(own) : null,
    seasonallyAdjusted: Object.values(national).some((b) => b?.seasonallyAdjusted === true),
  };
}
