import whistleblowingSpec from './whistleblowing.vl.json' with { type: 'json' };
import type { Component } from '../../report/component.js';
import { chartSpec, countColumn, renderFigure } from '../../report/figure.js';
import { formatCount, yearSpan } from '../../report/format.js';

const NO_WHISTLEBLOWING =
  '<p class="no-data">Det er ikke gitt data om varslingssaker (whistleblowing.csv eller whistleblowing.xlsx).</p>';
const count = (value: unknown) => formatCount(Number(value));
/** Figur 10: varslingssaker received per year, and those concluded as critical. */
export const figureWhistleblowing: Component = (_call, context) => {
  const whistleblowing = context.metrics.whistleblowing;
  if (!whistleblowing) return NO_WHISTLEBLOWING;
  const years = Object.keys(whistleblowing.years);
  const received = 'Innmeldte saker';
  const critical = 'Kritikkverdige forhold';
  const data = years.map((year) => ({
    År: year,
    [received]: whistleblowing.years[year]!.received,
    [critical]: whistleblowing.years[year]!.critical,
  }));
  const last = data.at(-1)!;
  return renderFigure(
    {
      title: `Totalt antall innmeldte saker, ${yearSpan(years)}`,
      description: `Søylediagram over innmeldte varslingssaker per år ${yearSpan(years)} og hvor mange av dem som er konkludert som kritikkverdige forhold. I ${last.År}: ${count(last[received])} saker, ${count(last[critical])} kritikkverdige forhold.`,
      spec: chartSpec(whistleblowingSpec),
      data,
      columns: [{ key: 'År', label: 'År' }, countColumn(received), countColumn(critical)],
    },
    context,
  );
};
