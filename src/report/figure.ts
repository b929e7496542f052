import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, measureChartText, type ChartTextItem } from './fonts.js';
import { escapeHtml } from './html-escape.js';
import type { ComponentContext } from './component.js';
import { formatCount } from './format.js';

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

/** Charts drawn, by their full spec with data; the oldest is dropped beyond 200. */
const drawn = new Map<string, string>();

/** Vega-Lite → Vega → SVG, headless. The SVG's own title/description are dropped: the figure element carries them. */
export async function chartSvg(spec: TopLevelSpec, data: Record<string, unknown>[]): Promise<string> {
  // The SVG's text is drawn in the report's embedded font, the one it was measured with.
  const full = {
    ...spec,
    data: { values: data },
    config: { ...spec.config, font: `"${FONT_FAMILY}", sans-serif` },
  } as TopLevelSpec;
  // The same chart of the same data is the same SVG: the preview re-renders a narrative without redrawing.
  const key = JSON.stringify(full);
  const cached = drawn.get(key);
  if (cached !== undefined) return cached;
  const { vega, compile } = await loadCharting();
  const vegaSpec = compile(full).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  const svg = (await view.toSVG()).replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
  view.finalize();
  if (drawn.size >= 200) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, svg);
  return svg;
}
