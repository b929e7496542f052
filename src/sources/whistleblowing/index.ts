import * as xlsx from '../../report/sheets.js';
import { defineSource } from '../descriptor.js';
import { whistleblowingMetrics } from './metrics.js';
import { readWhistleblowing, whistleblowingSpec } from './read.js';
import { figureWhistleblowing } from './report.js';

/** Varslingssaker: chapter 3.5.4 and Figur 10. */
export const whistleblowing = defineSource({
  key: 'whistleblowing',
  tables: [
    {
      name: 'whistleblowing',
      spec: whistleblowingSpec,
      about: 'whistleblowing cases, without units or names',
      origin: "the whistleblowing secretariat's case list",
      columnsNote: '`critical` is `ja`, `nei` or `ikke avsluttet`.',
    },
  ],
  read: readWhistleblowing,
  colophon: 'varslingssaker',
  metrics: (data, { year }) => whistleblowingMetrics(data, year),
  components: { 'figure-whistleblowing': figureWhistleblowing },
  yearView: (metrics, year) => ({ whistleblowing: metrics.whistleblowing?.years[year] ?? null }),
  sheets: (metrics) =>
    xlsx.yearlySheet('Varsling', metrics.whistleblowing?.years, [
      ['Mottatt', (v) => v.received],
      ['Kritikkverdig', (v) => v.critical],
      ['Psykososialt', (v) => v.psychosocial],
    ]),
});
