import { inflateRawSync } from 'node:zlib';
import type { Cell } from './table.js';

/**
 * A small reader for the plain workbooks exports are (values, shared
 * strings, number formats; no formulas, inline strings, merges or links), about twenty times
 * faster than loading the workbook with exceljs: the zip's directory is read
 * by hand, the parts inflated with zlib and the sheet scanned with regular
 * expressions. It gives exactly the cells exceljs gives (dates by the same
 * number-format rule, rich text joined, `_xHHHH_` escapes decoded where
 * exceljs decodes them). For anything else it returns null, and the caller
 * reads the workbook with exceljs, so nothing it does not know is guessed.
 */

/**
 * A sheet's cells by row number, columns 1-based; `width` and `rowCount` are exceljs's `columnCount` and `rowCount`.
 */
export interface SimpleSheet {
  name: string;
  rows: Map<number, Map<number, Cell>>;
  width: number;
  rowCount: number;
}

class Unsupported extends Error {}

/** The workbook's sheets in order, as exceljs lists them; null: read it with exceljs. */
export function readSimpleWorkbook(bytes: Uint8Array): SimpleSheet[] | null {
  try {
    return read(bytes);
  } catch {
    // Unsupported, a zlib error or a truncated file: exceljs decides what the file is.
    return null;
  }
}

function read(bytes: Uint8Array): SimpleSheet[] {
  const zip = unzip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const text = (name: string) => {
    const entry = zip.get(name);
    if (!entry) throw new Unsupported(name);
    return entry().toString('utf8');
  };
  const workbook = text('xl/workbook.xml');
  const targets = new Map<string, string>();
  for (const rel of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attributes(rel[1]!);
    if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
  const strings = zip.has('xl/sharedStrings.xml') ? sharedStrings(text('xl/sharedStrings.xml')) : [];
  const dateStyles = zip.has('xl/styles.xml') ? dateStyleIds(text('xl/styles.xml')) : new Set<number>();
  const sheets: SimpleSheet[] = [];
  for (const element of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const a = attributes(element[1]!);
    const target = targets.get(a['r:id'] ?? '');
    if (target === undefined || a.name === undefined) continue;
    // Where exceljs looks for a sheet's part; a chart sheet or another part is passed over, as exceljs does.
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path) || !zip.has(path)) continue;
    sheets.push({ name: a.name, ...sheet(text(path), strings, dateStyles, date1904) });
  }
  return sheets;
}

/** Zip entries by name, each inflated on demand. Zip64, encryption and other methods are left to exceljs. */
function unzip(buffer: Buffer): Map<string, () => Buffer> {
  let end = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 65_557); at--) {
    if (buffer.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Unsupported('not a zip');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Unsupported('zip64');
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Unsupported('central directory');
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (flags & 1 || size === 0xffffffff || local === 0xffffffff) throw new Unsupported('encrypted or zip64');
    if (method !== 0 && method !== 8) throw new Unsupported(`method ${method}`);
    entries.set(name, () => {
      if (buffer.readUInt32LE(local) !== 0x04034b50) throw new Unsupported('local header');
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    });
  }
  return entries;
}

function attributes(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) result[m[1]!] = decodeXml(m[2] ?? m[3]!);
  return result;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five entities and character references, as the XML parser under exceljs decodes them. */
function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new Unsupported('bare &');
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new Unsupported(`entity ${whole}`);
    return value;
  });
}

/** exceljs's TextXform: `_xHHHH_` (upper-case hex) is a character. */
const decodeEscapes = (text: string) =>
  text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The text of a <t> element's content: no markup, no CDATA. */
function plainText(content: string): string {
  if (content.includes('<')) throw new Unsupported('markup in text');
  return decodeXml(content);
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const si of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const body = si[1];
    if (body === undefined || /<rPh\b|<phoneticPr\b/.test(body)) throw new Unsupported('odd shared string');
    const runs = [...body.matchAll(/<r\b[^>]*>([\s\S]*?)<\/r>/g)];
    if (runs.length > 0) {
      // Rich text: the runs' text joined, as the reader's normalise() does with exceljs's richText.
      if (body.replace(/<r\b[^>]*>[\s\S]*?<\/r>/g, '').trim() !== '') throw new Unsupported('mixed rich text');
      strings.push(runs.map((run) => tText(run[1]!, true)).join(''));
    } else {
      strings.push(tText(body, false));
    }
  }
  return strings;
}

/** The one <t> of a shared string or a rich-text run (a run also has its font, <rPr>). */
function tText(body: string, run: boolean): string {
  const withoutFont = run ? body.replace(/<rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/rPr>)/, '') : body;
  const t = /^\s*<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)\s*$/.exec(withoutFont);
  if (!t) throw new Unsupported('shared string shape');
  return decodeEscapes(plainText(t[1] ?? ''));
}

