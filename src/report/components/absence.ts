import type { TopLevelSpec } from 'vega-lite';
import type { AbsenceMetrics, BenchmarkEntry, Metrics } from '../../metrics/types.js';
import { renderFigure, type FigureColumn } from '../figure.js';
import { formatNumber, formatPercent } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import type { Component, ComponentContext } from './context.js';
import { ABSENCE_YEARS } from '../../sources/absence.js';

/**
 * Chapters 4 and 6.2: Figur 3–7 and the benchmark table. Suppressed rates
 * (null in metrics.json) are left out of the charts and read "skjult" in the
 * data tables; the text alternatives are built from the shown figures only.
 */

const NO_ABSENCE = '<p class="no-data">Det er ikke gitt data om sykefravær (absence.csv eller absence.xlsx).</p>';

/** Why a sick-leave figure is missing: no file at all, or a file without rows in the three years shown. */
function noAbsence(context: ComponentContext): string {
  if (!context.metrics.absence) return NO_ABSENCE;
  const year = context.metrics.year;
  return `<p class="no-data">Sykefraværsdataene har ingen rader for ${year - ABSENCE_YEARS + 1}–${year}.</p>`;
}

const NO_BENCHMARKS = '<p class="no-data">Det er ikke gitt sammenligningstall for sykefravær (benchmarks.yaml).</p>';
export const SUPPRESSED = 'skjult';

/** A grouped-by-year spec with its fold set to the years the data has (the template leaves it empty). */
export function foldYears(spec: TopLevelSpec, years: readonly string[]): TopLevelSpec {
  const copy = structuredClone(spec) as TopLevelSpec & { transform: { fold?: string[] }[] };
  copy.transform = copy.transform.map((t) => ('fold' in t ? { ...t, fold: [...years] } : t));
  return copy;
}

/** A rate, "skjult" for a suppressed one (null), "–" where the group has no rows that year (absent). */
export const percentText = (value: unknown) =>
  typeof value === 'number' ? formatPercent(value, 1) : value === null ? SUPPRESSED : '–';
const percentColumn = (key: string, label = key): FigureColumn => ({ key, label, numeric: true, format: percentText });
const shown = (value: number | null | undefined): value is number => typeof value === 'number';
export const span = (years: readonly string[]) => (years.length > 1 ? `${years[0]}–${years.at(-1)}` : (years[0] ?? ''));
const quarterName = (q: string) => `${q}. kvartal`;

/** The absence metrics when they hold at least one year, else undefined (the component then says no data was given). */
function absenceOf(context: ComponentContext): AbsenceMetrics | undefined {
  const absence = context.metrics.absence;
  return absence && Object.keys(absence.years).length > 0 ? absence : undefined;
}

function hiddenNote(count: number, what: string): string {
  return count > 0 ? ` ${count} ${what} er skjult fordi gruppen har for få personer.` : '';
}

/** Figur 3: the rate per quarter, one bar per year. */
export const figureAbsenceQuarter: Component = (_call, context) => {
  const absence = absenceOf(context);
  if (!absence) return noAbsence(context);
  const years = Object.keys(absence.years);
  const data = ['1', '2', '3', '4'].map((q) => ({
    Kvartal: quarterName(q),
    ...Object.fromEntries(years.map((y) => [y, absence.years[y]!.byQuarter[q] ?? null])),
  }));
  const highest = years.map((y) => absence.years[y]!.highestQuarter ?? null);
  const last = years.at(-1)!;
  const lastHighest = highest.at(-1);
  let description: string;
  if (lastHighest && years.length > 1 && highest.every((q) => q === lastHighest)) {
    description = `Sykefraværet var høyest i ${quarterName(lastHighest)} i alle år; ${percentText(absence.years[last]!.byQuarter[lastHighest])} i ${last}.`;
  } else if (lastHighest) {
    description = `I ${last} var sykefraværet høyest i ${quarterName(lastHighest)} (${percentText(absence.years[last]!.byQuarter[lastHighest])}).`;
  } else {
    description = `Sykefravær per kvartal ${span(years)}; alle kvartalstall er skjult.`;
  }
  return renderFigure(
    {
      title: `Sykefravær, pr. kvartal, ${span(years)}`,
      description: `Søylediagram over sykefraværet per kvartal, én søyle per år. ${description}`,
      spec: foldYears(context.chartSpec('absence-quarter'), years),
      data,
      columns: [{ key: 'Kvartal', label: 'Kvartal' }, ...years.map((y) => percentColumn(y))],
    },
    context,
  );
};

