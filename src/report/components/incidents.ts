import type { SeverityCounts } from '../../metrics/types.js';
import { SEVERITY_LABELS, SEVERITY_LEVELS } from '../../sources/incidents.js';
import { renderFigure, type FigureColumn } from '../figure.js';
import { formatCount } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import type { Component, ComponentContext } from './context.js';

/**
 * Chapters 3.5 and 6.3: Figur 1, 2, 8, 9, 10 and Tabell 1, 2. Every component
 * takes a caption number before its first await, so numbers follow the
 * document order however the rendering interleaves.
 */

const NO_INCIDENTS =
  '<p class="no-data">Det er ikke gitt data om uønskede hendelser og avvik (incidents.csv eller incidents.xlsx).</p>';
const NO_INJURIES =
  '<p class="no-data">Det er ikke gitt data om yrkesskader og yrkessykdommer (injuries.csv eller injuries.xlsx).</p>';
const NO_WHISTLEBLOWING =
  '<p class="no-data">Det er ikke gitt data om varslingssaker (whistleblowing.csv eller whistleblowing.xlsx).</p>';

const count = (value: unknown) => formatCount(Number(value));
const countColumn = (key: string): FigureColumn => ({ key, label: key, numeric: true, format: count });
const span = (years: readonly string[]) => (years.length > 1 ? `${years[0]}–${years.at(-1)}` : (years[0] ?? ''));

/** "a, b og c" */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}

/** Figur 1: reported cases of the report year per org. */
export const figureIncidentsOrg: Component = (_call, context) => {
  const { metrics } = context;
  const incidents = metrics.incidents;
  if (!incidents) return NO_INCIDENTS;
  const names = metrics.units.names ?? {};
  const data = Object.entries(incidents.byOrg).map(([org, n]) => ({ Enhet: names[org] ?? org, Antall: n }));
  const total = data.reduce((sum, row) => sum + row.Antall, 0);
  const most = data.reduce((best, row) => (row.Antall > best.Antall ? row : best), data[0] ?? { Enhet: '', Antall: 0 });
  const least = data.reduce(
    (best, row) => (row.Antall < best.Antall ? row : best),
    data[0] ?? { Enhet: '', Antall: 0 },
  );
  const extremes =
    data.length > 1
      ? ` Flest hadde ${most.Enhet} (${count(most.Antall)}), færrest ${least.Enhet} (${count(least.Antall)}).`
      : '';
  return renderFigure(
    {
      title: `Totalt antall uønskede hendelser og avvik, pr. enhet, ${metrics.year}`,
      description: `Liggende søylediagram over registrerte uønskede hendelser og avvik i ${metrics.year} per enhet, i alt ${count(total)}.${extremes}`,
      spec: context.chartSpec('incidents-org'),
      data,
      columns: [{ key: 'Enhet', label: 'Enhet' }, countColumn('Antall')],
    },
    context,
  );
};

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
      title: `Totalt antall yrkesskader / yrkessykdom, ${span(years)}`,
      description: `Søylediagram over yrkesskader og yrkessykdommer per år ${span(years)}. I ${last.År}: yrkesskader ${count(last.Yrkesskader)}, yrkessykdommer ${count(last.Yrkessykdommer)}.`,
      spec: context.chartSpec('injuries'),
      data,
      columns: [{ key: 'År', label: 'År' }, countColumn('Yrkesskader'), countColumn('Yrkessykdommer')],
    },
    context,
  );
};

/** Figur 8: reported cases and forbedringsforslag per year. */
export const figureIncidentsYear: Component = (_call, context) => {
  const incidents = context.metrics.incidents;
  if (!incidents) return NO_INCIDENTS;
  const years = Object.keys(incidents.years);
  const reported = 'Uønskede hendelser og avvik';
  const suggestions = 'Forbedringsforslag';
  const data = years.map((year) => ({
    År: year,
    [reported]: incidents.years[year]!.reported,
    [suggestions]: incidents.years[year]!.suggestions,
  }));
  const first = data[0]!;
  const last = data.at(-1)!;
  const trend =
    data.length > 1
      ? `fra ${count(first[reported])} i ${first.År} til ${count(last[reported])} i ${last.År} (forbedringsforslag: fra ${count(first[suggestions])} til ${count(last[suggestions])})`
      : `${count(last[reported])} i ${last.År} (forbedringsforslag: ${count(last[suggestions])})`;
  return renderFigure(
    {
      title: `Totalt antall uønskede hendelser og avvik, pr. år, ${span(years)}`,
      description: `Søylediagram over registrerte uønskede hendelser og avvik og forbedringsforslag per år, avviste saker ikke medregnet: ${trend}.`,
      spec: context.chartSpec('incidents-year'),
      data,
      columns: [{ key: 'År', label: 'År' }, countColumn(reported), countColumn(suggestions)],
    },
    context,
  );
};

