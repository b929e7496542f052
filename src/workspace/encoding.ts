import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'windows-1252';

/**
 * UTF-8 when every byte sequence is valid UTF-8, else Windows-1252 (what Excel
 * writes on a Norwegian Windows machine). Scans chunk by chunk, carrying a
 * multi-byte sequence cut at a chunk's end over to the next, so memory stays flat.
 */
export async function detectEncoding(chunks: AsyncIterable<Uint8Array>): Promise<TextEncodingName> {
  let carry = new Uint8Array(0);
  for await (const chunk of chunks) {
    const data = carry.length ? concat(carry, chunk) : chunk;
    const cut = incompleteTail(data);
    if (!isUtf8(data.subarray(0, data.length - cut))) return 'windows-1252';
    carry = data.slice(data.length - cut);
  }
  return carry.length === 0 ? 'utf-8' : 'windows-1252';
}

export function detectEncodingOf(bytes: Uint8Array): TextEncodingName {
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/** Decodes a stream of chunks to strings; a UTF-8 byte-order mark is dropped. */
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
