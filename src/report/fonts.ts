import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/**
 * The report's one typeface, read from the @fontsource package at build time:
 * embedded in the HTML as data: URLs (so the page and the PDF look the same on
 * every machine and nothing is fetched) and used to measure chart text, so the
 * widths Vega lays out with are the widths Chromium draws.
 */

export const FONT_FAMILY = 'Source Sans 3';
const PACKAGE = '@fontsource/source-sans-3';
/** latin covers æøå, NBSP and U+2212 MINUS SIGN; latin-ext the rest of the Nordic and European letters. */
const SUBSETS = ['latin', 'latin-ext'] as const;

export type FontStyle = 'normal' | 'italic';
interface Face {
  weight: 400 | 700;
  style: FontStyle;
}
/** Regular, italic and bold; bold italic is left for the browser to slant. */
const FACES: readonly Face[] = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
];

const require = createRequire(import.meta.url);

function fontFile(subset: string, face: Face): Buffer {
  return readFileSync(require.resolve(`${PACKAGE}/files/source-sans-3-${subset}-${face.weight}-${face.style}.woff2`));
}

let cachedCss: string | undefined;

/** @font-face rules with the font files inline, one per face and subset, split by unicode-range as @fontsource does. */
export function fontFaceCss(): string {
  if (cachedCss !== undefined) return cachedCss;
  const ranges = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>;
  const rules: string[] = [];
  for (const face of FACES) {
    for (const subset of SUBSETS) {
      const range = ranges[subset];
      if (!range) throw new Error(`${PACKAGE} has no unicode range for subset ${subset}`);
      rules.push(`@font-face {
  font-family: "${FONT_FAMILY}";
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: block;
  src: url(data:font/woff2;base64,${fontFile(subset, face).toString('base64')}) format("woff2");
  unicode-range: ${range};
}`);
    }
  }
  cachedCss = rules.join('\n');
  return cachedCss;
}

type LoadedFont = Fontkit.Font;
/** fontkit is loaded when a chart is first measured (half a second of start-up otherwise). */
let fontkit: typeof Fontkit | undefined;
const loaded = new Map<string, LoadedFont[]>();

/** The subset fonts of one face, in fallback order. */
function faceFonts(weight: number, style: FontStyle): LoadedFont[] {
  const face: Face = {
    weight: weight >= 600 ? 700 : 400,
    style: style === 'italic' && weight < 600 ? 'italic' : 'normal',
  };
  const key = `${face.weight}-${face.style}`;
  let fonts = loaded.get(key);
  if (!fonts) {
    fontkit ??= require('fontkit') as typeof Fontkit;
    const { create } = fontkit;
    fonts = SUBSETS.map((subset) => {
      const font = create(fontFile(subset, face));
      if (!('layout' in font)) throw new Error(`${PACKAGE} ${subset} ${key} is a font collection, expected one font`);
      return font;
    });
    loaded.set(key, fonts);
  }
  return fonts;
}

/**
 * The advance width of a line of text in pixels, with kerning, as the browser
 * lays it out. Each character is measured in the first subset that has it,
 * as unicode-range makes the browser do.
 */
export function measureText(text: string, fontSize: number, weight = 400, style: FontStyle = 'normal'): number {
  // Vega measures the same labels again and again: each text is laid out once per face.
  const key = `${weight >= 600 ? 700 : 400}${style === 'italic' && weight < 600 ? 'i' : 'n'}${text}`;
  let units = measured.get(key);
  if (units === undefined) {
    units = layoutUnits(text, faceFonts(weight, style));
    if (measured.size > 50_000) measured.clear();
    measured.set(key, units);
  }
  return units * fontSize;
}

/** Widths in em by face and text. */
const measured = new Map<string, number>();

function layoutUnits(text: string, fonts: readonly LoadedFont[]): number {
  let units = 0;
  let run = '';
  let runFont: LoadedFont | undefined;
  const flush = () => {
    if (run && runFont) units += runFont.layout(run).advanceWidth / runFont.unitsPerEm;
    run = '';
  };
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const font = fonts.find((f) => f.hasGlyphForCodePoint(codePoint)) ?? fonts[0]!;
    if (font !== runFont) {
      flush();
      runFont = font;
    }
    run += char;
  }
  flush();
  return units;
}

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
  const weight = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600 ? 700 : 400;
  const width = measureText(line, size, weight, item.fontStyle === 'italic' ? 'italic' : 'normal');
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