/** Rows per org (short name), one column per year; orgs in the order metrics.json lists them. */
function orgRows(byYear: Record<string, Record<string, number | null>>, metrics: Metrics, years: readonly string[]) {
  const names = metrics.units.names ?? {};
  const orgs = [...new Set(years.flatMap((y) => Object.keys(byYear[y] ?? {})))];
  return orgs.map((org) => ({
    Enhet: names[org] ?? org,
    ...Object.fromEntries(years.map((y) => [y, byYear[y]?.[org]])),
  }));
}

function rangeSentence(values: Record<string, number | null>, metrics: Metrics, year: string, who: string): string {
  const names = metrics.units.names ?? {};
  const entries = Object.entries(values).filter((e): e is [string, number] => shown(e[1]));
  if (entries.length === 0) return `Alle tall for ${year} er skjult.`;
  const low = entries.reduce((a, b) => (b[1] < a[1] ? b : a));
  const high = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
  const hidden = Object.values(values).length - entries.length;
  return `I ${year} varierte sykefraværet ${who} fra ${percentText(low[1])} (${names[low[0]] ?? low[0]}) til ${percentText(high[1])} (${names[high[0]] ?? high[0]}).${hiddenNote(hidden, hidden === 1 ? 'enhet' : 'enheter')}`;
}

/** Figur 4: the rate per org, one bar per year. */
export const figureAbsenceOrg: Component = (_call, context) => {
  const absence = absenceOf(context);
  if (!absence) return noAbsence(context);
  const years = Object.keys(absence.years);
  const last = years.at(-1)!;
  return renderFigure(
    {
      title: `Sykefravær, pr. enhet, ${span(years)}`,
      description: `Liggende søylediagram over sykefraværet per enhet, én søyle per år. ${rangeSentence(absence.byOrg[last] ?? {}, context.metrics, last, 'mellom enhetene')}`,
      spec: foldYears(context.chartSpec('absence-org'), years),
      data: orgRows(absence.byOrg, context.metrics, years),
      columns: [{ key: 'Enhet', label: 'Enhet' }, ...years.map((y) => percentColumn(y))],
    },
    context,
  );
};

/** Figur 7: stipendiater (stillingskode 1017) per org, one bar per year. */
export const figureAbsenceStipendiatOrg: Component = (_call, context) => {
  const absence = absenceOf(context);
  if (!absence) return noAbsence(context);
  const years = Object.keys(absence.years);
  const last = years.at(-1)!;
  const total = absence.years[last]!.stipendiat;
  const totalText = shown(total) ? ` Samlet for stipendiatene var sykefraværet ${percentText(total)} i ${last}.` : '';
  return renderFigure(
    {
      title: `Sykefravær, stillingskode 1017 - Stipendiat, ${span(years)}`,
      description: `Liggende søylediagram over sykefraværet blant stipendiater per enhet, én søyle per år.${totalText} ${rangeSentence(absence.stipendiatByOrg[last] ?? {}, context.metrics, last, 'mellom enhetene')}`,
      spec: foldYears(context.chartSpec('absence-org'), years),
      data: orgRows(absence.stipendiatByOrg, context.metrics, years),
      columns: [{ key: 'Enhet', label: 'Enhet' }, ...years.map((y) => percentColumn(y))],
    },
    context,
  );
};

