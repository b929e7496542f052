import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { lines, memoryWorkspace, xlsxBytes } from '../support/helpers.js';

const UNITS = `unit_id,name,parent_id,reporting,first_year,last_year
FA,Fellesadministrasjonen,,nei,,
FA-HR,HR,FA,ja,,
NV,Naturvitenskap,,nei,,
NV-IKJ,Kjemi,NV,ja,,
OLD,Nedlagt,NV,ja,,2023
`;

async function build(files: Record<string, string | Uint8Array>, year = 2025) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(memoryWorkspace({ 'units.csv': UNITS, ...files }), year, diagnostics);
  return { errors: lines(diagnostics), metrics: sources && !diagnostics.hasErrors() ? computeMetrics(sources) : null };
}

describe('working-time breaches', () => {
  it('count one a row, or the row’s count, per year, rule and org', async () => {
    const { errors, metrics } = await build({
      'working-time.csv': [
        'unit_id;date;rule;count',
        'FA-HR;2025-01-31;uke_over_48;5',
        'FA-HR;31.03.2025;dag_over_13;',
        'NV-IKJ;2025-02-28;UKE_OVER_48;2',
        'NV-IKJ;2024-06-30;hvile_dogn;7',
        'OLD;2023-01-31;annet;1',
        'FA-HR;2026-01-31;annet;9',
      ].join('\n'),
    });
    expect(errors).toEqual([]);
    const wt = metrics!.workingTime!;
    expect(Object.keys(wt.years)).toEqual(['2023', '2024', '2025']);
    expect(wt.years['2025']).toEqual({
      total: 8,
      byRule: {
        uke_over_48: 7,
        dag_over_13: 1,
        hvile_dogn: 0,
        hvile_uke: 0,
        overtid_uke: 0,
        overtid_4uker: 0,
        overtid_aar: 0,
        annet: 0,
      },
      byOrg: { FA: 6, NV: 2 },
    });
    expect(wt.summary).toMatchObject({
      total: 8,
      previousTotal: 7,
      firstTotal: 1,
      rules: ['uke_over_48', 'dag_over_13'],
      largestOrg: 'FA',
      largestOrgName: 'Fellesadministrasjonen',
    });
    expect(wt.summary!.largestOrgShare).toBeCloseTo(75, 10);
  });

  it('takes a year column instead of a date, also from XLSX', async () => {
    const { errors, metrics } = await build({
      'working-time.xlsx': await xlsxBytes([
        ['unit_id', 'year', 'rule', 'count'],
        ['NV-IKJ', 2025, 'overtid_aar', 3],
      ]),
    });
    expect(errors).toEqual([]);
    expect(metrics!.workingTime!.years['2025']!.byRule.overtid_aar).toBe(3);
  });

  it('reports bad rows at their row and column', async () => {
    const { errors } = await build({
      'working-time.csv': [
        'unit_id,date,year,rule,count',
        'FA-HR,2025-01-31,2024,uke_over_48,1',
        'FA-HR,,,uke_over_48,1',
        'FA-HR,2025-01-31,,for_lenge,1',
        'OLD,2025-01-31,,annet,1',
        'FA-HR,2025-01-31,,annet,-2',
      ].join('\n'),
    });
    expect(errors).toEqual([
      'working-time.csv:2:year: date 2025-01-31 is not in year 2024',
      'working-time.csv:3:date: both date and year are empty: one of them is required',
      'working-time.csv:4:rule: "for_lenge" is not one of "uke_over_48", "dag_over_13", "hvile_dogn", "hvile_uke", "overtid_uke", "overtid_4uker", "overtid_aar", "annet"',
      'working-time.csv:5:unit_id: unit "OLD" does not exist in 2025 (see first_year/last_year in units.csv)',
      'working-time.csv:6:count: -2 is below the smallest allowed value, 0',
    ]);
  });
});
