import { createHash } from 'node:crypto';

/**
 * The little PDF reading and patching the build needs, on the files Chromium
 * (Skia) writes: a classic cross-reference table and plain-text dictionaries.
 * Reading: on which page each named destination (an element id that a link
 * points at) landed, which is what the table of contents needs. Patching: the
 * dates and file id Chromium takes from the clock, so a rebuild gives the
 * same bytes.
 */

interface Xref {
  /** Object number → byte offset of "N G obj". */
  offsets: Map<number, number>;
  /** Where each offset is written in the table, to shift them after an edit. */
  entries: { at: number; offset: number }[];
  startxrefAt: number;
  startxref: number;
  trailer: string;
}

function readXref(text: string): Xref {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) throw new Error('PDF has no startxref');
  const startxref = Number(start[1]);
  if (!text.startsWith('xref', startxref)) throw new Error('PDF uses a cross-reference stream, expected a table');
  const offsets = new Map<number, number>();
  const entries: Xref['entries'] = [];
  const section = /(\d+) (\d+)\s*\r?\n/y;
  let pos = startxref + 4;
  while (/\s/.test(text[pos] ?? '')) pos++;
  for (;;) {
    section.lastIndex = pos;
    const head = section.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    pos = section.lastIndex;
    for (let i = 0; i < count; i++, pos += 20) {
      const entry = text.slice(pos, pos + 18);
      const offset = Number(entry.slice(0, 10));
      if (entry[17] === 'n') {
        offsets.set(first + i, offset);
        entries.push({ at: pos, offset });
      }
    }
  }
  const trailerAt = text.indexOf('trailer', pos);
  return {
    offsets,
    entries,
    startxrefAt: start.index + start[0].indexOf(start[1]!),
    startxref,
    trailer: text.slice(trailerAt, start.index),
  };
}

class PdfText {
  readonly text: string;
  readonly xref: Xref;

  constructor(bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    this.xref = readXref(this.text);
  }

  /** An object's body up to its stream or endobj: its dictionary, array or value. */
  object(num: number): string {
    const offset = this.xref.offsets.get(num);
    if (offset === undefined) throw new Error(`PDF object ${num} is missing`);
    const bodyStart = this.text.indexOf('obj', offset) + 3;
    const end = this.text.indexOf('endobj', bodyStart);
    const stream = this.text.indexOf('stream', bodyStart);
    return this.text.slice(bodyStart, stream !== -1 && stream < end ? stream : end);
  }

  /** The value of /Key in a dictionary, following one indirect reference. */
  ref(dict: string, key: string): number | undefined {
    const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
    return match ? Number(match[1]) : undefined;
  }

  catalog(): string {
    const root = this.ref(this.xref.trailer, 'Root');
    if (root === undefined) throw new Error('PDF trailer has no /Root');
    return this.object(root);
  }

  /** Page object numbers in reading order, walking the page tree. */
  pages(): number[] {
    const root = this.ref(this.catalog(), 'Pages');
    if (root === undefined) throw new Error('PDF catalog has no /Pages');
    const pages: number[] = [];
    const walk = (num: number, depth: number) => {
      if (depth > 64) throw new Error('PDF page tree is too deep');
      const node = this.object(num);
      if (/\/Type\s*\/Pages\b/.test(node)) {
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
        for (const kid of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(kid[1]), depth + 1);
      } else {
        pages.push(num);
      }
    };
    walk(root, 0);
    return pages;
  }
}

export function pageCount(pdf: Uint8Array): number {
  return new PdfText(pdf).pages().length;
}

/**
 * The page (1-based) each named destination points to. Chromium writes one
 * per element id that a link in the document targets, in the catalog's
 * /Dests dictionary.
 */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const file = new PdfText(pdf);
  const pageNumbers = new Map(file.pages().map((num, index) => [num, index + 1]));
  const catalog = file.catalog();
  const destsRef = file.ref(catalog, 'Dests');
  const result = new Map<string, number>();
  if (destsRef === undefined) return result;
  const dests = file.object(destsRef);
  for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*(?:\[\s*(\d+)\s+\d+\s+R|(\d+)\s+\d+\s+R)/g)) {
    const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const pageRef =
      match[2] !== undefined
        ? Number(match[2])
        : Number(/\[\s*(\d+)\s+\d+\s+R/.exec(file.object(Number(match[3])))?.[1]);
    const page = pageNumbers.get(pageRef);
    if (page !== undefined) result.set(Buffer.from(name, 'latin1').toString('utf8'), page);
  }
  return result;
}

