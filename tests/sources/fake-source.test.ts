import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { diffMetrics, renderDiff } from '../../src/diff/index.js';
import { planWorkspace } from '../../src/init/index.js';
import { buildContext, planBuild } from '../../src/pipeline.js';
import type { Component } from '../../src/report/component.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import * as xlsx from '../../src/report/sheets.js';
import { loadTemplates } from '../../src/report/templates.js';
import { defineSource } from '../../src/sources/descriptor.js';
import { SOURCES } from '../../src/sources/registry.js';
import { integer, text, date } from '../../src/workspace/cells.js';
import { nodeFileSystem } from '../../src/workspace/files.js';
import { headerOf, readRows, tableSpec } from '../../src/workspace/rows.js';
import { memoryWorkspace } from '../support/helpers.js';

/**
 * A new kind of export added the way ARCHITECTURE.md says — one descriptor
 * and one more entry in the list of sources, here written in the test and
 * given to each step instead of a folder and a line in registry.ts — must
 * reach every part of the tool without touching any other file: read,
 * metrics.json, a component in the report, a sheet in tables.xlsx, a header
 * from `init` and its figures in `diff`, read by its own diff rules.
 */

/** Vernerunder (safety rounds): one row a round, with the number of findings. */
const safetyRoundsSpec = tableSpec({
  columns: { unit_id: text(), date: date(), findings: integer({ min: 0 }), note: text({ optional: true }) },
  optional: ['note'],
});

interface SafetyRounds {
  rounds: { year: number; unitId: string; findings: number }[];
}
interface SafetyRoundsMetrics {
  /** `shareWithFindings`: the percentage of rounds that found anything. */
  years: Record<string, { rounds: number; findings: number; shareWithFindings: number }>;
}

const tableSafetyRounds: Component = (_call, { metrics }) => {
  const part = (metrics as unknown as { safetyRounds?: SafetyRoundsMetrics }).safetyRounds;
  if (!part) return '<p class="no-data">Ingen vernerunder.</p>';
  const rows = Object.entries(part.years).map(
    ([year, v]) => `<tr><th scope="row">${escapeHtml(year)}</th><td>${v.rounds}</td><td>${v.findings}</td></tr>`,
  );
  return `<table class="safety-rounds"><caption>Vernerunder</caption><tbody>${rows.join('')}</tbody></table>`;
};

const safetyRounds = defineSource<SafetyRounds, SafetyRoundsMetrics>({
  key: 'safetyRounds',
  tables: [
    {
      name: 'safety-rounds',
      spec: safetyRoundsSpec,
      about: 'safety rounds, one row a round',
      origin: 'the HMS department',
      columnsNote: '`findings` is the number of findings.',
    },
  ],
  async read({ workspace, units, diagnostics }) {
    const table = await workspace.table('safety-rounds', diagnostics);
    if (!table) return null;
    const rounds: SafetyRounds['rounds'] = [];
    for await (const { row, value } of readRows(table, safetyRoundsSpec, diagnostics)) {
      const year = Number(value.date.slice(0, 4));
      const place = { file: table.file, row, column: headerOf(table, 'unit_id') };
      if (!units.check(value.unit_id, year, place, diagnostics)) continue;
      rounds.push({ year, unitId: units.canonicalId(value.unit_id), findings: value.findings });
    }
    return { rounds };
  },
  metrics(data) {
    const years: SafetyRoundsMetrics['years'] = {};
    for (const year of new Set(data.rounds.map((round) => round.year))) {
      const rounds = data.rounds.filter((round) => round.year === year);
      years[year] = {
        rounds: rounds.length,
        findings: rounds.reduce((sum, round) => sum + round.findings, 0),
        shareWithFindings: (100 * rounds.filter((round) => round.findings > 0).length) / rounds.length,
      };
    }
    return { years };
  },
  components: { 'table-safety-rounds': tableSafetyRounds },
  yearView: (metrics, year) => ({
    safetyRounds: (metrics as unknown as { safetyRounds?: SafetyRoundsMetrics }).safetyRounds?.years[year] ?? null,
  }),
  sheets: (metrics) =>
    xlsx.yearlySheet(
      'Vernerunder',
      (metrics as unknown as { safetyRounds?: SafetyRoundsMetrics }).safetyRounds?.years,
      [
        ['Runder', (v) => v.rounds],
        ['Funn', (v) => v.findings],
      ],
    ),
  diff: { isPercentage: (keys) => keys.at(-1) === 'shareWithFindings' },
});

