/**
 * JSON with a trailing newline and two-space indent. Key order is the order
 * the metrics were built in, which the computations keep deterministic;
 * numbers are written as JavaScript writes them (shortest round-trip form).
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
