import type { SeverityLevel } from '../sources/incidents/severity.js';

/**
 * metrics.json (data contract §4): every figure the report shows. Percentages
 * are 0–100 and unrounded, counts are integers, suppressed values are null,
 * years and ids are object keys. Parts whose source is not in the workspace
 * are left out.
 */

export type Light = 'green' | 'yellow' | 'red';

export interface Metrics {
  schemaVersion: 1;
  year: number;
  institution: string;
  units: UnitsMetrics;
  survey?: SurveyMetrics;
  incidents?: IncidentMetrics;
  injuries?: InjuryMetrics;
  whistleblowing?: WhistleblowingMetrics;
  /** Extension: Tabell 2's text (content, not figures), carried here because components see only the metrics. */
  acceptanceCriteria?: AcceptanceCriteriaMetrics;
  absence?: AbsenceMetrics;
  workingTime?: WorkingTimeMetrics;
  benchmarks?: BenchmarksMetrics;
  /** Extension: the action plan's rows by status (content/<year>/handlingsplan.yaml), in all and per plan id. */
  actionPlan?: ActionPlanMetrics;
}

/** Rows of the action plan by status; rows without a status are not counted. */
export interface ActionPlanStatusCounts {
  gjennomført: number;
  'delvis gjennomført': number;
  'ikke gjennomført': number;
  løpende: number;
  total: number;
}

export interface ActionPlanMetrics {
  statuses: ActionPlanStatusCounts;
  plans: Record<string, ActionPlanStatusCounts>;
}

export interface UnitsMetrics {
  reporting: number;
  responded: number;
  /** Extension: reporting units per survey year, and how many of them responded. */
  years?: Record<string, { reporting: number; responded: number }>;
  /** Extension: names of the units and orgs that metrics keys refer to. */
  names?: Record<string, string>;
}

export interface SurveyQuestionYear {
  positive: number;
  applicable: number;
  missing: number;
  /** null when no unit is applicable. */
  percent: number | null;
  light: Light | null;
}

export interface SurveyQuestionMetrics {
  section: string;
  theme: string;
  /** Extension: false for a gate or background question, which has no row in the report. */
  report?: boolean;
  years: Record<string, SurveyQuestionYear>;
}

export interface SurveyMetrics {
  questions: Record<string, SurveyQuestionMetrics>;
  /** Extension: per gate question and year, the reporting units that pass it (`yes`) and that answered it. */
  gates?: Record<string, { years: Record<string, { yes: number; answered: number }> }>;
  /**
   * Extension: the years shown (report year and up to four before it with an export) and reporting units at both ends.
   */
  period?: { from: number; to: number; years: number[]; reportingFrom: number; reportingTo: number };
  /** Extension: report-year table rows per light. */
  lights?: Record<Light, number>;
}

export type SeverityCounts = Record<SeverityLevel, number>;

export interface IncidentYear {
  reported: number;
  closed: number;
  suggestions: number;
  suggestionsClosed: number;
  rejected: number;
  /** Extension: reported cases by type (ulykke, nestenulykke, farlig_forhold, avvik). */
  byType: Record<string, number>;
  /** Extension: uønskede hendelser (ulykke, nestenulykke, farlig forhold), the cases Tabell 1 counts. */
  unwanted: number;
  /** Extension: 100 × closed / reported; null without reported cases. */
  closedPercent: number | null;
  /** Extension: 100 × suggestionsClosed / suggestions; null without suggestions. */
  suggestionsClosedPercent: number | null;
  /**
   * Extension: median days from registered_date to closed_date
   * of the year's closed reported cases that have a closed_date.
   */
  medianDaysToClose: number | null;
  /**
   * Extension: reported cases registered up to and including the
   * year still open on 31 December (not lukket, or closed later).
   */
  openAtYearEnd: number;
  [extension: string]: unknown;
}

export interface CategoryCount {
  name: string;
  count: number;
}

/** Extension: the report year's figures that the prose states, so no number is typed by hand. */
export interface IncidentSummary {
  year: number;
  reported: number;
  closed: number;
  suggestions: number;
  suggestionsClosed: number;
  unwanted: number;
  avvik: number;
  closedPercent: number | null;
  medianDaysToClose: number | null;
  /**
   * 100 × uønskede hendelser with actual person severity Ingen/liten fare ÷
   * all uønskede hendelser (Ikke valgt counts as not low); null without any.
   */
  lowActualPersonPercent: number | null;
  /** Whether that share is above half: "de fleste meldingene har lav faktisk alvorlighetsgrad". */
  mostLowActualPerson: boolean;
  /** Uønskede hendelser whose potential person severity is Farlig or worse. */
  seriousPotentialPerson: number;
  /** The three most common categories (fewer when there are fewer), by count then name. */
  topCategories: CategoryCount[];
  /** Reported cases without any category (not in byCategory). */
  uncategorised: number;
}

export interface IncidentMetrics {
  years: Record<string, IncidentYear>;
  byOrg: Record<string, number>;
  /** By count, then name; the first spelling of a category in the export. */
  byCategory: Record<string, number>;
  severity: Record<'person' | 'material' | 'environment', { actual: SeverityCounts; potential: SeverityCounts }>;
  summary: IncidentSummary;
  [extension: string]: unknown;
}

