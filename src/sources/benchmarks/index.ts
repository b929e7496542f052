import { defineSource } from '../descriptor.js';
import { benchmarkMetrics } from './metrics.js';
import { readBenchmarks } from './read.js';
import { absenceBenchmarks } from './report.js';

/** Sick-leave reference figures (SSB, NAV, the sector) from benchmarks.yaml: chapter 6.2. */
export const benchmarks = defineSource({
  key: 'benchmarks',
  read: readBenchmarks,
  colophon: 'nasjonale tall og tall fra sektoren (benchmarks.yaml)',
  metrics: (data, { year }) => benchmarkMetrics(data, year),
  components: { 'absence-benchmarks': absenceBenchmarks },
});
