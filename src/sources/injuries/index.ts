import * as xlsx from '../../report/sheets.js';
import { defineSource } from '../descriptor.js';
import { injuryMetrics } from './metrics.js';
import { INJURY_KINDS, injuriesSpec, readInjuries } from './read.js';
import { figureInjuries } from './report.js';

/** Yrkesskader and yrkessykdommer reported to NAV: Figur 2. */
export const injuries = defineSource({
  key: 'injuries',
  tables: [
    {
      name: 'injuries',
      spec: injuriesSpec,
      about: 'occupational injuries and diseases, all years',
      origin: 'the NAV reports (yrkesskademelding) registered by HR',
      columnsNote: '`kind` is `yrkesskade` or `yrkessykdom`.',
      headerHints: {
        case_id: ['Saksnummer', 'Saksnr', 'Referanse', 'Skademelding', 'ID'],
        unit_id: ['Enhet', 'Org.enhet', 'Organisasjonsenhet', 'Avdeling', 'Arbeidssted'],
        date: ['Skadedato', 'Hendelsesdato', 'Skadetidspunkt', 'Tidspunkt', 'Dato'],
        kind: ['Skadetype', 'Skadeart', 'Yrkesskade/yrkessykdom', 'Type'],
      },
      codes: { kind: INJURY_KINDS },
      codeHints: { kind: { yrkesskade: ['skade', 'ulykke'], yrkessykdom: ['sykdom'] } },
    },
  ],
  read: readInjuries,
  colophon: 'yrkesskader og yrkessykdommer',
  system: 'meldinger om yrkesskade og yrkessykdom',
  metrics: (data, { year }) => injuryMetrics(data, year),
  components: { 'figure-injuries': figureInjuries },
  yearView: (metrics, year) => ({ injuries: metrics.injuries?.years[year] ?? null }),
  sheets: (metrics) =>
    xlsx.yearlySheet('Yrkesskader', metrics.injuries?.years, [
      ['Yrkesskader', (v) => v.yrkesskade],
      ['Yrkessykdommer', (v) => v.yrkessykdom],
    ]),
});
