import { defineSource } from '../descriptor.js';
import { workingTimeMetrics } from './metrics.js';
import { readWorkingTime, workingTimeSpec } from './read.js';
import { figureWorkingTime, tableWorkingTime, workingTimeSheets } from './report.js';

/** Breaches of the working-time rules from the time system: chapter 3.5.3. */
export const workingTime = defineSource({
  key: 'workingTime',
  tables: [{ name: 'working-time', spec: workingTimeSpec }],
  read: readWorkingTime,
  metrics: (data, { units, year }) => workingTimeMetrics(data, units, year),
  components: { 'figure-working-time': figureWorkingTime, 'table-working-time': tableWorkingTime },
  yearView: (metrics, year) => ({ workingTime: metrics.workingTime?.years[year] ?? null }),
  sheets: workingTimeSheets,
});
