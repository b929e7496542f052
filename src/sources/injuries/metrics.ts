import type { InjuriesData } from './read.js';
import { yearRange } from '../../metrics/years.js';
import type { InjuryMetrics } from '../../metrics/types.js';

/** Yrkesskader and yrkessykdommer per year (contract §4), every year the data cover up to the report year. */
export function injuryMetrics(data: InjuriesData, year: number): InjuryMetrics {
  const counted = data.injuries.filter((i) => i.year <= year);
  const years: InjuryMetrics['years'] = {};
  for (const y of yearRange(
    counted.map((i) => i.year),
    year,
  )) {
    const ofYear = counted.filter((i) => i.year === y);
    years[y] = {
      yrkesskade: ofYear.filter((i) => i.kind === 'yrkesskade').length,
      yrkessykdom: ofYear.filter((i) => i.kind === 'yrkessykdom').length,
    };
  }
  return { years };
}
