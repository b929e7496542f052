import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_WIDTH } from '../../src/report/figure.js';
import { samplesBuild } from '../support/shared.js';

/**
 * The samples' figures as a reader of the printed report needs them: as wide
 * as the text, no series too light for paper or lost in greyscale, each
 * abbreviated unit explained, the numbers' source under every figure and
 * table that comes from an export, and a word where the bars do not add up.
 */

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

/** The fill and stroke colours of a chart's data marks (bars, points, lines; not text, axes or legend). */
function seriesColours(svg: string): string[] {
  const colours = new Set<string>();
  for (const group of svg.split('<g class="').slice(1)) {
    if (!/^mark-(rect|symbol|line|area|arc) role-mark/.test(group)) continue;
    for (const m of group.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{6})"/g)) colours.add(m[1]!.toLowerCase());
  }
  colours.delete('#1a1a1a'); // the bars' thin outline
  return [...colours];
}

describe('the samples’ figures', () => {
  let figures: { caption: string; html: string; svg: string }[];
  let html: string;

  beforeAll(async () => {
    const build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    html = build.html;
    figures = [...html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => ({
      html: m[0],
      caption: /<figcaption[^>]*>([^<]*)/.exec(m[0])![1]!,
      svg: /<svg[\s\S]*?<\/svg>/.exec(m[0])![0],
    }));
    expect(figures.length).toBe(10);
  });

  it('are drawn as wide as the printed text, axes and labels included', () => {
    for (const figure of figures) expect(figure.svg, figure.caption).toContain(`width="${CHART_WIDTH}"`);
  });

  it('have no series lighter than 1.5:1 against the page, and series that differ in greyscale', () => {
    for (const figure of figures) {
      const colours = seriesColours(figure.svg);
      expect(colours.length, figure.caption).toBeGreaterThan(0);
      for (const colour of colours)
        expect(contrast(colour, '#ffffff'), `${figure.caption}: ${colour}`).toBeGreaterThanOrEqual(1.5);
      for (const a of colours)
        for (const b of colours)
          if (a < b) expect(contrast(a, b), `${figure.caption}: ${a} and ${b}`).toBeGreaterThanOrEqual(1.5);
    }
  });

  it('say under every figure and every table from an export where its numbers come from', () => {
    for (const figure of figures) expect(figure.html, figure.caption).toMatch(/<p class="source-line">Kilde: \S/);
    // (a wide table is wrapped in its own scrolling region; a table's notes come before its source)
    const tables = [
      ...html.matchAll(
        /<table class="(severity-table|survey-table)"[\s\S]*?<\/table>(<\/div>)?\s*(<p[^>]*>[^]*?<\/p>\s*)*/g,
      ),
    ];
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) expect(table[0]).toMatch(/<p class="source-line">Kilde: \S/);
    // The sample config names the systems as NTNU does.
    expect(html).toContain('<p class="source-line">Kilde: EQS, NTNUs avviks- og risikovurderingsløsning</p>');
  });

  it('explain each abbreviated unit label once, and refer later figures to that key', () => {
    const figure1 = figures.find((f) => f.caption.startsWith('Figur 1:'))!;
    expect(figure1.html).toContain(
      'Forkortelser: AD: Fakultet for arkitektur og design; HF: Det humanistiske fakultet;',
    );
    expect(figure1.html).toContain('Fellesadm.: Fellesadministrasjonen.');
    const figure4 = figures.find((f) => f.caption.startsWith('Figur 4:'))!;
    expect(figure4.html).toContain('Forkortelser: som i <a href="#figur-1">figur 1</a>.');
  });

  it('say why Figur 9’s bars add up to more than the cases of the year', () => {
    const figure9 = figures.find((f) => f.caption.startsWith('Figur 9:'))!;
    expect(figure9.html).toContain(
      'En sak kan ha flere kategorier og teller da i hver av dem: søylene summerer til 1\u00a0110, mens 1\u00a0000 saker ble registrert i 2025.',
    );
  });

  it('label the values of Figur 5 and of both parts of Figur 6’s stacked bars', () => {
    for (const caption of ['Figur 5:', 'Figur 6:']) {
      const figure = figures.find((f) => f.caption.startsWith(caption))!;
      const labels = [...figure.svg.matchAll(/<g class="mark-text role-mark[\s\S]*?<\/g>/g)].flatMap((g) =>
        [...g[0].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]),
      );
      // 12 quarters, two series each.
      expect(labels.length, caption).toBe(24);
    }
  });
});
