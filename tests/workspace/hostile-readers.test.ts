import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { clip } from '../../src/messages.js';
import { calendarYear, date, decimal, integer, plausibleYears, text, toNumber } from '../../src/workspace/cells.js';
import { detectEncodingOf } from '../../src/workspace/encoding.js';
import { readRows, tableSpec } from '../../src/workspace/rows.js';
import { parseYaml } from '../../src/workspace/yaml.js';
import { z } from 'zod';
import { lines, memoryWorkspace, xlsxBytes } from '../support/helpers.js';

/** Unit tests of the readers for issue 11's cases; the whole workspaces are in tests/hostile. */

async function rows(
  files: Record<string, string | Uint8Array>,
  spec = tableSpec({ columns: { a: text(), n: decimal() } }),
) {
  const ws = memoryWorkspace(files);
  const d = new Diagnostics();
  const table = await ws.table('t', d);
  const read = [];
  if (table) for await (const r of readRows(table, spec, d)) read.push(r.value);
  return { read, problems: lines(d) };
}

describe('numbers (cases 1, 2)', () => {
  it('refuses a number that is not finite or too large to sum', () => {
    expect(toNumber('1e309')).toBeNull();
    expect(toNumber('1e300')).toBeNull();
    expect(toNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(decimal().safeParse('1e309').error?.issues[0]?.message).toMatch(/infinite or beyond/);
    expect(toNumber('1e6')).toBe(1_000_000);
  });

  it('holds a file to the decimal mark of most of its numbers, reporting each other one at its cell', async () => {
    const { read, problems } = await rows({
      't.csv': 'a;n\nx;117.80\ny;117,80\nz;114,000.5\nw;1.114,00\nv;2,5\nu;1,25\n',
    });
    expect(read.map((r) => r.n)).toEqual([117.8, 117.8, 2.5, 1.25]);
    expect(problems).toEqual([
      't.csv:4:n: "114,000.5" has both a comma and a point: write one decimal mark and group digits with spaces, if at all (114 000,5)',
      't.csv:5:n: "1.114,00" has both a comma and a point: write one decimal mark and group digits with spaces, if at all (114 000,5)',
      't.csv:2:n: "117.80" has a decimal point, but this file writes decimals with a comma (3 numbers, the first at row 3, column n: "117,80"): a file holds one decimal convention',
    ]);
  });

  it('calls a file whose only marked number may be a thousands separator ambiguous', async () => {
    const { problems } = await rows({ 't.csv': 'a;n\nx;114,000\ny;5\n' });
    expect(problems).toEqual([expect.stringMatching(/^t\.csv:2:n: "114,000" is ambiguous/)]);
    expect((await rows({ 't.csv': 'a;n\nx;114,000\ny;5,5\n' })).problems).toEqual([]);
  });

  it('keeps whole numbers whole', () => {
    expect(integer().safeParse('5,5').success).toBe(false);
    expect(integer().safeParse('12').data).toBe(12);
  });
});

describe('dates and years (cases 5, 8)', () => {
  const { first, last } = plausibleYears();
  it('refuses dates and years outside 2000 … next year', () => {
    expect(date().safeParse('1900-01-01').error?.issues[0]?.message).toBe(
      `date 1900-01-01 is outside the plausible years ${first}–${last}: check the year (see "Dates and years" in docs/workspace.md)`,
    );
    expect(date().safeParse(1).success).toBe(false); // Excel's day 1, 1900-01-01
    expect(date().safeParse(`${last + 1}-01-01`).success).toBe(false);
    expect(date().safeParse('2000-01-01').data).toBe('2000-01-01');
    expect(calendarYear().safeParse('1999').success).toBe(false);
    expect(calendarYear().safeParse(String(last)).data).toBe(last);
  });
});

describe('headers (case 6)', () => {
  it('refuses a column that is there twice, naming both', async () => {
    const { problems } = await rows({ 't.csv': 'a;n; A \nx;1;2\n' });
    expect(problems).toEqual([
      't.csv:1:A: the header has the same column twice: "a" (column 1) and "A" (column 3); keep one of them',
    ]);
  });
});

describe('encodings (cases 3, 16)', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const ansi = (s: string) => Buffer.from(s, 'latin1');
  it('refuses a Windows-1252 file with a UTF-8 row at that row, and the other way round', async () => {
    const mixed = Buffer.concat([ansi('a;n\nSær;1\nx;2\n'), utf8('Sør;3\n')]);
    expect((await rows({ 't.csv': mixed })).problems).toEqual([
      't.csv:4: this line is encoded as UTF-8, but line 2 as Windows-1252 (ANSI): a file holds one encoding (letters like æøå would come out wrong); save the whole file again as UTF-8',
    ]);
    const other = Buffer.concat([utf8('a;n\nSør;1\n'), ansi('Sær;3\n')]);
    expect((await rows({ 't.csv': other })).problems).toEqual([
      expect.stringMatching(/^t\.csv:3: this line is encoded as Windows-1252/),
    ]);
    expect(detectEncodingOf(ansi('a;n\nSær;1\n'))).toBe('windows-1252');
    expect(detectEncodingOf(utf8('a;n\nSær;1\n'))).toBe('utf-8');
  });

  it('says that a file without its mark looks like UTF-16', async () => {
    const { problems } = await rows({ 't.csv': Buffer.from('a;n\nx;1\n', 'utf16le') });
    expect(problems).toEqual([
      expect.stringMatching(/^t\.csv:1: the file looks like UTF-16 without a byte-order mark/),
    ]);
  });
});

