import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, measureChartText, type ChartTextItem } from './fonts.js';
import { escapeHtml } from './html-escape.js';
import type { ComponentContext } from './component.js';
import { formatCount } from './format.js';
import { TextCache } from '../text-cache.js';

/** One column of a figure's data table: the text alternative a screen reader (or a greyscale print) can rely on. */
export interface FigureColumn {
  key: string;
  label: string;
  /** Formats a cell; numbers default to Norwegian formatting by the caller. */
  format?: (value: unknown) => string;
  numeric?: boolean;
}

export interface FigureInput {
  /** Caption after "Figur N: ". */
  title: string;
  /** A sentence that says what the figure shows (its text alternative). */
  description: string;
  /** A Vega-Lite spec (from templates/charts/), its data given separately. */
  spec: TopLevelSpec;
  data: Record<string, unknown>[];
  /** The data table under the figure; every value shown in the chart must be in it. */
  columns: FigureColumn[];
  /** Sentences under the caption that a reader needs to read the figure right (what its bars add up to). */
  notes?: string[];
  /** The units and orgs the figure labels, by id: a key says what their abbreviated labels stand for. */
  units?: readonly string[];
}

/**
 * What the abbreviated unit labels of a figure or table stand for ("AD:
 * Fakultet for arkitektur og design"), for the labels that are not the
 * unit's full name; those an earlier figure expanded are referred to it
 * instead, so the key is printed once. Empty when none is abbreviated.
 */
export function abbreviationKey(ids: readonly string[], context: ComponentContext, figure?: number): string {
  const names = context.metrics.units.names ?? {};
  const fresh: string[] = [];
  const earlier = new Set<number>();
  for (const id of ids) {
    const label = names[id] ?? id;
    const name = context.unitName(id);
    if (label === name) continue;
    const explainedIn = context.expanded?.get(label);
    if (explainedIn !== undefined && explainedIn !== figure) earlier.add(explainedIn);
    else {
      fresh.push(`${escapeHtml(label)}: ${escapeHtml(name)}`);
      if (figure !== undefined) context.expanded?.set(label, figure);
    }
  }
  if (fresh.length === 0 && earlier.size === 0) return '';
  const references = [...earlier].map((n) => `<a href="#figur-${n}">figur ${n}</a>`);
  const seeAlso = references.length > 0 ? `${fresh.length > 0 ? 'ellers ' : ''}som i ${references.join(' og ')}` : '';
  return `<p class="figure-note">Forkortelser: ${[fresh.join('; '), seeAlso].filter(Boolean).join('; ')}.</p>\n`;
}

/** The line under a figure or table whose numbers come from an export: where they come from. */
export function sourceLine(context: ComponentContext): string {
  return context.system ? `<p class="source-line">Kilde: ${escapeHtml(context.system)}</p>` : '';
}

/** A count column of a figure's data table, its key as its label. */
export const countColumn = (key: string): FigureColumn => ({
  key,
  label: key,
  numeric: true,
  format: (value) => formatCount(Number(value)),
});

/** A copy of a source's Vega-Lite spec, ready to be filled in (the imported JSON is shared by every build). */
export function chartSpec(spec: unknown): TopLevelSpec {
  return structuredClone(spec) as TopLevelSpec;
}

/** A grouped-by-year spec with its fold set to the years the data has (the spec leaves it empty). */
export function foldYears(spec: unknown, years: readonly string[]): TopLevelSpec {
  const copy = chartSpec(spec) as TopLevelSpec & { transform: { fold?: string[] }[] };
  copy.transform = copy.transform.map((t) => ('fold' in t ? { ...t, fold: [...years] } : t));
  return copy;
}

/**
 * A numbered figure: the chart rendered to inline SVG at build time (no
 * script needed to view it), its caption, a text alternative, and its data
 * as a table. Figures are numbered in document order.
 */
