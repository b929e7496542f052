/**
 * File names that are safe on every OS: ASCII only (æ → ae, ø → o, å → aa,
 * other accents dropped), lower case, [a-z0-9-] and no reserved Windows
 * names; unique within a set (a numeric suffix on a collision).
 */

const FOLD: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'aa',
  Æ: 'Ae',
  Ø: 'O',
  Å: 'Aa',
  ß: 'ss',
  ð: 'd',
  þ: 'th',
  Þ: 'Th',
  Đ: 'D',
  đ: 'd',
  ł: 'l',
  Ł: 'L',
};
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;
const MAX_LENGTH = 60;

export function asciiFold(text: string): string {
  return text
    .replace(/[æøåÆØÅßðþÞĐđłŁ]/g, (c) => FOLD[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

export function safeName(text: string): string {
  const slug = asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  const name = slug || 'enhet';
  return RESERVED.test(name) ? `${name}-enhet` : name;
}

/**
 * One safe name per input, in order, unique even when two fold to
 * the same text (case-insensitively, as on Windows and macOS).
 */
export function uniqueSafeNames(texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    const base = safeName(text);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}
