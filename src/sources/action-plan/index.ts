import { defineSource } from '../descriptor.js';
import { actionPlanMetrics } from './metrics.js';
import { readActionPlan } from './read.js';
import { actionPlan as actionPlanTable, actionPlanStatus } from './report.js';

/** content/<year>/handlingsplan.yaml (or .csv/.xlsx): the action plan of chapter 6.4, with its status counts. */
export const actionPlan = defineSource({
  key: 'actionPlan',
  read: readActionPlan,
  metrics: (data) => actionPlanMetrics(data),
  components: { 'action-plan': actionPlanTable, 'action-plan-status': actionPlanStatus },
  narrative: (data) => ({
    actionPlans: data ? data.plans.map((plan) => ({ id: plan.id, title: plan.title, owner: plan.owner })) : null,
  }),
});
