import { countStatuses, type ActionPlanData } from './read.js';
import type { ActionPlanMetrics } from '../../metrics/types.js';
import { idRecord } from '../../json.js';

/** The status counts of `{{action-plan-status}}`, in metrics.json so a year-over-year diff shows them. */
export function actionPlanMetrics(data: ActionPlanData): ActionPlanMetrics {
  return {
    statuses: countStatuses(data.plans),
    plans: idRecord(data.plans.map((plan) => [plan.id, countStatuses([plan])])),
  };
}