/** exceljs's default formats by id (the locale-dependent ones have none there). */
const DEFAULT_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The cell styles (indexes into cellXfs) whose number format makes a number a date. */
function dateStyleIds(xml: string): Set<number> {
  const formats = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    formats.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dates = new Set<number>();
  let index = 0;
  for (const m of cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    // exceljs looks a format up only for a non-zero id.
    if (id && isDateFormat(formats.get(id) || DEFAULT_FORMATS[id])) dates.add(index);
    index++;
  }
  return dates;
}

function column(reference: string): number {
  const letters = /^([A-Z]+)\d+$/.exec(reference)?.[1];
  if (!letters) throw new Unsupported(`cell reference ${reference}`);
  let n = 0;
  for (const char of letters) n = n * 26 + char.charCodeAt(0) - 64;
  return n;
}

function sheet(
  xml: string,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): Omit<SimpleSheet, 'name'> {
  // Formulas, merged and linked cells, and prefixed element names are exceljs's business.
  if (/<(?:\w+:)?(?:f|mergeCell|hyperlink)\b|<\w+:sheetData\b|<!\[CDATA\[/.test(xml)) throw new Unsupported('features');
  const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*)<\/sheetData>)/.exec(xml);
  if (!data) throw new Unsupported('no sheetData');
  const rows = new Map<number, Map<number, Cell>>();
  let width = 0;
  let rowCount = 0;
  for (const row of (data[1] ?? '').matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(attributes(row[1]!).r);
    if (!Number.isInteger(number) || number < 1) throw new Unsupported('row without r');
    const cells = new Map<number, Cell>();
    // exceljs's cellCount: up to the last cell it keeps (one with a value, or a style other than 0).
    let last = 0;
    let hasValue = false;
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = cellAttributes(c[1]!);
      const col = column(a.r);
      const style = a.s === undefined ? 0 : parseInt(a.s, 10);
      // exceljs looks up the style of a cell only for a non-zero index.
      const value = cellValue(a.t, c[2] ?? '', strings, style !== 0 && dateStyles.has(style), date1904);
      if (value !== undefined) {
        cells.set(col, value);
        hasValue = true;
      }
      if (value !== undefined || style) last = Math.max(last, col);
    }
    if (rows.has(number)) throw new Unsupported('row twice');
    rows.set(number, cells);
    rowCount = Math.max(rowCount, number);
    if (hasValue) width = Math.max(width, last);
  }
  return { rows, width, rowCount };
}

/** A cell's attributes as exceljs and Excel write them: r, then s and t when given, nothing else. */
const USUAL_CELL = /^ r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?$/;

/** A cell's r, s and t, read without the general attribute parser (the sheet has one per cell). */
function cellAttributes(text: string): { r: string; s?: string; t?: string } {
  const usual = USUAL_CELL.exec(text);
  if (usual) return { r: usual[1]!, s: usual[2], t: usual[3] };
  let r: string | undefined;
  let s: string | undefined;
  let t: string | undefined;
  for (const m of text.matchAll(/\s([\w:]+)="([^"&]*)"/g)) {
    if (m[1] === 'r') r = m[2];
    else if (m[1] === 's') s = m[2];
    else if (m[1] === 't') t = m[2];
  }
  // Anything unusual (single quotes, entities, no reference): the general parser decides.
  if (r === undefined || /'|&/.test(text)) {
    const a = attributes(text);
    if (a.r === undefined) throw new Unsupported('cell without r');
    return { r: a.r, s: a.s, t: a.t };
  }
  return { r, s, t };
}

/** A cell's value as exceljs gives it after the reader's normalise(); undefined: no value at all. */
function cellValue(
  type: string | undefined,
  body: string,
  strings: readonly string[],
  isDate: boolean,
  date1904: boolean,
): Cell | undefined {
  // Most cells are `<v>text</v>`; the expression below reads any other shape.
  const usual = body.startsWith('<v>') && body.endsWith('</v>') && body.indexOf('<', 3) === body.length - 4;
  const v = usual ? [body, body.slice(3, -4)] : /^\s*<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)\s*$/.exec(body);
  if (!v) {
    if (body.trim() === '') return undefined;
    throw new Unsupported('cell shape');
  }
  const raw = plainText(v[1] ?? '');
  if (raw === '') return undefined;
  switch (type) {
    case 's': {
      const string = strings[parseInt(raw, 10)];
      if (string === undefined) throw new Unsupported('shared string index');
      return string;
    }
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'e':
      // An Excel error (#N/A) is a cell without a value, reported at its cell: exceljs's path says so.
      throw new Unsupported('error cell');
    case undefined:
    case 'n': {
      const number = parseFloat(raw);
      if (!isDate) return number;
      return new Date(Math.round((number - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
    }
    default:
      throw new Unsupported(`cell type ${type}`);
  }
}
