import { messages } from '../messages.js';
import Handlebars from 'handlebars';
import { escapeHtml, unescapeHtml } from './html-escape.js';
import type { Diagnostics } from '../errors.js';
import type { Metrics } from '../metrics/types.js';
import type { Config } from '../sources/config.js';
import type { ContentFile } from '../sources/content.js';
import type { Component, ComponentContext } from './component.js';
import { ComponentError, renderContent, type Heading } from './content.js';
import { contentData } from './content-data.js';
import { contentHelpers } from './helpers.js';
import type { Templates } from './templates.js';
import { fontFaceCss } from './fonts.js';
import { appendixPageCss, chapterPageCss } from './page-css.js';
import { typesetHtml } from './typography.js';
import { formatDate } from './format.js';
import { createRequire } from 'node:module';

export interface HtmlReport {
  html: string;
  headings: Heading[];
  /** The headings the table of contents lists (levels 1–3), whose pages the PDF fills in. */
  toc: Heading[];
  title: string;
}

/** What the data sources give the report: their components and their data for placeholders and components. */
export interface ReportParts {
  components: Record<string, Component>;
  /** Every source's key: each is in the narrative's data, null when its source is not given. */
  sourceKeys: readonly string[];
  /** Top-level keys the sources add to the narrative's data (`facts`, `questions`). */
  narrative: Record<string, unknown>;
  /** The sources' keys of one year's view (`current.absence`). */
  yearView(year: number): Record<string, unknown>;
  /** A source's validated data, for components that show content rather than figures. */
  sourceData(key: string): unknown;
  /** A unit's or org's full name from the register. */
  unitName(id: string): string;
  /** How the colophon names each source the report was made from, in report order. */
  colophon: readonly string[];
}

/**
 * The whole report as one self-contained HTML document: inline CSS, figures
 * as inline SVG, nothing fetched. Deterministic: the same inputs give the
 * same bytes.
 */
export async function renderHtml(
  metrics: Metrics,
  config: Config,
  content: readonly ContentFile[],
  templates: Templates,
  parts: ReportParts,
  diagnostics: Diagnostics,
  /** The build's report date: the cover's date when the config gives none (never the clock). */
  reportDate: Date,
): Promise<HtmlReport> {
  const counters = { figure: 0, table: 0 };
  const context: ComponentContext = {
    metrics,
    config,
    nextNumber: (kind) => ++counters[kind],
    sourceData: parts.sourceData,
    unitName: parts.unitName,
    expanded: new Map(),
  };
  const data = contentData(metrics, parts);
  const body = await renderContent(
    content,
    data,
    contentHelpers(config.suppression.minPersons),
    Object.keys(parts.components),
    async (call) => {
      const component = parts.components[call.name];
      if (!component) throw new ComponentError(messages.unknownComponent(call.name));
      return component(call, context);
    },
    diagnostics,
  );
  const title = `HMS-årsrapport ${metrics.year}`;
  const toc = body.headings.filter((h) => h.level <= 3);
  const layout = compiledLayout(templates.layout);
  // One typography pass over every text of the document: narrative, templates, data, figures, captions.
  const html = typesetHtml(
    layout({
      title,
      institution: metrics.institution,
      year: metrics.year,
      fontCss: fontFaceCss(),
      css: templates.css,
      pageCss: [chapterPageCss(body.headings.filter((h) => h.level === 1)), appendixPageCss(body.headings)].join('\n'),
      toc,
      body: labelledActionPlans(reflowingCharts(scrollableTables(body.html))),
      publication: publication(metrics, config, parts, reportDate),
    }),
  );
  return { html, headings: body.headings, toc, title };
}

/**
 * The last layout compiled, with its text: every run of a process has the
 * same, and compiling it costs more than filling it in.
 */
let lastLayout: { text: string; template: HandlebarsTemplateDelegate } | undefined;

function compiledLayout(text: string): HandlebarsTemplateDelegate {
  if (lastLayout?.text !== text) lastLayout = { text, template: Handlebars.create().compile(text, { strict: false }) };
  return lastLayout.template;
}

