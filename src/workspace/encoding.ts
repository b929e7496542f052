import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 when the file starts with its byte-order mark (Excel's "Unicode
 * text"), else UTF-8 when every byte sequence is valid UTF-8, else
 * Windows-1252 (what Excel writes on a Norwegian Windows machine). Scans chunk
 * by chunk, carrying a multi-byte sequence cut at a chunk's end over to the
 * next, so memory stays flat.
 */
export async function detectEncoding(chunks: AsyncIterable<Uint8Array>): Promise<TextEncodingName> {
  let carry: Uint8Array = new Uint8Array(0);
  let start = true;
  for await (const chunk of chunks) {
    const data = carry.length ? concat(carry, chunk) : chunk;
    if (start) {
      // The mark is two bytes, which a chunk may split.
      if (data.length < 2) {
        carry = data;
        continue;
      }
      start = false;
      const utf16 = utf16Of(data);
      if (utf16) return utf16;
    }
    const cut = incompleteTail(data);
    if (!isUtf8(data.subarray(0, data.length - cut))) return 'windows-1252';
    carry = data.slice(data.length - cut);
  }
  return carry.length === 0 || isUtf8(carry) ? 'utf-8' : 'windows-1252';
}

export function detectEncodingOf(bytes: Uint8Array): TextEncodingName {
  return utf16Of(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
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

/** How many bytes at the end start a UTF-8 sequence that the chunk does not finish. */
function incompleteTail(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
