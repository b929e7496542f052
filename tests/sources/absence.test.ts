import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { suppressComplements } from '../../src/sources/absence/metrics.js';
import type { AbsenceMetrics } from '../../src/metrics/types.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { DEFAULT_CONFIG } from '../../src/sources/config.js';
import type { Metrics } from '../../src/metrics/types.js';
import { figureAbsenceOrg, figureAbsenceQuarter } from '../../src/sources/absence/report.js';
import { absenceBenchmarks } from '../../src/sources/benchmarks/report.js';
import type { ComponentContext } from '../../src/report/component.js';
import { lines, memoryWorkspace, windows1252, xlsxBytes } from '../support/helpers.js';

const UNITS = `unit_id;name;parent_id;reporting;first_year;last_year
A;Org A;;nei;;
A1;Enhet A1;A;ja;;
A2;Enhet A2;A;ja;;
A3;Enhet A3;A;ja;;
ØK;Økonomi;;nei;;
ØK1;Økonomi 1;ØK;ja;;
OLD;Nedlagt;ØK;ja;;2022
`;

const AGGREGATED =
  'year;quarter;unit_id;gender;position_code;persons;agreed_days;self_certified_days;doctor_certified_days';

async function build(files: Record<string, string | Uint8Array>, year = 2025) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(memoryWorkspace({ 'units.csv': UNITS, ...files }), year, diagnostics);
  return {
    diagnostics,
    metrics: sources && !diagnostics.hasErrors() ? computeMetrics(sources) : null,
    errors: lines(diagnostics),
  };
}

async function absence(files: Record<string, string | Uint8Array>, year = 2025): Promise<AbsenceMetrics> {
  const { metrics, errors } = await build(files, year);
  expect(errors).toEqual([]);
  return metrics!.absence!;
}

describe('sick leave rates', () => {
  it('are Σ absence / Σ agreed days, never an average of the units’ rates', async () => {
    // A1: 10 of 100 days (10 %), A2: 10 of 1 000 (1 %): 20 / 1 100 = 1,82 %, where an average of rates would say 5,5 %.
    const a = await absence({
      'absence.csv': [AGGREGATED, '2025;1;A1;K;1013;10;100;4;6', '2025;1;A2;M;1065;10;1000;2;8'].join('\n'),
    });
    expect(a.years['2025']!.total).toBeCloseTo((100 * 20) / 1100, 10);
    expect(a.years['2025']!.self).toBeCloseTo((100 * 6) / 1100, 10);
    expect(a.years['2025']!.doctor).toBeCloseTo((100 * 14) / 1100, 10);
    expect(a.byUnit['2025']).toEqual({ A1: 10, A2: 1 });
    expect(a.byOrg['2025']!.A).toBeCloseTo((100 * 20) / 1100, 10);
    expect(a.years['2025']!.byGroup).toEqual({ vitenskapelig: 10, 'teknisk-administrativ': 1 });
  });

  it('cover the report year and the two before it, and mark the highest quarter', async () => {
    const rows = [AGGREGATED];
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      for (const q of [1, 2, 3, 4]) rows.push(`${year};${q};A1;K;1017;10;100;1;${q === 3 ? 5 : 2}`);
    }
    const a = await absence({ 'absence.csv': rows.join('\n') });
    expect(Object.keys(a.years)).toEqual(['2023', '2024', '2025']);
    expect(a.years['2025']!.highestQuarter).toBe('3');
    expect(a.years['2025']!.stipendiat).toBeCloseTo((100 * (1 * 4 + 11)) / 400, 10);
    expect(a.summary!.highestQuarterEveryYear).toBe(true);
  });
});

