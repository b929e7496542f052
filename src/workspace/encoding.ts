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

/** Decodes a stream of chunks to strings; a byte-order mark is dropped. */
export async function* decode(chunks: AsyncIterable<Uint8Array>, encoding: TextEncodingName): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
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
