import * as xlsx from '../../report/sheets.js';
import absenceGenderSpec from './absence-gender.vl.json' with { type: 'json' };
import absenceOrgSpec from './absence-org.vl.json' with { type: 'json' };
import absenceQuarterSpec from './absence-quarter.vl.json' with { type: 'json' };
import absenceTypeSpec from './absence-type.vl.json' with { type: 'json' };
import type { AbsenceMetrics, AbsenceYear, Metrics } from '../../metrics/types.js';
import { chartSpec, foldYears, renderFigure, type FigureColumn } from '../../report/figure.js';
import { formatPercent, yearSpan } from '../../report/format.js';
import type { Component, ComponentContext } from '../../report/component.js';
import { ABSENCE_YEARS } from './read.js';

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

export const SUPPRESSED = 'skjult';

/** A rate, "skjult" for a suppressed one (null), "–" where the group has no rows that year (absent). */
export const percentText = (value: unknown) =>
  typeof value === 'number' ? formatPercent(value, 1) : value === null ? SUPPRESSED : '–';
const percentColumn = (key: string, label = key): FigureColumn => ({ key, label, numeric: true, format: percentText });
const shown = (value: number | null | undefined): value is number => typeof value === 'number';
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
    description = `Sykefravær per kvartal ${yearSpan(years)}; alle kvartalstall er skjult.`;
  }
  return renderFigure(
    {
      title: `Sykefravær, pr. kvartal, ${yearSpan(years)}`,
      description: `Søylediagram over sykefraværet per kvartal, én søyle per år. ${description}`,
      spec: foldYears(absenceQuarterSpec, years),
      data,
      columns: [{ key: 'Kvartal', label: 'Kvartal' }, ...years.map((y) => percentColumn(y))],
    },
    context,
  );
};

/** The orgs of a by-org figure, in the order metrics.json lists them. */
const orgsOf = (byYear: Record<string, Record<string, number | null>>, years: readonly string[]) => [
  ...new Set(years.flatMap((y) => Object.keys(byYear[y] ?? {}))),
];

/** Rows per org (short name), one column per year. */
function orgRows(byYear: Record<string, Record<string, number | null>>, metrics: Metrics, years: readonly string[]) {
  const names = metrics.units.names ?? {};
  return orgsOf(byYear, years).map((org) => ({
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
      title: `Sykefravær, pr. enhet, ${yearSpan(years)}`,
      description: `Liggende søylediagram over sykefraværet per enhet, én søyle per år. ${rangeSentence(absence.byOrg[last] ?? {}, context.metrics, last, 'mellom enhetene')}`,
      spec: foldYears(absenceOrgSpec, years),
      data: orgRows(absence.byOrg, context.metrics, years),
      columns: [{ key: 'Enhet', label: 'Enhet' }, ...years.map((y) => percentColumn(y))],
      units: orgsOf(absence.byOrg, years),
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
      title: `Sykefravær, stillingskode 1017 - Stipendiat, ${yearSpan(years)}`,
      description: `Liggende søylediagram over sykefraværet blant stipendiater per enhet, én søyle per år.${totalText} ${rangeSentence(absence.stipendiatByOrg[last] ?? {}, context.metrics, last, 'mellom enhetene')}`,
      spec: foldYears(absenceOrgSpec, years),
      data: orgRows(absence.stipendiatByOrg, context.metrics, years),
      columns: [{ key: 'Enhet', label: 'Enhet' }, ...years.map((y) => percentColumn(y))],
      units: orgsOf(absence.stipendiatByOrg, years),
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
      title: `Sykefravær, pr. kjønn, kvartalsvis ${yearSpan(years)}`,
      description: `Linjediagram over sykefraværet per kvartal for kvinner (heltrukken linje) og menn (stiplet linje). ${womenHigher ? 'Kvinner hadde høyere sykefravær enn menn i alle viste kvartaler.' : 'Forholdet mellom kvinner og menn varierer mellom kvartalene.'}${yearly}`,
      spec: chartSpec(absenceGenderSpec),
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
      title: `Sykefravær, legemeldt og egenmeldt fravær, kvartalsvis ${yearSpan(years)}`,
      description: `Stablet søylediagram over egenmeldt (lys) og legemeldt (mørk) sykefravær per kvartal. ${doctorLarger ? 'Legemeldt fravær er den største delen i alle viste kvartaler.' : 'Fordelingen mellom egenmeldt og legemeldt varierer mellom kvartalene.'}${yearly}`,
      spec: chartSpec(absenceTypeSpec),
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

/** A rate for tables.xlsx: blank where the group has no rows, "skjult" where it is suppressed. */
function absenceValue(value: number | null | undefined): xlsx.Value {
  if (value === undefined) return null;
  return value === null ? xlsx.SUPPRESSED : value;
}

/** tables.xlsx: Figur 3–7 and the rates per org and unit; a suppressed rate reads "skjult". */
export function absenceSheets(metrics: Metrics): xlsx.Sheet[] {
  const absence = metrics.absence;
  if (!absence) return [];
  const years = xlsx.sortedYears(absence.years);
  const keysOf = (pick: (y: AbsenceYear) => Record<string, number | null>) =>
    [...new Set(years.flatMap((y) => Object.keys(pick(absence.years[y]!) ?? {})))].sort();
  const genders = keysOf((y) => y.byGender);
  const groups = keysOf((y) => y.byGroup);
  const quarters = keysOf((y) => y.byQuarter);
  const byIdPerYear = (name: string, record: Record<string, Record<string, number | null>>): xlsx.Sheet => {
    const ys = xlsx.sortedYears(record);
    const ids = [...new Set(ys.flatMap((y) => Object.keys(record[y]!)))];
    return {
      name,
      columns: [xlsx.text('Id'), xlsx.text('Navn'), ...ys.map((y) => xlsx.percent(`${y} %`))],
      rows: ids.map((id) => [
        id,
        xlsx.orgName(metrics.units.names, id),
        ...ys.map((y) => absenceValue(record[y]![id])),
      ]),
    };
  };
  return [
    {
      name: 'Sykefravær per år',
      columns: [
        xlsx.text('År'),
        xlsx.percent('Totalt %'),
        xlsx.percent('Egenmeldt %'),
        xlsx.percent('Legemeldt %'),
        ...genders.map((g) => xlsx.percent(`${g === 'K' ? 'Kvinner' : g === 'M' ? 'Menn' : g} %`)),
        ...groups.map((g) => xlsx.percent(`${g} %`)),
        xlsx.percent('Stipendiater %'),
      ],
      rows: years.map((y) => {
        const v = absence.years[y]!;
        return [
          y,
          absenceValue(v.total),
          absenceValue(v.self),
          absenceValue(v.doctor),
          ...genders.map((g) => absenceValue(v.byGender?.[g])),
          ...groups.map((g) => absenceValue(v.byGroup?.[g])),
          absenceValue(v.stipendiat),
        ];
      }),
    },
    {
      name: 'Sykefravær per kvartal',
      columns: [xlsx.text('År'), ...quarters.map((q) => xlsx.percent(`${q}. kvartal %`))],
      rows: years.map((y) => [y, ...quarters.map((q) => absenceValue(absence.years[y]!.byQuarter?.[q]))]),
    },
    byIdPerYear('Sykefravær per org', absence.byOrg ?? {}),
    byIdPerYear('Sykefravær per enhet', absence.byUnit ?? {}),
    byIdPerYear('Stipendiater per org', absence.stipendiatByOrg ?? {}),
  ];
}
