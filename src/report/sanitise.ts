import { randomBytes } from 'node:crypto';
import { Parser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { clip, messages } from '../messages.js';
import { TextCache } from '../text-cache.js';

/**
 * The narrative's HTML, to an allow-list. The report must load nothing from
 * anywhere (it is opened offline, printed by a browser that may fetch
 * nothing, and archived): the author's raw HTML may format text, but not
 * run scripts, embed frames or refer to images, style sheets or fonts
 * elsewhere. What the allow-list would take away is reported at its line by
 * checkNarrativeHtml; sanitiseNarrative (sanitize-html) then makes sure of it.
 */

const TEXT_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn',
  'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd',
  'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr', 'aside', 'article',
]; // prettier-ignore

const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'dir', 'role', 'aria-*', 'data-*'];

const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: TEXT_TAGS,
  allowedAttributes: {
    '*': [...GLOBAL_ATTRIBUTES, 'style'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
    col: ['span'],
    colgroup: ['span'],
    time: ['datetime'],
    details: ['open'],
  },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify|start|end)$/],
      color: [SAFE_COLOUR],
      'background-color': [SAFE_COLOUR],
      'font-weight': [/^(normal|bold|bolder|lighter|\d{3})$/],
      'font-style': [/^(normal|italic)$/],
      'text-decoration': [/^(none|underline|line-through)$/],
    },
  },
  // Links may lead out (a reader follows them on purpose); nothing may be loaded from outside.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

const LOADING_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'base', 'meta', 'style', 'portal',
  'video', 'audio', 'source', 'track', 'picture', 'svg', 'math', 'form', 'input', 'button', 'template', 'noscript',
]); // prettier-ignore

/** Where an attribute value is a URL the browser would fetch. */
const URL_ATTRIBUTES = new Set([
  'src', 'srcset', 'poster', 'background', 'data', 'codebase', 'action', 'formaction', 'xlink:href', 'lowsrc', 'ping',
  'longdesc', 'manifest', 'dynsrc', 'imagesrcset', 'cite',
]); // prettier-ignore

const HTML_COMMENT_MARKER = /<!--(hms-(?:component|ref):\d+)-->/g;

/** Both passes, by the text they were made from: each costs more than rendering the Markdown. */
const sanitised = new TextCache<string>(200);
const checked = new TextCache<readonly HtmlProblem[]>(200);

/**
 * The rendered narrative of one file through the allow-list. The markers
 * where components and cross-references go (HTML comments, which the
 * sanitiser removes) pass through it as text with a nonce no author can write.
 */
export function sanitiseNarrative(html: string): string {
  return sanitised.of(html, sanitise);
}

function sanitise(html: string): string {
  const nonce = randomBytes(8).toString('hex');
  const hidden = html.replace(HTML_COMMENT_MARKER, (_, marker: string) => `\u2063${nonce}:${marker}\u2063`);
  const clean = sanitizeHtml(hidden, OPTIONS);
  return clean.replace(
    new RegExp(`\u2063${nonce}:(hms-(?:component|ref):\\d+)\u2063`, 'g'),
    (_, marker: string) => `<!--${marker}-->`,
  );
}

export interface HtmlProblem {
  line: number;
  message: string;
}

/**
 * Every piece of the author's markup (raw HTML, Markdown images) that the
 * allow-list would drop or that would load something, with its line in the
 * source: an error each, never a silent removal.
 */
export function checkNarrativeHtml(source: string): readonly HtmlProblem[] {
  return checked.of(source, check);
}

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

function check(source: string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  const tokens = markdown.parse(source, {});
  for (const token of tokens) {
    const start = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'html_block') checkHtml(token.content, start, problems);
    if (token.type !== 'inline' || !token.children) continue;
    let line = start;
    for (const child of token.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      else if (child.type === 'html_inline') checkHtml(child.content, line, problems);
      else if (child.type === 'image') {
        const src = String(child.attrGet('src') ?? '');
        if (!src.trim().toLowerCase().startsWith('data:')) problems.push({ line, message: messages.htmlLoads(src) });
      }
      line += (child.content.match(/\n/g) ?? []).length;
    }
  }
  return problems;
}

function checkHtml(html: string, firstLine: number, problems: HtmlProblem[]): void {
  let parser: Parser | undefined = undefined;
  const lineAt = () => firstLine + (html.slice(0, parser?.startIndex ?? 0).match(/\n/g) ?? []).length;
  let inStyle = false;
  parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt();
        if (name === 'style') inStyle = true;
        if (LOADING_TAGS.has(name) || !TEXT_TAGS.includes(name)) {
          problems.push({ line, message: messages.htmlTagNotAllowed(name) });
          return;
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          const problem = attributeProblem(name, attribute, value);
          if (problem) problems.push({ line, message: problem });
        }
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false;
      },
      ontext(text) {
        if (inStyle && /url\s*\(|@import/i.test(text))
          problems.push({ line: lineAt(), message: messages.htmlLoads(text.trim()) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
}

function attributeProblem(tag: string, attribute: string, value: string): string | null {
  const url = value.trim().toLowerCase();
  if (attribute.startsWith('on')) return messages.htmlAttributeNotAllowed(tag, attribute);
  if (URL_ATTRIBUTES.has(attribute) && !(tag === 'img' && attribute === 'src' && url.startsWith('data:')))
    return messages.htmlLoads(value);
  if (attribute === 'href' && tag === 'a') {
    if (/^\s*(javascript|vbscript|data):/i.test(url)) return messages.htmlLoads(value);
    return null;
  }
  if (attribute === 'style') {
    if (/url\s*\(|@import|expression\s*\(|image-set\s*\(/i.test(value)) return messages.htmlLoads(value);
    for (const declaration of value.split(';')) {
      const [property = '', ...rest] = declaration.split(':');
      const name = property.trim().toLowerCase();
      if (!name) continue;
      const allowed = OPTIONS.allowedStyles!['*']![name];
      if (!allowed || !allowed.some((pattern) => pattern.test(rest.join(':').trim())))
        return messages.htmlStyleNotAllowed(clip(declaration.trim()));
    }
    return null;
  }
  const allowed = [...GLOBAL_ATTRIBUTES, ...((OPTIONS.allowedAttributes as Record<string, string[]>)[tag] ?? [])];
  const permitted = allowed.some((a) => (a.endsWith('*') ? attribute.startsWith(a.slice(0, -1)) : a === attribute));
  return permitted ? null : messages.htmlAttributeNotAllowed(tag, attribute);
}
