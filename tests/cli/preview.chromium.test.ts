import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../src/cli/main.js';
import { testBrowser } from '../support/browser.js';
import { skipWithoutBrowser } from '../support/pdf.js';
import { poll, startPreview } from '../support/preview.js';

function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-preview-'));
  cpSync(SAMPLES_DIR, dir, { recursive: true, filter: (path) => !path.includes('/generate') });
  return dir;
}

describe.skipIf(skipWithoutBrowser)('hms-report preview in a browser', () => {
  let browser: Browser;
  let page: Page;
  let workspace: string;
  let preview: Awaited<ReturnType<typeof startPreview>>;

  beforeAll(async () => {
    workspace = sampleCopy();
    preview = await startPreview(['2025', '--data', workspace]);
    browser = await testBrowser();
    page = await browser.newPage();
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await page?.close();
    expect(await preview?.close()).toBe(0);
    expect(preview.output()).toContain('Preview stopped.');
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  /** The report's text (without the preview's additions), read from whatever page is loaded now. */
  const reportText = () => page.evaluate(() => document.querySelector('main')?.textContent ?? '');
  const overlay = () =>
    page.evaluate(() => {
      const element = document.getElementById('hms-preview-overlay');
      return element && !element.hidden ? element.textContent : null;
    });

  it('shows a saved narrative without a manual reload, then an invalid export as an overlay over the last report', async () => {
    expect(await reportText()).toContain('Overordnet status');
    expect(await page.$('#hms-preview-bar a[href="/report.pdf"]')).not.toBeNull();

    const narrative = join(workspace, 'content/2025/01-sammendrag.md');
    appendFileSync(narrative, '\nEn setning lagt til i forhåndsvisningen.\n');
    await poll(
      async () => (await reportText()).includes('En setning lagt til i forhåndsvisningen.'),
      30_000,
      () => `the page never showed the new sentence; preview said:\n${preview.output()}`,
    );

    // Only the narrative was redone, from the metrics already computed.
    expect(preview.output()).toMatch(/Updated the report \(content; \d+ ms\)/);

    const injuries = join(workspace, 'injuries.csv');
    const good = readFileSync(injuries, 'utf8');
    const lines = good.split('\n');
    expect(lines[0]!.trimEnd()).toBe('case_id,unit_id,date,kind');
    lines[1] = lines[1]!.replace(/,\d{4}-\d\d-\d\d,/, ',2021-13-45,');
    writeFileSync(injuries, lines.join('\n'));
    const shown = await poll(overlay, 30_000, () => `no overlay; preview said:\n${preview.output()}`);
    expect(shown).toMatch(/injuries\.csv:2:date: /);
    // Only that export was read again.
    expect(preview.output()).toMatch(/invalid \(1 problem\).*\(source:injuries; \d+ ms\)/);
    // The last good report stays, the sentence included.
    expect(await reportText()).toContain('En setning lagt til i forhåndsvisningen.');

    writeFileSync(injuries, good);
    await poll(
      async () => (await overlay()) === null,
      30_000,
      () => `the overlay stayed; preview said:\n${preview.output()}`,
    );
    expect(await reportText()).toContain('En setning lagt til i forhåndsvisningen.');
  });

  it('prints the report as it is now from the PDF link', async () => {
    const response = await fetch(new URL('/report.pdf', preview.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
