import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities, buildSamples, fileOf, poppler, skipWithoutBrowser, tempFile } from '../pdf-support.js';

/**
 * What a publisher checks in the samples' PDF before it goes out, read with
 * poppler's tools rather than with the code that wrote it: bookmarks equal
 * their headings, fonts name the weights they are.
 */
describe.skipIf(skipWithoutBrowser)('the samples’ PDF, as a publisher checks it', () => {
  let html: string;
  let pdfPath: string;

  beforeAll(async () => {
    const plan = await buildSamples(['html', 'pdf']);
    html = fileOf(plan, 'report.html') as string;
    pdfPath = tempFile('report.pdf', fileOf(plan, 'report.pdf') as Uint8Array);
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
