import * as xlsx from '../../report/sheets.js';
import { defineSource } from '../descriptor.js';
import { whistleblowingMetrics } from './metrics.js';
import { CRITICAL_CODES, readWhistleblowing, whistleblowingSpec } from './read.js';
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
      headerHints: {
        case_id: ['Saksnummer', 'Saksnr', 'Sak', 'ID'],
        received_date: ['Mottatt dato', 'Dato mottatt', 'Mottatt', 'Varslet dato', 'Dato'],
        topic: ['Tema', 'Emne', 'Forhold', 'Kategori'],
        critical: ['Kritikkverdig', 'Kritikkverdig forhold', 'Konklusjon'],
      },
      codes: { critical: CRITICAL_CODES },
      codeHints: {
        critical: {
          ja: ['kritikkverdig', 'kritikkverdig forhold'],
          nei: ['ikke kritikkverdig', 'ikke kritikkverdige forhold'],
          'ikke avsluttet': ['ikke konkludert', 'under behandling', 'pågår'],
        },
      },
    },
  ],
  read: readWhistleblowing,
  colophon: 'varslingssaker',
  system: 'varslingssakene',
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