/** `D:YYYYMMDDHHmmSS+00'00'`, the form Chromium writes, in UTC. */
function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** A PDF text string: UTF-16BE with a byte-order mark, as hex, so any letter survives. */
function pdfTextString(text: string): string {
  const hex = [...text].map((char) => {
    const code = char.codePointAt(0)!;
    if (code <= 0xffff) return code.toString(16).padStart(4, '0');
    const offset = code - 0x10000;
    return (0xd800 + (offset >> 10)).toString(16) + (0xdc00 + (offset & 0x3ff)).toString(16);
  });
  return `<FEFF${hex.join('').toUpperCase()}>`;
}

/**
 * Finishes Chromium's PDF: the creation and modification dates become `date`,
 * any file /ID a hash of the content (so the same report always gives the
 * same bytes), and the document information gets the /Author Chromium leaves
 * out. Cross-reference offsets are rewritten when lengths change.
 */
export function finishPdf(pdf: Uint8Array, info: { date: Date; author: string }): Uint8Array {
  const original = new PdfText(pdf);
  const stamp = pdfDate(info.date);
  const edits: { at: number; length: number; value: string }[] = [];
  for (const match of original.text.matchAll(/\/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)/g)) {
    const at = match.index + match[0].indexOf('(') + 1;
    edits.push({ at, length: match[1]!.length, value: stamp });
  }
  const infoRef = original.ref(original.xref.trailer, 'Info');
  if (infoRef !== undefined && info.author !== '' && !/\/Author\b/.test(original.object(infoRef))) {
    const at = original.text.indexOf('<<', original.xref.offsets.get(infoRef)) + 2;
    edits.push({ at, length: 0, value: `/Author ${pdfTextString(info.author)} ` });
  }
  let text = original.text;
  const shift = (offset: number) =>
    offset + edits.filter((e) => e.at <= offset).reduce((sum, e) => sum + e.value.length - e.length, 0);
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    text = text.slice(0, edit.at) + edit.value + text.slice(edit.at + edit.length);
  }
  if (edits.some((e) => e.value.length !== e.length)) {
    const { entries, startxref, startxrefAt } = original.xref;
    const newStartxref = shift(startxref);
    const tableShift = newStartxref - startxref;
    // Entries sit inside the table, which itself moved by tableShift; each is fixed width. The text is
    // rebuilt once from its pieces: a copy of the whole file per entry took a second for a long report.
    const pieces: string[] = [];
    let from = 0;
    for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
      const at = entry.at + tableShift;
      pieces.push(text.slice(from, at), String(shift(entry.offset)).padStart(10, '0'));
      from = at + 10;
    }
    pieces.push(text.slice(from));
    text = pieces.join('');
    const at = startxrefAt + tableShift;
    text = text.slice(0, at) + String(newStartxref) + text.slice(at + String(startxref).length);
  }
  text = renumberStructureIds(text);
  const idPattern = /(\/ID\s*\[\s*<)([0-9A-Fa-f]*)(>\s*<)([0-9A-Fa-f]*)(>)/;
  if (idPattern.test(text)) {
    const digest = createHash('sha256').update(text.replace(idPattern, '$1$3$5'), 'latin1').digest('hex');
    text = text.replace(
      idPattern,
      (_, a: string, first: string, b: string, second: string, c: string) =>
        `${a}${digest.slice(0, first.length).toUpperCase()}${b}${digest.slice(0, second.length).toUpperCase()}${c}`,
    );
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/**
 * Chromium names tagged table cells by the renderer's DOM node ids
 * (`/ID (node00000712)`, and the same strings in the ID tree and in cells'
 * /Headers), which are handed out lazily and so can shift by one from run to
 * run. Numbering them by rank keeps their order, and with it the sorted ID
 * tree, and each name's width, so no offset moves.
 */
function renumberStructureIds(text: string): string {
  const pattern = /(\(node)(\d+)(\))/g;
  const ids = [...new Set([...text.matchAll(pattern)].map((m) => Number(m[2])))].sort((a, b) => a - b);
  const rank = new Map(ids.map((id, i) => [id, i + 1]));
  return text.replace(pattern, (_, before: string, digits: string, after: string) => {
    return `${before}${String(rank.get(Number(digits))).padStart(digits.length, '0')}${after}`;
  });
}

/** One bookmark: its title as the heading reads, the named destination it opens, its level (1 = chapter). */
export interface OutlineEntry {
  title: string;
  target: string;
  level: number;
}

/**
 * Adds the document outline (bookmarks) to Chromium's PDF, built from the
 * given entries: each title is written once, exactly as given (Chromium's own
 * outline, gathered from the layout, repeats the text of headings laid out in
 * more than one fragment and drops spaces at line ends). Each bookmark opens
 * the explicit destination Chromium wrote for the heading's id; an entry
 * without one is an error, as the TOC's would be. Levels nest: a level-3
 * entry sits under the level-2 entry before it. The objects are appended,
 * the catalog names them, and the cross-reference table is written anew.
 */
export function addOutline(pdf: Uint8Array, entries: readonly OutlineEntry[]): Uint8Array {
  if (entries.length === 0) return pdf;
  const file = new PdfText(pdf);
  const text = file.text;
  const catalogRef = file.ref(file.xref.trailer, 'Root');
  if (catalogRef === undefined) throw new Error('PDF trailer has no /Root');
  if (/\/Outlines\b/.test(file.catalog())) throw new Error('PDF already has an outline (print with outline: false)');
  const destinations = explicitDestinations(file);

  interface Node {
    num: number;
    entry?: OutlineEntry;
    children: Node[];
    parent?: Node;
  }
  const size = Number(/\/Size\s+(\d+)/.exec(file.xref.trailer)?.[1]);
  if (!Number.isInteger(size)) throw new Error('PDF trailer has no /Size');
  let next = size;
  const root: Node = { num: next++, children: [] };
  const stack: { level: number; node: Node }[] = [{ level: 0, node: root }];
  for (const entry of entries) {
    while (stack.length > 1 && stack.at(-1)!.level >= entry.level) stack.pop();
    const parent = stack.at(-1)!.node;
    const node: Node = { num: next++, entry, children: [], parent };
    parent.children.push(node);
    stack.push({ level: entry.level, node });
  }
  const descendants = (node: Node): number => node.children.reduce((sum, child) => sum + 1 + descendants(child), 0);
  const objects: string[] = [];
  const write = (node: Node) => {
    const fields: string[] = [];
    if (node.entry) {
      const dest = destinations.get(node.entry.target);
      if (dest === undefined) throw new Error(`the PDF has no destination for bookmark "${node.entry.target}"`);
      const siblings = node.parent!.children;
      const at = siblings.indexOf(node);
      fields.push(`/Title ${pdfTextString(node.entry.title)}`, `/Parent ${node.parent!.num} 0 R`);
      if (at > 0) fields.push(`/Prev ${siblings[at - 1]!.num} 0 R`);
      if (at < siblings.length - 1) fields.push(`/Next ${siblings[at + 1]!.num} 0 R`);
      fields.push(`/Dest ${dest}`);
    } else {
      fields.push('/Type /Outlines');
    }
    if (node.children.length > 0) {
      fields.push(`/First ${node.children[0]!.num} 0 R`, `/Last ${node.children.at(-1)!.num} 0 R`);
      // Every bookmark open: a positive count of the descendants shown.
      fields.push(`/Count ${descendants(node)}`);
    }
    objects[node.num - size] = `${node.num} 0 obj\n<<${fields.join('\n')}>>\nendobj\n`;
    node.children.forEach(write);
  };
  write(root);

  // The catalog names the outline and asks the viewer to show it.
  const catalogAt = text.indexOf('<<', file.xref.offsets.get(catalogRef)) + 2;
  const insert = `/Outlines ${root.num} 0 R\n/PageMode /UseOutlines\n`;
  const body = text.slice(0, catalogAt) + insert + text.slice(catalogAt, file.xref.startxref);
  const offsets = new Map<number, number>();
  for (const [num, offset] of file.xref.offsets)
    offsets.set(num, offset >= catalogAt ? offset + insert.length : offset);
  let appended = '';
  objects.forEach((object, i) => {
    offsets.set(size + i, body.length + appended.length);
    appended += object;
  });
  const xrefAt = body.length + appended.length;
  let xref = `xref\n0 ${next}\n`;
  for (let num = 0; num < next; num++) {
    const offset = offsets.get(num);
    xref +=
      offset === undefined
        ? `0000000000 ${num === 0 ? '65535' : '00000'} f \n`
        : `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  const trailer = file.xref.trailer.replace(/\/Size\s+\d+/, `/Size ${next}`);
  return new Uint8Array(Buffer.from(`${body}${appended}${xref}${trailer}startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
}

/** Each named destination's explicit destination array (`[12 0 R /XYZ 56 700 0]`), by name. */
function explicitDestinations(file: PdfText): Map<string, string> {
  const result = new Map<string, string>();
  const destsRef = file.ref(file.catalog(), 'Dests');
  if (destsRef === undefined) return result;
  const dests = file.object(destsRef);
  for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*(?:(\[[^\]]*\])|(\d+)\s+\d+\s+R)/g)) {
    const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const array = match[2] ?? /\[[^\]]*\]/.exec(file.object(Number(match[3])))?.[0];
    if (array !== undefined) result.set(Buffer.from(name, 'latin1').toString('utf8'), array.replace(/\s+/g, ' '));
  }
  return result;
}
