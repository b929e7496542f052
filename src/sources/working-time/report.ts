import type { Metrics } from '../../metrics/types.js';
import * as xlsx from '../../report/sheets.js';
import workingTimeSpec from './working-time.vl.json' with { type: 'json' };
import { RULE_LABELS } from './metrics.js';
import { WORKING_TIME_RULES } from './read.js';
import { abbreviationKey, foldYears, renderFigure, sourceLine } from '../../report/figure.js';
import { formatCount, formatPercent, yearSpan } from '../../report/format.js';
import { escapeHtml } from '../../report/html-escape.js';
import type { Component } from '../../report/component.js';

/** Chapter 3.5.3: breaches of the working-time rules per year and rule, as a figure and as a table. */

const NO_WORKING_TIME =
  '<p class="no-data">Det er ikke gitt data om brudd på arbeidstidsbestemmelsene (working-time.csv eller working-time.xlsx).</p>';

/** Label with a capital first letter, for a row or axis heading. */
const heading = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Rules with a breach in any year shown, in the contract's order. */
function rulesShown(byYear: Record<string, { byRule: Record<string, number> }>): string[] {
  return WORKING_TIME_RULES.filter((rule) => Object.values(byYear).some((y) => (y.byRule[rule] ?? 0) > 0));
}

export const figureWorkingTime: Component = (_call, context) => {
  const wt = context.metrics.workingTime;
  if (!wt || Object.keys(wt.years).length === 0) return NO_WORKING_TIME;
  const years = Object.keys(wt.years);
  const rules = rulesShown(wt.years);
  // A chart without a single bar says less than a sentence.
  if (rules.length === 0)
    return `<p class="no-data">Det er ikke registrert brudd på arbeidstidsbestemmelsene i ${yearSpan(years)}.</p>`;
  const data = rules.map((rule) => ({
    Regel: heading(RULE_LABELS[rule as keyof typeof RULE_LABELS]),
    ...Object.fromEntries(years.map((y) => [y, wt.years[y]!.byRule[rule] ?? 0])),
  }));
  const totals = years.map((y) => `${formatCount(wt.years[y]!.total)} i ${y}`);
  const summary = wt.summary;
  const top = summary?.topRuleLabel
    ? ` Flest brudd i ${summary.year} gjaldt ${summary.topRuleLabel}${summary.secondRuleLabel ? `, dernest ${summary.secondRuleLabel}` : ''}.`
    : '';
  return renderFigure(
    {
      title: `Brudd på arbeidstidsbestemmelsene, pr. regel, ${yearSpan(years)}`,
      description: `Liggende søylediagram over registrerte brudd per regel, én søyle per år. Brudd i alt: ${totals.join(', ')}.${top}`,
      spec: foldYears(workingTimeSpec, years),
      data,
      columns: [
        { key: 'Regel', label: 'Regel' },
        ...years.map((y) => ({ key: y, label: y, numeric: true, format: (v: unknown) => formatCount(Number(v)) })),
      ],
    },
    context,
  );
};

/**
 * Breaches per org and year, with each org's share of the report year.
 * Unnumbered: the seed numbers only Tabell 1 and 2.
 */
export const tableWorkingTime: Component = (_call, context) => {
  const { metrics } = context;
  const wt = metrics.workingTime;
  if (!wt || Object.keys(wt.years).length === 0) return NO_WORKING_TIME;
  const years = Object.keys(wt.years);
  const last = wt.years[String(metrics.year)];
  const names = metrics.units.names ?? {};
  const orgs = [...new Set(years.flatMap((y) => Object.keys(wt.years[y]!.byOrg)))];
  const cell = (n: number | undefined) => `<td class="num">${formatCount(n ?? 0)}</td>`;
  const share = (n: number | undefined) =>
    last && last.total > 0 ? formatPercent((100 * (n ?? 0)) / last.total, 0) : '–';
  const rows = orgs
    .map(
      (org) =>
        `<tr><th scope="row">${escapeHtml(names[org] ?? org)}</th>${years.map((y) => cell(wt.years[y]!.byOrg[org])).join('')}<td class="num">${share(last?.byOrg[org])}</td></tr>`,
    )
    .join('\n');
  const total = `<tr class="total"><th scope="row">Totalt</th>${years.map((y) => cell(wt.years[y]!.total)).join('')}<td class="num">${last && last.total > 0 ? formatPercent(100, 0) : '–'}</td></tr>`;
  return `<table class="working-time-table">
<caption>Brudd på arbeidstidsbestemmelsene, pr. enhet, ${yearSpan(years)}</caption>
<thead><tr><th scope="col">Enhet</th>${years.map((y) => `<th scope="col" class="num">${y}</th>`).join('')}<th scope="col" class="num">Andel ${metrics.year}</th></tr></thead>
<tbody>
${rows}
${total}
</tbody></table>
${abbreviationKey(orgs, context)}${sourceLine(context)}`;
};

/** tables.xlsx: the breaches per year and rule, and per org. */
export function workingTimeSheets(metrics: Metrics): xlsx.Sheet[] {
  const wt = metrics.workingTime;
  if (!wt) return [];
  const years = xlsx.sortedYears(wt.years);
  const rules = [...new Set(years.flatMap((y) => Object.keys(wt.years[y]!.byRule)))];
  const orgs = [...new Set(years.flatMap((y) => Object.keys(wt.years[y]!.byOrg)))];
  return [
    {
      name: 'Arbeidstid per år',
      columns: [xlsx.text('År'), xlsx.count('Brudd totalt'), ...rules.map(xlsx.count)],
      rows: years.map((y) => [y, wt.years[y]!.total, ...rules.map((r) => wt.years[y]!.byRule[r] ?? 0)]),
    },
    {
      name: 'Arbeidstid per org',
      columns: [xlsx.text('Org'), xlsx.text('Navn'), ...years.map((y) => xlsx.count(y))],
      rows: orgs.map((id) => [
        id,
        xlsx.orgName(metrics.units.names, id),
        ...years.map((y) => wt.years[y]!.byOrg[id] ?? 0),
      ]),
    },
  ];
}
