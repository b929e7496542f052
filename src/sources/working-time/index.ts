import { defineSource } from '../descriptor.js';
import { workingTimeMetrics } from './metrics.js';
import { readWorkingTime, WORKING_TIME_RULES, workingTimeSpec } from './read.js';
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
      headerHints: {
        unit_id: ['Enhet', 'Org.enhet', 'Organisasjonsenhet', 'Avdeling'],
        date: ['Dato', 'Bruddato', 'Dato for brudd'],
        year: ['År'],
        rule: ['Regel', 'Brudd', 'Bruddtype', 'Type brudd', 'Varsel', 'Varseltype'],
        count: ['Antall', 'Antall brudd'],
      },
      codes: { rule: WORKING_TIME_RULES },
      codeHints: {
        rule: {
          uke_over_48: ['48 timer', 'over 48'],
          dag_over_13: ['13 timer', 'over 13'],
          hvile_dogn: ['daglig hvile', 'døgnhvile', 'hvile døgn', '11 timer'],
          hvile_uke: ['ukentlig hvile', 'ukehvile', '35 timer'],
          overtid_uke: ['overtid i uken', 'overtid per uke', '10 timer overtid'],
          overtid_4uker: ['overtid 4 uker', 'fire uker', '25 timer'],
          overtid_aar: ['overtid 52 uker', 'overtid år', '200 timer'],
          annet: ['fleksitid', 'andre'],
        },
      },
    },
  ],
  read: readWorkingTime,
  colophon: 'brudd på arbeidstidsbestemmelser (lønns- og personalsystemet)',
  system: 'arbeidstidsregistreringen',
  metrics: (data, { units, year }) => workingTimeMetrics(data, units, year),
  components: { 'figure-working-time': figureWorkingTime, 'table-working-time': tableWorkingTime },
  yearView: (metrics, year) => ({ workingTime: metrics.workingTime?.years[year] ?? null }),
  sheets: workingTimeSheets,
});
