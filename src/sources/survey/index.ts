import { defineSource } from '../descriptor.js';
import { respondedByYear, surveyMetrics } from './metrics.js';
import { readSurvey } from './read.js';
import { surveyGate, surveyLegend, surveySheets, surveyTable } from './report.js';

/** The units' annual HMS survey (Nettskjema): chapter 6.1 and the traffic lights. */
export const survey = defineSource({
  key: 'survey',
  read: readSurvey,
  colophon: 'enhetenes årlige HMS-rapportering (spørreskjema)',
  system: 'enhetenes årlige HMS-rapportering',
  metrics: surveyMetrics,
  respondents: respondedByYear,
  components: { 'survey-table': surveyTable, 'survey-legend': surveyLegend, 'survey-gate': surveyGate },
  narrative: (_data, metrics) => {
    const questions = metrics.survey?.questions;
    return {
      /** Every year of a question: `questions.risiko_omstilling.[2021].percent`. */
      questions: questions ? Object.fromEntries(Object.entries(questions).map(([id, q]) => [id, q.years])) : null,
      /** The sections of the report's rows, in catalogue order, so a narrative can give every one a table. */
      surveySections: questions
        ? [
            ...new Set(
              Object.values(questions)
                .filter((q) => q.report !== false)
                .map((q) => q.section),
            ),
          ]
        : null,
    };
  },
  yearView: (metrics, year) => ({
    /** `current.survey.hms_mal.percent` */
    survey: metrics.survey
      ? Object.fromEntries(
          Object.entries(metrics.survey.questions)
            .filter(([, q]) => q.years[year] !== undefined)
            .map(([id, q]) => [id, q.years[year]!]),
        )
      : null,
  }),
  sheets: surveySheets,
});