export async function renderFigure(input: FigureInput, context: ComponentContext): Promise<string> {
  const number = context.nextNumber('figure');
  const svg = await chartSvg(input.spec, input.data);
  const captionId = `figur-${number}`;
  const rows = input.data
    .map(
      (row) =>
        `<tr>${input.columns
          .map((c, i) => {
            const text = escapeHtml(c.format ? c.format(row[c.key]) : String(row[c.key] ?? ''));
            return i === 0 ? `<th scope="row">${text}</th>` : `<td${c.numeric ? ' class="num"' : ''}>${text}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<figure class="chart" aria-labelledby="${captionId}">
<div role="img" aria-label="${escapeHtml(input.description)}">${svg}</div>
<figcaption id="${captionId}">Figur ${number}: ${escapeHtml(input.title)}</figcaption>
${(input.notes ?? []).map((note) => `<p class="figure-note">${escapeHtml(note)}</p>\n`).join('')}${abbreviationKey(input.units ?? [], context, number)}${sourceLine(context)}
<details class="figure-data"><summary>Tallene bak figur ${number}</summary>
<table><caption>Data for figur ${number}: ${escapeHtml(input.title)}</caption>
<thead><tr>${input.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></details>
</figure>`;
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let charting: Promise<{ vega: Vega; compile: VegaLite['compile'] }> | undefined;

/** Vega and Vega-Lite, loaded with the first chart: commands that draw none never pay for them. */
function loadCharting(): Promise<{ vega: Vega; compile: VegaLite['compile'] }> {
  charting ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    // Without a canvas Vega only estimates text widths (0.8 em a character), which
    // cuts axis labels short or leaves gaps; measure with the embedded font instead.
    // vega-typings leave textMetrics out, hence the narrow cast.
    (vega as unknown as { textMetrics: { width: (item: ChartTextItem, text: unknown) => number } }).textMetrics.width =
      measureChartText;
    return { vega, compile: vegaLite.compile };
  });
  return charting;
}

/** Charts drawn, by their full spec with data. */
const drawn = new TextCache<string>(200);

/**
 * Every chart is drawn as wide as the printed page's text (A4 less 20 mm
 * margins: 170 mm, 642 CSS px), axes and labels included, so print shows it
 * at its own size: a 12 px label prints at 9 pt, a 10 px value at 7.5 pt.
 */
export const CHART_WIDTH = 640;

/**
 * Vega-Lite's messages about a spec, on stderr as before, less one: a chart
 * whose bars set its height ("height": {"step": …}) fits only its width, as
 * meant, yet Vega-Lite says it dropped fitting the height.
 */
const CHART_LOGGER = {
  level(): number {
    return 2;
  },
  warn(...messages: unknown[]) {
    if (!messages.some((m) => String(m).startsWith('Dropping "fit-y"'))) console.warn(...messages);
    return this;
  },
  error(...messages: unknown[]) {
    console.error(...messages);
    return this;
  },
  info() {
    return this;
  },
  debug() {
    return this;
  },
};

/** Vega-Lite → Vega → SVG, headless. The SVG's own title/description are dropped: the figure element carries them. */
export async function chartSvg(spec: TopLevelSpec, data: Record<string, unknown>[]): Promise<string> {
  // The SVG's text is drawn in the report's embedded font, the one it was measured with.
  const full = {
    ...spec,
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: data },
    config: { ...spec.config, font: `"${FONT_FAMILY}", sans-serif` },
  } as TopLevelSpec;
  // The same chart of the same data is the same SVG: the preview re-renders a narrative without redrawing.
  const key = JSON.stringify(full);
  const cached = drawn.get(key);
  if (cached !== undefined) return cached;
  const { vega, compile } = await loadCharting();
  const vegaSpec = compile(full, { logger: CHART_LOGGER }).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  const svg = (await view.toSVG()).replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
  view.finalize();
  drawn.set(key, svg);
  return svg;
}
