import type { Config } from '../../sources/config.js';
import type { Metrics } from '../../metrics/types.js';
import type { ActionPlanData } from '../../sources/action-plan.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ComponentCall } from '../content.js';

/** What a component sees: the metrics (its only data), the config, and the running caption numbers. */
export interface ComponentContext {
  metrics: Metrics;
  config: Config;
  /** Next number for a caption of this kind, in document order: "Figur 3", "Tabell 1". */
  nextNumber(kind: 'figure' | 'table'): number;
  /** A copy of the Vega-Lite spec templates/charts/<name>.vl.json, ready to be filled in. */
  chartSpec(name: string): TopLevelSpec;
  /** The action plan of content/<year>/handlingsplan.yaml; null or absent when the workspace has none. */
  actionPlan?: ActionPlanData | null;
}

export type Component = (call: ComponentCall, context: ComponentContext) => Promise<string> | string;
