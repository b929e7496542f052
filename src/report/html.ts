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
import { chapterPageCss } from './page-css.js';

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
): Promise<HtmlReport> {
  const counters = { figure: 0, table: 0 };
  const context: ComponentContext = {
    metrics,
    config,
    nextNumber: (kind) => ++counters[kind],
    sourceData: parts.sourceData,
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
  const layout = Handlebars.create().compile(templates.layout, { strict: false });
  const html = layout({
    title,
    institution: metrics.institution,
    year: metrics.year,
    fontCss: fontFaceCss(),
    css: templates.css,
    pageCss: chapterPageCss(body.headings.filter((h) => h.level === 1)),
    toc,
    body: scrollableTables(body.html),
  });
  return { html, headings: body.headings, toc, title };
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
