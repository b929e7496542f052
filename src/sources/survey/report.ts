import type { Metrics } from '../../metrics/types.js';
import * as xlsx from '../../report/sheets.js';
import { messages } from '../../messages.js';
import type { Light, SurveyQuestionYear } from '../../metrics/types.js';
import { SURVEY_YEARS } from './metrics.js';
import { ComponentError } from '../../report/content.js';
import { formatCount, formatNumber, formatPercent, NBSP } from '../../report/format.js';
import { escapeHtml } from '../../report/html-escape.js';
import { signalSymbol } from '../../report/lights.js';
import type { Component } from '../../report/component.js';
import { sourceLine } from '../../report/figure.js';

/**
 * Chapter 6.1's traffic-light tables. A light is never told by colour alone:
 * each cell also carries a symbol (report/lights.ts, shared with the action
 * plan's statuses) and a word, so the table reads in greyscale print and to a
 * screen reader.
 */

const LIGHTS: Record<Light, { word: string; legend: string }> = {
  green: { word: 'grønt', legend: 'Grønt: tilfredsstillende nivå' },
  yellow: { word: 'gult', legend: 'Gult: nivået kan forbedres – tiltak vurderes' },
  red: {
    word: 'rødt',
    legend:
      'Rødt: ikke tilfredsstillende nivå – tiltak skal vurderes for å løfte flere enheter til gult eller grønt nivå',
  },
};

const NO_SURVEY = '<p class="no-data">Det er ikke gitt data fra enhetenes årlige HMS-rapportering.</p>';

/** A threshold as the reader sees it: whole numbers without decimals. */
function threshold(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

function thresholdPercent(value: number): string {
  return `${threshold(value)}${NBSP}%`;
}

function emptyCell(reason: string): string {
  return `<td class="num light-none"><span aria-hidden="true">–</span><span class="visually-hidden">${reason}</span></td>`;
}

function cell(stats: SurveyQuestionYear | undefined): string {
  if (!stats) return emptyCell('ikke spurt');
  if (stats.percent === null || stats.light === null) return emptyCell('ingen aktuelle enheter');
  const light = LIGHTS[stats.light];
  const missing = stats.missing > 0 ? `, ${formatCount(stats.missing)} ubesvart` : '';
  const title = `${formatCount(stats.positive)} av ${formatCount(stats.applicable)} enheter${missing}`;
  return (
    `<td class="num light light-${stats.light}" title="${escapeHtml(title)}">` +
    `${signalSymbol(stats.light)}${formatPercent(stats.percent)}` +
    `<span class="light-word">${NBSP}${light.word}</span></td>`
  );
}

/** `{{survey-table "6.1.3"}}` (optional `title="…"` names the section in the caption). */
export const surveyTable: Component = (call, context) => {
  const { metrics } = context;
  const section = call.args[0];
  if (section === undefined || section === null || String(section).trim() === '') {
    throw new ComponentError(messages.surveyTableNoSection());
  }
  const survey = metrics.survey;
  if (!survey) return NO_SURVEY;
  const rows = Object.values(survey.questions).filter((q) => q.report !== false && q.section === String(section));
  if (rows.length === 0)
    return `<p class="no-data">Ingen spørsmål i HMS-rapporteringen hører til ${escapeHtml(String(section))}.</p>`;
  const years = Array.from({ length: SURVEY_YEARS }, (_, i) => metrics.year - i);
  const title = typeof call.options.title === 'string' ? call.options.title : `Tema i ${String(section)}`;
  const caption = `${escapeHtml(title)}: andel enheter med positivt svar, ${years.at(-1)}–${years[0]}`;
  const head = `<tr><th scope="col">Tema</th>${years.map((y) => `<th scope="col" class="num">${y}</th>`).join('')}</tr>`;
  const body = rows
    .map((q) => `<tr><th scope="row">${escapeHtml(q.theme)}</th>${years.map((y) => cell(q.years[y])).join('')}</tr>`)
    .join('\n');
  return `<table class="survey-table">\n<caption>${caption}</caption>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n${sourceLine(context)}`;
};

/** `{{survey-legend}}`: what the lights mean, with the thresholds of the config; a two-column table as in the seed. */
export const surveyLegend: Component = (_call, { metrics, config }) => {
  if (!metrics.survey) return NO_SURVEY;
  const { green, red } = config.thresholds;
  const ranges: Record<Light, string> = {
    green: `over ${thresholdPercent(green)} positive svar`,
    yellow: `${threshold(red)}–${thresholdPercent(green)} positive svar`,
    red: `under ${thresholdPercent(red)} positive svar`,
  };
  const rows = (Object.keys(LIGHTS) as Light[]).map(
    (light) =>
      `<tr><th scope="row" class="light light-${light}">${signalSymbol(light)}${LIGHTS[light].legend}</th><td>${ranges[light]}</td></tr>`,
  );
  return `<table class="survey-legend">\n<caption class="visually-hidden">Trafikklysmodellen</caption>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
};

/**
 * `{{survey-gate "har_kjemikalier" "I {year} oppgir {yes} av {answered} enheter …"}}`: a sentence about a
 * gate question of the report year, or nothing when the catalogue has no such gate or the year did not ask
 * it. A component rather than `{{#if survey.gates.x}}`, because the default narrative must build for any
 * catalogue and a placeholder naming a gate another workspace lacks is an error.
 */
export const surveyGate: Component = (call, { metrics }) => {
  const [gate, text] = call.args;
  if (typeof gate !== 'string' || typeof text !== 'string') {
    throw new ComponentError(messages.surveyGateArguments());
  }
  const counts = metrics.survey?.gates?.[gate]?.years[metrics.year];
  if (!counts) return '';
  const values: Record<string, string> = {
    year: String(metrics.year),
    yes: formatCount(counts.yes),
    answered: formatCount(counts.answered),
  };
  return `<p>${escapeHtml(text).replace(/\{(year|yes|answered)\}/g, (_, key: string) => values[key]!)}</p>`;
};

/** tables.xlsx: a sheet per section of the survey tables. */
export function surveySheets(metrics: Metrics): xlsx.Sheet[] {
  const questions = metrics.survey?.questions;
  if (!questions) return [];
  const bySection = new Map<string, [string, (typeof questions)[string]][]>();
  for (const entry of Object.entries(questions)) {
    // Gate and background questions have no row in the report, so no row here either.
    if (entry[1].report === false) continue;
    const list = bySection.get(entry[1].section) ?? [];
    list.push(entry);
    bySection.set(entry[1].section, list);
  }
  const report = String(metrics.year);
  return [...bySection].map(([section, list]) => {
    const years = [...new Set(list.flatMap(([, q]) => Object.keys(q.years)))].sort();
    return {
      name: `Undersøkelse ${section}`,
      columns: [
        xlsx.text('Tema'),
        xlsx.text('Id'),
        ...years.map((y) => xlsx.percent(`${y} positive %`)),
        xlsx.count(`${report} positive`),
        xlsx.count(`${report} besvart`),
        xlsx.count(`${report} ikke besvart`),
        xlsx.text(`${report} lys`),
      ],
      rows: list.map(([id, q]) => {
        const now = q.years[report];
        return [
          q.theme,
          id,
          ...years.map((y) => q.years[y]?.percent ?? null),
          now?.positive ?? null,
          now?.applicable ?? null,
          now?.missing ?? null,
          now?.light ?? null,
        ];
      }),
    };
  });
}
