import { beforeAll, describe, expect, it } from 'vitest';
import { BOM, buildMetrics, cp1252, writeWorkspace, type CliResult } from '../support/contract.js';
import { xlsxBytes } from '../support/helpers.js';

/**
 * A workspace nobody wrote the code for: other unit ids (with æøå, padded
 * with spaces), a three-level hierarchy, units that come and go, other
 * question ids and column codes, a per-year rename, a gate, a positive
 * override, custom thresholds, exports in four encodings/formats, a duplicate
 * submission, a year outside the window and one after the report year.
 * Every expected number below was worked out by hand from the rows.
 */

const UNITS = [
  'unit_id;name;parent_id;reporting;first_year;last_year',
  ' ØK ;Økonomifakultetet;;nei;;',
  'ØK-SEK; Seksjon for ØK ; ØK ;ja;;',
  ' ØK-SEK-Lab ;Laboratoriet;ØK-SEK;Ja;;',
  'NV;Naturvitenskap;;ja;;',
  'NV-Bio;Biologi;NV;ja;2023;',
  'NV-Gml;Gammel avdeling;NV;JA;;2022',
  'NV-Adm;Administrasjon;NV;nei;;',
].join('\r\n');

const QUESTIONS = `
unit_column: Avdeling
scales:
  jn:
    options: {"1": "Ja", "2": "Nei", "-1": "Vet ikke"}
    positive: ["1"]
  grad:
    options: {"5": "Svært stor", "4": "Stor", "3": "Noen", "2": "Liten", "1": "Svært liten", "-1": "Vet ikke"}
    positive: ["4", "5"]
questions:
  - id: plan_finnes
    section: "7.1"
    theme: Plan finnes
    scale: jn
    column: P1
    columns: {2022: gml_p1}
  - id: tilfredshet
    section: "7.1"
    theme: Tilfredshet
    scale: grad
    column: S2
    positive: [3, 4, 5]
  - id: har_lab
    section: "7.2"
    theme: Har laboratorium
    scale: jn
    column: G1
    report: false
  - id: lab_rutiner
    section: "7.2"
    theme: Rutiner for laboratoriet
    scale: jn
    column: L1
    applies_if: {question: har_lab, in: ["1"]}
  - id: ny_2024
    section: "7.3"
    theme: Nytt spørsmål
    scale: jn
    column: N1
`;

// 2019: outside the five-year window of 2024. Answers that would change every figure if counted.
const Y2019 = [
  '$submission_id,$created,Avdeling,P1,S2',
  '1,2019-03-01 10:00:00,ØK-SEK,2,1',
  '2,2019-03-01 10:00:00,NV,2,1',
].join('\n');

// 2022: comma-separated, quoted, plan_finnes in column gml_p1 (P1 is an unrelated column that year). NV-Gml exists.
const Y2022 = [
  '"$submission_id","$created","Avdeling","gml_p1","P1","S2"',
  '"201","2022-03-15 10:00:00","ØK-SEK","1","2","5"',
  '"202","2022-03-15 11:00:00","ØK-SEK-Lab","1","2","4"',
  '"203","2022-03-16 09:00:00","NV","2","1","3"',
  '"204","2022-03-17 09:00:00","NV-Gml","1","2","-1"',
].join('\n');

// 2024: Windows-1252, tab-separated, a free-text column with
// æøå, a duplicate from NV-Bio (earlier $created, later row).
const Y2024 = cp1252(
  [
    '$submission_id\t$created\tAvdeling\tKommentar\tP1\tS2\tG1\tL1\tN1',
    '101\t2024-03-01T10:00:00\tØK-SEK\tSøknad om æøå\t1\t3\t1\t1\t1',
    '102\t2024-03-02T09:00:00\t ØK-SEK-Lab \t"Blåbær, ørret"\t2\t5\t2\t1\t1',
    '103\t2024-03-03T09:00:00\tNV\t\t-1\t\t1\t\t1',
    '104\t2024-03-04T08:00:00\tNV-Bio\tÆrlig talt\t1\t2\t1\t2\t1',
    '105\t2024-02-01T08:00:00\tNV-Bio\tFørste forsøk\t2\t5\t2\t\t2',
    // NV-Adm does not report (reporting = nei): its answers are not counted.
    '106\t2024-03-05T09:00:00\tNV-Adm\t\t2\t1\t2\t1\t2',
  ].join('\r\n') + '\r\n',
);

// 2025: after the report year: ignored, whatever it says.
const Y2025 = ['$submission_id;$created;Avdeling;P1;S2;G1;L1;N1', '1;2025-03-01;NV-Bio;2;1;2;2;2'].join('\n');

let metrics: Record<string, any>;
let build: CliResult;

beforeAll(async () => {
  // 2023: Excel, real dates, codes as numbers; NV-Bio does not respond; no N1 column.
  const y2023 = await xlsxBytes([
    ['$submission_id', '$created', 'Avdeling', 'P1', 'S2', 'G1', 'L1'],
    [301, new Date(Date.UTC(2023, 2, 1, 9)), 'ØK-SEK', 2, 1, 1, 2],
    [302, new Date(Date.UTC(2023, 2, 2, 9)), 'ØK-SEK-Lab', 2, 4, 1, 1],
    [303, new Date(Date.UTC(2023, 2, 3, 9)), 'NV', 1, -1, 2, 1],
  ]);
  const dir = writeWorkspace({
    'hms-report.config.yaml': 'institution: Testhøgskolen\nthresholds: {green: 75, red: 50}\n',
    'units.csv': BOM + UNITS,
    'survey/questions.yaml': QUESTIONS,
    'survey/2019.csv': Y2019,
    'survey/2022.csv': Y2022,
    'survey/2023.xlsx': y2023,
    'survey/2024.csv': Y2024,
    'survey/2025.csv': Y2025,
  });
  ({ metrics, result: build } = await buildMetrics(dir, 2024));
});