describe('XLSX formulas (case 7)', () => {
  it('refuses a formula without a cached value at its cell, and reads a cached one', async () => {
    const bytes = await xlsxBytes([
      ['a', 'n'],
      [{ formula: 'B3&"x"' }, 1],
      [
        { formula: 'UPPER("y")', result: 'Y' },
        { formula: '1+1', result: 2 },
      ],
      ['z', { error: '#DIV/0!' }],
    ]);
    const { read, problems } = await rows({ 't.xlsx': bytes });
    expect(read).toEqual([]);
    expect(problems).toEqual([
      't.xlsx: 2 cells have no value to read (listed below): the file is not read until they have one',
      't.xlsx:2:a: the cell holds the formula "=B3&"x"" but no calculated value (the file was written by a program that does not calculate): open and save it in Excel, or paste the values',
      't.xlsx:4:n: the cell holds the Excel error "#DIV/0!" instead of a value',
    ]);
    const good = await rows({
      't.xlsx': await xlsxBytes([
        ['a', 'n'],
        [
          { formula: 'UPPER("y")', result: 'Y' },
          { formula: '1+1', result: 2 },
        ],
      ]),
    });
    expect(good.read).toEqual([{ a: 'Y', n: 2 }]);
  });
});

describe('YAML (cases 10, 17)', () => {
  const schema = z.record(z.string(), z.unknown());
  it('refuses an alias bomb at the line of its first alias', () => {
    const bomb = [
      'a: &a [1,1,1,1,1,1,1,1,1,1]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    const d = new Diagnostics();
    expect(parseYaml('f.yaml', bomb, schema, d)).toBeNull();
    expect(lines(d)).toEqual([expect.stringMatching(/^f\.yaml:2: not valid here: the file uses aliases/)]);
  });

  it('reports an unclosed flow map once, at the line it opens', () => {
    const d = new Diagnostics();
    parseYaml('f.yaml', 'a: 1\n# x\n# y\nb: {c: 1, d: 2\ne:\n  f: 3\ng: 4\n', schema, d);
    expect(lines(d)).toEqual([
      'f.yaml:4: not valid YAML: the { on this line is never closed with } (fix this first: the lines after it cannot be read)',
    ]);
  });

  it('gives new values each time a text is read, whatever the caller did with the earlier ones', () => {
    // A text is parsed once per process: what one run changes in its values must not reach the next.
    const text = 'a: &a {b: [1, 2]}\nc: *a\n';
    const first = parseYaml('f.yaml', text, schema, new Diagnostics()) as { a: { b: number[] }; c: { b: number[] } };
    first.a.b.push(3);
    first.c.b = [];
    expect(parseYaml('f.yaml', text, schema, new Diagnostics())).toEqual({ a: { b: [1, 2] }, c: { b: [1, 2] } });
  });
});

describe('files (cases 11, 13, 17)', () => {
  it('names two files that differ only in case as such', async () => {
    const ws = memoryWorkspace({ 'Injuries.CSV': 'a\n', 'injuries.csv': 'a\n' });
    const d = new Diagnostics();
    expect(await ws.table('injuries', d)).toBeNull();
    expect(lines(d)).toEqual([
      'Injuries.CSV and injuries.csv: 2 files for "injuries" whose names differ only in upper and lower case ("Injuries.CSV", "injuries.csv"): keep one of them',
    ]);
  });
});

describe('messages (case 15)', () => {
  it('cuts a quoted value at 80 characters', async () => {
    expect(clip('x'.repeat(200))).toBe(`${'x'.repeat(79)}…`);
    // Cut by characters as shown, however many code units each took.
    expect(clip('\r\n'.repeat(100))).toBe(`${'⏎'.repeat(79)}…`);
    expect(clip('😀'.repeat(100))).toBe(`${'😀'.repeat(79)}…`);
    expect(clip('\u0001'.repeat(100))).toBe(`${'\\x01'.repeat(20).slice(0, 79)}…`);
    expect(clip(`${'x'.repeat(79)}😀`)).toBe(`${'x'.repeat(79)}😀`);
    expect(clip(`${'x'.repeat(79)}\r\n`)).toBe(`${'x'.repeat(79)}⏎`);
    expect(clip('x'.repeat(10_000_000))).toBe(`${'x'.repeat(79)}…`);
    const { problems } = await rows({ 't.csv': `a;n\nx;${'9'.repeat(10_000)}z\n` });
    expect(problems[0]!.length).toBeLessThan(300);
  });
});
