import { defineSource } from '../descriptor.js';
import { incidentMetrics } from './metrics.js';
import { CASE_TYPES, incidentsSpec, readIncidents, STATUSES } from './read.js';
import {
  figureIncidentsCategory,
  figureIncidentsOrg,
  figureIncidentsYear,
  incidentSheets,
  tableSeverity,
} from './report.js';

/** Uønskede hendelser, avvik and forbedringsforslag from EQS: chapters 3.5.1 and 6.3. */
export const incidents = defineSource({
  key: 'incidents',
  tables: [
    {
      name: 'incidents',
      spec: incidentsSpec,
      about: 'unwanted incidents, non-conformities and improvement suggestions, all years',
      origin: 'EQS (the deviation system): case export',
      columnsNote:
        '`case_type` is one of `ulykke`, `nestenulykke`, `farlig forhold`, `avvik`, `forbedringsforslag`; ' +
        '`status` one of `åpen`, `under behandling`, `lukket`, `avvist`; several categories are separated by `;`; ' +
        'severities are `Ikke valgt`, `Ingen/liten fare`, `En viss fare`, `Farlig`, `Kritisk` or `Katastrofalt` ' +
        '(empty: `Ikke valgt`).',
      headerHints: {
        case_id: ['Saksnummer', 'Saksnr', 'Saks-ID', 'Sak', 'Meldingsnummer', 'Løpenummer', 'ID'],
        unit_id: ['Enhet', 'Enhet meldingen gjelder', 'Org.enhet', 'Organisasjonsenhet', 'Avdeling', 'Enhetskode'],
        registered_date: ['Registrert dato', 'Registreringsdato', 'Dato registrert', 'Registrert', 'Meldt dato'],
        case_type: ['Sakstype', 'Hendelsestype', 'Meldingstype', 'Type'],
        category: ['Kategori', 'Kategorier'],
        status: ['Status', 'Saksstatus'],
        closed_date: ['Lukket dato', 'Dato lukket', 'Lukket', 'Avsluttet dato', 'Ferdigbehandlet dato'],
        severity_person_actual: ['Person faktisk', 'Faktisk konsekvens person'],
        severity_person_potential: ['Person potensiell', 'Potensiell konsekvens person'],
        severity_material_actual: ['Materiell faktisk', 'Faktisk konsekvens materiell'],
        severity_material_potential: ['Materiell potensiell', 'Potensiell konsekvens materiell'],
        severity_environment_actual: ['Miljø faktisk', 'Faktisk konsekvens miljø'],
        severity_environment_potential: ['Miljø potensiell', 'Potensiell konsekvens miljø'],
      },
      codes: { case_type: CASE_TYPES, status: STATUSES },
      codeHints: {
        case_type: {
          'farlig forhold': ['observasjon', 'farlige forhold'],
          nestenulykke: ['nesten ulykke', 'nestenuhell'],
          ulykke: ['personskade', 'uhell'],
          forbedringsforslag: ['forslag til forbedring', 'forbedring'],
        },
        status: {
          åpen: ['ny', 'registrert', 'mottatt', 'apen'],
          'under behandling': ['behandles', 'pågår', 'overført', 'til behandling'],
          lukket: ['ferdigbehandlet', 'avsluttet', 'ferdig'],
          avvist: ['avvis'],
        },
      },
      multiValued: ['category'],
    },
  ],
  read: readIncidents,
  colophon: 'uønskede hendelser og avvik (avvikssystemet)',
  system: 'avvikssystemet',
  metrics: (data, { units, year }) => incidentMetrics(data, units, year),
  components: {
    'figure-incidents-org': figureIncidentsOrg,
    'figure-incidents-year': figureIncidentsYear,
    'figure-incidents-category': figureIncidentsCategory,
    'table-severity': tableSeverity,
  },
  yearView: (metrics, year) => ({ incidents: metrics.incidents?.years[year] ?? null }),
  sheets: incidentSheets,
});