const require = createRequire(import.meta.url);
const TOOL_VERSION = (require('../../package.json') as { version: string }).version;

/**
 * The cover's and the colophon's facts: from the config's `publication`
 * where given; the date otherwise from the build (never the clock), the
 * publisher otherwise the institution.
 */
function publication(metrics: Metrics, config: Config, parts: ReportParts, reportDate: Date) {
  const given = config.publication;
  const date = given.date ?? reportDate.toISOString().slice(0, 10);
  return {
    logo: config.logo?.dataUrl,
    publisher: given.publisher ?? metrics.institution,
    contact: given.contact,
    date: formatDate(date),
    dateIso: date,
    caseNumber: given.caseNumber,
    reviewedIn: given.reviewedIn,
    sources: sentence(parts.colophon),
    version: TOOL_VERSION,
  };
}

/** "A; b; c", capitalised: the colophon's list of sources as one sentence. */
function sentence(parts: readonly string[]): string {
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Wraps every table in a region that scrolls sideways on a narrow screen, so
 * a six-column table never makes the whole page scroll (WCAG 1.4.10 Reflow).
 * The region is named by the table's caption and can take focus, so it can
 * be scrolled from the keyboard.
 */
export function scrollableTables(html: string): string {
  return html.replace(/<table[\s>][\s\S]*?<\/table>/g, (table) => {
    const caption = /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1];
    const label = caption
      ? caption
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim()
      : 'Tabell';
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(unescapeHtml(label))}">${table}</div>`;
  });
}

/** The smallest text a chart shows on a screen, in CSS pixels. */
const MIN_LABEL_PX = 11;

/**
 * Lets each chart re-flow with the page but never shrink below the width at
 * which its smallest label is 11 px (WCAG-minded legibility on a phone):
 * below that width it scrolls sideways in a region named by its caption.
 * The SVG itself is untouched; the print stylesheet ignores all of this.
 */
export function reflowingCharts(html: string): string {
  return html.replace(
    /<div role="img" aria-label="([^"]*)">(<svg\b[^>]*>[\s\S]*?<\/svg>)<\/div>(\s*<figcaption id="([^"]+)")?/g,
    (whole, label: string, svg: string, caption: string | undefined, captionId: string | undefined) => {
      const width = Number(/^<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
      const sizes = [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)px/g)].map((m) => Number(m[1]));
      if (!width || sizes.length === 0) return whole;
      const smallest = Math.min(...sizes);
      const minWidth = Math.ceil((width * MIN_LABEL_PX) / smallest);
      const maxWidth = Math.max(width, minWidth);
      const named = captionId ? `aria-labelledby="${captionId}"` : `aria-label="${label}"`;
      return (
        `<div class="chart-scroll" role="region" tabindex="0" ${named}>` +
        `<div class="chart-canvas" role="img" aria-label="${label}" style="--chart-min-width: ${minWidth}px; --chart-max-width: ${maxWidth}px">` +
        `${svg}</div></div>${caption ?? ''}`
      );
    },
  );
}

/**
 * Gives each cell of an action plan the heading of its column as
 * `data-label`, so that on a narrow screen, where the plan is shown as one
 * card per measure, every field says what it is (report.css).
 */
export function labelledActionPlans(html: string): string {
  return html.replace(/<table class="action-plan"[\s\S]*?<\/table>/g, (table) => {
    const header = /<tr><th scope="col">[\s\S]*?<\/tr>/.exec(table)?.[0];
    if (!header) return table;
    const columns = [...header.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
      m[1]!.replace(/<[^>]*>/g, '').trim(),
    );
    const [, ...cellColumns] = columns;
    return table.replace(/<tbody>[\s\S]*?<\/tbody>/g, (tbody) =>
      tbody.replace(/<tr>([\s\S]*?)<\/tr>/g, (_row, cells: string) => {
        let index = 0;
        return `<tr>${cells.replace(/<td(?=[\s>])/g, () => {
          const name = cellColumns[index++];
          return name ? `<td data-label="${escapeHtml(unescapeHtml(name))}"` : '<td';
        })}</tr>`;
      }),
    );
  });
}