/** Quarter labels that break over two lines in the chart: "1.kv. 2025". */
const period = (year: string, q: string) => `${q}.kv. ${year}`;

/** Figur 5: women and men, quarter by quarter. */
export const figureAbsenceGender: Component = (_call, context) => {
  const absence = absenceOf(context);
  if (!absence) return noAbsence(context);
  const years = Object.keys(absence.years);
  const data = years.flatMap((y) =>
    ['1', '2', '3', '4'].map((q) => ({
      Kvartal: period(y, q),
      Kvinner: absence.years[y]!.quarterByGender?.[q]?.K ?? null,
      Menn: absence.years[y]!.quarterByGender?.[q]?.M ?? null,
    })),
  );
  const both = data.filter((row) => shown(row.Kvinner) && shown(row.Menn));
  const womenHigher = both.length > 0 && both.every((row) => row.Kvinner! > row.Menn!);
  const last = years.at(-1)!;
  const year = absence.years[last]!;
  const yearly =
    shown(year.byGender.K) && shown(year.byGender.M)
      ? ` For ${last} samlet: kvinner ${percentText(year.byGender.K)}, menn ${percentText(year.byGender.M)}.`
      : '';
  return renderFigure(
    {
      title: `Sykefravær, pr. kjønn, kvartalsvis ${span(years)}`,
      description: `Linjediagram over sykefraværet per kvartal for kvinner (heltrukken linje) og menn (stiplet linje). ${womenHigher ? 'Kvinner hadde høyere sykefravær enn menn i alle viste kvartaler.' : 'Forholdet mellom kvinner og menn varierer mellom kvartalene.'}${yearly}`,
      spec: context.chartSpec('absence-gender'),
      data,
      columns: [{ key: 'Kvartal', label: 'Kvartal' }, percentColumn('Kvinner'), percentColumn('Menn')],
    },
    context,
  );
};

/** Figur 6: egenmeldt and legemeldt, quarter by quarter (stacked: together they are the quarter's total). */
export const figureAbsenceType: Component = (_call, context) => {
  const absence = absenceOf(context);
  if (!absence) return noAbsence(context);
  const years = Object.keys(absence.years);
  const data = years.flatMap((y) =>
    ['1', '2', '3', '4'].map((q) => ({
      Kvartal: period(y, q),
      Egenmeldt: absence.years[y]!.quarterByType?.[q]?.self ?? null,
      Legemeldt: absence.years[y]!.quarterByType?.[q]?.doctor ?? null,
      Totalt: absence.years[y]!.byQuarter[q] ?? null,
    })),
  );
  const both = data.filter((row) => shown(row.Egenmeldt) && shown(row.Legemeldt));
  const doctorLarger = both.length > 0 && both.every((row) => row.Legemeldt! > row.Egenmeldt!);
  const last = years.at(-1)!;
  const year = absence.years[last]!;
  const yearly =
    shown(year.self) && shown(year.doctor)
      ? ` I ${last} var ${percentText(year.self)} egenmeldt og ${percentText(year.doctor)} legemeldt.`
      : '';
  return renderFigure(
    {
      title: `Sykefravær, legemeldt og egenmeldt fravær, kvartalsvis ${span(years)}`,
      description: `Stablet søylediagram over egenmeldt (lys) og legemeldt (mørk) sykefravær per kvartal. ${doctorLarger ? 'Legemeldt fravær er den største delen i alle viste kvartaler.' : 'Fordelingen mellom egenmeldt og legemeldt varierer mellom kvartalene.'}${yearly}`,
      spec: context.chartSpec('absence-type'),
      data,
      columns: [
        { key: 'Kvartal', label: 'Kvartal' },
        percentColumn('Egenmeldt'),
        percentColumn('Legemeldt'),
        percentColumn('Totalt'),
      ],
    },
    context,
  );
};

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
