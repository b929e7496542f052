import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { lines, memoryWorkspace } from '../support/helpers.js';

const UNITS = 'unit_id,name,parent_id,reporting\nA,Org A,,nei\n';

async function build(yaml: string) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(
    memoryWorkspace({ 'units.csv': UNITS, 'benchmarks.yaml': yaml }),
    2025,
    diagnostics,
  );
  return { errors: lines(diagnostics), metrics: sources && !diagnostics.hasErrors() ? computeMetrics(sources) : null };
}

describe('benchmarks.yaml', () => {
  it('gives every entry by id and picks the report year’s national, sector and own figures', async () => {
    const { errors, metrics } = await build(`benchmarks:
  - {id: norge, label: Norge, scope: national, measure: total, year: 2025, value: 6.6, source: SSB, period: 1.–3. kvartal, seasonallyAdjusted: true}
  - {id: norge_2024, label: Norge, scope: national, measure: total, year: 2024, value: 6.9, source: SSB, period: 2024}
  - {id: kvinner, label: Kvinner, scope: national, measure: women, year: 2025, range: {min: 8.2, max: 8.5}, source: SSB, period: 1.–3. kvartal}
  - {id: uib, label: UiB, scope: sector, measure: total, year: 2025, value: 4.7, source: BOTT, period: 2025}
  - {id: egen, label: Oss i BOTT, scope: institution, measure: total, year: 2025, value: 4.6, source: BOTT, period: 2025}
`);
    expect(errors).toEqual([]);
    const b = metrics!.benchmarks!;
    expect(Object.keys(b.items)).toEqual(['norge', 'norge_2024', 'kvinner', 'uib', 'egen']);
    expect(b.national.total).toMatchObject({ value: 6.6, min: 6.6, max: 6.6, seasonallyAdjusted: true });
    expect(b.national.women).toMatchObject({ value: null, min: 8.2, max: 8.5, seasonallyAdjusted: false });
    expect(b.national.men).toBeNull();
    expect(Object.keys(b.sector)).toEqual(['uib']);
    expect(b.institution!.value).toBe(4.6);
    expect(b.seasonallyAdjusted).toBe(true);
  });

  it('warns about an entry it cannot read at its line and path, and leaves the table out (the file is free form)', async () => {
    const { errors } = await build(`benchmarks:
  - id: norge
    label: Norge
    scope: landet
    measure: total
    year: 2025
    value: 6.6
    range: {min: 1, max: 2}
    source: SSB
    period: 2025
`);
    const note =
      ' (benchmarks.yaml is free form, but the report reads only the form in docs/workspace.md: the benchmark table is left out)';
    expect(errors).toEqual([
      `benchmarks.yaml:4:benchmarks.0.scope: warning: Invalid option: expected one of "national"|"sector"|"institution"${note}`,
    ]);
    const both = await build(
      'benchmarks:\n  - {id: a, label: A, scope: sector, measure: total, year: 2025, value: 1, range: {min: 1, max: 2}, source: X, period: 2025}\n',
    );
    expect(both.errors).toEqual([
      `benchmarks.yaml:2:benchmarks.0: warning: give either value or range (not both)${note}`,
    ]);
    expect(both.metrics).not.toBeNull();
    expect(both.metrics!.benchmarks).toBeUndefined();
  });
});
