import { typesetText } from './typography.js';

/**
 * The running header names the chapter a page belongs to. Chromium prints
 * CSS @page margin boxes but has neither string-set nor running elements, so
 * each chapter gets a named page whose @top-center says its title: the
 * chapter's h1 and everything after it (until the next chapter's h1, whose
 * later rule wins) are laid out on that page type. A change of named page
 * also starts a new sheet, so every chapter begins on a fresh page.
 */

export interface Chapter {
  id: string;
  number: string;
  /** The heading's Markdown source text. */
  title: string;
}

export function chapterPageCss(chapters: readonly Chapter[]): string {
  return chapters
    .map((chapter, index) => {
      const page = `kapittel-${index + 1}`;
      const selector = `[id="${cssString(chapter.id)}"]`;
      return `${selector}, ${selector} ~ * { page: ${page}; }
@page ${page} { @top-center { content: "${cssString(`${chapter.number}. ${typesetText(plainText(chapter.title))}`)}"; } }`;
    })
    .join('\n');
}

export interface Section extends Chapter {
  level: number;
}

/**
 * An appendix ("Vedlegg 2: Sykefravær", a level-2 heading) starts a page in
 * print, as a chapter does: it is a document of its own, and its opening
 * heading, introduction and first figure stay together instead of sitting
 * at the foot of the appendix before it. The first section of a chapter is
 * left where it is, so a chapter heading never stands alone on a page.
 */
export function appendixPageCss(headings: readonly Section[]): string {
  const rules: string[] = [];
  let firstInChapter = true;
  for (const heading of headings) {
    if (heading.level === 1) firstInChapter = true;
    if (heading.level !== 2) continue;
    if (/^Vedlegg\s+\d+\b/.test(plainText(heading.title)) && !firstInChapter)
      rules.push(`[id="${cssString(heading.id)}"]`);
    firstInChapter = false;
  }
  return rules.length ? `@media print { ${rules.join(', ')} { break-before: page; } }` : '';
}

/** Markdown inline source to what a reader sees: link text without its target, no emphasis marks or HTML tags. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes text for a double-quoted CSS string (and keeps "</style>" out of the inline stylesheet). */
function cssString(text: string): string {
  return text.replace(/[\\"<\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `);
}
