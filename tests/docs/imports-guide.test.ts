import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMetrics, writeWorkspace } from '../support/contract.js';
import { windows1252 } from '../support/helpers.js';

/**
 * docs/imports.md's worked example, taken from the page itself: each
 * table's sample file as shown and its stanza as printed must read. An
 * analyst follows that page alone, so a stanza that does not work there is a
 * defect of the guide.
 */

const GUIDE = readFileSync(new URL('../../docs/imports.md', import.meta.url), 'utf8');

interface Example {
  table: string;
  sample: string | null;
  stanza: Record<string, { file?: string }>;
}

function examples(): Example[] {
  const part = GUIDE.slice(GUIDE.indexOf('## A complete example'), GUIDE.indexOf('### The survey'));
  return part
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const table = section.split(/\s/)[0]!;
      const sample = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? markdownTable(section);
      const stanza = parse(/```yaml\n([\s\S]*?)```/.exec(section)![1]!) as Example['stanza'];
      return { table, sample, stanza };
    });
}

/** A Markdown table's rows as cells (the absence workbook is shown that way). */
function markdownTable(section: string): string | null {
  const rows = section.split('\n').filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line));
  return rows.length
    ? rows
        .map((r) =>
          r
            .slice(1, -1)
            .split('|')
            .map((c) => c.trim())
            .join('\t'),
        )
        .join('\n')
    : null;
}

async function workbook(sample: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Forside').addRow(['Sykefraværsstatistikk']);
  const sheet = book.addWorksheet('Sykefravær');
  sheet.addRow(['Sykefravær per kvartal']);
  sheet.addRow(['Kilde: rapportsenteret']);
  sheet.addRow([]);
  for (const line of sample.split('\n'))
    sheet.addRow(line.split('\t').map((c) => (c === '' ? null : /^\d+$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("docs/imports.md's complete example", () => {
  it('reads every table as the guide shows it', async () => {
    const files: Record<string, string | Uint8Array> = {};
    const stanzas: Record<string, unknown> = {};
    for (const { table, sample, stanza } of examples()) {
      const path = stanza[table]!.file!.replace(/"/g, '').replace('*', '2025');
      if (!sample) continue;
      Object.assign(stanzas, stanza);
      files[path] = path.endsWith('.xlsx')
        ? await workbook(sample)
        : table === 'incidents'
          ? windows1252(sample)
          : sample;
    }
    expect(Object.keys(stanzas)).toEqual([
      'units',
      'incidents',
      'injuries',
      'whistleblowing',
      'absence',
      'working-time',
    ]);
    const dir = writeWorkspace({ ...files, 'imports.yaml': JSON.stringify(stanzas, null, 2) });
    const { metrics } = await buildMetrics(dir, 2025);
    expect(metrics.units.reporting).toBe(3);
    expect(metrics.incidents.years['2025']).toMatchObject({ reported: 1, unwanted: 1 });
    expect(metrics.incidents.byCategory).toEqual({ Brann: 1, Kjemikalier: 1 });
    expect(metrics.injuries.years['2025']).toEqual({ yrkesskade: 1, yrkessykdom: 1 });
    expect(metrics.whistleblowing.years['2025']).toMatchObject({ received: 2, critical: 1, notConcluded: 1 });
    expect(metrics.absence.years['2025'].byQuarter['1']).toBe(5);
    expect(metrics.workingTime.years['2025']).toMatchObject({ total: 3, byRule: { uke_over_48: 1, annet: 1 } });
  });
});
