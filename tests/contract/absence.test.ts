import { beforeAll, describe, expect, it } from 'vitest';
import { buildMetrics, writeWorkspace } from '../support/contract.js';
import { xlsxBytes } from '../support/helpers.js';

/**
 * Sick leave and working time on workspaces of other units: person-month
 * rows (CSV, decimal comma, genders spelt four ways, a stillingskode from the
 * workspace's own table) with suppression at minPersons 2 from the config,
 * and aggregated quarter rows (Excel) with the default minPersons 5, where a
 * group's persons are its largest quarter's. Expected rates were worked out
 * by hand: 100 × Σ(self + doctor) / Σ agreed over the rows of each group.
 */

const UNITS = [
  'unit_id;name;parent_id;reporting;first_year;last_year',
  'A;Fakultet A;;nei;;',
  'A-1;Institutt A1;A;ja;;',
  'A-1-x;Gruppe A1x;A-1;ja;;',
  'B;Fakultet B;;nei;;',
  'B-1;Institutt B1;B;ja;;',
].join('\n');

/** e1 … e7 over the four quarters of 2025 (months 1, 4, 7, 10); e7 only in January. */
function personRows(): string[] {
  const rows: string[] = [];
  const row = (
    year: number,
    month: number,
    unit: string,
    gender: string,
    code: string,
    id: string,
    agreed: string,
    self: string,
    doctor: string,
  ) => rows.push([year, month, unit, gender, code, id, agreed, self, doctor].join(';'));
  for (const m of [1, 4, 7, 10]) {
    row(2025, m, 'A-1-x', m === 1 ? 'kvinne' : 'K', '1011', 'e1', '20,0', m === 1 ? '1' : '0', m === 4 ? '2,5' : '0');
    row(2025, m, 'A-1-x', 'M', '1085', 'e2', '20', m === 4 ? '1' : '0', m === 7 ? '4' : '0');
    row(2025, m, 'A-1', 'Kvinne', '1017', 'e3', '10', '0', m === 1 ? '2' : '0');
    row(2025, m, 'A-1', 'mann', '1017', 'e4', '10', m === 10 ? '1' : '0', '0');
    row(2025, m, 'B-1', 'k', '9001', 'e5', '20', '0', m === 7 ? '10' : '0');
    row(2025, m, 'B-1', 'm', '1013', 'e6', '20', '0', '0');
  }
  row(2025, 1, 'B', 'K', '1017', 'e7', '20', '0', '5');
  row(2024, 3, 'A-1-x', 'K', '1011', 'e1', '20', '2', '0');
  row(2024, 3, 'A-1-x', 'M', '1085', 'e2', '20', '0', '0');
  // Outside the three-year window of 2025, and after it: neither may count.
  row(2022, 1, 'A-1-x', 'K', '1011', 'e1', '20', '20', '0');
  row(2026, 1, 'A-1-x', 'K', '1011', 'e1', '20', '0', '20');
  return rows;
}

