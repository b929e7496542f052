/**
 * JSON with a trailing newline and two-space indent. Key order is the order
 * the metrics were built in, which the computations keep deterministic;
 * numbers are written as JavaScript writes them (shortest round-trip form).
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * An object keyed by ids from the user's files (units, categories, topics,
 * question and benchmark ids), without a prototype: an id "__proto__" is a
 * key like any other instead of vanishing, and looking up an id that is not
 * there ("constructor", "toString") gives undefined instead of a function.
 * JSON.stringify writes it as any object.
 */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}