describe('suppression', () => {
  const rows = (a3Persons: number) =>
    [
      AGGREGATED,
      '2025;1;A1;K;1013;20;1000;10;30',
      '2025;1;A2;K;1013;8;300;3;6',
      '2025;1;A2;M;1013;8;300;3;9',
      `2025;1;A3;M;1013;${a3Persons};200;5;10`,
    ].join('\n');

  it('hides a unit with fewer than minPersons persons, and the next smallest unit of its org with it', async () => {
    const a = await absence({ 'absence.csv': rows(3) });
    // A3 alone hidden: its rate would be the org's total minus A1 and A2. A2 (600 days) is the next smallest.
    expect(a.byUnit['2025']).toEqual({ A1: 4, A2: null, A3: null });
    expect(a.byOrg['2025']!.A).not.toBeNull();
  });

  it('shows every unit when each has enough persons', async () => {
    const a = await absence({ 'absence.csv': rows(5) });
    expect(a.byUnit['2025']!.A3).toBeCloseTo(7.5, 10);
    expect(a.byUnit['2025']!.A2).toBeCloseTo(3.5, 10);
  });

  it('hides the other gender too when one gender is hidden', async () => {
    const a = await absence({
      'absence.csv': [AGGREGATED, '2025;1;A1;K;1013;30;1000;10;30', '2025;1;A1;M;1013;2;100;1;1'].join('\n'),
    });
    expect(a.years['2025']!.byGender).toEqual({ K: null, M: null });
    expect(a.years['2025']!.total).not.toBeNull();
    expect(a.years['2025']!.quarterByGender!['1']).toEqual({ K: null, M: null });
  });

  it('counts a year’s persons in aggregated rows as its largest quarter’s, not the sum of the quarters', async () => {
    // Four persons in each quarter: 16 person-quarters, but never 5 people at once.
    const quarters = [1, 2, 3, 4].map((q) => `2025;${q};A1;K;1013;4;240;2;2`);
    const a = await absence({ 'absence.csv': [AGGREGATED, ...quarters].join('\n') });
    expect(a.years['2025']!.total).toBeNull();
    expect(a.byUnit['2025']!.A1).toBeNull();
  });

  it('hides a second org when one org is hidden, since the institution’s total is shown', async () => {
    const a = await absence({
      'absence.csv': [
        AGGREGATED,
        '2025;1;A1;K;1013;20;1000;10;30',
        '2025;1;A1;M;1013;20;1000;10;30',
        '2025;1;ØK1;K;1013;2;100;1;1',
        '2025;1;ØK1;M;1013;2;100;1;1',
      ].join('\n'),
    });
    expect(a.byOrg['2025']).toEqual({ A: null, ØK: null });
    expect(a.years['2025']!.total).not.toBeNull();
  });

  it('follows suppression.minPersons from the config', async () => {
    const a = await absence({ 'hms-report.config.yaml': 'suppression: {minPersons: 2}', 'absence.csv': rows(3) });
    expect(a.byUnit['2025']!.A3).toBeCloseTo(7.5, 10);
  });
});

describe('the two forms of absence.csv', () => {
  // Nine people over a year: the same months, units, genders and codes in both forms.
  const people = [
    ['p1', 'A1', 'K', '1013'],
    ['p2', 'A1', 'K', '1013'],
    ['p3', 'A1', 'M', '1017'],
    ['p4', 'A1', 'M', '1017'],
    ['p5', 'A1', 'K', '1017'],
    ['p6', 'A2', 'K', '1065'],
    ['p7', 'A2', 'M', '1065'],
    ['p8', 'A2', 'K', '1364'],
    ['p9', 'A2', 'M', '1364'],
  ] as const;
  const personRows: string[] = [
    'employee_id;year;month;unit_id;gender;position_code;agreed_days;self_certified_days;doctor_certified_days',
  ];
  const cells = new Map<string, { persons: Set<string>; agreed: number; self: number; doctor: number }>();
  people.forEach(([id, unit, gender, code], p) => {
    for (let month = 1; month <= 12; month++) {
      const agreed = 20 + ((p + month) % 3);
      const self = (p * month) % 4 === 0 ? 1 : 0;
      const doctor = (p + month) % 5 === 0 ? 3.5 : 0;
      personRows.push(`${id};2025;${month};${unit};${gender};${code};${agreed};${self};${doctor}`);
      const key = `2025;${Math.ceil(month / 3)};${unit};${gender};${code}`;
      const cell = cells.get(key) ?? { persons: new Set<string>(), agreed: 0, self: 0, doctor: 0 };
      cell.persons.add(id);
      cell.agreed += agreed;
      cell.self += self;
      cell.doctor += doctor;
      cells.set(key, cell);
    }
  });
  const aggregatedRows = [
    AGGREGATED,
    ...[...cells].map(([key, c]) => `${key};${c.persons.size};${c.agreed};${c.self};${c.doctor}`),
  ];

  it('give the same rates for the same people', async () => {
    const config = { 'hms-report.config.yaml': 'suppression: {minPersons: 2}' };
    const person = await absence({ ...config, 'absence.csv': personRows.join('\n') });
    const aggregated = await absence({ ...config, 'absence.csv': aggregatedRows.join('\n') });
    const rounded = (a: AbsenceMetrics) =>
      JSON.parse(JSON.stringify(a, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));
    expect(rounded(person)).toEqual(rounded(aggregated));
    expect(person.years['2025']!.total).not.toBeNull();
    expect(person.byUnit['2025']!.A1).not.toBeNull();
  });

  it('count distinct employee ids in person rows: five people in a unit all year are enough, four are not', async () => {
    const only = (unit: string) => [personRows[0], ...personRows.filter((r) => r.includes(`;${unit};`))].join('\n');
    expect((await absence({ 'absence.csv': only('A1') })).byUnit['2025']!.A1).not.toBeNull();
    expect((await absence({ 'absence.csv': only('A2') })).byUnit['2025']!.A2).toBeNull();
    // Together, A2 is hidden for its four people and A1 with it, else A1 = org − A2 would give A2 away.
    const both = await absence({ 'absence.csv': personRows.join('\n') });
    expect(both.byUnit['2025']).toEqual({ A1: null, A2: null });
    expect(both.byOrg['2025']!.A).not.toBeNull();
  });

  it('read an XLSX export with numbers and a Windows-1252 CSV with æøå alike', async () => {
    const header = [
      'year',
      'quarter',
      'unit_id',
      'gender',
      'position_code',
      'persons',
      'agreed_days',
      'self_certified_days',
      'doctor_certified_days',
    ];
    const data = [
      [2025, 1, 'ØK1', 'kvinne', 1013, 6, 120.5, 1.5, 3],
      [2025, 1, 'ØK1', 'mann', 1065, 6, 119.5, 0.5, 1],
    ];
    const xlsx = await absence({ 'absence.xlsx': await xlsxBytes([header, ...data]) });
    const csv = await absence({
      'absence.csv': windows1252(
        [header.join(';'), ...data.map((r) => r.map((v) => String(v).replace('.', ',')).join(';'))].join('\r\n'),
      ),
    });
    expect(xlsx.byOrg['2025']).toEqual(csv.byOrg['2025']);
    expect(csv.byOrg['2025']!['ØK']).toBeCloseTo((100 * 6) / 240, 10);
    expect(csv.years['2025']!.byGender.K).toBeCloseTo((100 * 4.5) / 120.5, 10);
  });
});

