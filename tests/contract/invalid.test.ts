import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, writeWorkspace, type CliResult } from '../support/contract.js';
import { xlsxBytes } from '../support/helpers.js';

/**
 * An invalid workspace with a problem in every source: each must be printed
 * as FILE:ROW:COLUMN: message, ROW being the line an editor shows (header =
 * 1, a quoted line break and a blank line counted) or the Excel sheet row;
 * the run exits 1 and writes nothing.
 */

const INCIDENT_HEADER =
  'case_id,unit_id,registered_date,case_type,category,status,closed_date,severity_person_actual,severity_person_potential,severity_material_actual,severity_material_potential,severity_environment_actual,severity_environment_potential,Beskrivelse';
const sev = ',,,,,';

let dir: string;
let validate: CliResult;
let build: CliResult;
let lines: string[];

beforeAll(async () => {
  const workingTime = await xlsxBytes([
    ['unit_id', 'year', 'rule', 'count'],
    ['A-1', 2025, 'lunsj', 1],
    ['Ukjent', 2025, 'annet', 2],
  ]);
  dir = writeWorkspace({
    'units.csv':
      'unit_id;name;parent_id;reporting;first_year;last_year\nA;Fakultet;;nei;;\nA-1;Institutt;A;ja;;\nGML;Gammel;A;ja;;2022\n',
    'survey/questions.yaml':
      'unit_column: enhet\nscales:\n  jn:\n    options: {"1": Ja, "2": Nei, "-1": Vet ikke}\n    positive: ["1"]\nquestions:\n  - {id: q1, section: "1", theme: Tema, scale: jn, column: Q1}\n',
    'survey/2025.csv': '$submission_id;$created;enhet;Q1\n1;2025-01-01;A-1;7\n2;2025-01-02;ZZZ;1\n',
    'incidents.csv': [
      INCIDENT_HEADER,
      `I1,A-1,2025-01-01,avvik,Fall,lukket,${sev},,"linje en`,
      'linje to"',
      `I2,NOPE,2025-01-02,avvik,Fall,lukket,${sev},,`,
      '',
      `I3,GML,2025-01-03,avvik,Fall,lukket,${sev},,`,
      `I4,A-1,2025-13-01,ulykke,Fall,lukket,${sev},,`,
      `I5,A-1,2025-01-05,brann,Fall,lukket,${sev},,`,
    ].join('\n'),
    'injuries.csv': 'case_id;unit_id;date\nS1;A-1;2025-01-01\n',
    'whistleblowing.csv': 'case_id;received_date;topic;critical\nV1;2025-01-01;x;ja\n',
    'whistleblowing.xlsx': await xlsxBytes([
      ['case_id', 'received_date', 'topic', 'critical'],
      ['V1', '2025-01-01', 'x', 'ja'],
    ]),
    'absence.csv': [
      'year;month;unit_id;gender;position_code;employee_id;agreed_days;self_certified_days;doctor_certified_days',
      '2025;1;A-1;K;1011;e1;20;-1;0',
      '2025;1;A-1;K;1011;e2;20;15;10',
      '2025;1;A-1;X;1011;e3;20;0;0',
      '2025;1;A-1;K;5555;e4;20;0;0',
      '2025;13;A-1;K;1011;e5;20;0;0',
    ].join('\n'),
    'working-time.xlsx': workingTime,
  });
  validate = await cli(['validate', '2025', '--data', dir]);
  build = await cli(['build', '2025', '--data', dir, '--out', join(dir, 'ut'), '--format', 'html,json']);
  lines = build.stderr.split('\n');
});

const expectLine = (pattern: RegExp) =>
  expect(
    lines.some((line) => pattern.test(line)),
    `no line matches ${pattern}:\n${lines.join('\n')}`,
  ).toBe(true);

describe('contract: an invalid workspace', () => {
  it('exits 1 on validate and build and writes nothing', () => {
    expect(validate.status).toBe(1);
    expect(build.status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([
      'absence.csv',
      'incidents.csv',
      'injuries.csv',
      'survey',
      'units.csv',
      'whistleblowing.csv',
      'whistleblowing.xlsx',
      'working-time.xlsx',
    ]);
    expect(build.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the same problems from validate and build', () => {
    const problems = (text: string) =>
      text
        .split('\n')
        .filter((l) => /^[^\s:]+:\d*:?/.test(l) && l.includes(': '))
        .sort();
    expect(problems(validate.stderr)).toEqual(problems(build.stderr));
  });

  it('reports survey codes outside the scale and unknown units at their cell', () => {
    expectLine(/^survey\/2025\.csv:2:Q1: .*"7"/);
    expectLine(/^survey\/2025\.csv:3:enhet: .*ZZZ/);
  });

  it('counts rows as an editor shows them: a quoted line break and a blank line take a line each', () => {
    expectLine(/^incidents\.csv:4:unit_id: .*NOPE/);
    expectLine(/^incidents\.csv:6:unit_id: .*GML.*2025/);
    expectLine(/^incidents\.csv:7:registered_date: .*2025-13-01/);
    expectLine(/^incidents\.csv:8:case_type: .*brann/);
  });

  it('names a missing required column, and both NAME.csv and NAME.xlsx', () => {
    expectLine(/^injuries\.csv:1:kind: .*kind/);
    expectLine(/^whistleblowing\.csv and whistleblowing\.xlsx: /);
  });

  it('rejects negative days, absence above agreed days, unknown genders, stillingskoder and months in sick leave', () => {
    expectLine(/^absence\.csv:2:self_certified_days: /);
    expectLine(/^absence\.csv:3:(agreed_days|self_certified_days|doctor_certified_days): /);
    expectLine(/^absence\.csv:4:gender: .*X/);
    expectLine(/^absence\.csv:5:position_code: .*5555/);
    expectLine(/^absence\.csv:6:month: .*13/);
  });

  it('reports working-time problems at their Excel sheet row', () => {
    expectLine(/^working-time\.xlsx:2:rule: .*lunsj/);
    expectLine(/^working-time\.xlsx:3:unit_id: .*Ukjent/);
  });
});
