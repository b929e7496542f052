import { describe, expect, it } from 'vitest';
import { buildMetrics, cli, cp1252, writeWorkspace } from '../support/contract.js';
import { xlsxBytes } from '../support/helpers.js';
import { openCsv } from '../../src/workspace/csv.js';

/** Smaller workspaces for contract corners the larger contract tests do not reach. */

const UNITS =
  'unit_id,name,parent_id,reporting,first_year,last_year\nA,Fakultet A,,nei,,\nA-1,Institutt,A,ja,,\nA-2,Nytt institutt,A,ja,2025,\nA-0,Nedlagt,A,ja,,2023\n';

describe('contract corners: rows and years', () => {
  it('reports a problem in a record with a quoted line break at the line the record ends on, and later rows at their own line', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'injuries.csv':
        'case_id,unit_id,date,kind,merknad\nS1,A-1,2025-01-01,brudd,"første linje\nandre linje"\nS2,A-1,2025-01-02,yrkessykdom,\nS3,A-1,2025-01-03,ukjent,\n',
    });
    const { status, stderr } = await cli(['validate', '2025', '--data', dir]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^injuries\.csv:3:kind: .*brudd/m);
    expect(stderr).toMatch(/^injuries\.csv:5:kind: .*ukjent/m);
  });

  it('numbers CSV rows by the line they end on, whatever the line endings and however the file is chunked', async () => {
    const files = {
      // Excel on Windows: CRLF between records, LF inside a quoted cell.
      excel: 'id,tekst\r\na,"én\nto"\r\nb,x\r\n\r\nc,y\r\n',
      // A browser's CRLF inside a free-text answer.
      browser: 'id,tekst\r\na,"én\r\nto"\r\nb,x\r\n\r\nc,y\r\n',
      mixed: 'id,tekst\na,"én\nto"\nb,x\r\n\r\nc,y\n',
      mac: 'id,tekst\ra,"én\rto"\rb,x\r\rc,y',
    };
    for (const [name, text] of Object.entries(files)) {
      const bytes = new TextEncoder().encode(text);
      for (const size of [1, 2, 3, 1 << 20]) {
        const table = await openCsv(`${name}.csv`, async function* () {
          for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
        });
        const rows: [number, string][] = [];
        for await (const { row, cells } of table.rows()) rows.push([row, String(cells[0])]);
        expect(rows, `${name}, chunks of ${size}`).toEqual([
          [3, 'a'],
          [4, 'b'],
          [6, 'c'],
        ]);
        expect(table.header).toEqual(['id', 'tekst']);
      }
    }
  });

  it('matches unit ids in any case and however an å is encoded', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nSÅ,Senter,,ja,,\nSÅ-1,Gruppe,sÅ,ja,,\n',
      'injuries.csv': `case_id,unit_id,date,kind\nS1,SA\u030a-1,2025-01-01,yrkesskade\nS2,så-1,2025-01-02,yrkessykdom\n`,
      'incidents.csv':
        'case_id,unit_id,registered_date,case_type,category,status,closed_date,severity_person_actual,severity_person_potential,severity_material_actual,severity_material_potential,severity_environment_actual,severity_environment_potential\nE1,SA\u030a-1,2025-01-01,avvik,,åpen,,,,,,,\n',
    });
    const { metrics } = await buildMetrics(dir, 2025);
    expect(metrics.injuries.years['2025']).toEqual({ yrkesskade: 1, yrkessykdom: 1 });
    expect(metrics.incidents.byOrg).toEqual({ SÅ: 1 });
  });

  it('reports a survey submission from a unit that does not exist in the export year', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'survey/questions.yaml':
        'unit_column: enhet\nscales:\n  jn: {options: {"1": Ja, "2": Nei}, positive: ["1"]}\nquestions:\n  - {id: q1, section: "1", theme: Tema, scale: jn, column: q1}\n',
      'survey/2024.csv':
        '$submission_id;$created;enhet;q1\n1;01.03.2024 10:15;A-1;1\n2;01.03.2024 10:16;A-2;1\n3;01.03.2024 10:17;A-0;1\n',
    });
    const { status, stderr } = await cli(['validate', '2024', '--data', dir]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^survey\/2024\.csv:3:enhet: .*A-2.*2024/m);
    expect(stderr).toMatch(/^survey\/2024\.csv:4:enhet: .*A-0.*2024/m);
  });

  it('counts responded units per year from Norwegian timestamps, and the units a year reports', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'survey/questions.yaml':
        'unit_column: enhet\nscales:\n  jn: {options: {"1": Ja, "2": Nei}, positive: ["1"]}\nquestions:\n  - {id: q1, section: "1", theme: Tema, scale: jn, column: q1}\n',
      'survey/2025.csv': '$submission_id;$created;enhet;q1\n1;01.03.2025 10:15;A-1;1\n2;02.03.2025 09:00;A-1;2\n',
    });
    const { metrics } = await buildMetrics(dir, 2025);
    // 2025: A-1 and A-2 report (A-0 ended 2023); A-1's latest submission (2) says Nei.
    expect(metrics.units).toMatchObject({ reporting: 2, responded: 1 });
    expect(metrics.survey.questions.q1.years['2025']).toMatchObject({
      positive: 0,
      applicable: 1,
      missing: 0,
      percent: 0,
      light: 'red',
    });
  });

  it('lights exactly 80 and exactly 50 yellow with the default thresholds, above 80 green, below 50 red', async () => {
    const units = [
      'unit_id;name;parent_id;reporting;first_year;last_year',
      'F;Fakultet;;nei;;',
      ...[1, 2, 3, 4, 5].map((i) => `E${i};Enhet ${i};F;ja;;`),
    ];
    const answers = [
      // a: 4 of 5 = 80; b: 2 of 4 answered (E5 empty) = 50; c: 5 of 5; d: 2 of 5 (Vet ikke is not positive) = 40.
      ['1', '1', '1', '1'],
      ['1', '1', '1', '1'],
      ['1', '2', '1', '-1'],
      ['1', '2', '1', '2'],
      ['2', '', '1', '-1'],
    ];
    const dir = writeWorkspace({
      'units.csv': units.join('\n'),
      'survey/questions.yaml':
        'unit_column: enhet\nscales:\n  jn: {options: {"1": Ja, "2": Nei, "-1": Vet ikke}, positive: ["1"]}\nquestions:\n' +
        ['a', 'b', 'c', 'd'].map((id) => `  - {id: ${id}, section: "1", theme: Tema ${id}, scale: jn}\n`).join(''),
      'survey/2025.csv': [
        '$submission_id,$created,enhet,a,b,c,d',
        ...answers.map((a, i) => `${i + 1},2025-02-0${i + 1},E${i + 1},${a.join(',')}`),
      ].join('\n'),
    });
    const { metrics } = await buildMetrics(dir, 2025);
    const q = metrics.survey.questions;
    expect(q.a.years['2025']).toMatchObject({ positive: 4, applicable: 5, missing: 0, percent: 80, light: 'yellow' });
    expect(q.b.years['2025']).toMatchObject({ positive: 2, applicable: 4, missing: 1, percent: 50, light: 'yellow' });
    expect(q.c.years['2025']).toMatchObject({ positive: 5, applicable: 5, percent: 100, light: 'green' });
    expect(q.d.years['2025']).toMatchObject({ positive: 2, applicable: 5, percent: 40, light: 'red' });
    expect(metrics.units).toMatchObject({ reporting: 5, responded: 5 });
  });

  it('keeps every year of working time from the first in the data to the report year, a year without breaches as 0', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'working-time.csv': 'unit_id\tyear\trule\tcount\nA-1\t2022\tannet\t2\nA-1\t2024\tuke_over_48\t3\n',
    });
    const { metrics } = await buildMetrics(dir, 2025);
    expect(Object.keys(metrics.workingTime.years)).toEqual(['2022', '2023', '2024', '2025']);
    expect(metrics.workingTime.years['2023'].total).toBe(0);
    expect(metrics.workingTime.years['2025'].total).toBe(0);
    expect(metrics.workingTime.years['2024']).toMatchObject({ total: 3, byOrg: { A: 3 } });
  });
});

