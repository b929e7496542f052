/** Computations several sources share. */

/** Every year from the first the data cover to the report year, so a year without cases shows as 0. */
export function yearRange(dataYears: readonly number[], year: number): number[] {
  const first = dataYears.reduce((a, b) => Math.min(a, b), year);
  return Array.from({ length: year - first + 1 }, (_, i) => first + i);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
