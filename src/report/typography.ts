/**
 * Norwegian (bokmål) typography, applied in one place to every text of the
 * report: the narrative, the templates and the data alike, including the text
 * inside figures (SVG) and table captions. The rules are those of
 * docs/typography (Språkrådet, as SSB and NAV print them):
 *
 * - en dash in ranges of numbers and years (`2021–2025`, `1–5 personer`,
 *   `1.–4. kvartal`), never in a law's section (`§ 3-1`); a spaced en dash
 *   for a dash in a sentence (`1017 – Stipendiat`); U+2212 for a minus sign
 * - no-break space before `%`, inside numbers (`1 000`), between a number and
 *   its unit (`43 timer`), after `§` and in dates (`1. august 2025`)
 * - `4,5 prosentpoeng` for a signed change of a percentage (`+0,1 %`):
 *   a relative change is written without a sign ("en økning på 12 %")
 * - quarters `1. kv.`, `1. kvartal`; dates written out (`01.08.25`,
 *   `2025-08-01` → `1. august 2025`); months in lower case except where a
 *   sentence starts; quotation marks `«…»`
 *
 * typesetHtml applies them to the text nodes (and aria-labels) of a whole
 * rendered document and keeps a range on one line (`<span class="nowrap">`),
 * which CSS cannot do by itself: Chromium may break after an en dash.
 */

import { MONTHS, NBSP } from './format.js';
import { TextCache } from '../text-cache.js';

const MONTH = MONTHS.join('|');

/**
 * Units written after a number that must not be parted from it at a line end (counted nouns, "71 enheter", may part).
 */
const UNITS = [
  'timer',
  'time',
  'døgn',
  'dager',
  'dag',
  'uker',
  'uke',
  'måneder',
  'måned',
  'mnd\\.',
  'år',
  'prosent',
  'prosentpoeng',
  'pp',
  'kr',
  'mill\\.',
  'mrd\\.',
  'km',
  'kg',
  'kvartal',
  'kv\\.',
].join('|');

export interface TypesetContext {
  /** The text starts a sentence (a paragraph, a cell, a heading), so a month written first keeps its capital. */
  sentenceStart?: boolean;
}

/** A web address or e-mail is left exactly as written. */
const ADDRESS = /(\S*(?:https?:\/\/|www\.|@)\S*)/;

/**
 * Texts typeset, by whether they start a sentence and their text. A report
 * repeats many (axis labels, years, "grønt"), and a process that renders
 * again (the preview, the tests) meets the same ones each time.
 */
const typesetTexts = new TextCache<string>(20_000);

/** One text, typeset: see the module comment for the rules. */
export function typesetText(text: string, context: TypesetContext = {}): string {
  const start = context.sentenceStart ?? true;
  const key = `${start ? 1 : 0}${text}`;
  return typesetTexts.of(key, () => typesetParts(text, start));
}

function typesetParts(text: string, start: boolean): string {
  return text
    .split(ADDRESS)
    .map((part, i, parts) => {
      if (i % 2 === 1) return part;
      const before = parts.slice(0, i).join('');
      return typesetPlain(part, before === '' ? start : /[.!?]\s*$/.test(before));
    })
    .join('');
}

/** A unit after a number, a day's number before a month, a month as a word: built once, used on every text. */
const UNIT_AFTER_NUMBER = new RegExp(`(\\d) (${UNITS})(?![\\p{L}\\d])`, 'gu');
const DAY_BEFORE_MONTH = new RegExp(`(?<![\\d.])(\\d{1,2}\\.) (${MONTH})(?![\\p{L}])`, 'giu');
const MONTH_WORD = new RegExp(`(?<![\\p{L}])(${MONTH})(?![\\p{L}])`, 'giu');

