import injuriesSpec from './injuries.vl.json' with { type: 'json' };
import type { Component } from '../../report/component.js';
import { chartSpec, countColumn, renderFigure } from '../../report/figure.js';
import { formatCount, yearSpan } from '../../report/format.js';

const NO_INJURIES =
  '<p class="no-data">Det er ikke gitt data om yrkesskader og yrkessykdommer (injuries.csv eller injuries.xlsx).</p>';
const count = (value: unknown) => formatCount(Number(value));
/** Figur 2: yrkesskader and yrkessykdommer per year. */
export const figureInjuries: Component = (_call, context) => {
  const injuries = context.metrics.injuries;
  if (!injuries) return NO_INJURIES;
  const years = Object.keys(injuries.years);
  const data = years.map((year) => ({
    År: year,
    Yrkesskader: injuries.years[year]!.yrkesskade,
    Yrkessykdommer: injuries.years[year]!.yrkessykdom,
  }));
  const last = data.at(-1)!;
  return renderFigure(
    {
      title: `Totalt antall yrkesskader / yrkessykdom, ${yearSpan(years)}`,
      description: `Søylediagram over yrkesskader og yrkessykdommer per år ${yearSpan(years)}. I ${last.År}: yrkesskader ${count(last.Yrkesskader)}, yrkessykdommer ${count(last.Yrkessykdommer)}.`,
      spec: chartSpec(injuriesSpec),
      data,
      columns: [{ key: 'År', label: 'År' }, countColumn('Yrkesskader'), countColumn('Yrkessykdommer')],
    },
    context,
  );
};