/** Figur 9: reported cases of the report year per category, most first. */
export const figureIncidentsCategory: Component = (_call, context) => {
  const { metrics } = context;
  const incidents = metrics.incidents;
  if (!incidents) return NO_INCIDENTS;
  const data = Object.entries(incidents.byCategory).map(([name, n]) => ({ Kategori: name, Antall: n }));
  if (data.length === 0) return `<p class="no-data">Ingen av de registrerte sakene i ${metrics.year} har kategori.</p>`;
  const top = data.slice(0, 3).map((row) => `${row.Kategori} (${count(row.Antall)})`);
  return renderFigure(
    {
      title: `Totalt antall uønskede hendelser og avvik pr. kategori, ${metrics.year}`,
      description: `Liggende søylediagram over registrerte uønskede hendelser og avvik i ${metrics.year} per kategori, flest først. Flest gjaldt ${list(top)}. En sak med flere kategorier teller i hver av dem.`,
      spec: context.chartSpec('incidents-category'),
      data,
      columns: [{ key: 'Kategori', label: 'Kategori' }, countColumn('Antall')],
    },
    context,
  );
};

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
      title: `Totalt antall innmeldte saker, ${span(years)}`,
      description: `Søylediagram over innmeldte varslingssaker per år ${span(years)} og hvor mange av dem som er konkludert som kritikkverdige forhold. I ${last.År}: ${count(last[received])} saker, ${count(last[critical])} kritikkverdige forhold.`,
      spec: context.chartSpec('whistleblowing'),
      data,
      columns: [{ key: 'År', label: 'År' }, countColumn(received), countColumn(critical)],
    },
    context,
  );
};

const SEVERITY_ROWS: ReadonlyArray<
  readonly [label: string, dimension: 'person' | 'material' | 'environment', kind: 'actual' | 'potential']
> = [
  ['Menneske faktisk', 'person', 'actual'],
  ['Menneske potensielt', 'person', 'potential'],
  ['Materiell faktisk', 'material', 'actual'],
  ['Materiell potensielt', 'material', 'potential'],
  ['Ytre miljø faktisk', 'environment', 'actual'],
  ['Ytre miljø potensielt', 'environment', 'potential'],
];

/** Tabell 1: the severity of the report year's uønskede hendelser, actual and potential, per dimension and level. */
export const tableSeverity: Component = (_call, context: ComponentContext) => {
  const incidents = context.metrics.incidents;
  if (!incidents) return NO_INCIDENTS;
  const number = context.nextNumber('table');
  const head = ['Alvorlighetsgrad', ...SEVERITY_LEVELS.map((level) => SEVERITY_LABELS[level])]
    .map((label, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(label)}</th>`)
    .join('');
  const rows = SEVERITY_ROWS.map(([label, dimension, kind]) => {
    const counts: SeverityCounts = incidents.severity[dimension][kind];
    return `<tr><th scope="row">${escapeHtml(label)}</th>${SEVERITY_LEVELS.map((level) => `<td class="num">${count(counts[level])}</td>`).join('')}</tr>`;
  }).join('\n');
  const total = incidents.summary.unwanted;
  return `<table class="severity-table">
<caption>Tabell ${number}: Uønskede hendelser og avvik - alvorlighetsgrad</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="table-note">Tabellen teller de ${count(total)} uønskede hendelsene (ulykker, nestenulykker og farlige forhold) registrert i ${context.metrics.year}; avvik, forbedringsforslag og avviste saker er ikke med. Hver rad summerer til ${count(total)}.</p>`;
};

/** Tabell 2: the acceptance criteria, as the editable YAML gives them. */
export const tableAcceptanceCriteria: Component = (_call, context) => {
  const criteria = context.metrics.acceptanceCriteria;
  if (!criteria) return '<p class="no-data">Akseptkriteriene er ikke gitt.</p>';
  const number = context.nextNumber('table');
  const head = criteria.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = criteria.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="criteria-table">
<caption>Tabell ${number}: ${escapeHtml(criteria.title)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
};
