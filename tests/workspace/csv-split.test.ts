import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/workspace/csv.js';
import type { TableRow } from '../../src/workspace/table.js';

/**
 * Lines without a quote are split by hand and csv-parse reads from the first
 * quoted line on: the rows, their line numbers and the errors must be what
 * csv-parse alone makes of the whole file, however the file is chunked.
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
};

describe('CSV lines split by hand, csv-parse from the first quote', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reads ${name} as csv-parse does`, async () => {
      const expected = csvParse(text);
      for (const chunk of [1, 5, 64, 1 << 20]) expect(await rows(text, chunk)).toEqual(expected);
    });
  }

  it('reports a broken quote at the line csv-parse names, counted from the start of the file', async () => {
    const text = 'a;b;c\n' + '1;2;3\n'.repeat(100) + '4;"open;6\n7;8;9\n';
    await expect(rows(text, 7)).rejects.toMatchObject({ row: 103 });
    await expect(rows(text, 7)).rejects.toThrow(/at line 103/);
  });
});