function typesetPlain(input: string, sentenceStart: boolean): string {
  let text = quotes(input);
  // Many of a report's texts have no digit, and every rule but the dash and the months needs one (none adds one):
  // such a text is read three times instead of sixteen.
  const digits = /\d/.test(text);
  if (digits) {
    text = dates(text);
    // Quarters: "1.-4.-kvartal" → "1.–4. kvartal", "1.kv." → "1. kv.".
    text = text.replace(/(?<![\d.])(\d{1,2})\.\s?[-–]\s?(\d{1,2})\.\s?-?\s?(kvartal|kv\.)/g, `$1.–$2.${NBSP}$3`);
    text = text.replace(/(?<![\d.])([1-4])\.[ \u00a0]?(kvartal|kv\.)/g, `$1.${NBSP}$2`);
    // Ranges of ordinals ("1.-3.") and numbers or years ("2021-2025", "1 - 5", "3,4-10,3"), not "§ 3-1".
    text = text.replace(/(?<![\d.])(\d{1,2}\.)\s?-\s?(\d{1,2}\.)(?=[\s\u00a0])/g, '$1–$2');
    text = text.replace(
      /(?<![\p{L}\d.,\-–/§]|§[ \u00a0])(\d+(?:,\d+)?)[ \u00a0]?[-–][ \u00a0]?(\d+(?:,\d+)?)(?![\d\-–]|[.,]\d)/gu,
      '$1–$2',
    );
  }
  // A dash in a sentence, written as a spaced hyphen: "1017 - Stipendiat".
  if (text.includes(' -')) text = text.replace(/(\S) -{1,2} (?=\S)/g, '$1 – ');
  if (digits) {
    // A minus sign before a number: "(-0,2)".
    text = text.replace(/(^|[\s([/\u00a0])-(?=\d)/g, '$1\u2212');
    // A signed change of a percentage is percentage points.
    text = text.replace(/([+\u2212]\d+(?:,\d+)?)[ \u00a0\u202f]?%/g, `$1${NBSP}prosentpoeng`);
    // No-break spaces: before %, inside numbers, between a number and its unit, after §.
    text = text.replace(/(\d)[ \u202f]?%/g, `$1${NBSP}%`);
    text = text.replace(/(?<![\d,.\u00a0])(\d{1,3})((?: \d{3})+)(?![\d,])/g, (_, head: string, groups: string) =>
      [head, ...groups.trim().split(' ')].join(NBSP),
    );
    text = text.replace(UNIT_AFTER_NUMBER, `$1${NBSP}$2`);
    text = text.replace(/§ (?=\d)/g, `§${NBSP}`);
    text = text.replace(DAY_BEFORE_MONTH, `$1${NBSP}$2`);
  }
  return lowerCaseMonths(text, sentenceStart);
}

/** Straight and English quotation marks as «…»: opening after a space or bracket, closing elsewhere. */
function quotes(text: string): string {
  return text.replace(/["“”„]/g, (mark, at: number) => {
    if (mark === '“' || mark === '„') return '«';
    if (mark === '”') return '»';
    const before = at === 0 ? '' : text[at - 1]!;
    return before === '' || /[\s([{\u00a0–—-]/.test(before) ? '«' : '»';
  });
}

/** `01.08.25`, `1.8.2025` and `2025-08-01` written out: `1. august 2025`. */
function dates(text: string): string {
  const written = (day: number, month: number, year: number) => `${day}.${NBSP}${MONTHS[month - 1]} ${year}`;
  const valid = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  let out = text.replace(/(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, (whole, y: string, m: string, d: string) =>
    valid(Number(d), Number(m)) ? written(Number(d), Number(m), Number(y)) : whole,
  );
  // A short date needs two-digit day and month ("01.08.25"), so a section number "6.4.12" is not one.
  out = out.replace(
    /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d]|\.\d)/g,
    (whole, d: string, m: string, y: string) => {
      if (!valid(Number(d), Number(m))) return whole;
      if (y.length === 2 && (d.length !== 2 || m.length !== 2)) return whole;
      return written(Number(d), Number(m), y.length === 2 ? 2000 + Number(y) : Number(y));
    },
  );
  return out;
}

/** "Årlig (Januar)" → "Årlig (januar)"; a month that starts a sentence keeps its capital. */
function lowerCaseMonths(text: string, sentenceStart: boolean): string {
  return text.replace(MONTH_WORD, (word: string, _m, at: number) => {
    if (word === word.toLowerCase()) return word;
    const before = text.slice(0, at);
    // "1. Januar" is a date, not the end of a sentence: a point after a day's number is an ordinal's.
    const startsSentence =
      before.trim() === ''
        ? sentenceStart
        : /[.!?]["»)]?[\s\u00a0]+$/.test(before) && !/(?<![\d.])\d{1,2}\.[\s\u00a0]+$/.test(before);
    return startsSentence ? word : word.toLowerCase();
  });
}

/** Elements whose text is a new block: what starts there starts a sentence. */
const BLOCKS = new Set([
  'p',
  'li',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'caption',
  'figcaption',
  'div',
  'dt',
  'dd',
  'br',
  'ul',
  'ol',
  'table',
  'tr',
  'section',
  'header',
  'footer',
  'nav',
  'main',
  'figure',
  'summary',
  'details',
  'blockquote',
  'title',
  'text',
  'tspan',
  'body',
]);
/** Elements whose text is not prose: code is left as written. */
const VERBATIM = new Set(['code', 'kbd', 'samp', 'pre']);

/**
 * The whole document typeset: every text node outside <style>, <script>,
 * comments and code, and every aria-label. In the body a range is kept on
 * one line; inside SVG and <title> (where no markup may go) the text is
 * typeset only.
 */
export function typesetHtml(html: string): string {
  let svgDepth = 0;
  let verbatimDepth = 0;
  let inTitle = false;
  let inBody = false;
  let sinceBlock = '';
  const typesetToken = (token: string, raw: string | undefined): string => {
    if (raw !== undefined || token.startsWith('<!--')) return token;
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(token);
      if (!tag) return token;
      const closing = tag[1] === '/';
      const name = tag[2]!.toLowerCase();
      const selfClosing = token.endsWith('/>');
      if (name === 'svg') svgDepth += closing ? -1 : selfClosing ? 0 : 1;
      if (VERBATIM.has(name)) verbatimDepth += closing ? -1 : 1;
      if (name === 'title') inTitle = !closing;
      if (name === 'body') inBody = !closing;
      if (BLOCKS.has(name)) sinceBlock = '';
      return closing ? token : typesetLabel(token);
    }
    if (verbatimDepth > 0 || (!inBody && !inTitle) || token.trim() === '') {
      sinceBlock += token;
      return token;
    }
    const text = decode(token);
    const sentenceStart = sinceBlock.trim() === '' || /[.!?]["»)]?\s*$/.test(sinceBlock);
    sinceBlock += text;
    // Leading spaces are kept apart, so "  Januar" at a cell's start still counts as the start.
    const lead = /^\s*/.exec(text)![0];
    const typeset = lead + typesetText(text.slice(lead.length), { sentenceStart });
    const escaped = escapeText(typeset);
    return svgDepth > 0 || inTitle ? escaped : keepRangesTogether(escaped);
  };
  // Most tokens (tags above all) come out as they went in: only the changed ones are copied into a new text,
  // with the stretch before each, where String.replace would append every token.
  const tokens = /<!--[\s\S]*?-->|<(style|script)\b[\s\S]*?<\/\1\s*>|<[^>]+>|[^<]+/g;
  let out = '';
  let copied = 0;
  for (let match = tokens.exec(html); match; match = tokens.exec(html)) {
    const token = match[0];
    const typeset = typesetToken(token, match[1]);
    if (typeset === token) continue;
    out += html.slice(copied, match.index) + typeset;
    copied = match.index + token.length;
  }
  return out + html.slice(copied);
}

/** Wraps each range ("2021–2025", "3,4–10,3", "1.–4.") and law section ("§ 3-1") so it is not broken after its dash. */
function keepRangesTogether(html: string): string {
  return html.replace(
    /§\u00a0\d+-\d+|\d+(?:,\d+)?\.?–\d+(?:,\d+)?\.?/g,
    (range) => `<span class="nowrap">${range}</span>`,
  );
}

/** An opening tag with its aria-label typeset (a figure's text alternative reads as its caption). */
function typesetLabel(tag: string): string {
  return tag.replace(
    / aria-label="([^"]*)"/g,
    (_, value: string) => ` aria-label="${escapeText(typesetText(decode(value))).replace(/"/g, '&quot;')}"`,
  );
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: NBSP };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()]!;
    return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
