import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { DEFAULT_CONFIG } from '../../src/sources/config.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { figureInjuries } from '../../src/sources/injuries/report.js';
import { lines, memoryWorkspace, windows1252, xlsxBytes } from '../support/helpers.js';

const UNITS =
  'unit_id,name,parent_id,reporting,first_year,last_year\nØK,Økonomi,,nei,,\nØK-IØT,Industriell økonomi,ØK,ja,,\nGML,Gammel,ØK,ja,,2022\n';

async function load(files: Record<string, string | Uint8Array>, year = 2025) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(memoryWorkspace({ 'units.csv': UNITS, ...files }), year, diagnostics);
  return { sources, errors: lines(diagnostics) };
}

describe('injuries', () => {
  it('counts yrkesskader and yrkessykdommer per year, every year from the first up to the report year', async () => {
    const csv = [
      'case_id;unit_id;date;kind',
      'Y1;ØK-IØT;2022-03-01;Yrkesskade',
      'Y2;GML;15.06.2022;yrkessykdom',
      'Y3;øk-iøt;2025-01-10;YRKESSKADE',
      'Y4;ØK;2025-11-30;yrkesskade',
      'Y5;ØK;2026-01-02;yrkesskade',
    ].join('\r\n');
    const { sources, errors } = await load({ 'injuries.csv': windows1252(csv) });
    expect(errors).toEqual([]);
    expect(computeMetrics(sources!).injuries).toEqual({
      years: {
        '2022': { yrkesskade: 1, yrkessykdom: 1 },
        '2023': { yrkesskade: 0, yrkessykdom: 0 },
        '2024': { yrkesskade: 0, yrkessykdom: 0 },
        '2025': { yrkesskade: 2, yrkessykdom: 0 },
      },
    });
  });

  it('reads XLSX with real dates', async () => {
    const bytes = await xlsxBytes([
      ['Case_ID', 'Unit_ID', 'Date', 'Kind'],
      ['Y1', 'ØK', new Date(Date.UTC(2025, 4, 2)), 'Yrkessykdom'],
    ]);
    const { sources, errors } = await load({ 'injuries.xlsx': bytes });
    expect(errors).toEqual([]);
    expect(computeMetrics(sources!).injuries!.years['2025']).toEqual({ yrkesskade: 0, yrkessykdom: 1 });
  });

  it('reports a bad kind, a bad date, a unit outside its years and a repeated case at file, row and column', async () => {
    const csv = [
      'case_id,unit_id,date,kind',
      'Y0,ØK,2025-01-01,ulykke',
      'Y2,ØK,2025-13-01,yrkesskade',
      'Y3,GML,2024-01-01,yrkesskade',
      'Y1,ØK,2025-02-01,yrkesskade',
      'Y1,ØK,2025-02-01,yrkesskade',
    ].join('\n');
    const { errors } = await load({ 'injuries.csv': csv });
    expect(errors).toEqual([
      'injuries.csv:2:kind: "ulykke" is not one of "yrkesskade", "yrkessykdom"',
      'injuries.csv:3:date: "2025-13-01" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
      'injuries.csv:4:unit_id: unit "GML" does not exist in 2024 (see first_year/last_year in units.csv)',
      'injuries.csv:6:case_id: case_id "Y1" is already used in row 5',
    ]);
  });

  it('draws Figur 2 with a data table, or says that no data was given', async () => {
    const { sources } = await load({
      'injuries.csv': 'case_id,unit_id,date,kind\nY1,ØK,2024-01-01,yrkesskade\nY2,ØK,2025-01-01,yrkessykdom\n',
    });
    let n = 0;
    const context = (metrics: ReturnType<typeof computeMetrics>) => ({
      metrics,
      config: DEFAULT_CONFIG,
      nextNumber: () => ++n,
      sourceData: () => null,
      unitName: (id: string) => id,
    });
    const call = { name: 'figure-injuries', args: [], options: {}, file: 'x.md' };
    const html = await figureInjuries(call, context(computeMetrics(sources!)));
    expect(html).toContain('Figur 1: Totalt antall yrkesskader / yrkessykdom, 2024–2025');
    expect(html).toContain('<tr><th scope="row">2025</th><td class="num">0</td><td class="num">1</td></tr>');
    const empty = await load({});
    expect(await figureInjuries(call, context(computeMetrics(empty.sources!)))).toContain('class="no-data"');
  });
});
