import { countStatuses, type ActionPlanData } from '../sources/action-plan.js';
import { idRecord } from '../json.js';
import type { ActionPlanMetrics } from './types.js';

/** The status counts of `{{action-plan-status}}`, in metrics.json so a year-over-year diff shows them. */
export function actionPlanMetrics(data: ActionPlanData): ActionPlanMetrics {
  return {
    statuses: countStatuses(data.plans),
    plans: idRecord(data.plans.map((plan) => [plan.id, countStatuses([plan])])),
  };
}