export interface AcceptanceCriteriaMetrics {
  /** Where the text came from: templates/acceptance-criteria.yaml or content/<year>/akseptkriterier.yaml. */
  file: string;
  title: string;
  columns: string[];
  rows: string[][];
}

export interface InjuryMetrics {
  years: Record<string, { yrkesskade: number; yrkessykdom: number }>;
  [extension: string]: unknown;
}

export interface WhistleblowingYear {
  received: number;
  critical: number;
  psychosocial: number;
  /** Extension: cases not yet concluded (critical = ikke avsluttet). */
  notConcluded: number;
  /** Extension: cases concluded without kritikkverdige forhold (critical = nei). */
  notCritical: number;
  [extension: string]: unknown;
}

export interface WhistleblowingMetrics {
  years: Record<string, WhistleblowingYear>;
  /**
   * Extension: the report year's cases per topic (first spelling in the
   * export), by count then name; "(uten tema)" for cases without one.
   */
  byTopic: Record<string, number>;
  [extension: string]: unknown;
}

export interface AbsenceYear {
  total: number | null;
  self: number | null;
  doctor: number | null;
  byGender: Record<string, number | null>;
  byQuarter: Record<string, number | null>;
  byGroup: Record<string, number | null>;
  stipendiat: number | null;
  /** Extension: the quarter with the highest rate (key of byQuarter), null when all are hidden. */
  highestQuarter?: string | null;
  /** Extension: per quarter and gender (Figur 5). */
  quarterByGender?: Record<string, Record<string, number | null>>;
  /** Extension: per quarter, egenmeldt and legemeldt (Figur 6). */
  quarterByType?: Record<string, { self: number | null; doctor: number | null }>;
  [extension: string]: unknown;
}

/** Extension: the lowest and highest org of a year. */
export interface OrgRange {
  min: number;
  max: number;
  minOrg: string;
  maxOrg: string;
  minOrgName: string;
  maxOrgName: string;
}

/** Extension: the report year beside the two before it, for the narrative (null: no data or hidden). */
export interface AbsenceSummary {
  year: number;
  previousYear: number;
  firstYear: number;
  total: number | null;
  previousTotal: number | null;
  firstTotal: number | null;
  self: number | null;
  doctor: number | null;
  previousSelf: number | null;
  previousDoctor: number | null;
  women: number | null;
  men: number | null;
  vitenskapelig: number | null;
  teknisk: number | null;
  previousVitenskapelig: number | null;
  previousTeknisk: number | null;
  bothGroupsLower: boolean;
  stipendiat: number | null;
  highestQuarter: string | null;
  highestQuarterValue: number | null;
  highestQuarterEveryYear: boolean;
  orgMin: number | null;
  orgMax: number | null;
  orgMinName: string | null;
  orgMaxName: string | null;
  stipendiatOrgMin: number | null;
  stipendiatOrgMax: number | null;
  /** Change from the year before in percentage points (unrounded; null when either year is missing or hidden). */
  changeTotal: number | null;
  changeSelf: number | null;
  changeDoctor: number | null;
}

export interface AbsenceMetrics {
  years: Record<string, AbsenceYear>;
  byOrg: Record<string, Record<string, number | null>>;
  byUnit: Record<string, Record<string, number | null>>;
  stipendiatByOrg: Record<string, Record<string, number | null>>;
  /** Extension: per year, the range across orgs (null when every org is hidden). */
  orgRange?: Record<string, OrgRange | null>;
  stipendiatOrgRange?: Record<string, OrgRange | null>;
  summary?: AbsenceSummary;
  [extension: string]: unknown;
}

export interface WorkingTimeMetrics {
  years: Record<string, { total: number; byRule: Record<string, number>; byOrg: Record<string, number> }>;
  /** Extension: the report year's figures for the narrative. */
  summary?: WorkingTimeSummary;
  [extension: string]: unknown;
}

export interface WorkingTimeSummary {
  year: number;
  total: number | null;
  previousTotal: number | null;
  firstTotal: number | null;
  /** Rules of the report year, most breaches first (ties in the contract's order), zero counts left out. */
  rules: string[];
  topRule: string | null;
  topRuleLabel: string | null;
  secondRule: string | null;
  secondRuleLabel: string | null;
  largestOrg: string | null;
  largestOrgName: string | null;
  /** Percent of the report year's breaches. */
  largestOrgShare: number | null;
}

/** Reference figures from benchmarks.yaml (the contract's optional part), by id, and picked out for the narrative. */
export interface BenchmarkEntry {
  label: string;
  scope: string;
  measure: string;
  year: number;
  /** The single value; null when the source gives a range. */
  value: number | null;
  /** The range; both equal to value for a single value. */
  min: number;
  max: number;
  source: string;
  period: string;
  seasonallyAdjusted: boolean;
  note: string | null;
}

export interface BenchmarksMetrics {
  items: Record<string, BenchmarkEntry>;
  /** The report year's national figures by measure (total, self, doctor, women, men). */
  national: Record<string, BenchmarkEntry | null>;
  /** The report year's sector figures (other institutions' totals), by id. */
  sector: Record<string, BenchmarkEntry>;
  /** The institution's own total in the benchmark's source, when given. */
  institution: BenchmarkEntry | null;
  /** Whether any national figure of the report year is seasonally adjusted (the narrative then adds the caveat). */
  seasonallyAdjusted: boolean;
}

export type { SeverityLevel };
