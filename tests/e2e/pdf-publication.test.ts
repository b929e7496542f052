import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities, poppler, skipWithoutBrowser } from '../support/pdf.js';
import { samplesBuild } from '../support/shared.js';

/**
 * What a publisher checks in the samples' PDF before it goes out, read with
 * poppler's tools rather than with the code that wrote it: bookmarks equal
 * their headings, fonts name the weights they are.
 */
describe.skipIf(skipWithoutBrowser)('the samples’ PDF, as a publisher checks it', () => {
  let html: string;
  let pdfPath: string;

  beforeAll(async () => {
    const build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    html = build.html;
    pdfPath = build.path('report.pdf');
  });

  it('has one bookmark per heading of the table of contents, titled with the heading’s own text, nested by level', () => {
    const headings = [...html.matchAll(/<h([1-3]) id="(kap-[^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
      level: Number(m[1]),
      title: headingText(m[3]!),
    }));
    expect(headings.length).toBeGreaterThan(20);
    const bookmarks = outline(pdfPath);
    expect(bookmarks.map((b) => b.title)).toEqual(headings.map((h) => h.title));
    expect(bookmarks.map((b) => b.depth)).toEqual(headings.map((h) => h.level));
    for (const b of bookmarks) {
      // Nothing doubled, nothing run together: "2.4 Rammer og …", never "2.42.4 …" or "ogavdelinger".
      expect(b.title).toMatch(/^\d+(\.\d+)*\.? \S/);
      expect(b.title).not.toMatch(/^(\d+(?:\.\d+)*\.?)\s*\1/);
    }
  });

  it('never ends a page with a heading, never starts one with a caption, and leaves no page over ~40 % empty but where a chapter or appendix ends', () => {
    const pages = bodyLines(pdfPath);
    const headings = [...html.matchAll(/<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)]
      .map((m) => ({ level: Number(m[1]), text: headingText(m[2]!) }))
      .filter((h) => h.text !== '' && !/^(Innhold|Om rapporten|HMS-årsrapport)/.test(h.text));
    // Where a new part starts on a fresh page: a chapter ("4.
    // Sykefravær"), an appendix ("6.2 Vedlegg 2: …"), the colophon.
    const starts = [
      ...headings.filter((h) => h.level === 1 || /^\d+\.\d+ Vedlegg \d/.test(h.text)).map((h) => h.text),
      'Om rapporten',
    ];
    let checkedHeadings = 0;
    pages.forEach((lines, index) => {
      const page = index + 1;
      if (page <= 3 || lines.length === 0) return; // cover and table of contents
      const body = lines.filter((line) => !line.small);
      // A heading has text of its own below it on its page (footnotes do not count).
      for (const heading of headings) {
        const at = body.findIndex((line) => squashed(line.text).startsWith(squashed(heading.text).slice(0, 40)));
        if (at < 0) continue;
        checkedHeadings++;
        expect(at, `page ${page} ends with the heading "${heading.text}"`).toBeLessThan(body.length - 1);
        // … and is not left with a line or two under it above an empty part of the page, the rest of its section
        // overleaf (the 6.2 with one sentence above 45 % of white), unless its part ends there.
        const opening = pages[index + 1]?.[0]?.text;
        const partEnds =
          opening === undefined || starts.some((s) => squashed(opening).startsWith(squashed(s).slice(0, 30)));
        const below = body.length - 1 - at;
        if (!partEnds && below < 3)
          expect(
            emptyShare(lines),
            `page ${page}: "${heading.text}" has ${below} lines under it, then white`,
          ).toBeLessThan(0.2);
      }
      expect(body[0]?.text ?? '', `page ${page} starts with a caption`).not.toMatch(/^(Figur|Tabell) \d+:/);
      const next = pages[index + 1];
      if (next === undefined || next.length === 0) return;
      const empty = emptyShare(lines);
      // "~40 %": the last page of 6.4.1 is 41 % empty, since
      // 6.4.2's heading and introduction go overleaf with its plan.
      if (empty > 0.45) {
        const opening = squashed(next[0]!.text);
        expect(
          starts.some((start) => opening.startsWith(squashed(start).slice(0, 30))),
          `page ${page} is ${Math.round(empty * 100)} % empty, and page ${page + 1} ("${next[0]!.text}") starts no chapter or appendix`,
        ).toBe(true);
      }
    });
    expect(checkedHeadings).toBeGreaterThan(40);
  });

  it('is typeset: en dashes in ranges, no-break spaces before % and in quarters, prosentpoeng, no hyphen between digits but a law’s section', () => {
    const text = poppler('pdftotext', [pdfPath, '-']);
    expect(text).not.toMatch(/\d{4}-\d{4}/);
    expect(text.replace(/§\s?\d+-\d+/g, '')).not.toMatch(/\d\s?-\s?\d/);
    expect(text).toContain('2021–2025');
    expect(text).not.toMatch(/\d\.kv\./);
    // The HTML's text (the PDF's no-break spaces read as spaces): no ordinary space before % or in "1. kv.".
    const body = html
      .slice(html.indexOf('<body'))
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]*>/g, '');
    expect(body).not.toMatch(/\d %/);
    expect(body).not.toMatch(/\d\. kv\./);
    expect(body).not.toMatch(/[+−]\d+(,\d+)?\u00a0%/);
    expect(body).toMatch(/\(\+0,1\u00a0prosentpoeng\)/);
    expect(body).not.toMatch(/\((Januar|Mars)\)/);
    expect(body).not.toMatch(/\d\d\.\d\d\.\d\d\b/);
    expect(body).not.toMatch(/["“”]/);
  });

  it('sets no word of the report, figures included, below 7 pt in print', () => {
    const words = [
      ...execFileSync('pdftotext', ['-bbox', pdfPath, '-'], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      }).matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((m) => ({ height: Number(m[2]) - Number(m[1]), text: m[3]! }));
    // A word's box is a fixed multiple of its size; the running footer ("Side 3 av 33") is set in 9 pt (report.css).
    const footer = words.find((w) => w.text === 'Side')!;
    const pointsPerHeight = 9 / footer.height;
    const figureWords = words.filter((w) => /^\d+,\d$/.test(w.text));
    expect(figureWords.length, 'the figures’ value labels').toBeGreaterThan(100);
    for (const word of words) expect(word.height * pointsPerHeight, `"${word.text}"`).toBeGreaterThanOrEqual(7 - 0.05);
  });

  it('embeds static fonts whose names say their weight, none of them ExtraLight', () => {
    const names = poppler('pdffonts', [pdfPath])
      .split('\n')
      .slice(2)
      .filter((row) => row.trim() !== '')
      .map((row) =>
        row
          .trim()
          .split(/\s+/)[0]!
          .replace(/^[A-Z]{6}\+/, ''),
      );
    expect(names).not.toHaveLength(0);
    for (const name of names) expect(name).toMatch(/^SourceSans3-(Regular|It|Semibold|Bold)$/);
    expect(names).toEqual(expect.arrayContaining(['SourceSans3-Regular', 'SourceSans3-Bold']));
  });
});

