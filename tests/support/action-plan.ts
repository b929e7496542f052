import { Diagnostics, formatDiagnostic, sorted } from '../../src/errors.js';
import type { Metrics } from '../../src/metrics/types.js';
import type { ComponentContext } from '../../src/report/component.js';
import { parseActionPlan, type ActionPlanData } from '../../src/sources/action-plan/read.js';
import type { Config } from '../../src/sources/config.js';

/** Where a workspace keeps the 2025 action plan. */
export const PLAN_FILE = 'content/2025/handlingsplan.yaml';

/** A handlingsplan.yaml read as the source reads it, with its problems as printed. */
export function parsePlan(text: string): { plan: ActionPlanData | null; problems: string[] } {
  const diagnostics = new Diagnostics();
  const plan = parseActionPlan(PLAN_FILE, text, diagnostics);
  return { plan, problems: sorted(diagnostics.items).map(formatDiagnostic) };
}

/** What the action plan's components see of a 2025 report that has this plan. */
export function planContext(plan: ActionPlanData | null): ComponentContext {
  return {
    metrics: { year: 2025 } as Metrics,
    config: {} as Config,
    nextNumber: () => 1,
    sourceData: (key) => (key === 'actionPlan' ? plan : null),
    unitName: (id) => id,
  };
}
