import { isUtf8 } from 'node:buffer';
import { messages } from '../messages.js';
import { UnreadableFileError } from './table.js';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 when the file starts with its byte-order mark (Excel's "Unicode
 * text"), else UTF-8 when every byte sequence is valid UTF-8, else
 * Windows-1252 (what Excel writes on a Norwegian Windows machine). A file
 * holds one encoding: one whose lines disagree (a UTF-8 row pasted into an
 * ANSI file) is refused at the first line that disagrees, and UTF-16 without
 * its mark is named as such. Scans chunk by chunk, line by line only where
 * a chunk is not UTF-8, so memory stays flat.
 */
export async function detectEncoding(chunks: AsyncIterable<Uint8Array>): Promise<TextEncodingName> {
  const scanner = new EncodingScanner();
  for await (const chunk of chunks) {
    const found = scanner.push(chunk);
    if (found) return found;
  }
  return scanner.end();
}

/** detectEncoding for bytes in memory (YAML and Markdown files). */
export function detectEncodingOf(bytes: Uint8Array): TextEncodingName {
  const scanner = new EncodingScanner();
  return scanner.push(bytes) ?? scanner.end();
}

/**
 * Sees a file's bytes once, in order, and decides its encoding; throws UnreadableFileError for a file it must refuse.
 */
class EncodingScanner {
  private start = true;
  private head: Uint8Array = new Uint8Array(0);
  /** The part of the current line seen so far (bytes after the last line break). */
  private pending: Uint8Array = new Uint8Array(0);
  /** The line `pending` starts on. */
  private line = 1;
  private firstUtf8: number | null = null;
  private firstAnsi: number | null = null;

  /** A UTF-16 encoding when the mark says so; else undefined (keep pushing). */
  push(chunk: Uint8Array): TextEncodingName | undefined {
    let data = chunk;
    if (this.start) {
      // The mark is two bytes, which a chunk may split.
      this.head = concat(this.head, chunk);
      if (this.head.length < 2) return undefined;
      this.start = false;
      const utf16 = utf16Of(this.head);
      if (utf16) return utf16;
      if (looksLikeUtf16(this.head)) throw new UnreadableFileError(messages.utf16WithoutMark(), 1);
      data = this.head;
      this.head = new Uint8Array(0);
    }
    const all = this.pending.length ? concat(this.pending, data) : data;
    const lastBreak = all.lastIndexOf(0x0a);
    if (lastBreak < 0) {
      this.pending = all;
      return undefined;
    }
    this.lines(all.subarray(0, lastBreak + 1));
    this.pending = all.slice(lastBreak + 1);
    return undefined;
  }

  end(): TextEncodingName {
    if (this.start && this.head.length) {
      this.start = false;
      this.pending = this.head;
    }
    if (this.pending.length) this.lines(this.pending);
    return this.firstAnsi !== null ? 'windows-1252' : 'utf-8';
  }

  /** Whole lines (ending in a line break, but for the file's last): notes where each encoding is first seen. */
  private lines(bytes: Uint8Array): void {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = buffer.toString('latin1');
    const high = /[\x80-\xff]/g;
    if (isUtf8(bytes)) {
      // The common case, checked natively: only the first line with a non-ASCII character matters.
      if (this.firstUtf8 === null) {
        const at = text.search(high);
        if (at >= 0) this.note('utf-8', this.line + countBreaks(buffer, 0, at));
      }
      this.line += countBreaks(buffer, 0, bytes.length);
      return;
    }
    let counted = 0;
    let line = this.line;
    for (let match = high.exec(text); match; match = high.exec(text)) {
      const start = text.lastIndexOf('\n', match.index) + 1;
      const newline = text.indexOf('\n', match.index);
      const end = newline < 0 ? text.length : newline;
      line += countBreaks(buffer, counted, start);
      counted = start;
      this.note(isUtf8(bytes.subarray(start, end)) ? 'utf-8' : 'windows-1252', line);
      high.lastIndex = end;
    }
    this.line += countBreaks(buffer, 0, bytes.length);
  }

  private note(encoding: 'utf-8' | 'windows-1252', line: number): void {
    if (encoding === 'utf-8') this.firstUtf8 ??= line;
    else this.firstAnsi ??= line;
    if (this.firstUtf8 !== null && this.firstAnsi !== null) {
      const utf8Later = this.firstUtf8 > this.firstAnsi;
      throw new UnreadableFileError(
        messages.mixedEncoding(
          utf8Later ? 'UTF-8' : 'Windows-1252 (ANSI)',
          utf8Later ? this.firstAnsi : this.firstUtf8,
          utf8Later ? 'Windows-1252 (ANSI)' : 'UTF-8',
        ),
        Math.max(this.firstUtf8, this.firstAnsi),
      );
    }
  }
}

function countBreaks(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = buffer.indexOf(0x0a, from); at >= 0 && at < to; at = buffer.indexOf(0x0a, at + 1)) count++;
  return count;
}

function utf16Of(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The characters Windows-1252 puts at 0x80–0x9F (€ ‚ „ … – — ‘ ’ “ ” …);
 * the other bytes are Latin-1. Node's own 'windows-1252' decoder reads this
 * range as Latin-1 control characters, so "Brann – eksplosjon" would lose its
 * dash and ’ would vanish: the table is ours. Unassigned bytes stay as they are.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const windows1252Decoder = {
  decode(bytes?: Uint8Array): string {
    if (!bytes) return '';
    // Latin-1 is each byte as the code point of its value, which Buffer decodes natively.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
  },
};

/** A decoder for the encoding: streaming (`{ stream: true }`) for the multi-byte ones; Windows-1252 by our table. */
export function decoderFor(encoding: TextEncodingName): {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
} {
  return encoding === 'windows-1252' ? windows1252Decoder : new TextDecoder(encoding);
}

/** Text in UTF-16 has a zero byte in every other place for Latin letters; no CSV or YAML in UTF-8 or ANSI has any. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 2 && zeros >= sample.length / 4;
}

/** Decodes a stream of chunks to strings; a byte-order mark is dropped. */
export async function* decode(chunks: AsyncIterable<Uint8Array>, encoding: TextEncodingName): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
