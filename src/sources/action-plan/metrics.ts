import { countStatuses, type ActionPlanData } from './read.js';
import type { ActionPlanMetrics } from '../../metrics/types.js';

/** The status counts of `{{action-plan-status}}`, in metrics.json so a year-over-year diff shows them. */
export function actionPlanMetrics(data: ActionPlanData): ActionPlanMetrics {
  return {
    statuses: countStatuses(data.plans),
    plans: Object.fromEntries(data.plans.map((plan) => [plan.id, countStatuses([plan])])),
  };
}
