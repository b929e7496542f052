import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/workspace/csv.js';
import type { TableRow } from '../../src/workspace/table.js';

/**
 * Lines whose fields hold no quote or are quoted without one inside are split
 * by hand and csv-parse reads from the first other line on: the rows, their
 * line numbers and the errors must be what csv-parse alone makes of the whole
 * file, however the file is chunked.
 */
async function rows(text: string, chunk: number): Promise<TableRow[]> {
  const bytes = new TextEncoder().encode(text);
  const table = await openCsv('t.csv', async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  });
  const found: TableRow[] = [];
  for await (const row of table.rows()) found.push(row);
  return found;
}

function csvParse(text: string): TableRow[] {
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    delimiter: ';',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const data = records.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  return data.slice(1).map(({ record, info }) => ({
    row: info.lines,
    cells: [...record, ...Array(Math.max(0, 3 - record.length)).fill(null)],
  }));
}

const CASES = {
  plain: 'a;b;c\n1;2;3\n4;5;6\n',
  'no final line break': 'a;b;c\n1;2;3\n4;5;6',
  'BOM, CRLF, blank lines': '\uFEFFa;b;c\r\n1;2;3\r\n\r\n\r\n4;5;6\r\n',
  'short and long rows': 'a;b;c\n1\n1;2;3;4\n',
  'a quoted field late in the file': 'a;b;c\n' + '1;2;3\n'.repeat(3000) + '7;"x;y";9\n10;11;12\n',
  'a line break in a quoted field': 'a;b;c\n1;2;3\n4;"fem\nseks";6\n7;8;9\n',
  'a quote inside an unquoted field': 'a;b;c\n1;2 "tommer";3\n4;5;6\n',
  'every field quoted': '"a";"b";"c"\n"1";"";"3"\n"4;5";"x y";"6"\n',
  'some fields quoted': 'a;b;c\n1;"2;3";\n"";4;"5"\n;;""\n',
  'a quoted last line without a line break': '"a";"b";"c"\n"1";"2";"3"',
  'quotes doubled in quoted fields': '"a";"b";"c"\n"1";"5 ""x""";"6"\n"a""";"""";"""x"\n"""";"";"\n"7";"8";"9"\n',
  'text after a closing quote': '"a";"b";"c"\n"1"x;"2";"3"\n"4";"5";"6"\n',
  'a space before an opening quote': 'a;b;c\n1; "2";3\n4;5;6\n',
  'a quoted line break after quoted lines': '"a";"b";"c"\n"1";"2";"3"\n"4";"fem\nseks";"6"\n"7";"8";"9"\n',
};

describe('CSV lines split by hand, csv-parse from the first quote', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reads ${name} as csv-parse does`, async () => {
      const expected = csvParse(text);
      for (const chunk of [1, 5, 64, 1 << 20]) expect(await rows(text, chunk)).toEqual(expected);
    });
  }

  it('reads random files of quoted and unquoted fields as csv-parse does', async () => {
    const pieces = ['x', 'yz', ' ', ';', '"', '""', '\n', '\r\n', '1', 'æ'];
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * n);
    const field = () => {
      let text = '';
      for (let i = random(4); i > 0; i--) text += pieces[random(pieces.length)];
      // Most fields as exports write them: plain, or quoted with their quotes doubled; a few as no export should.
      const kind = random(8);
      return kind === 0 ? text : kind < 4 ? `"${text.replace(/"/g, '""')}"` : text.replace(/["\n\r;]/g, '');
    };
    for (let file = 0; file < 300; file++) {
      const lines = ['"a";b;"c"'];
      for (let line = random(6); line > 0; line--) lines.push([field(), field(), field()].join(';'));
      const text = lines.join('\n') + (random(2) ? '\n' : '');
      let expected: TableRow[] | 'broken';
      try {
        expected = csvParse(text);
      } catch {
        expected = 'broken';
      }
      for (const chunk of [3, 1 << 20])
        expect(await rows(text, chunk).catch(() => 'broken'), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('reports a broken quote at the line csv-parse names, counted from the start of the file', async () => {
    const text = 'a;b;c\n' + '1;2;3\n'.repeat(100) + '4;"open;6\n7;8;9\n';
    await expect(rows(text, 7)).rejects.toMatchObject({ row: 103 });
    await expect(rows(text, 7)).rejects.toThrow(/at line 103/);
  });
});