const SOURCES_WITH_SAFETY_ROUNDS = [...SOURCES, safetyRounds];

const workspace = () =>
  memoryWorkspace({
    'units.csv': 'unit_id;name;parent_id;reporting\nA;Fakultet A;;ja\nB;Institutt B;A;ja\n',
    'safety-rounds.csv': 'unit_id;date;findings\nB;2024-05-02;3\nA;2024-10-01;0\nB;2025-03-01;2\nA;2025-09-15;4\n',
    'content/2025/01-vernerunder.md':
      '# Vernerunder\n\nI {{year}} ble det gjennomført {{count current.safetyRounds.rounds}} vernerunder.\n\n{{table-safety-rounds}}\n',
  });

describe('a source added as one descriptor', () => {
  it('is read, computed, rendered and put in tables.xlsx by the build', async () => {
    const plan = await planBuild(
      workspace(),
      buildContext(2025, {}, SOURCES_WITH_SAFETY_ROUNDS),
      await loadTemplates(nodeFileSystem),
      { formats: ['html', 'json'] },
    );
    expect((plan.metrics as unknown as Record<string, unknown>).safetyRounds).toEqual({
      years: {
        2024: { rounds: 2, findings: 3, shareWithFindings: 50 },
        2025: { rounds: 2, findings: 6, shareWithFindings: 100 },
      },
    });
    expect(plan.html).toContain('I 2025 ble det gjennomført 2 vernerunder.');
    expect(plan.html).toMatch(/<table class="safety-rounds">.*<th scope="row">2025<\/th><td>2<\/td><td>6<\/td>/s);

    const tables = plan.files.find((f) => f.path === '2025/tables.xlsx')!.contents as Uint8Array;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(tables as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Vernerunder')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'År', 'Runder', 'Funn']);
    expect(sheet.getRow(3).values).toEqual([undefined, '2025', 2, 6]);
  });

  it('is reported at FILE:ROW:COLUMN like every source when a row is wrong', async () => {
    const ws = memoryWorkspace({
      'units.csv': 'unit_id;name;parent_id;reporting\nA;Fakultet A;;ja\n',
      'safety-rounds.csv': 'unit_id;date;findings\nX;2025-03-01;2\n',
    });
    const build = planBuild(
      ws,
      buildContext(2025, {}, SOURCES_WITH_SAFETY_ROUNDS),
      await loadTemplates(nodeFileSystem),
    );
    await expect(build).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ file: 'safety-rounds.csv', row: 2, column: 'unit_id' })],
    });
  });

  it('gets a header from init and a row in its README', () => {
    const files = planWorkspace({ catalogue: '', benchmarks: null }, SOURCES_WITH_SAFETY_ROUNDS);
    expect(files.find((f) => f.path === 'safety-rounds.csv')?.contents).toBe('\ufeffunit_id;date;findings;note\r\n');
    expect(files.find((f) => f.path === 'README.md')?.contents).toContain(
      '| `safety-rounds.csv` | safety rounds, one row a round | the HMS department |',
    );
    expect(planWorkspace({ catalogue: '', benchmarks: null }).some((f) => f.path === 'safety-rounds.csv')).toBe(false);
  });

  it('has its figures compared year by year by diff, its share in percentage points', () => {
    const metrics = (year: number, rounds: number, shareWithFindings: number) => ({
      year,
      safetyRounds: { years: { [year]: { rounds, shareWithFindings } } },
    });
    const diff = diffMetrics(metrics(2024, 2, 50), metrics(2025, 3, 66.7), 'years', SOURCES_WITH_SAFETY_ROUNDS);
    expect(diff.changes).toEqual([
      expect.objectContaining({ label: 'safetyRounds.years.2024→2025.rounds', delta: 1, percent: false }),
      expect.objectContaining({ label: 'safetyRounds.years.2024→2025.shareWithFindings', delta: 16.7, percent: true }),
    ]);
    expect(renderDiff(diff, { a: '2024', b: '2025' }, 'text', { color: false })).toContain('+16,7\u00a0pp');
  });
});
