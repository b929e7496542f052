import type { BenchmarkEntry } from '../../metrics/types.js';
import type { Component } from '../../report/component.js';
import { formatNumber, formatPercent } from '../../report/format.js';
import { escapeHtml } from '../../report/html-escape.js';
import { percentText } from '../absence/report.js';

const NO_BENCHMARKS = '<p class="no-data">Det er ikke gitt sammenligningstall for sykefravær (benchmarks.yaml).</p>';

const benchmarkValue = (b: BenchmarkEntry) =>
  b.value !== null ? formatPercent(b.value, 1) : `${formatNumber(b.min, 1)}–${formatPercent(b.max, 1)}`;

const MEASURE_LABELS: Record<string, string> = {
  total: 'totalt',
  self: 'egenmeldt',
  doctor: 'legemeldt',
  women: 'kvinner',
  men: 'menn',
};

/**
 * The benchmarks of the report year beside the institution's own figures:
 * reference figure, own figure, source and period. Unnumbered (the seed
 * numbers only Tabell 1 and 2); the caveat about seasonally adjusted
 * quarters follows when any national figure is one.
 */
export const absenceBenchmarks: Component = (_call, context) => {
  const { metrics } = context;
  const benchmarks = metrics.benchmarks;
  if (!benchmarks) return NO_BENCHMARKS;
  const own = metrics.absence?.years[String(metrics.year)];
  const ownOf: Record<string, number | null | undefined> = {
    total: own?.total,
    self: own?.self,
    doctor: own?.doctor,
    women: own?.byGender.K,
    men: own?.byGender.M,
  };
  const current = Object.values(benchmarks.items).filter((b) => b.year === metrics.year);
  if (current.length === 0)
    return `<p class="no-data">benchmarks.yaml har ingen sammenligningstall for ${metrics.year}.</p>`;
  const rows = current
    .map((b) => {
      const ownValue = b.scope === 'national' ? ownOf[b.measure] : b.measure === 'total' ? own?.total : undefined;
      const ownText = own === undefined || ownValue === undefined ? '–' : percentText(ownValue);
      const note = b.note ? `<br><span class="table-note-inline">${escapeHtml(b.note)}</span>` : '';
      const measure = MEASURE_LABELS[b.measure] ?? b.measure;
      const label = b.label.toLowerCase().includes(measure) ? b.label : `${b.label}, ${measure}`;
      return `<tr><th scope="row">${escapeHtml(label)}${note}</th><td class="num">${benchmarkValue(b)}</td><td class="num">${ownText}</td><td>${escapeHtml(b.source)}, ${escapeHtml(b.period)}${b.seasonallyAdjusted ? ', sesongjustert' : ''}</td></tr>`;
    })
    .join('\n');
  const caveat = current.some((b) => b.seasonallyAdjusted)
    ? `<p class="table-note">Sesongjusterte kvartalstall er ikke et årstall: de kan ikke sammenlignes direkte med ${escapeHtml(metrics.institution)}s samlede tall for ${metrics.year}.</p>`
    : '';
  return `<table class="benchmark-table">
<caption>Sykefravær ${metrics.year}: sammenligningstall og ${escapeHtml(metrics.institution)}s egne tall</caption>
<thead><tr><th scope="col">Sammenligning</th><th scope="col" class="num">Verdi</th><th scope="col" class="num">${escapeHtml(metrics.institution)}</th><th scope="col">Kilde og periode</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${caveat}`;
};
