import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { destinationPages, pageCount } from '../../src/report/pdf/pdf-file.js';
import {
  buildSamples,
  fileOf,
  pageTexts,
  poppler,
  skipWithoutBrowser,
  squash,
  tempFile,
  tocEntries,
  type TocEntry,
} from '../support/pdf.js';
import { testPrinterAccess } from '../support/browser.js';
import { samplesBuild, type SharedBuild } from '../support/shared.js';

/**
 * The sample report printed by a real Chromium, checked with poppler's tools
 * (not with the code that made it): the TOC against where the headings are,
 * headers and footers, bookmarks, fonts, metadata, reproducibility. The
 * report.pdf checked is the one of the run's shared build of the samples
 * (`hms-report build 2025`, tests/support/shared.ts); the builds made here
 * print through the worker's Chromium (tests/support/browser.ts), so the same
 * bytes also come from another browser process.
 */
describe.skipIf(skipWithoutBrowser)('report.pdf of the samples', () => {
  let build: SharedBuild;
  let html: string;
  let pdf: Uint8Array;
  let pdfPath: string;
  let pages: string[];
  let toc: TocEntry[];

  beforeAll(async () => {
    build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    html = build.html;
    pdf = new Uint8Array(build.bytes('report.pdf'));
    pdfPath = build.path('report.pdf');
    pages = pageTexts(pdfPath);
    toc = tocEntries(html);
  });

  it('is an A4 document of several pages with the report title, author, language and tags', () => {
    const info = poppler('pdfinfo', [pdfPath]);
    expect(info).toMatch(/^Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/m);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    expect(info).toContain(`Title:           ${title.replace(/&amp;/g, '&')}`);
    expect(info).toMatch(/^Author:\s+\S/m);
    expect(info).toContain(`Author:          ${/<meta name="author" content="([^"]*)"/.exec(html)![1]}`);
    expect(pages.length).toBeGreaterThan(5);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Lang \(nb\)/);
  });

  it('lists every heading of levels 1–3 in the table of contents with the page it is printed on', () => {
    expect(toc.length).toBeGreaterThan(5);
    // The TOC pages carry "Innhold" as their running header, so their first line says so.
    const tocPages = pages
      .map((text, i) => ({ text, page: i + 1 }))
      .filter(({ text }) => text.trimStart().startsWith('Innhold'));
    expect(tocPages.length).toBeGreaterThan(0);
    const tocText = squash(tocPages.map((p) => p.text).join('\n'));
    const afterToc = tocPages.at(-1)!.page;
    for (const entry of toc) {
      const title = squash(entry.title);
      // Chapters print "1." and sections "1.1", in the TOC as in the body (the seed's style).
      const label = entry.number.includes('.') ? entry.number : `${entry.number}.`;
      // "5.1.4 Psykososiale og organisatoriske forhold 8": the first number after the title is its page.
      const line = new RegExp(`(?<![\\d.])${escape(label)} ${escape(title)} (\\d+)(?: |$)`).exec(tocText);
      expect(line, `TOC line for ${label} ${title}`).not.toBeNull();
      const printedPage = Number(line![1]);
      // The heading itself, with its number, on a page after the TOC.
      const found = pages.findIndex((text, i) => i + 1 > afterToc && squash(text).includes(`${label} ${title}`));
      expect(found, `heading ${label} ${title} in the body`).toBeGreaterThanOrEqual(0);
      expect(printedPage, `page of ${label} ${title}`).toBe(found + 1);
    }
  });

  it('prints "Side X av Y" on every page but the cover, and the chapter in the header of body pages', () => {
    const total = pages.length;
    expect(squash(pages[0]!)).not.toMatch(/Side \d+ av/);
    pages.slice(1).forEach((text, i) => expect(squash(text)).toContain(`Side ${i + 2} av ${total}`));
    const chapters = toc.filter((e) => !e.number.includes('.'));
    for (const chapter of chapters) {
      const header = `${chapter.number}. ${squash(chapter.title)}`;
      const start = pages.findIndex((text) => squash(text).startsWith(`${header} ${header}`));
      expect(start, `first page of chapter ${header} starts with the header, then the heading`).toBeGreaterThan(0);
    }
  });

  it('has a bookmark for every heading, pointing at the same page as the TOC link', () => {
    const text = Buffer.from(pdf).toString('latin1');
    const outlines = /\/Type \/Outlines\b[^>]*\/Count (\d+)/.exec(text);
    expect(outlines).not.toBeNull();
    expect(Number(outlines![1])).toBeGreaterThanOrEqual(toc.length);
    const destinations = destinationPages(pdf);
    for (const entry of toc) expect(destinations.has(entry.id), entry.id).toBe(true);
    expect(pageCount(pdf)).toBe(pages.length);
  });

  it('embeds its fonts, all of them the report typeface', () => {
    const rows = poppler('pdffonts', [pdfPath])
      .split('\n')
      .slice(2)
      .filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: emb is the fifth column from the end.
      expect(columns.at(-5), row).toBe('yes');
      expect(columns[0], row).toMatch(/^[A-Z]{6}\+SourceSans3/);
    }
  });

  it('is dated from the report year, not the clock', () => {
    const info = poppler('pdfinfo', ['-isodates', pdfPath]);
    expect(info).toMatch(/^CreationDate:\s+2026-01-01T00:00:00(Z|\+00)/m);
    expect(info).toMatch(/^ModDate:\s+2026-01-01T00:00:00(Z|\+00)/m);
  });

  it('gives byte-identical report.html, metrics.json and report.pdf when built again', async () => {
    const again = await buildSamples(['html', 'pdf', 'json'], testPrinterAccess);
    for (const name of ['report.html', 'metrics.json', 'report.pdf']) {
      const first = build.bytes(name);
      const second = Buffer.from(fileOf(again, name));
      expect(second.equals(first), `${name} differs between two builds`).toBe(true);
    }
  });

  it('takes its dates from SOURCE_DATE_EPOCH when that is set', async () => {
    const dated = await buildSamples(['pdf'], testPrinterAccess, { ...process.env, SOURCE_DATE_EPOCH: '1767657600' });
    expect(dated.files.map((f) => f.path)).toEqual(expect.arrayContaining(['2025/report.pdf']));
    expect(dated.files.some((f) => f.path.endsWith('.html') || f.path.endsWith('.json'))).toBe(false);
    const path = tempFile('dated.pdf', fileOf(dated, 'report.pdf'));
    expect(poppler('pdfinfo', ['-isodates', path])).toMatch(/^CreationDate:\s+2026-01-06T00:00:00(Z|\+00)/m);
    expect(readFileSync(path).length).toBe(pdf.length);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.skipIf(skipWithoutBrowser)('build with the system Chromium', () => {
  it('launches the browser once for all passes and closes it', async () => {
    // The shared build ran `hms-report build 2025` through a browser that counts (tests/support/shared.ts).
    const build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    const calls = build.browser!;
    expect(calls).toMatchObject({ launches: 1, closes: 1 });
    expect(calls.prints).toBeGreaterThanOrEqual(2);
    expect(build.bytes('report.pdf').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