describe('contract: survey on an unseen workspace', () => {
  it('names the institution and counts reporting and responding units of the report year', () => {
    expect(metrics.schemaVersion).toBe(1);
    expect(metrics.year).toBe(2024);
    expect(metrics.institution).toBe('Testhøgskolen');
    // 2024: ØK-SEK, ØK-SEK-Lab, NV, NV-Bio (NV-Gml ended 2022; ØK and NV-Adm do not report).
    expect(metrics.units.reporting).toBe(4);
    expect(metrics.units.responded).toBe(4);
  });

  it('keeps the five-year window and ignores years after the report year', () => {
    for (const q of Object.values(metrics.survey.questions) as { years: Record<string, unknown> }[]) {
      expect(Object.keys(q.years).every((y) => ['2020', '2021', '2022', '2023', '2024'].includes(y))).toBe(true);
    }
    expect(Object.keys(metrics.survey.questions.plan_finnes.years).sort()).toEqual(['2022', '2023', '2024']);
  });

  it('computes the report year with Vet ikke, empty answers, a positive override and custom thresholds', () => {
    const q = metrics.survey.questions;
    expect(q.plan_finnes.section).toBe('7.1');
    expect(q.plan_finnes.theme).toBe('Plan finnes');
    // 1, 2, -1, 1 (NV-Bio's latest is 104): Vet ikke is an answer, not positive; 50 is yellow.
    expect(q.plan_finnes.years['2024']).toMatchObject({ positive: 2, applicable: 4, missing: 0, light: 'yellow' });
    expect(q.plan_finnes.years['2024'].percent).toBeCloseTo(50, 10);
    // 3, 5, (empty), 2 with positive 3/4/5: NV left it empty.
    expect(q.tilfredshet.years['2024']).toMatchObject({ positive: 2, applicable: 3, missing: 1, light: 'yellow' });
    expect(q.tilfredshet.years['2024'].percent).toBeCloseTo(200 / 3, 10);
    // Gate question: 1, 2, 1, 1 → exactly the green threshold 75 is yellow.
    expect(q.har_lab.years['2024']).toMatchObject({ positive: 3, applicable: 4, missing: 0, light: 'yellow' });
    expect(q.har_lab.years['2024'].percent).toBeCloseTo(75, 10);
    // Gated: ØK-SEK-Lab fails the gate (answered 1 anyway: not counted), NV passes and left it empty.
    expect(q.lab_rutiner.years['2024']).toMatchObject({ positive: 1, applicable: 2, missing: 1, light: 'yellow' });
    expect(q.lab_rutiner.years['2024'].percent).toBeCloseTo(50, 10);
    expect(q.ny_2024.years['2024']).toMatchObject({
      positive: 4,
      applicable: 4,
      missing: 0,
      percent: 100,
      light: 'green',
    });
  });

  it('reads the Excel export of 2023, where one unit did not respond and a question was not asked', () => {
    const q = metrics.survey.questions;
    expect(q.plan_finnes.years['2023']).toMatchObject({ positive: 1, applicable: 3, missing: 0, light: 'red' });
    expect(q.plan_finnes.years['2023'].percent).toBeCloseTo(100 / 3, 10);
    expect(q.tilfredshet.years['2023']).toMatchObject({ positive: 1, applicable: 3, missing: 0, light: 'red' });
    expect(q.har_lab.years['2023']).toMatchObject({ positive: 2, applicable: 3, missing: 0 });
    expect(q.har_lab.years['2023'].percent).toBeCloseTo(200 / 3, 10);
    // ØK-SEK 2, ØK-SEK-Lab 1; NV fails the gate: exactly the red threshold 50 is yellow.
    expect(q.lab_rutiner.years['2023']).toMatchObject({
      positive: 1,
      applicable: 2,
      missing: 0,
      percent: 50,
      light: 'yellow',
    });
    expect(q.ny_2024.years['2023']).toBeUndefined();
  });

  it('follows the per-year column rename of 2022 and leaves out questions that year lacks', () => {
    const q = metrics.survey.questions;
    // gml_p1: 1, 1, 2, 1 (the P1 column of 2022 is something else).
    expect(q.plan_finnes.years['2022']).toMatchObject({
      positive: 3,
      applicable: 4,
      missing: 0,
      percent: 75,
      light: 'yellow',
    });
    // 5, 4, 3, -1 with positive 3/4/5.
    expect(q.tilfredshet.years['2022']).toMatchObject({ positive: 3, applicable: 4, missing: 0, percent: 75 });
    expect(q.har_lab.years['2022']).toBeUndefined();
    expect(q.lab_rutiner.years['2022']).toBeUndefined();
  });

  it('leaves out, with a warning, a submission from a unit that does not report', () => {
    expect(build.stderr).toMatch(/^survey\/2024\.csv:7:Avdeling: warning: .*NV-Adm/m);
  });

  it('warns about the duplicate submission, naming both ids, and keeps the latest $created', () => {
    expect(build.stderr).toMatch(/survey\/2024\.csv:\d+:Avdeling: .*NV-Bio.*(104.*105|105.*104)/);
  });
});
