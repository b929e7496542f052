import { defineSource } from '../descriptor.js';
import { incidentMetrics } from './metrics.js';
import { incidentsSpec, readIncidents } from './read.js';
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
    },
  ],
  read: readIncidents,
  colophon: 'uønskede hendelser og avvik (avvikssystemet)',
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
