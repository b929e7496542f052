import type { MetricsContext } from '../../metrics/context.js';
import type { SurveyData, SurveyQuestion, SurveyYear } from './read.js';
import type { Light, SurveyMetrics, SurveyQuestionYear } from '../../metrics/types.js';
import { idRecord } from '../../json.js';

/** The survey tables show the report year and the four before it. */
export const SURVEY_YEARS = 5;

/** Traffic light from the unrounded percent: the thresholds themselves are yellow. */
export function lightOf(percent: number | null, thresholds: { green: number; red: number }): Light | null {
  if (percent === null) return null;
  if (percent > thresholds.green) return 'green';
  if (percent < thresholds.red) return 'red';
  return 'yellow';
}

/** The exports inside the report's five-year window, oldest first. */
export function surveyWindow(survey: SurveyData, year: number): SurveyYear[] {
  return survey.years.filter((y) => y.year <= year && y.year > year - SURVEY_YEARS);
}

/**
 * Reporting units of each window year with at least one submission. The
 * source keeps reporting units' submissions only, so this is a count.
 */
export function respondedByYear(survey: SurveyData, year: number): Map<number, number> {
  return new Map(surveyWindow(survey, year).map((y) => [y.year, y.answers.size]));
}

/**
 * Whether a unit's answers reach the question: a gated question is asked only
 * when the gate's question got one of the answers that open it.
 */
export function passesGate(question: SurveyQuestion, answers: ReadonlyMap<string, string | null>): boolean {
  if (!question.gate) return true;
  const answer = answers.get(question.gate.question);
  return answer !== null && answer !== undefined && question.gate.in.has(answer);
}

function questionYear(
  question: SurveyQuestion,
  year: SurveyYear,
  thresholds: { green: number; red: number },
): SurveyQuestionYear {
  let positive = 0;
  let applicable = 0;
  let missing = 0;
  for (const answers of year.answers.values()) {
    if (!passesGate(question, answers)) continue;
    const answer = answers.get(question.id) ?? null;
    if (answer === null) {
      missing++;
      continue;
    }
    applicable++;
    if (question.positive.has(answer)) positive++;
  }
  const percent = applicable === 0 ? null : (100 * positive) / applicable;
  return { positive, applicable, missing, percent, light: lightOf(percent, thresholds) };
}

/**
 * Per question and window year: positive, applicable, missing, percent and
 * light (contract §3). Extensions: each question's `report` flag and scale,
 * `gates` (per gate question and year, the units that pass it: "23 enheter
 * med strålekilder"), `period` (the window and its reporting units at both
 * ends) and `lights` (report-year rows per light, for the prose).
 */
export function surveyMetrics(survey: SurveyData, { year, config, units }: MetricsContext): SurveyMetrics {
  const window = surveyWindow(survey, year);
  const questions: SurveyMetrics['questions'] = idRecord();
  for (const question of survey.questions) {
    const years: Record<string, SurveyQuestionYear> = {};
    for (const y of window) if (y.asked.has(question.id)) years[y.year] = questionYear(question, y, config.thresholds);
    questions[question.id] = { section: question.section, theme: question.theme, report: question.report, years };
  }

  const gates: NonNullable<SurveyMetrics['gates']> = idRecord();
  for (const gateId of new Set(survey.questions.flatMap((q) => (q.gate ? [q.gate.question] : [])))) {
    // A gate question may open several questions with different codes; a unit passing any of them counts.
    const codes = new Set(survey.questions.flatMap((q) => (q.gate?.question === gateId ? [...q.gate.in] : [])));
    const years: Record<string, { yes: number; answered: number }> = {};
    for (const y of window) {
      if (!y.asked.has(gateId)) continue;
      let yes = 0;
      let answered = 0;
      for (const answers of y.answers.values()) {
        const answer = answers.get(gateId) ?? null;
        if (answer === null) continue;
        answered++;
        if (codes.has(answer)) yes++;
      }
      years[y.year] = { yes, answered };
    }
    gates[gateId] = { years };
  }

  const lights = { green: 0, yellow: 0, red: 0 };
  for (const question of survey.questions) {
    const light = question.report ? questions[question.id]!.years[year]?.light : null;
    if (light) lights[light]++;
  }
  const first = window[0]?.year ?? year;
  return {
    questions,
    gates,
    period: {
      from: first,
      to: year,
      years: window.map((y) => y.year),
      reportingFrom: units.reportingUnits(first).length,
      reportingTo: units.reportingUnits(year).length,
    },
    lights,
  };
}
