import type { WhistleblowingData } from '../sources/whistleblowing.js';
import { yearRange } from './incidents.js';
import type { WhistleblowingMetrics } from './types.js';

export type WhistleblowingYear = {
  received: number;
  critical: number;
  psychosocial: number;
  /** Extension: cases not yet concluded (critical = ikke avsluttet). */
  notConcluded: number;
  /** Extension: cases concluded without kritikkverdige forhold (critical = nei). */
  notCritical: number;
};

export const NO_TOPIC = '(uten tema)';

export interface WhistleblowingMetricsFull extends WhistleblowingMetrics {
  years: Record<string, WhistleblowingYear>;
  /** Extension: the report year's cases per topic (first spelling in the file), by count then name; NO_TOPIC for cases without one. */
  byTopic: Record<string, number>;
}

/** Varslingssaker per year (contract §4): received, concluded as critical, and about the psychosocial environment. */
export function whistleblowingMetrics(data: WhistleblowingData, year: number): WhistleblowingMetricsFull {
  const counted = data.cases.filter((c) => c.year <= year);
  const years: Record<string, WhistleblowingYear> = {};
  for (const y of yearRange(counted.map((c) => c.year), year)) {
    const ofYear = counted.filter((c) => c.year === y);
    years[y] = {
      received: ofYear.length,
      critical: ofYear.filter((c) => c.critical === 'ja').length,
      psychosocial: ofYear.filter((c) => c.psychosocial).length,
      notConcluded: ofYear.filter((c) => c.critical === 'ikke avsluttet').length,
      notCritical: ofYear.filter((c) => c.critical === 'nei').length,
    };
  }
  const topics = new Map<string, number>();
  for (const c of counted) if (c.year === year) topics.set(c.topic ?? NO_TOPIC, (topics.get(c.topic ?? NO_TOPIC) ?? 0) + 1);
  const byTopic = Object.fromEntries([...topics].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'nb')));
  return { years, byTopic };
}