describe('contract: sick leave in person-month rows, minPersons 2', () => {
  let metrics: Record<string, any>;
  beforeAll(async () => {
    const dir = writeWorkspace({
      'hms-report.config.yaml': 'suppression: {minPersons: 2}\n',
      'units.csv': UNITS,
      'position-codes.csv': 'position_code;title;group\n9001;Spesialrådgiver;teknisk-administrativ\n',
      'absence.csv': [
        'year;month;unit_id;gender;position_code;employee_id;agreed_days;self_certified_days;doctor_certified_days',
        ...personRows(),
      ].join('\n'),
      'working-time.csv': [
        'unit_id,year,rule,count',
        'A-1-x,2025,uke_over_48,3',
        'A-1,2025,HVILE_DOGN,',
        'B-1,2025,uke_over_48,2',
        'B,2024,annet,5',
        'A-1-x,2023,overtid_aar,1',
        'A-1-x,2026,annet,9',
      ].join('\n'),
    });
    ({ metrics } = await buildMetrics(dir, 2025));
  });

  it('keeps the years of the three-year window that have data', () => {
    expect(Object.keys(metrics.absence.years)).toEqual(['2024', '2025']);
  });

  it('computes the report year from summed days, never averaging rates', () => {
    const y = metrics.absence.years['2025'];
    expect(y.total).toBeCloseTo((100 * 26.5) / 420, 10);
    expect(y.self).toBeCloseTo((100 * 3) / 420, 10);
    expect(y.doctor).toBeCloseTo((100 * 23.5) / 420, 10);
    expect(y.byGender.K).toBeCloseTo((100 * 20.5) / 220, 10);
    expect(y.byGender.M).toBeCloseTo(3, 10);
    expect(y.byQuarter['1']).toBeCloseTo((100 * 8) / 120, 10);
    expect(y.byQuarter['2']).toBeCloseTo(3.5, 10);
    expect(y.byQuarter['3']).toBeCloseTo(14, 10);
    expect(y.byQuarter['4']).toBeCloseTo(1, 10);
    expect(y.byGroup.vitenskapelig).toBeCloseTo((100 * 11.5) / 260, 10);
    expect(y.byGroup['teknisk-administrativ']).toBeCloseTo(9.375, 10);
    expect(y.stipendiat).toBeCloseTo(8, 10);
  });

  it('rates orgs by top-level ancestor and suppresses a one-person unit, with its complement', () => {
    expect(metrics.absence.byOrg['2025'].A).toBeCloseTo((100 * 11.5) / 240, 10);
    expect(metrics.absence.byOrg['2025'].B).toBeCloseTo((100 * 15) / 180, 10);
    const units = metrics.absence.byUnit['2025'];
    expect(units['A-1-x']).toBeCloseTo(5.3125, 10);
    expect(units['A-1']).toBeCloseTo(3.75, 10);
    // B has one person (e7): null. B-1 is then hidden too, else B = org B minus B-1.
    expect(units.B).toBeNull();
    expect(units['B-1']).toBeNull();
  });

  it('suppresses stipendiater of an org with one person, and the other org that would give it away', () => {
    expect(metrics.absence.stipendiatByOrg['2025']).toEqual({ A: null, B: null });
  });

  it('suppresses every group of fewer than two persons in a thin year', () => {
    const y = metrics.absence.years['2024'];
    expect(y.total).toBeCloseTo(5, 10);
    expect(y.self).toBeCloseTo(5, 10);
    expect(y.doctor).toBeCloseTo(0, 10);
    expect(y.byGender).toEqual({ K: null, M: null });
    expect(y.byGroup).toEqual({ vitenskapelig: null, 'teknisk-administrativ': null });
    expect(y.byQuarter['1']).toBeCloseTo(5, 10);
    expect([y.byQuarter['2'], y.byQuarter['3'], y.byQuarter['4']]).toEqual([null, null, null]);
    expect(y.stipendiat).toBeNull();
    expect(metrics.absence.byOrg['2024'].A).toBeCloseTo(5, 10);
  });

  it('counts working-time breaches by year, rule and org, count defaulting to 1', () => {
    const wt = metrics.workingTime.years;
    expect(Object.keys(wt)).toEqual(['2023', '2024', '2025']);
    expect(wt['2025'].total).toBe(6);
    expect(wt['2025'].byRule).toMatchObject({ uke_over_48: 5, hvile_dogn: 1, dag_over_13: 0, annet: 0 });
    expect(Object.values(wt['2025'].byRule).reduce((a: number, b) => a + (b as number), 0)).toBe(6);
    expect(wt['2025'].byOrg).toEqual({ A: 4, B: 2 });
    expect(wt['2024']).toMatchObject({ total: 5, byOrg: { B: 5 } });
    expect(wt['2024'].byRule.annet).toBe(5);
    expect(wt['2023']).toMatchObject({ total: 1, byOrg: { A: 1 } });
    expect(wt['2023'].byRule.overtid_aar).toBe(1);
  });
});

