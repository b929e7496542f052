import type { WhistleblowingData } from './read.js';
import { yearRange } from '../../metrics/years.js';
import type { WhistleblowingMetrics, WhistleblowingYear } from '../../metrics/types.js';
import { idRecord } from '../../json.js';

export const NO_TOPIC = '(uten tema)';

/** Varslingssaker per year (contract §4): received, concluded as critical, and about the psychosocial environment. */
export function whistleblowingMetrics(data: WhistleblowingData, year: number): WhistleblowingMetrics {
  const counted = data.cases.filter((c) => c.year <= year);
  const years: Record<string, WhistleblowingYear> = {};
  for (const y of yearRange(
    counted.map((c) => c.year),
    year,
  )) {
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
  for (const c of counted)
    if (c.year === year) topics.set(c.topic ?? NO_TOPIC, (topics.get(c.topic ?? NO_TOPIC) ?? 0) + 1);
  const byTopic = idRecord([...topics].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'nb')));
  return { years, byTopic };
}
