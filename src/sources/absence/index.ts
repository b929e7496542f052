import { defineSource } from '../descriptor.js';
import { absenceMetrics } from './metrics.js';
import { positionCodesSpec } from './position-codes.js';
import { absenceSpec, GENDERS, readAbsence } from './read.js';
import {
  absenceSheets,
  figureAbsenceGender,
  figureAbsenceOrg,
  figureAbsenceQuarter,
  figureAbsenceStipendiatOrg,
  figureAbsenceType,
} from './report.js';

/** Sick leave from SAP/DFØ (health data: small groups suppressed): chapters 4 and 6.2. */
export const absence = defineSource({
  key: 'absence',
  tables: [
    {
      name: 'absence',
      spec: absenceSpec,
      about: 'sick leave, one row per person and month (or aggregated)',
      origin: "SAP/DFØ absence statistics (the same basis as NAV/SSB's sick-leave statistics)",
      columnsNote:
        'Give `quarter` (1–4) instead of `month` and `persons` instead of `employee_id` for an export that is ' +
        'already aggregated. `gender` is `K` or `M`; days are avtalte dagsverk and fraværsdagsverk.',
      headerHints: {
        year: ['År', 'Aar'],
        month: ['Måned', 'Mnd'],
        quarter: ['Kvartal'],
        unit_id: ['Enhet', 'Org.enhet', 'Organisasjonsenhet', 'Avdeling', 'Enhetskode'],
        gender: ['Kjønn'],
        position_code: ['Stillingskode', 'Stilling'],
        employee_id: ['Ansattnummer', 'Ansattnr', 'Ansatt-ID', 'Personalnummer'],
        persons: ['Antall personer', 'Antall ansatte', 'Personer', 'Ansatte'],
        agreed_days: ['Avtalte dagsverk', 'Avtalt dagsverk', 'Avtalte'],
        self_certified_days: ['Egenmeldte fraværsdagsverk', 'Egenmeldt fravær', 'Egenmeldte dagsverk', 'Egenmeldt'],
        doctor_certified_days: ['Legemeldte fraværsdagsverk', 'Legemeldt fravær', 'Legemeldte dagsverk', 'Legemeldt'],
      },
      codes: { gender: GENDERS },
      codeHints: { gender: { K: ['kvinne', 'kvinner', 'kvinnelig'], M: ['mann', 'menn', 'mannlig'] } },
    },
    {
      name: 'position-codes',
      spec: positionCodesSpec,
      about: 'optional: stillingskoder missing from the bundled table, and their group',
      origin: "HR (DBH's grouping of the state's stillingskoder)",
      columnsNote: '`group` is `vitenskapelig` or `teknisk-administrativ`.',
      headerHints: {
        position_code: ['Stillingskode', 'Kode'],
        title: ['Stillingsbetegnelse', 'Betegnelse', 'Tittel'],
        group: ['Stillingsgruppe', 'Gruppe'],
      },
    },
  ],
  read: readAbsence,
  colophon: 'sykefravær (lønns- og personalsystemet)',
  system: 'lønns- og personalsystemet, sykefraværsstatistikk',
  metrics: (data, { units, year, config }) => absenceMetrics(data, units, year, config.suppression.minPersons),
  components: {
    'figure-absence-quarter': figureAbsenceQuarter,
    'figure-absence-org': figureAbsenceOrg,
    'figure-absence-gender': figureAbsenceGender,
    'figure-absence-type': figureAbsenceType,
    'figure-absence-stipendiat-org': figureAbsenceStipendiatOrg,
  },
  yearView: (metrics, year) => ({
    absence: metrics.absence?.years[year] ?? null,
    /** Sick leave by org, by unit and for stipendiater by org, of the year. */
    absenceByOrg: metrics.absence?.byOrg[year] ?? null,
    absenceByUnit: metrics.absence?.byUnit[year] ?? null,
    stipendiatByOrg: metrics.absence?.stipendiatByOrg[year] ?? null,
  }),
  sheets: absenceSheets,
  diff: {
    // absence.byOrg.<year>, absence.byUnit.<year> … are keyed by year.
    yearKeyDepth: 2,
    // Sick-leave rates, except the figures that count persons or rows.
    isPercentage: (keys) => !keys.some((k) => /persons|count|rows/i.test(k)),
    suppressible: true,
  },
});