describe('validation of absence.csv', () => {
  it('reports every problem at its file, row and column', async () => {
    const { errors, metrics } = await build({
      'absence.csv': [
        AGGREGATED,
        '2025;1;A1;K;1013;10;100;-1;2',
        '2025;5;A1;K;1013;10;100;1;2',
        '2025;1;A1;X;1013;10;100;1;2',
        '2025;1;NOPE;K;1013;10;100;1;2',
        '2025;1;OLD;K;1013;10;100;1;2',
        '2025;1;A1;K;9999;10;100;1;2',
        '2025;1;A1;K;1013;10;10;6;5',
        '2025;1;A1;K;1013;10;100;1;2',
      ].join('\n'),
    });
    expect(metrics).toBeNull();
    expect(errors).toEqual([
      'absence.csv:2:self_certified_days: -1 is below the smallest allowed value, 0',
      'absence.csv:3:quarter: 5 is above the largest allowed value, 4',
      'absence.csv:4:gender: "X" is not one of "K", "M"',
      'absence.csv:5:unit_id: unit_id "NOPE" is not in units.csv',
      'absence.csv:6:unit_id: unit "OLD" does not exist in 2025 (see first_year/last_year in units.csv)',
      'absence.csv:7:position_code: stillingskode "9999" is not in the bundled table: add it to position-codes.csv (position_code, title, group)',
      'absence.csv:8:agreed_days: self_certified_days + doctor_certified_days (11) exceed agreed_days (10)',
    ]);
  });

  it('requires the id or the persons, and the month or the quarter, in every row of the file’s form', async () => {
    const person = await build({
      'absence.csv':
        'employee_id;year;month;unit_id;gender;position_code;agreed_days;self_certified_days;doctor_certified_days\n;2025;1;A1;K;1017 Stipendiat;20;0;0\ne1;2025;;A1;K;1017;20;0;0',
    });
    expect(person.errors).toEqual([
      'absence.csv:2:employee_id: is empty, but a value is required',
      'absence.csv:3:month: is empty, but a value is required',
    ]);
    const aggregated = await build({ 'absence.csv': [AGGREGATED, '2025;1;A1;K;1013;;100;1;2'].join('\n') });
    expect(aggregated.errors).toEqual(['absence.csv:2:persons: is empty, but a value is required']);
  });

  it('validates rows of every year, also those the report does not show', async () => {
    const { errors } = await build({
      'absence.csv': [AGGREGATED, '2019;1;A1;K;1013;10;100;1;2', '2019;13;A1;K;1013;10;100;1;2'].join('\n'),
    });
    expect(errors).toEqual(['absence.csv:3:quarter: 13 is above the largest allowed value, 4']);
  });

  it('refuses a file that mixes the two forms', async () => {
    const { errors } = await build({
      'absence.csv':
        'year;month;unit_id;gender;position_code;employee_id;persons;agreed_days;self_certified_days;doctor_certified_days\n2025;1;A1;K;1013;e1;1;20;0;0',
    });
    expect(errors).toEqual([
      'absence.csv:1:persons: both "employee_id" and "persons" are given: a file uses one of them (see the data contract)',
    ]);
  });

  it('names a missing column', async () => {
    const { errors } = await build({
      'absence.csv':
        'year;quarter;unit_id;gender;persons;agreed_days;self_certified_days;doctor_certified_days\n2025;1;A1;K;1;20;0;0',
    });
    expect(errors).toEqual(['absence.csv:1:position_code: required column "position_code" is missing']);
  });

  it('takes stillingskoder from the workspace’s position-codes.csv beside the bundled table', async () => {
    const a = await absence({
      'position-codes.csv':
        'position_code;title;group\n8888;Lokal forsker;vitenskapelig\n1065;Konsulent (lokal);vitenskapelig',
      'absence.csv': [
        AGGREGATED,
        '2025;1;A1;K;8888;10;100;1;2',
        '2025;1;A1;M;1065;10;100;3;4',
        '2025;1;A1;M;20001364;10;100;1;1',
      ].join('\n'),
    });
    expect(a.years['2025']!.byGroup.vitenskapelig).toBeCloseTo(5, 10);
    expect(a.years['2025']!.byGroup['teknisk-administrativ']).toBeCloseTo(2, 10);
  });

  it('is optional: no absence file, no absence metrics', async () => {
    const { metrics, errors } = await build({});
    expect(errors).toEqual([]);
    expect(metrics!.absence).toBeUndefined();
  });
});