describe('contract corners: sick leave forms', () => {
  it('reads person rows by quarter, K/M spelt out, Windows-1252 and tab-separated', async () => {
    const rows = [
      'år\tyear\tquarter\tunit_id\tgender\tposition_code\temployee_id\tagreed_days\tself_certified_days\tdoctor_certified_days',
    ];
    for (const [id, gender] of [
      ['p1', 'Kvinne'],
      ['p2', 'MANN'],
      ['p3', 'k'],
    ] as const) {
      rows.push(`å\t2025\t1\tA-1\t${gender}\t1065\t${id}\t60,5\t0,5\t1`);
      rows.push(`å\t2025\t2\tA-1\t${gender}\t1065\t${id}\t60,5\t0\t0`);
    }
    const dir = writeWorkspace({
      'hms-report.config.yaml': 'suppression:\n  minPersons: 2\n',
      'units.csv': UNITS,
      'absence.csv': cp1252(rows.join('\r\n')),
    });
    const { metrics } = await buildMetrics(dir, 2025);
    const y = metrics.absence.years['2025'];
    expect(y.total).toBeCloseTo((100 * 4.5) / 363, 10);
    expect(y.self).toBeCloseTo((100 * 1.5) / 363, 10);
    expect(y.doctor).toBeCloseTo((100 * 3) / 363, 10);
    expect(y.byGroup['teknisk-administrativ']).toBeCloseTo((100 * 4.5) / 363, 10);
    // One man: suppressed, and women then too, or the men's rate would follow from the total.
    expect(y.byGender).toEqual({ K: null, M: null });
    expect(y.byQuarter['1']).toBeCloseTo((100 * 4.5) / 181.5, 10);
    expect(y.byQuarter['2']).toBeCloseTo(0, 10);
  });

  it('takes aggregated monthly rows at the largest month for a quarter and the year', async () => {
    const dir = writeWorkspace({
      'hms-report.config.yaml': 'suppression: {minPersons: 4}\n',
      'units.csv': UNITS,
      'absence.csv': [
        'year,month,unit_id,gender,position_code,persons,agreed_days,self_certified_days,doctor_certified_days',
        '2025,1,A-1,K,1011,2,40,1,1',
        '2025,1,A-1,M,1011,2,40,0,2',
        '2025,2,A-1,K,1011,3,60,0,3',
        '2025,2,A-1,M,1011,1,20,0,0',
        '2025,4,A-1,K,1011,2,40,0,0',
        '2025,4,A-1,M,1011,2,40,2,"2,0"',
      ].join('\n'),
    });
    const { metrics } = await buildMetrics(dir, 2025);
    const y = metrics.absence.years['2025'];
    // Months hold 4, 4 and 4 persons: every quarter and the year are shown.
    expect(y.total).toBeCloseTo((100 * 11) / 240, 10);
    expect(y.byQuarter['1']).toBeCloseTo((100 * 7) / 160, 10);
    expect(y.byQuarter['2']).toBeCloseTo((100 * 4) / 80, 10);
    // Women: at most 3 in a month (not 2 + 3 + 2 = 7): hidden; men likewise.
    expect(y.byGender).toEqual({ K: null, M: null });
    expect(y.byGroup.vitenskapelig).toBeCloseTo((100 * 11) / 240, 10);
  });

  it('lets the workspace position-codes table extend the bundled one, and rejects codes in neither', async () => {
    const absence = await xlsxBytes([
      [
        'year',
        'quarter',
        'unit_id',
        'gender',
        'position_code',
        'persons',
        'agreed_days',
        'self_certified_days',
        'doctor_certified_days',
      ],
      [2025, 1, 'A-1', 'K', 7777, 5, 100, 1, 1],
      [2025, 1, 'A-1', 'K', 8888, 5, 100, 1, 1],
    ]);
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'position-codes.csv': 'position_code,title,group\n7777,Spesialist,teknisk-administrativ\n',
      'absence.xlsx': absence,
    });
    const { status, stderr } = await cli(['validate', '2025', '--data', dir]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^absence\.xlsx:3:position_code: .*8888/m);
    expect(stderr).not.toMatch(/absence\.xlsx:2:/);
  });
});

