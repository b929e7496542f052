import { defineSource } from '../descriptor.js';
import { workingTimeMetrics } from './metrics.js';
import { readWorkingTime, workingTimeSpec } from './read.js';
import { figureWorkingTime, tableWorkingTime, workingTimeSheets } from './report.js';

/** Breaches of the working-time rules from the time system: chapter 3.5.3. */
export const workingTime = defineSource({
  key: 'workingTime',
  tables: [
    {
      name: 'working-time',
      spec: workingTimeSpec,
      about: 'breaches of the working-time rules',
      origin: 'the time-recording system (SAP/DFØ)',
      columnsNote:
        '`date` may be replaced by `year`; `count` may be left out (1). `rule` is one of `uke_over_48`, ' +
        '`dag_over_13`, `hvile_dogn`, `hvile_uke`, `overtid_uke`, `overtid_4uker`, `overtid_aar`, `annet`.',
    },
  ],
  read: readWorkingTime,
  colophon: 'brudd på arbeidstidsbestemmelser (lønns- og personalsystemet)',
  metrics: (data, { units, year }) => workingTimeMetrics(data, units, year),
  components: { 'figure-working-time': figureWorkingTime, 'table-working-time': tableWorkingTime },
  yearView: (metrics, year) => ({ workingTime: metrics.workingTime?.years[year] ?? null }),
  sheets: workingTimeSheets,
});
