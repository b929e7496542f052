import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../support/browser.js';
import { skipWithoutBrowser } from '../support/pdf.js';
import { samplesBuild } from '../support/shared.js';

/**
 * The samples' report.html in a real Chromium, as a reader sees it on a
 * phone (390 px) and on a desktop (1280 px). Screenshots are written to
 * HMS_SCREENSHOT_DIR (default: a temporary folder, printed) to be looked at.
 */
describe.skipIf(skipWithoutBrowser)('report.html on a phone and on a desktop', () => {
  let browser: Browser;
  let html: string;
  const shots = process.env.HMS_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'hms-screens-'));

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    html = (await samplesBuild()).html;
    browser = await testBrowser();
    console.log(`screenshots in ${shots}`);
  });

  async function open(width: number): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width, height: width < 600 ? 844 : 900 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  async function shoot(page: Page, name: string, selector?: string): Promise<void> {
    if (selector) await page.evaluate((s) => document.querySelector(s)!.scrollIntoView(), selector);
    await page.screenshot({ path: join(shots, `${name}.png`) });
  }

  /** The smallest chart label as drawn, in CSS pixels: its font size times the SVG's scale. */
  const smallestChartLabel = (page: Page) =>
    page.evaluate(() => {
      let smallest = Infinity;
      for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('figure.chart svg'))) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const text of Array.from(svg.querySelectorAll('text'))) {
          if (text.textContent?.trim() === '') continue;
          smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
        }
      }
      return smallest;
    });

  it('at 390 px: no sideways scrolling of the page, an Innhold menu, action plans as cards, tables that show they scroll, chart labels ≥ 11 px', async () => {
    const page = await open(390);
    await shoot(page, 'phone-1-cover');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The menu: a fixed button; the table of contents over the page when opened; closed by choosing an entry.
    const button = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.menu-button')!);
      return { display: style.display, position: style.position };
    });
    expect(button).toEqual({ display: 'block', position: 'fixed' });
    await page.click('.menu-button');
    await shoot(page, 'phone-2-menu');
    const menu = await page.evaluate(() => {
      const rect = document.querySelector('#innhold')!.getBoundingClientRect();
      return {
        position: getComputedStyle(document.querySelector('#innhold')!).position,
        width: rect.width,
        top: rect.top,
      };
    });
    expect(menu).toEqual({ position: 'fixed', width: 390, top: 0 });
    await page.click('#innhold a[href="#kap-6-4"]');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#innhold')!).position)).toBe('static');

    // The action plan: one card per measure, every field labelled, nothing cut or broken mid-word.
    await shoot(page, 'phone-3-action-plan', '#handlingsplan-hr-hms tbody tr:nth-child(2)');
    const plan = await page.evaluate(() => {
      const table = document.querySelector('#handlingsplan-hr-hms')!;
      const cells = Array.from(table.querySelectorAll('tbody td'));
      return {
        display: getComputedStyle(table.querySelector('tbody tr:not(.action-group)')!).display,
        headings: getComputedStyle(table.querySelector('thead tr:not(.action-owner)')!).display,
        labels: [...new Set(cells.map((td) => getComputedStyle(td, '::before').content))],
        widest: Math.max(...cells.map((td) => td.getBoundingClientRect().right)),
        overflowing: cells.filter((td) => td.scrollWidth > td.clientWidth + 1).length,
      };
    });
    expect(plan.display).toBe('block');
    expect(plan.headings).toBe('none');
    expect(plan.labels.sort()).toEqual(['"Ansvar"', '"Beskrivelse"', '"Frist/status"']);
    expect(plan.widest).toBeLessThanOrEqual(390);
    expect(plan.overflowing).toBe(0);
    // A status is its drawn shape and its word, inside the card; the seed's two deadlines are two lines.
    const cell = await page.evaluate(() => {
      const badge = document.querySelector('#handlingsplan-hr-hms .status')!;
      const deadlines = Array.from(document.querySelectorAll('#handlingsplan-linjen p.deadline')).find((p) =>
        p.querySelector('br'),
      )!;
      return {
        right: badge.getBoundingClientRect().right,
        shape: parseFloat(getComputedStyle(badge.querySelector('.light-symbol')!, '::before').width),
        lines: Math.round(
          deadlines.getBoundingClientRect().height / parseFloat(getComputedStyle(deadlines).lineHeight),
        ),
      };
    });
    expect(cell.right).toBeLessThanOrEqual(390);
    expect(cell.shape).toBeGreaterThan(0);
    expect(cell.lines).toBe(2);

    // A table wider than the screen scrolls in its region and shows it by a shadow at its edge.
    await shoot(page, 'phone-4-table', '.survey-table');
    const table = await page.evaluate(() => {
      const region = document.querySelector('.survey-table')!.closest('.table-scroll')!;
      return {
        scrolls: region.scrollWidth > region.clientWidth,
        background: getComputedStyle(region).backgroundImage,
      };
    });
    expect(table.scrolls).toBe(true);
    expect(table.background).toContain('radial-gradient');

    await shoot(page, 'phone-5-chart', 'figure.chart');
    expect(await smallestChartLabel(page)).toBeGreaterThanOrEqual(11 - 0.01);
    await page.close();
  });

  it('at 1280 px: the table of contents stays beside the text, its entries look like links, chart labels ≥ 11 px', async () => {
    const page = await open(1280);
    await shoot(page, 'desktop-1-cover');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.menu-button')!).display)).toBe('none');
    await page.evaluate(() => document.querySelector('#kap-4')!.scrollIntoView());
    await shoot(page, 'desktop-2-chapter-4');
    const toc = await page.evaluate(() => {
      const rect = document.querySelector('.toc')!.getBoundingClientRect();
      const main = document.querySelector('main')!.getBoundingClientRect();
      const entry = document.querySelector('.toc-level-2 a')!;
      return {
        top: rect.top,
        right: rect.right,
        mainLeft: main.left,
        linkColour: getComputedStyle(entry).color,
        accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      };
    });
    expect(toc.top).toBeGreaterThanOrEqual(0);
    expect(toc.top).toBeLessThan(20);
    expect(toc.right).toBeLessThanOrEqual(toc.mainLeft);
    expect(toc.linkColour).toBe('rgb(0, 80, 158)');
    expect(toc.accent).toBe('#00509e');
    await shoot(page, 'desktop-3-chart', 'figure.chart');
    expect(await smallestChartLabel(page)).toBeGreaterThanOrEqual(11 - 0.01);
    await shoot(page, 'desktop-4-action-plan', '#handlingsplan-hr-hms');
    await page.close();
  });
});