describe('contract corners: free-form benchmarks.yaml', () => {
  it('builds with a benchmarks.yaml of another form, warning that its table is left out', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'benchmarks.yaml': 'nasjonalt:\n  2025: {sykefravaer: 6.6, kilde: SSB}\nsektor: [UiO 4.1, UiB 4.7]\n',
      'absence.csv':
        'year,quarter,unit_id,gender,position_code,persons,agreed_days,self_certified_days,doctor_certified_days\n2025,1,A-1,K,1011,9,100,1,1\n',
    });
    const { metrics, result } = await buildMetrics(dir, 2025);
    expect(result.stderr).toMatch(/^benchmarks\.yaml:\d+:[^:]*: warning: /m);
    expect(metrics.absence.years['2025'].total).toBeCloseTo(2, 10);
  });
});

describe('contract corners: YAML files saved as Windows-1252', () => {
  it('reads æøå in the config and the question catalogue whether UTF-8 or Windows-1252', async () => {
    const dir = writeWorkspace({
      'hms-report.config.yaml': cp1252('institution: Høgskolen i Østfold\n'),
      'units.csv': UNITS,
      'survey/questions.yaml': cp1252(
        'unit_column: enhet\nscales:\n  jn: {options: {"1": Ja, "2": Nei}, positive: ["1"]}\nquestions:\n  - {id: mål, section: "1", theme: Målsetting for året, scale: jn, column: q1}\n',
      ),
      'survey/2025.csv': '$submission_id;$created;enhet;q1\n1;2025-03-01;A-1;1\n',
    });
    const { metrics } = await buildMetrics(dir, 2025);
    expect(metrics.institution).toBe('Høgskolen i Østfold');
    expect(metrics.survey.questions['mål']).toMatchObject({
      theme: 'Målsetting for året',
      years: { '2025': { positive: 1, applicable: 1 } },
    });
  });
});

describe('contract corners: the command line', () => {
  it('takes the current folder as the workspace when it holds units.xlsx', async () => {
    const units = await xlsxBytes([
      ['unit_id', 'name', 'parent_id', 'reporting', 'first_year', 'last_year'],
      ['X', 'Enhet X', null, 'ja', null, null],
    ]);
    const dir = writeWorkspace({ 'units.xlsx': units });
    const { status, stderr } = await cli(['validate', '2025'], dir);
    expect(stderr).not.toMatch(/bundled samples/);
    expect(status).toBe(0);
  });
});
