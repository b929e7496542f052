export { diffMetrics, hasChanges, type Change, type ChangeKind, type DiffMode, type MetricsDiff } from './diff.js';
export { diffRulesOf, isPercentage, isYearKey } from './flatten.js';
export { renderDiff, type DiffFormat, type DiffSides } from './render.js';
