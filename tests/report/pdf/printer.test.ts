import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/report/pdf/index.js';
import { finishPdf, pageCount } from '../../../src/report/pdf/pdf-file.js';
import { minimalPdf, poppler, tempFile } from '../../support/pdf.js';

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

  it("numbers Chromium's structure ids by rank, so a shift in the renderer's node ids changes no byte", () => {
    const tagged = (ids: number[]) =>
      minimalPdf([
        ...ids.map((id) => `<</Type /StructElem /S /TH /ID (node${String(id).padStart(8, '0')})>>`),
        `<</Names [${ids.map((id, i) => `(node${String(id).padStart(8, '0')}) ${i + 5} 0 R`).join(' ')}]>>`,
      ]);
    const options = { date: new Date(Date.UTC(2026, 0, 1)), author: 'A' };
    const one = Buffer.from(finishPdf(tagged([712, 713, 750]), options));
    const other = Buffer.from(finishPdf(tagged([711, 712, 749]), options));
    expect(one.equals(other)).toBe(true);
    const text = one.toString('latin1');
    expect(text).toContain('/Names [(node00000001) 5 0 R (node00000002) 6 0 R (node00000003) 7 0 R]');
    expect(pageCount(new Uint8Array(one))).toBe(1);
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