/** The A4 page's text area in points: 22 mm and 20 mm margins above and below (templates/report.css @page). */
const BODY_TOP = (22 / 25.4) * 72;
const BODY_BOTTOM = 841.92 - (20 / 25.4) * 72;

interface Line {
  text: string;
  yMin: number;
  yMax: number;
  /** Smaller than body text: a footnote or a figure's label. */
  small: boolean;
}

/** Each page's lines of text inside the text area (running header and footer left out), top to bottom. */
function bodyLines(path: string): Line[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
        .map((m) => ({
          yMin: Number(m[1]),
          yMax: Number(m[2]),
          text: decodeEntities([...m[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ')),
        }))
        .filter((line) => line.yMin > BODY_TOP - 4 && line.yMax < BODY_BOTTOM + 4)
        .map((line) => ({ ...line, small: line.yMax - line.yMin < 11.5 }))
        .sort((a, b) => a.yMin - b.yMin),
    );
}

/** How much of the text area is left white below the page's last line. */
function emptyShare(lines: readonly Line[]): number {
  return 1 - (Math.max(...lines.map((l) => l.yMax)) - BODY_TOP) / (BODY_BOTTOM - BODY_TOP);
}

function squashed(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A heading's text as a reader sees it: tags dropped, entities decoded, whitespace folded. */
function headingText(inner: string): string {
  return decodeEntities(inner.replace(/<[^>]*>/g, ''))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** The PDF's bookmarks in order with their depth (1 = top level), as poppler's pdftohtml reads them. */
function outline(path: string): { title: string; depth: number }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const items: { title: string; depth: number }[] = [];
  let depth = 0;
  for (const token of xml.slice(start).matchAll(/<outline>|<\/outline>|<item[^>]*>([\s\S]*?)<\/item>/g)) {
    if (token[0] === '<outline>') depth++;
    else if (token[0] === '</outline>') depth--;
    else items.push({ title: decodeEntities(token[1]!).replace(/&#39;/g, "'"), depth });
  }
  return items;
}
