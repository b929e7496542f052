import type { IncidentsData } from '../sources/incidents/read.js';
import type { SurveyData } from '../sources/survey/read.js';
import type { Unit, UnitRegister } from '../sources/units/read.js';
import { passesGate, surveyWindow } from '../sources/survey/metrics.js';
import type { Metrics } from './types.js';

/**
 * The per-unit view behind `hms-report feedback`: for every org and every
 * reporting unit of the report year, its own figures beside the
 * institution's. Pure. It holds unit-level figures only: survey answers are
 * the unit's (the survey is answered once per unit), incidents are counts,
 * and sick leave is taken from metrics.absence, already suppressed for small
 * groups; nothing here is about a person.
 */

export type AnswerStatus = 'positive' | 'not-positive' | 'missing' | 'not-applicable';

export interface FeedbackSurveyRow {
  id: string;
  section: string;
  theme: string;
  /**
   * A unit: how its answer counts (positive as in the catalogue; "Vet
   * ikke" is not positive); null when it did not submit. An org: null.
   */
  status: AnswerStatus | null;
  /** An org: the percent positive among its reporting units (null when none is applicable). A unit: null. */
  percent: number | null;
  /** The institution's percent, as in the report. */
  institution: number | null;
}

export interface FeedbackUnit {
  id: string;
  name: string;
  kind: 'org' | 'unit';
  orgId: string;
  orgName: string;
  /** Null when the workspace has no survey for the report year. */
  survey: {
    /** A unit: whether it submitted. An org: how many of its reporting units did, and how many there are. */
    submitted: boolean;
    responded: number;
    reporting: number;
    rows: FeedbackSurveyRow[];
  } | null;
  /**
   * Reported cases (not improvement suggestions, not rejected) of the report year in the unit and the units under it.
   */
  incidents: { reported: number; institution: number } | null;
  /**
   * Sick leave of the report year: `percent` null when suppressed; the whole
   * entry null when sick leave was not given or has no row for the unit.
   */
  absence: { percent: number | null; institution: number | null } | null;
}

/** What the unit pages are made of besides metrics.json: the register and the answers and cases per unit. */
export interface FeedbackSources {
  year: number;
  units: UnitRegister;
  survey: SurveyData | null;
  incidents: IncidentsData | null;
}

/** Orgs first, then reporting units, each in register order; an org that also reports is listed once, as an org. */
export function feedbackUnits(sources: FeedbackSources, metrics: Metrics): FeedbackUnit[] {
  const { units, year } = sources;
  const orgs = units.orgUnits().filter((u) => units.existsIn(u, year));
  const orgIds = new Set(orgs.map((u) => u.id));
  const reporting = units.reportingUnits(year).filter((u) => !orgIds.has(u.id));
  const descendants = descendantsOf(units.units);
  return [
    ...orgs.map((org) => feedbackFor(org, 'org', sources, metrics, descendants)),
    ...reporting.map((unit) => feedbackFor(unit, 'unit', sources, metrics, descendants)),
  ];
}

function descendantsOf(all: readonly Unit[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const u of all) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const result = new Map<string, Set<string>>();
  for (const u of all) {
    const seen = new Set<string>([u.id]);
    const queue = [u.id];
    while (queue.length)
      for (const child of children.get(queue.pop()!) ?? [])
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
    result.set(u.id, seen);
  }
  return result;
}

function feedbackFor(
  unit: Unit,
  kind: 'org' | 'unit',
  sources: FeedbackSources,
  metrics: Metrics,
  descendants: Map<string, Set<string>>,
): FeedbackUnit {
  const { units, year } = sources;
  const orgId = units.orgOf(unit.id);
  const within = descendants.get(unit.id) ?? new Set([unit.id]);
  return {
    id: unit.id,
    name: unit.name,
    kind,
    orgId,
    orgName: units.get(orgId)?.name ?? orgId,
    survey: surveyFor(unit, kind, within, sources, metrics),
    incidents: incidentsFor(within, sources, metrics),
    absence: absenceFor(unit.id, kind, year, metrics),
  };
}

function surveyFor(
  unit: Unit,
  kind: 'org' | 'unit',
  within: Set<string>,
  sources: FeedbackSources,
  metrics: Metrics,
): FeedbackUnit['survey'] {
  const survey = sources.survey;
  if (!survey) return null;
  const current = surveyWindow(survey, sources.year).find((y) => y.year === sources.year);
  if (!current) return null;
  const members =
    kind === 'org'
      ? sources.units
          .reportingUnits(sources.year)
          .filter((u) => within.has(u.id))
          .map((u) => u.id)
      : [unit.id];
  const submitted = members.filter((id) => current.answers.has(id));
  const rows: FeedbackSurveyRow[] = [];
  for (const question of survey.questions) {
    if (!question.report || !current.asked.has(question.id)) continue;
    const institution = metrics.survey?.questions[question.id]?.years[sources.year]?.percent ?? null;
    const base = { id: question.id, section: question.section, theme: question.theme, institution };
    if (kind === 'unit') {
      const answers = current.answers.get(unit.id);
      const answer = answers && passesGate(question, answers) ? (answers.get(question.id) ?? null) : null;
      const status: AnswerStatus | null = !answers
        ? null
        : !passesGate(question, answers)
          ? 'not-applicable'
          : answer === null
            ? 'missing'
            : question.positive.has(answer)
              ? 'positive'
              : 'not-positive';
      rows.push({ ...base, status, percent: null });
    } else {
      let positive = 0;
      let applicable = 0;
      for (const id of submitted) {
        const answers = current.answers.get(id)!;
        const answer = passesGate(question, answers) ? (answers.get(question.id) ?? null) : null;
        if (answer === null) continue;
        applicable++;
        if (question.positive.has(answer)) positive++;
      }
      rows.push({ ...base, status: null, percent: applicable === 0 ? null : (100 * positive) / applicable });
    }
  }
  return { submitted: submitted.length > 0, responded: submitted.length, reporting: members.length, rows };
}

function incidentsFor(within: Set<string>, sources: FeedbackSources, metrics: Metrics): FeedbackUnit['incidents'] {
  const incidents = sources.incidents;
  if (!incidents) return null;
  const reported = incidents.cases.filter(
    (c) => c.year === sources.year && c.type !== 'forbedringsforslag' && c.status !== 'avvist' && within.has(c.unitId),
  ).length;
  return { reported, institution: metrics.incidents?.years[sources.year]?.reported ?? 0 };
}

function absenceFor(id: string, kind: 'org' | 'unit', year: number, metrics: Metrics): FeedbackUnit['absence'] {
  const absence = metrics.absence;
  if (!absence) return null;
  const table = kind === 'org' ? absence.byOrg[year] : absence.byUnit[year];
  const percent = table?.[id];
  if (percent === undefined) return null;
  return { percent, institution: absence.years[year]?.total ?? null };
}
