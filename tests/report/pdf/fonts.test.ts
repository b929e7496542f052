import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../src/report/figure.js';
import { fontFaceCss, measureChartText, measureText } from '../../../src/report/fonts.js';

describe('the embedded typeface', () => {
  it('is inlined as woff2 for regular, italic, semibold and bold, static instances that name their weight', () => {
    const css = fontFaceCss();
    const faces = css.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(4);
    for (const face of faces) {
      expect(face).toContain('font-family: "Source Sans 3"');
      expect(face).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}={0,2}\) format\("woff2"\)/);
    }
    expect(css).toMatch(/font-style: italic;\s+font-weight: 400/);
    expect(css).toMatch(/font-style: normal;\s+font-weight: 600/);
    expect(css).toMatch(/font-style: normal;\s+font-weight: 700/);
    expect(css).not.toMatch(/url\((?!data:)/);
  });

  it('measures text with the font’s own advance widths', () => {
    const narrow = measureText('iiii', 12);
    const wide = measureText('MMMM', 12);
    expect(wide).toBeGreaterThan(narrow * 2);
    expect(measureText('Sykefravær', 24)).toBeCloseTo(measureText('Sykefravær', 12) * 2, 6);
    expect(measureText('Sykefravær', 12, 700)).toBeGreaterThan(measureText('Sykefravær', 12, 400));
    expect(measureText('Sykefravær', 12, 600)).toBeGreaterThan(measureText('Sykefravær', 12, 400));
    expect(measureText('Sykefravær', 12, 600)).toBeLessThan(measureText('Sykefravær', 12, 700));
    expect(measureText('Łódź', 12)).toBeGreaterThan(measureText('od', 12));
    expect(measureChartText({ fontSize: 10, limit: 20 }, 'Institutt for datateknologi')).toBe(20);
    expect(measureChartText({ fontSize: 10 }, '  ')).toBe(0);
  });

  it('is measured from the TTF instances with the widths of the WOFF2 the page embeds', () => {
    const texts = [
      'Sykefravær 2025: «HMS» – −3,5 % (1 234 567)',
      'AV AW AT Ty Te Yo LT P. F, To Wa Vo',
      'fi fl ffi ff, Økonomi- og virksomhetsstyring',
      ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
      'ÆØÅæøå ÄÖÜäöüé Łódź §½°±×÷ ‘’“”…•€',
    ];
    const faces = [...fontFaceCss().matchAll(/font-style: (\w+);\s+font-weight: (\d+);[^]*?base64,([^)]+)\)/g)];
    expect(faces).toHaveLength(4);
    for (const [, style, weight, data] of faces) {
      const embedded = create(Buffer.from(data!, 'base64')) as Font;
      for (const text of texts)
        expect(measureText(text, 1000, Number(weight), style as 'normal' | 'italic')).toBe(
          (embedded.layout(text).advanceWidth / embedded.unitsPerEm) * 1000,
        );
    }
  });

  it('is what charts are measured and drawn with', async () => {
    const labels = ['Økonomi- og virksomhetsstyring', 'Fakultet for ingeniørvitenskap', 'Kort'];
    const svg = await chartSvg(
      {
        data: { values: [] },
        mark: 'bar',
        encoding: { y: { field: 'org', type: 'nominal', sort: null }, x: { field: 'n', type: 'quantitative' } },
      },
      labels.map((org, i) => ({ org, n: i + 1 })),
    );
    expect(svg).toMatch(/font-family="(&quot;|")Source Sans 3/);
    for (const label of labels) expect(svg).toContain(`>${label}</text>`);
    // The y axis makes room for its longest label as the font draws it (10 px labels, Vega-Lite's default).
    const longest = Math.max(...labels.map((l) => measureText(l, 10)));
    const translate = Number(/^<svg[^>]*>(?:<rect[^>]*\/>)?<g[^>]*transform="translate\(([\d.]+),/.exec(svg)?.[1]);
    expect(translate).toBeGreaterThan(longest);
    expect(translate).toBeLessThan(longest + 40);
  });
});
