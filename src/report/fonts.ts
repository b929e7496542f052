import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/**
 * The report's one typeface, read from Adobe's own `source-sans` package at
 * build time: embedded in the HTML as data: URLs (so the page and the PDF look
 * the same on every machine and nothing is fetched) and used to measure chart
 * text, so the widths Vega lays out with are the widths Chromium draws.
 *
 * Static instances, not the web subsets cut from the variable font (those
 * carry the variable font's default name, "SourceSans3ExtraLight-…", into
 * the PDF, which a preflight check reads as the ExtraLight weight): each file
 * names the weight it is, SourceSans3-Regular, -It, -Semibold and -Bold. Each
 * has every glyph the report needs (æøå, NBSP, U+202F, en dash, «», U+2212),
 * so no unicode-range split is needed; Chromium embeds only the glyphs used.
 */

export const FONT_FAMILY = 'Source Sans 3';
const PACKAGE = 'source-sans';

export type FontStyle = 'normal' | 'italic';
interface Face {
  weight: 400 | 600 | 700;
  style: FontStyle;
  /** The file's name in the package: SourceSans3-<file>.ttf.woff2. */
  file: 'Regular' | 'It' | 'Semibold' | 'Bold';
}
/** Regular, italic, semibold (table row headings) and bold; bold italic is left for the browser to slant. */
export const FACES: readonly Face[] = [
  { weight: 400, style: 'normal', file: 'Regular' },
  { weight: 400, style: 'italic', file: 'It' },
  { weight: 600, style: 'normal', file: 'Semibold' },
  { weight: 700, style: 'normal', file: 'Bold' },
];

const require = createRequire(import.meta.url);

function fontFile(face: Face): Buffer {
  return readFileSync(require.resolve(`${PACKAGE}/WOFF2/TTF/SourceSans3-${face.file}.ttf.woff2`));
}

/**
 * The same face as a plain TrueType file, for measuring: fontkit unpacks a
 * WOFF2 with a brotli decoder written in JavaScript and rebuilds its glyphs,
 * a quarter of a second of a build. The tables a measurement reads (cmap,
 * hmtx, hhea, GSUB, GPOS, GDEF, OS/2) are byte for byte those of the WOFF2
 * the page embeds; the TTF only adds hinting, which widths do not use.
 */
function measuringFontFile(face: Face): Buffer {
  return readFileSync(require.resolve(`${PACKAGE}/TTF/SourceSans3-${face.file}.ttf`));
}

let cachedCss: string | undefined;

/** @font-face rules with the font files inline, one per face. */
export function fontFaceCss(): string {
  if (cachedCss !== undefined) return cachedCss;
  cachedCss = FACES.map(
    (face) => `@font-face {
  font-family: "${FONT_FAMILY}";
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: block;
  src: url(data:font/woff2;base64,${fontFile(face).toString('base64')}) format("woff2");
}`,
  ).join('\n');
  return cachedCss;
}

type LoadedFont = Fontkit.Font;
/** fontkit is loaded when a chart is first measured (half a second of start-up otherwise). */
let fontkit: typeof Fontkit | undefined;
const loaded = new Map<string, LoadedFont>();

/** The font the browser picks for a weight and style among FACES (CSS font matching, simplified). */
function faceFont(weight: number, style: FontStyle): LoadedFont {
  const italic = style === 'italic' && weight < 600;
  const face = FACES.find(
    (f) => f.style === (italic ? 'italic' : 'normal') && f.weight === (weight >= 700 ? 700 : weight >= 600 ? 600 : 400),
  )!;
  const key = face.file;
  let font = loaded.get(key);
  if (!font) {
    fontkit ??= require('fontkit') as typeof Fontkit;
    const created = fontkit.create(measuringFontFile(face));
    if (!('layout' in created)) throw new Error(`${PACKAGE} ${key} is a font collection, expected one font`);
    font = created;
    loaded.set(key, font);
  }
  return font;
}

/** The advance width of a line of text in pixels, with kerning, as the browser lays it out. */
export function measureText(text: string, fontSize: number, weight = 400, style: FontStyle = 'normal'): number {
  // Vega measures the same labels again and again: each text is laid out once per face.
  const key = `${weight}${style}${text}`;
  let units = measured.get(key);
  if (units === undefined) {
    const font = faceFont(weight, style);
    units = text === '' ? 0 : font.layout(text).advanceWidth / font.unitsPerEm;
    if (measured.size > 50_000) measured.clear();
    measured.set(key, units);
  }
  return units * fontSize;
}

/** Widths in em by face and text. */
const measured = new Map<string, number>();

/** The text properties Vega's scenegraph gives its text-width hook. */
export interface ChartTextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  fontStyle?: string;
  limit?: number;
}

/**
 * A drop-in for vega-scenegraph's textMetrics.width: measures with the
 * embedded font, trims as Vega does, and never reports more than a label's
 * limit (Vega truncates such labels to fit it).
 */
export function measureChartText(item: ChartTextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  if (!line || size <= 0) return 0;
  const weight = item.fontWeight === 'bold' ? 700 : Number(item.fontWeight) || 400;
  const width = measureText(line, size, weight, item.fontStyle === 'italic' ? 'italic' : 'normal');
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
