import type { Metrics } from '../../metrics/types.js';
import * as xlsx from '../../report/sheets.js';
import incidentsCategorySpec from './incidents-category.vl.json' with { type: 'json' };
import incidentsOrgSpec from './incidents-org.vl.json' with { type: 'json' };
import incidentsYearSpec from './incidents-year.vl.json' with { type: 'json' };
import type { SeverityCounts } from '../../metrics/types.js';
import { chartSpec, countColumn, renderFigure, sourceLine } from '../../report/figure.js';
import { formatCount, formatList, yearSpan } from '../../report/format.js';
import { escapeHtml } from '../../report/html-escape.js';
import type { Component, ComponentContext } from '../../report/component.js';
import { SEVERITY_LABELS, SEVERITY_LEVELS } from './severity.js';

/**
 * Chapters 3.5 and 6.3: Figur 1, 8, 9 and Tabell 1. Every component
 * takes a caption number before its first await, so numbers follow the
 * document order however the rendering interleaves.
 */

const NO_INCIDENTS =
  '<p class="no-data">Det er ikke gitt data om uønskede hendelser og avvik (incidents.csv eller incidents.xlsx).</p>';

const count = (value: unknown) => formatCount(Number(value));

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
      spec: chartSpec(incidentsOrgSpec),
      data,
      columns: [{ key: 'Enhet', label: 'Enhet' }, countColumn('Antall')],
      units: Object.keys(incidents.byOrg),
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
      title: `Totalt antall uønskede hendelser og avvik, pr. år, ${yearSpan(years)}`,
      description: `Søylediagram over registrerte uønskede hendelser og avvik og forbedringsforslag per år, avviste saker ikke medregnet: ${trend}.`,
      spec: chartSpec(incidentsYearSpec),
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
  const counted = data.reduce((sum, row) => sum + row.Antall, 0);
  const cases = incidents.years[String(metrics.year)]?.reported;
  return renderFigure(
    {
      title: `Totalt antall uønskede hendelser og avvik pr. kategori, ${metrics.year}`,
      description: `Liggende søylediagram over registrerte uønskede hendelser og avvik i ${metrics.year} per kategori, flest først. Flest gjaldt ${formatList(top)}. En sak med flere kategorier teller i hver av dem.`,
      spec: chartSpec(incidentsCategorySpec),
      data,
      columns: [{ key: 'Kategori', label: 'Kategori' }, countColumn('Antall')],
      notes: cases === undefined || counted === cases ? [] : [categoryNote(counted, cases, metrics.year)],
    },
    context,
  );
};

/**
 * Why Figur 9's bars do not add up to the year's cases: a case counts once per category, and not at all without one.
 */
function categoryNote(counted: number, cases: number, year: number): string {
  const why =
    counted > cases
      ? 'En sak kan ha flere kategorier og teller da i hver av dem'
      : 'En sak uten kategori er ikke med i figuren';
  return `${why}: søylene summerer til ${count(counted)}, mens ${count(cases)} saker ble registrert i ${year}.`;
}

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
<p class="table-note">Tabellen teller de ${count(total)} uønskede hendelsene (ulykker, nestenulykker og farlige forhold) registrert i ${context.metrics.year}; avvik, forbedringsforslag og avviste saker er ikke med. Hver rad summerer til ${count(total)}.</p>
${sourceLine(context)}`;
};

/** tables.xlsx: Figur 1, 8, 9 and Tabell 1. */
export function incidentSheets(metrics: Metrics): xlsx.Sheet[] {
  const incidents = metrics.incidents;
  if (!incidents) return [];
  const sheets: xlsx.Sheet[] = [
    {
      name: 'Hendelser per år',
      columns: [
        xlsx.text('År'),
        xlsx.count('Uønskede hendelser/avvik'),
        xlsx.count('Lukket'),
        xlsx.count('Forbedringsforslag'),
        xlsx.count('Forbedringsforslag lukket'),
        xlsx.count('Avvist'),
      ],
      rows: xlsx.sortedYears(incidents.years).map((y) => {
        const v = incidents.years[y]!;
        return [y, v.reported, v.closed, v.suggestions, v.suggestionsClosed, v.rejected];
      }),
    },
    {
      name: 'Hendelser per org',
      columns: [xlsx.text('Org'), xlsx.text('Navn'), xlsx.count(`Uønskede hendelser/avvik ${metrics.year}`)],
      rows: Object.entries(incidents.byOrg).map(([id, n]) => [id, xlsx.orgName(metrics.units.names, id), n]),
    },
    {
      name: 'Hendelser per kategori',
      columns: [xlsx.text('Kategori'), xlsx.count(`Uønskede hendelser/avvik ${metrics.year}`)],
      rows: Object.entries(incidents.byCategory).map(([category, n]) => [category, n]),
    },
  ];
  const levels: [keyof SeverityCounts, string][] = [
    ['ikke_valgt', 'Ikke valgt'],
    ['ingen_liten_fare', 'Ingen/liten fare'],
    ['en_viss_fare', 'En viss fare'],
    ['farlig', 'Farlig'],
    ['kritisk', 'Kritisk'],
    ['katastrofalt', 'Katastrofalt'],
  ];
  const dimensions: [keyof typeof incidents.severity, string][] = [
    ['person', 'Menneske'],
    ['material', 'Materiell'],
    ['environment', 'Ytre miljø'],
  ];
  if (incidents.severity) {
    sheets.push({
      name: 'Alvorlighetsgrad',
      columns: [
        xlsx.text('Konsekvens'),
        ...dimensions.flatMap(([, label]) => [xlsx.count(`${label} faktisk`), xlsx.count(`${label} potensiell`)]),
      ],
      rows: levels.map(([level, label]) => [
        label,
        ...dimensions.flatMap(([dim]) => [
          incidents.severity[dim]?.actual[level] ?? null,
          incidents.severity[dim]?.potential[level] ?? null,
        ]),
      ]),
    });
  }
  return sheets;
}