describe('sick-leave components', () => {
  const context = (metrics: Metrics): ComponentContext => {
    let figures = 0;
    return {
      metrics,
      config: DEFAULT_CONFIG,
      nextNumber: () => ++figures,
      sourceData: () => null,
      unitName: (id) => id,
    };
  };
  const call = (name: string) => ({ name, args: [], options: {}, file: 'x.md' });

  it('leave a hidden rate out of the chart and write "skjult" in its data table', async () => {
    const quarters = [1, 2, 3].flatMap((q) => [
      `2025;${q};A1;K;1013;20;1000;10;${20 + q}`,
      `2025;${q};ØK1;M;1065;20;500;5;5`,
    ]);
    const { metrics } = await build({
      'absence.csv': [AGGREGATED, ...quarters, '2025;4;A1;K;1013;2;100;5;5'].join('\n'),
    });
    const html = await figureAbsenceOrg(call('figure-absence-org'), context(metrics!));
    expect(html).toContain('Figur 1: Sykefravær, pr. enhet, 2025');
    expect(html).toContain('<th scope="row">Økonomi</th><td class="num">2,0\u00a0%</td>');
    expect(html).toContain('<svg');
    const quarter = await figureAbsenceQuarter(call('figure-absence-quarter'), context(metrics!));
    // The 4th quarter has two persons; the 1st, the smallest of the rest, is hidden with it.
    expect(quarter).toContain('<th scope="row">4. kvartal</th><td class="num">skjult</td>');
    expect(quarter).toContain('<th scope="row">1. kvartal</th><td class="num">skjult</td>');
    expect(quarter).toContain('I 2025 var sykefraværet høyest i 3. kvartal (2,9\u00a0%).');
    expect(quarter).not.toContain('>NaN');
  });

  it('say so when a source is missing, or has no rows in the years shown', async () => {
    const old = await build({ 'absence.csv': [AGGREGATED, '2019;1;A1;K;1013;10;100;1;2'].join('\n') });
    expect(await figureAbsenceOrg(call('figure-absence-org'), context(old.metrics!))).toContain('class="no-data"');
    const { metrics } = await build({});
    expect(await figureAbsenceQuarter(call('figure-absence-quarter'), context(metrics!))).toContain('class="no-data"');
    expect(await absenceBenchmarks(call('absence-benchmarks'), context(metrics!))).toContain('class="no-data"');
  });
});

describe('suppressComplements', () => {
  const g = (agreed: number, hidden = false) => ({ cells: [], agreed, persons: hidden ? 1 : 50, hidden });

  it('hides the smallest shown part beside a single hidden part of a shown total', () => {
    const total = g(1000);
    const parts = [g(500), g(300), g(200, true)];
    suppressComplements([{ parent: total, children: parts }]);
    expect(parts.map((p) => p.hidden)).toEqual([false, true, true]);
    expect(total.hidden).toBe(false);
  });

  it('hides the total when its single hidden part has no sibling to hide', () => {
    const total = g(100);
    const only = g(100, true);
    suppressComplements([{ parent: total, children: [only] }]);
    expect(total.hidden).toBe(true);
  });

  it('hides a part of a hidden total whose parts are all shown, and carries on to a fixed point', () => {
    // Org X is hidden as a complement at the institution level; its units would rebuild it, so one of them goes too.
    const institution = g(3000);
    const orgs = [g(1500), g(1000), g(500, true)];
    const units = [g(600), g(400)];
    suppressComplements([
      { parent: institution, children: orgs },
      { parent: orgs[1]!, children: units },
    ]);
    expect(orgs.map((o) => o.hidden)).toEqual([false, true, true]);
    expect(units.map((u) => u.hidden)).toEqual([false, true]);
  });
});
