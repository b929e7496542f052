import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import {
  findBrowser,
  launchChromium,
  renderPdf,
  type BrowserAccess,
  type PdfPrinter,
} from '../src/report/pdf/index.js';
import { finishPdf, pageCount } from '../src/report/pdf/pdf-file.js';
import { chromiumPath, minimalPdf, poppler, skipWithoutBrowser, tempFile } from './pdf-support.js';

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><meta name="author" content="Testuniversitetet"><title>Prøve</title>${head}</head><body>${body}</body></html>`;

describe.skipIf(skipWithoutBrowser)('printing with the system Chromium', () => {
  let printer: PdfPrinter;

  beforeAll(async () => {
    printer = await launchChromium(chromiumPath ?? '/usr/bin/chromium');
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

describe('finishing the PDF', () => {
  it('sets the dates, adds the author and keeps every cross-reference offset right', () => {
    const finished = Buffer.from(
      finishPdf(minimalPdf(), { date: new Date(Date.UTC(2026, 0, 1)), author: 'Høgskolen' }),
    ).toString('latin1');
    expect(finished).toContain("/CreationDate (D:20260101000000+00'00')");
    expect(finished).toContain('/Author <FEFF0048006F00670073006B006F006C0065006E>'.replace('006F0067', '00F80067'));
    expect(finished).not.toContain('00112233445566778899AABBCCDDEEFF');
    const xrefAt = Number(/startxref\n(\d+)/.exec(finished)![1]);
    expect(finished.startsWith('xref', xrefAt)).toBe(true);
    const entries = [...finished.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    entries.forEach((offset, i) => expect(finished.startsWith(`${i + 1} 0 obj`, offset)).toBe(true));
    expect(pageCount(new Uint8Array(Buffer.from(finished, 'latin1')))).toBe(1);
    const path = tempFile('minimal.pdf', new Uint8Array(Buffer.from(finished, 'latin1')));
    expect(poppler('pdfinfo', [path])).toMatch(/^Author:\s+Høgskolen$/m);
  });

  it('gives the same bytes for the same input', () => {
    const options = { date: new Date(Date.UTC(2026, 0, 1)), author: 'A' };
    expect(Buffer.from(finishPdf(minimalPdf(), options)).equals(Buffer.from(finishPdf(minimalPdf(), options)))).toBe(
      true,
    );
  });
});

describe('finding a browser', () => {
  const machine = (files: string[], dirs: Record<string, string[]> = {}) => ({
    isExecutable: (path: string) => files.includes(path),
    list: (dir: string) => dirs[dir] ?? [],
    home: '/home/u',
  });

  it('prefers HMS_REPORT_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH, then the system paths', () => {
    const files = ['/opt/c', '/opt/p', '/usr/bin/chromium', '/usr/bin/google-chrome'];
    expect(findBrowser({ HMS_REPORT_CHROMIUM: '/opt/c', PUPPETEER_EXECUTABLE_PATH: '/opt/p' }, machine(files))).toEqual(
      { found: true, path: '/opt/c' },
    );
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/opt/p' }, machine(files))).toEqual({
      found: true,
      path: '/opt/p',
    });
    expect(findBrowser({}, machine(files))).toEqual({ found: true, path: '/usr/bin/chromium' });
    expect(findBrowser({}, machine(['/usr/bin/google-chrome']))).toEqual({
      found: true,
      path: '/usr/bin/google-chrome',
    });
  });

  it('never replaces a path the user set with another browser', () => {
    expect(findBrowser({ HMS_REPORT_CHROMIUM: '/nope' }, machine(['/usr/bin/chromium']))).toEqual({
      found: false,
      explicit: { variable: 'HMS_REPORT_CHROMIUM', path: '/nope' },
    });
  });

  it("falls back to the newest browser in puppeteer's cache", () => {
    const root = '/home/u/.cache/puppeteer/chrome';
    const newest = `${root}/linux-131.0.6778.85/chrome-linux64/chrome`;
    const probe = machine([`${root}/linux-99.0.1/chrome-linux64/chrome`, newest], {
      [root]: ['linux-99.0.1', 'linux-131.0.6778.85'],
    });
    expect(findBrowser({}, probe)).toEqual({ found: true, path: newest });
    expect(findBrowser({}, machine([]))).toEqual({ found: false });
  });
});

describe.skipIf(skipWithoutBrowser)('build with the system Chromium', () => {
  it('launches the browser once for all passes and closes it', async () => {
    const calls = { launches: 0, prints: 0, closes: 0 };
    const counting: BrowserAccess = {
      find: (env) => findBrowser(env),
      async launch(path) {
        calls.launches++;
        const real = await launchChromium(path);
        return {
          print: (html, fill) => {
            calls.prints++;
            return real.print(html, fill);
          },
          close: () => {
            calls.closes++;
            return real.close();
          },
        };
      },
    };
    const out = mkdtempSync(join(tmpdir(), 'hms-once-'));
    const io: CliIo = { ...processIo, browser: counting, stdout: () => undefined, stderr: () => undefined };
    expect(await run(['build', '2025', '--out', out], io)).toBe(0);
    expect(calls).toMatchObject({ launches: 1, closes: 1 });
    expect(calls.prints).toBeGreaterThanOrEqual(2);
    expect(readFileSync(join(out, '2025/report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('build with a fake browser', () => {
  const noBrowser: BrowserAccess = {
    find: () => ({ found: false }),
    launch: () => Promise.reject(new Error('must not be launched')),
  };

  async function cli(args: string[], browser = noBrowser) {
    let stderr = '';
    const io: CliIo = {
      ...processIo,
      env: { ...processIo.env, SOURCE_DATE_EPOCH: undefined },
      browser,
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
    };
    return { status: await run(args, io), stderr };
  }

  it('says how to get Chromium, exits 3 and writes nothing when a PDF is asked for', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    const { status, stderr } = await cli(['build', '2025', '--out', out, '--format', 'html,pdf,json']);
    expect(status).toBe(3);
    expect(stderr).toContain('sudo apt-get install -y chromium');
    expect(stderr).toContain('HMS_REPORT_CHROMIUM');
    expect(stderr).toContain('--format html,json');
    expect(stderr).toContain('Nothing was written.');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, '2025'))).toBe(false);
  });

  it('without --format, still writes the HTML and metrics.json, says how to get Chromium and exits 3', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    const { status, stderr } = await cli(['build', '2025', '--out', out]);
    expect(status).toBe(3);
    expect(stderr).toContain('sudo apt-get install -y chromium');
    expect(stderr).toContain('report.pdf was left out');
    expect(stderr).not.toContain('Nothing was written.');
    expect(readFileSync(join(out, '2025/report.html'), 'utf8')).toContain('<html lang="nb">');
    expect(existsSync(join(out, '2025/metrics.json'))).toBe(true);
    expect(existsSync(join(out, '2025/report.pdf'))).toBe(false);
  });

  it('writes the HTML and metrics.json when only those are asked for', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    const { status } = await cli(['build', '2025', '--out', out, '--format', 'html,json']);
    expect(status).toBe(0);
    expect(readFileSync(join(out, '2025/report.html'), 'utf8')).toContain('<html lang="nb">');
    expect(existsSync(join(out, '2025/metrics.json'))).toBe(true);
    expect(existsSync(join(out, '2025/report.pdf'))).toBe(false);
  });

  it('says so, exits 3 and writes nothing when the browser fails mid-print', async () => {
    const crashing: BrowserAccess = {
      find: () => ({ found: true, path: '/fake/chromium' }),
      launch: async () => ({ print: () => Promise.reject(new Error('Target closed')), close: async () => undefined }),
    };
    const out = mkdtempSync(join(tmpdir(), 'hms-crash-'));
    const { status, stderr } = await cli(['build', '2025', '--out', out, '--format', 'pdf'], crashing);
    expect(status).toBe(3);
    expect(stderr).toContain('Chromium at /fake/chromium failed while printing report.pdf: Target closed');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, '2025'))).toBe(false);
  });

  it('rejects an unknown format as a usage error', async () => {
    const { status, stderr } = await cli(['build', '2025', '--format', 'html,docx']);
    expect(status).toBe(2);
    expect(stderr).toContain('"docx" is not an output format');
  });
});
