import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/browser.js';
import { skipWithoutBrowser } from '../support/pdf.js';
import { samplesBuild } from '../support/shared.js';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The HTML report under axe-core's WCAG 2.1 A and AA rules, in a real
 * Chromium (colour contrast and landmarks need a rendered page), on screen
 * and in print media.
 */
describe.skipIf(skipWithoutBrowser)('accessibility of report.html', () => {
  let browser: Browser;
  let html: string;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    const build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    html = build.html;
    browser = await testBrowser();
  });

  async function violations(media: 'screen' | 'print', source = html): Promise<AxeViolation[]> {
    const page = await browser.newPage();
    try {
      await page.emulateMediaType(media);
      // The report's Content-Security-Policy forbids scripts (issue 11); the checker's own script is let in.
      await page.setBypassCSP(true);
      await page.setContent(source, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      return await page.evaluate(async (tags: string[]) => {
        const axe = (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }));
      }, WCAG_21_AA);
    } finally {
      await page.close();
    }
  }

  function describeViolations(found: AxeViolation[]): string {
    return found
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n${v.nodes
            .slice(0, 5)
            .map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
            .join('\n')}`,
      )
      .join('\n');
  }

  it('finds a violation when there is one (the check itself works)', async () => {
    // A page of its own: axe over the whole report takes seconds, and what is checked here is the checker.
    const broken =
      '<!doctype html><html><head><title>x</title></head><body><main><p style="color:#bbb">lav kontrast</p></main></body></html>';
    const ids = (await violations('screen', broken)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'color-contrast']));
  });

  it('has no WCAG 2.1 A/AA violations on screen', async () => {
    const found = await violations('screen');
    expect(found, describeViolations(found)).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violations in print media', async () => {
    const found = await violations('print');
    expect(found, describeViolations(found)).toEqual([]);
  });

  it('reflows at 320 CSS pixels: wide tables scroll in their own region, the page never sideways (WCAG 1.4.10)', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 320, height: 800 });
      await page.emulateMediaType('screen');
      await page.setBypassCSP(true); // axe is added below; the report's CSP forbids scripts (issue 11)
      await page.setContent(html, { waitUntil: 'load' });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        scrollingRegions: Array.from(document.querySelectorAll('.table-scroll')).filter(
          (region) => region.scrollWidth > region.clientWidth,
        ).length,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(widths.scrollingRegions).toBeGreaterThan(0);
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> };
          }
        ).axe;
        return (
          await axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } })
        ).violations.map((v) => v.id);
      });
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('declares Norwegian and gives every figure a text alternative and a data table', () => {
    expect(html).toMatch(/<html lang="nb">/);
    for (const figure of html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? []) {
      expect(figure).toMatch(/role="img" aria-label="[^"]{10,}"/);
      expect(figure).toMatch(/<table>[\s\S]*<th scope="col"/);
    }
  });
});
