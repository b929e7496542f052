import type { Component } from './context.js';
import { actionPlan, actionPlanStatus } from './action-plan.js';
import {
  figureIncidentsCategory,
  figureIncidentsOrg,
  figureIncidentsYear,
  figureInjuries,
  figureWhistleblowing,
  tableAcceptanceCriteria,
  tableSeverity,
} from './incidents.js';
import { surveyGate, surveyLegend, surveyTable } from './survey.js';
import {
  absenceBenchmarks,
  figureAbsenceGender,
  figureAbsenceOrg,
  figureAbsenceQuarter,
  figureAbsenceStipendiatOrg,
  figureAbsenceType,
} from './absence.js';
import { figureWorkingTime, tableWorkingTime } from './working-time.js';

/**
 * Every component a content file may use, by the name it is called with
 * (`{{survey-table "6.1.3"}}`). Each domain keeps its own in a file beside this one.
 */
export const components: Record<string, Component> = {
  'action-plan': actionPlan,
  'action-plan-status': actionPlanStatus,
  'survey-table': surveyTable,
  'survey-legend': surveyLegend,
  'survey-gate': surveyGate,
  'figure-incidents-org': figureIncidentsOrg,
  'figure-injuries': figureInjuries,
  'figure-incidents-year': figureIncidentsYear,
  'figure-incidents-category': figureIncidentsCategory,
  'figure-whistleblowing': figureWhistleblowing,
  'table-severity': tableSeverity,
  'table-acceptance-criteria': tableAcceptanceCriteria,
  'figure-absence-quarter': figureAbsenceQuarter,
  'figure-absence-org': figureAbsenceOrg,
  'figure-absence-gender': figureAbsenceGender,
  'figure-absence-type': figureAbsenceType,
  'figure-absence-stipendiat-org': figureAbsenceStipendiatOrg,
  'absence-benchmarks': absenceBenchmarks,
  'figure-working-time': figureWorkingTime,
  'table-working-time': tableWorkingTime,
};
