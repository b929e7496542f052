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
  benchmarks?: unknown;
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
  /** Extension: the years shown (report year and up to four before it with an export) and reporting units at both ends. */
  period?: { from: number; to: number; years: number[]; reportingFrom: number; reportingTo: number };
  /** Extension: report-year table rows per light. */
  lights?: Record<Light, number>;
}

export type SeverityLevel = 'ikke_valgt' | 'ingen_liten_fare' | 'en_viss_fare' | 'farlig' | 'kritisk' | 'katastrofalt';
export type SeverityCounts = Record<SeverityLevel, number>;

export interface IncidentMetrics {
  years: Record<string, { reported: number; closed: number; suggestions: number; suggestionsClosed: number; rejected: number } & Record<string, unknown>>;
  byOrg: Record<string, number>;
  byCategory: Record<string, number>;
  severity: Record<'person' | 'material' | 'environment', { actual: SeverityCounts; potential: SeverityCounts }>;
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

export interface WhistleblowingMetrics {
  years: Record<string, { received: number; critical: number; psychosocial: number } & Record<string, unknown>>;
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
  [extension: string]: unknown;
}

export interface AbsenceMetrics {
  years: Record<string, AbsenceYear>;
  byOrg: Record<string, Record<string, number | null>>;
  byUnit: Record<string, Record<string, number | null>>;
  stipendiatByOrg: Record<string, Record<string, number | null>>;
  [extension: string]: unknown;
}

export interface WorkingTimeMetrics {
  years: Record<string, { total: number; byRule: Record<string, number>; byOrg: Record<string, number> }>;
  [extension: string]: unknown;
}
