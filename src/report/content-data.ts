import type { AbsenceYear, Metrics, SurveyQuestionYear } from '../metrics/types.js';
import type { ActionPlanData } from '../sources/action-plan.js';
import type { Facts } from '../sources/facts.js';

/**
 * The object content placeholders are evaluated against (docs/content.md).
 * Besides the raw metrics it offers per-year shortcuts, so prose reads
 * `{{percent current.absence.total 1}}` instead of a path with the year in it,
 * and the same text works for next year's report.
 *
 * Every domain key is present, null when its source was not given: strict
 * placeholders then fail only on misspellings, and `{{#if absence}}` works.
 */

/** What prose needs of one year, domain by domain; a domain without data for the year is null. */
export interface YearView {
  year: number;
  /** Survey answers of the year by question id: `current.survey.hms_mal.percent`. */
  survey: Record<string, SurveyQuestionYear> | null;
  absence: AbsenceYear | null;
  /** Sick leave by org, by unit and for stipendiater by org, of the year. */
  absenceByOrg: Record<string, number | null> | null;
  absenceByUnit: Record<string, number | null> | null;
  stipendiatByOrg: Record<string, number | null> | null;
  incidents: NonNullable<Metrics['incidents']>['years'][string] | null;
  injuries: { yrkesskade: number; yrkessykdom: number } | null;
  whistleblowing: NonNullable<Metrics['whistleblowing']>['years'][string] | null;
  workingTime: NonNullable<Metrics['workingTime']>['years'][string] | null;
  /** Reporting units of the year and how many responded to the survey. */
  units: { reporting: number; responded: number } | null;
}

export interface ActionPlanSummary {
  id: string;
  title: string;
  owner: string;
}

export interface NarrativeSources {
  actionPlan: ActionPlanData | null;
  facts: Facts | null;
}

/** How many years back `at.<year>` reaches: the survey's five-year window, the longest any table shows. */
const YEARS_BACK = 4;

function yearView(metrics: Metrics, year: number): YearView {
  const key = String(year);
  const survey = metrics.survey
    ? Object.fromEntries(
        Object.entries(metrics.survey.questions)
          .filter(([, q]) => q.years[key] !== undefined)
          .map(([id, q]) => [id, q.years[key]!]),
      )
    : null;
  return {
    year,
    survey,
    absence: metrics.absence?.years[key] ?? null,
    absenceByOrg: metrics.absence?.byOrg[key] ?? null,
    absenceByUnit: metrics.absence?.byUnit[key] ?? null,
    stipendiatByOrg: metrics.absence?.stipendiatByOrg[key] ?? null,
    incidents: metrics.incidents?.years[key] ?? null,
    injuries: metrics.injuries?.years[key] ?? null,
    whistleblowing: metrics.whistleblowing?.years[key] ?? null,
    workingTime: metrics.workingTime?.years[key] ?? null,
    units:
      metrics.units.years?.[key] ??
      (year === metrics.year ? { reporting: metrics.units.reporting, responded: metrics.units.responded } : null),
  };
}

export function contentData(metrics: Metrics, narrative: NarrativeSources) {
  const at = Object.fromEntries(
    Array.from({ length: YEARS_BACK + 1 }, (_, i) => metrics.year - YEARS_BACK + i).map((y) => [
      String(y),
      yearView(metrics, y),
    ]),
  );
  return {
    survey: null,
    incidents: null,
    injuries: null,
    whistleblowing: null,
    absence: null,
    workingTime: null,
    benchmarks: null,
    actionPlan: null,
    ...metrics,
    metrics,
    year: metrics.year,
    previousYear: metrics.year - 1,
    /** The year the report is read and acted on ("Rektor vil i 2026 prioritere …"). */
    nextYear: metrics.year + 1,
    firstSurveyYear: metrics.year - YEARS_BACK,
    current: at[String(metrics.year)]!,
    previous: at[String(metrics.year - 1)]!,
    /** Two years back, the third year of the three-year sick-leave figures. */
    earlier: at[String(metrics.year - 2)]!,
    earlierYear: metrics.year - 2,
    /** The first year of the five-year survey tables. */
    first: at[String(metrics.year - YEARS_BACK)]!,
    at,
    /** Every year of a survey question by year: `questions.risiko_omstilling.[2021].percent`. */
    questions: metrics.survey
      ? Object.fromEntries(Object.entries(metrics.survey.questions).map(([id, q]) => [id, q.years]))
      : null,
    /** The sections of the report's survey rows, in catalogue order, so a narrative can give every one a table. */
    surveySections: metrics.survey
      ? [
          ...new Set(
            Object.values(metrics.survey.questions)
              .filter((q) => q.report !== false)
              .map((q) => q.section),
          ),
        ]
      : null,
    names: metrics.units.names ?? {},
    facts: narrative.facts,
    actionPlans: narrative.actionPlan
      ? narrative.actionPlan.plans.map((p): ActionPlanSummary => ({ id: p.id, title: p.title, owner: p.owner }))
      : null,
  };
}
