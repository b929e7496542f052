import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, type PdfPrinter } from '../../../src/report/pdf/index.js';
import { pageCount } from '../../../src/report/pdf/pdf-file.js';
import { testPrinter } from '../../support/browser.js';
import { poppler, skipWithoutBrowser, tempFile } from '../../support/pdf.js';

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><meta name="author" content="Testuniversitetet"><title>Prøve</title>${head}</head><body>${body}</body></html>`;

/**
 * Printing small pages with the system's Chromium, the worker's (test:unit leaves this file out: it starts a browser).
 */
describe.skipIf(skipWithoutBrowser)('printing with the system Chromium', () => {
  let printer: PdfPrinter;

  beforeAll(async () => {
    printer = await testPrinter();
  });
  afterAll(async () => {
    await printer?.close();
  });

  it('refuses every request the document makes and reports each one', async () => {
    const html = page(
      '<p>Tekst</p><img alt="x" src="http://example.invalid/x.png"><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
      '<link rel="stylesheet" href="https://example.invalid/style.css"><style>@import url("http://example.invalid/imported.css");</style>',
    );
    const { pdf, blockedRequests } = await printer.print(html);
    expect(blockedRequests).toEqual([
      'http://example.invalid/imported.css',
      'http://example.invalid/x.png',
      'https://example.invalid/style.css',
    ]);
    expect(pageCount(pdf)).toBe(1);
  });

  it('fills in the TOC page numbers through the pages the headings land on', async () => {
    const html =
      page(`<nav><a href="#a">A <span class="toc-page" data-target="a"></span></a> <a href="#b">B <span class="toc-page" data-target="b"></span></a></nav>
<h1 id="a">Første</h1><div style="break-after: page"></div><h1 id="b">Andre</h1>`);
    const report = await renderPdf(html, ['a', 'b'], printer, {
      date: new Date(Date.UTC(2026, 0, 1)),
      author: 'Testuniversitetet',
    });
    expect(Object.fromEntries(report.tocPages)).toEqual({ a: 1, b: 2 });
    const path = tempFile('toc.pdf', report.pdf);
    expect(poppler('pdftotext', ['-f', '1', '-l', '1', path, '-'])).toMatch(/A\s*1\s*B\s*2/);
    const info = poppler('pdfinfo', ['-isodates', path]);
    expect(info).toMatch(/^Author:\s+Testuniversitetet$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-01-01T00:00:00/m);
  });
});
