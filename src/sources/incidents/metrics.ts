import { median, yearRange } from '../../metrics/years.js';
import type { UnitRegister } from '../units/read.js';
import { idRecord } from '../../json.js';
import { DIMENSIONS, UNWANTED_TYPES, type CaseType, type IncidentCase, type IncidentsData } from './read.js';
import { SEVERITY_LEVELS } from './severity.js';
import type { IncidentMetrics, IncidentSummary, IncidentYear, SeverityCounts } from '../../metrics/types.js';

/**
 * Incidents (contract §4): `avvist` cases are left out of every count but
 * `rejected`; reported cases are all types but forbedringsforslag; Tabell 1
 * counts uønskede hendelser alone.
 */

/** The case types as metrics keys (no spaces, so a placeholder can name them). */
export const TYPE_KEYS: Record<Exclude<CaseType, 'forbedringsforslag'>, string> = {
  ulykke: 'ulykke',
  nestenulykke: 'nestenulykke',
  'farlig forhold': 'farlig_forhold',
  avvik: 'avvik',
};

const DAY = 86_400_000;
const emptyCounts = (): SeverityCounts =>
  Object.fromEntries(SEVERITY_LEVELS.map((level) => [level, 0])) as SeverityCounts;
const percent = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);

export function incidentMetrics(data: IncidentsData, units: UnitRegister, year: number): IncidentMetrics {
  const counted = data.cases.filter((c) => c.year <= year);
  const live = counted.filter((c) => c.status !== 'avvist');
  const reported = live.filter((c) => c.type !== 'forbedringsforslag');

  const years: Record<string, IncidentYear> = {};
  for (const y of yearRange(
    counted.map((c) => c.year),
    year,
  )) {
    const ofYear = (cases: IncidentCase[]) => cases.filter((c) => c.year === y);
    const rep = ofYear(reported);
    const suggestions = ofYear(live).filter((c) => c.type === 'forbedringsforslag');
    const closed = rep.filter((c) => c.status === 'lukket');
    const suggestionsClosed = suggestions.filter((c) => c.status === 'lukket').length;
    const byType: Record<string, number> = {};
    for (const [type, key] of Object.entries(TYPE_KEYS)) byType[key] = rep.filter((c) => c.type === type).length;
    const yearEnd = `${y}-12-31`;
    years[y] = {
      reported: rep.length,
      closed: closed.length,
      suggestions: suggestions.length,
      suggestionsClosed,
      rejected: ofYear(counted).filter((c) => c.status === 'avvist' && c.type !== 'forbedringsforslag').length,
      byType,
      unwanted: rep.filter((c) => UNWANTED_TYPES.has(c.type)).length,
      closedPercent: percent(closed.length, rep.length),
      suggestionsClosedPercent: percent(suggestionsClosed, suggestions.length),
      medianDaysToClose: median(
        closed.filter((c) => c.closed !== null).map((c) => (Date.parse(c.closed!) - Date.parse(c.registered)) / DAY),
      ),
      // A lukket case without closed_date is taken as closed in time: the export does not say otherwise.
      openAtYearEnd: reported.filter(
        (c) => c.year <= y && (c.status !== 'lukket' || (c.closed !== null && c.closed > yearEnd)),
      ).length,
    };
  }

  const current = reported.filter((c) => c.year === year);

  const byOrg = idRecord<number>();
  for (const org of units.orgUnits()) if (units.existsIn(org, year)) byOrg[org.id] = 0;
  for (const c of current) {
    const org = units.orgOf(c.unitId);
    byOrg[org] = (byOrg[org] ?? 0) + 1;
  }

  const categoryCounts = new Map<string, number>();
  for (const c of current)
    for (const name of c.categories) categoryCounts.set(name, (categoryCounts.get(name) ?? 0) + 1);
  const categories = [...categoryCounts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'nb'));
  const byCategory = idRecord(categories);

  const unwanted = current.filter((c) => UNWANTED_TYPES.has(c.type));
  const severity = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      const actual = emptyCounts();
      const potential = emptyCounts();
      for (const c of unwanted) {
        actual[c.severity[dimension].actual]++;
        potential[c.severity[dimension].potential]++;
      }
      return [dimension, { actual, potential }];
    }),
  ) as IncidentMetrics['severity'];

  const thisYear = years[year]!;
  const lowActualPersonPercent = percent(severity.person.actual.ingen_liten_fare, unwanted.length);
  const summary: IncidentSummary = {
    year,
    reported: thisYear.reported,
    closed: thisYear.closed,
    suggestions: thisYear.suggestions,
    suggestionsClosed: thisYear.suggestionsClosed,
    unwanted: thisYear.unwanted,
    avvik: thisYear.byType.avvik!,
    closedPercent: thisYear.closedPercent,
    medianDaysToClose: thisYear.medianDaysToClose,
    lowActualPersonPercent,
    mostLowActualPerson: lowActualPersonPercent !== null && lowActualPersonPercent > 50,
    seriousPotentialPerson:
      severity.person.potential.farlig + severity.person.potential.kritisk + severity.person.potential.katastrofalt,
    topCategories: categories.slice(0, 3).map(([name, count]) => ({ name, count })),
    uncategorised: current.filter((c) => c.categories.length === 0).length,
  };

  return { years, byOrg, byCategory, severity, summary };
}