describe('contract: sick leave in aggregated quarter rows (Excel), default minPersons 5', () => {
  let metrics: Record<string, any>;
  beforeAll(async () => {
    const absence = await xlsxBytes([
      [
        'Year',
        'Quarter',
        'Unit_ID',
        'Gender',
        'Position_Code',
        'Persons',
        'Agreed_Days',
        'Self_Certified_Days',
        'Doctor_Certified_Days',
      ],
      [2025, 1, 'A-1', 'K', '1011', 3, 60, 1, 2],
      [2025, 1, 'A-1', 'M', 1085, 3, 60, 0, 3],
      [2025, 2, 'A-1', 'kvinne', '1011', 4, 80, 2, 0],
      [2025, 2, 'A-1', 'mann', '1085', 2, 40, 1, 1],
      [2023, 4, 'A-1', 'K', '1011', 6, 100, 0.5, '1,5'],
      [2022, 4, 'A-1', 'K', '1011', 6, 100, 50, 50],
    ]);
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'absence.xlsx': absence,
      'working-time.csv':
        'unit_id;date;rule\nA-1;2025-01-05;dag_over_13\nA-1;05.02.2025;dag_over_13\nA-1-x;2024-12-31T23:00:00;hvile_uke\n',
    });
    ({ metrics } = await buildMetrics(dir, 2025));
  });

  it('takes a group of quarters at its largest quarter, not the sum of persons', () => {
    const y = metrics.absence.years['2025'];
    // Six persons in each quarter: the year is shown.
    expect(y.total).toBeCloseTo((100 * 10) / 240, 10);
    expect(y.self).toBeCloseTo((100 * 4) / 240, 10);
    expect(y.doctor).toBeCloseTo(2.5, 10);
    expect(y.byQuarter['1']).toBeCloseTo(5, 10);
    expect(y.byQuarter['2']).toBeCloseTo((100 * 4) / 120, 10);
    expect([y.byQuarter['3'], y.byQuarter['4']]).toEqual([null, null]);
    // Women: 3 and 4 persons (at most 4 < 5); men 3 and 2: both hidden, as are the position groups they make up.
    expect(y.byGender).toEqual({ K: null, M: null });
    expect(y.byGroup).toEqual({ vitenskapelig: null, 'teknisk-administrativ': null });
    expect(y.stipendiat).toBeNull();
    expect(metrics.absence.byOrg['2025'].A).toBeCloseTo((100 * 10) / 240, 10);
    expect(metrics.absence.byUnit['2025']['A-1']).toBeCloseTo((100 * 10) / 240, 10);
  });

  it('leaves out years without rows and years outside the window; reads decimal comma in Excel text', () => {
    expect(Object.keys(metrics.absence.years)).toEqual(['2023', '2025']);
    expect(metrics.absence.years['2023'].total).toBeCloseTo(2, 10);
    expect(metrics.absence.years['2023'].byGender.K).toBeCloseTo(2, 10);
  });

  it('counts working-time rows without a count column as one breach each, by the year of their date', () => {
    expect(metrics.workingTime.years['2024']).toMatchObject({ total: 1, byOrg: { A: 1 } });
    expect(metrics.workingTime.years['2024'].byRule.hvile_uke).toBe(1);
    expect(metrics.workingTime.years['2025']).toMatchObject({ total: 2, byOrg: { A: 2 } });
    expect(metrics.workingTime.years['2025'].byRule.dag_over_13).toBe(2);
  });
});

describe('contract: suppression never shows a hidden group through its only part', () => {
  it('hides the one unit of an org hidden as a complement, since the unit is the org', async () => {
    const dir = writeWorkspace({
      'units.csv':
        'unit_id,name,parent_id,reporting,first_year,last_year\nA,Fakultet A,,nei,,\nA-1,Institutt A1,A,ja,,\nB,Fakultet B,,nei,,\nB-1,Institutt B1,B,ja,,\n',
      'absence.csv': [
        'year,quarter,unit_id,gender,position_code,persons,agreed_days,self_certified_days,doctor_certified_days',
        '2025,1,A-1,K,1011,3,100,1,1',
        '2025,1,A-1,M,1011,3,100,1,1',
        '2025,1,B-1,K,1011,2,100,5,5',
      ].join('\n'),
    });
    const { metrics } = await buildMetrics(dir, 2025);
    expect(metrics.absence.years['2025'].total).toBeCloseTo((100 * 14) / 300, 10);
    // B (2 persons) is hidden; A then too, or B would follow from the total; A-1 alone would give A away.
    expect(metrics.absence.byOrg['2025']).toEqual({ A: null, B: null });
    expect(metrics.absence.byUnit['2025']).toEqual({ 'A-1': null, 'B-1': null });
  });
});
