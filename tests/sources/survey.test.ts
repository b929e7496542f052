import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { lightOf } from '../../src/sources/survey/metrics.js';
import { surveyLegend, surveyTable } from '../../src/sources/survey/report.js';
import type { ComponentContext } from '../../src/report/component.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { lines, memoryWorkspace, xlsxBytes } from '../support/helpers.js';

// Five reporting units A–E, one that stopped after 2023 (O), one that does not report (N).
const UNITS = [
  'unit_id;name;parent_id;reporting;first_year;last_year',
  'F;Fakultet;;nei;;',
  'A;Enhet A;F;ja;;',
  'B;Enhet B;F;ja;;',
  'C;Enhet C;F;ja;;',
  'D;Enhet D;F;ja;;',
  'E;Enhet E;F;ja;;',
  'O;Nedlagt enhet;F;ja;;2023',
  'N;Ikke rapporterende;F;nei;;',
].join('\n');

const CATALOGUE = `unit_column: enhet
scales:
  janei:
    options: {"1": Ja, "2": Nei, "-1": Vet ikke}
    positive: ["1"]
questions:
  - id: mal
    section: "6.1.3"
    theme: HMS-mål
    scale: janei
    column: hms_mal
    columns: {2024: q07}
  - id: har_kjem
    section: "6.1"
    theme: Har kjemikalier
    scale: janei
    column: kjem_har
    report: false
  - id: kjem
    section: "6.1.6"
    theme: Rutiner for kjemikalier
    scale: janei
    column: kjem_rutiner
    applies_if: {question: har_kjem, in: ["1"]}
`;

const HEADER = ['$submission_id', '$created', 'enhet', 'hms_mal', 'kjem_har', 'kjem_rutiner'];

/** A Nettskjema export: semicolons, every field quoted. */
function nettskjema(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map((v) => `"${v}"`).join(';')).join('\r\n') + '\r\n';
}

let nextId = 100;
/** One submission: unit, then answers in HEADER order after the unit column. */
function submission(unit: string, answers: string[], created = '2025-11-20 10:00:00'): string[] {
  return [String(nextId++), created, unit, ...answers];
}

async function build(files: Record<string, string | Uint8Array>, year = 2025) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(
    memoryWorkspace({ 'units.csv': UNITS, 'survey/questions.yaml': CATALOGUE, ...files }),
    year,
    diagnostics,
  );
  return { diagnostics, sources, metrics: sources && !diagnostics.hasErrors() ? computeMetrics(sources) : null };
}

describe('traffic lights', () => {
  it('are green above the green threshold, red below the red one, and yellow at both thresholds', () => {
    const t = { green: 80, red: 50 };
    expect(lightOf(80, t)).toBe('yellow');
    expect(lightOf(50, t)).toBe('yellow');
    expect(lightOf(80.1, t)).toBe('green');
    expect(lightOf(49.9, t)).toBe('red');
    expect(lightOf(null, t)).toBeNull();
  });

  it('come from exact counts: 4 of 5 is 80 % and yellow, 1 of 2 is 50 % and yellow', async () => {
    const { metrics, diagnostics } = await build({
      'survey/2025.csv': nettskjema(HEADER, [
        submission('A', ['1', '1', '1']),
        submission('B', ['1', '1', '2']),
        submission('C', ['1', '2', '']),
        submission('D', ['1', '2', '']),
        submission('E', ['2', '2', '']),
      ]),
    });
    expect(lines(diagnostics)).toEqual([]);
    expect(metrics!.survey!.questions.mal!.years['2025']).toEqual({
      positive: 4,
      applicable: 5,
      missing: 0,
      percent: 80,
      light: 'yellow',
    });
    expect(metrics!.survey!.questions.kjem!.years['2025']).toEqual({
      positive: 1,
      applicable: 2,
      missing: 0,
      percent: 50,
      light: 'yellow',
    });
  });

  it('use the thresholds of the config', async () => {
    const { metrics } = await build({
      'hms-report.config.yaml': 'thresholds: {green: 90, red: 85}\n',
      'survey/2025.csv': nettskjema(
        HEADER,
        ['A', 'B', 'C', 'D', 'E'].map((u, i) => submission(u, [i < 4 ? '1' : '2', '2', ''])),
      ),
    });
    expect(metrics!.survey!.questions.mal!.years['2025']!.light).toBe('red');
  });
});

describe('survey computation', () => {
  it('counts a gated question only for units that pass the gate, whatever the others answered', async () => {
    const { metrics } = await build({
      'survey/2025.csv': nettskjema(HEADER, [
        submission('A', ['1', '1', '1']),
        submission('B', ['1', '1', '-1']),
        submission('C', ['1', '1', '']),
        submission('D', ['1', '2', '1']), // outside the gate: neither applicable nor missing
        submission('E', ['1', '', '1']), // gate left empty: does not pass
      ]),
    });
    expect(metrics!.survey!.questions.kjem!.years['2025']).toEqual({
      positive: 1,
      applicable: 2,
      missing: 1,
      percent: 50,
      light: 'yellow',
    });
    expect(metrics!.survey!.gates!.har_kjem!.years['2025']).toEqual({ yes: 3, answered: 4 });
  });

  it('counts "Vet ikke" as an answer that is not positive, and empty cells as missing', async () => {
    const { metrics } = await build({
      'survey/2025.csv': nettskjema(HEADER, [
        submission('A', ['1', '2', '']),
        submission('B', ['-1', '2', '']),
        submission('C', ['-1', '2', '']),
        submission('D', ['', '2', '']),
      ]),
    });
    const mal = metrics!.survey!.questions.mal!.years['2025']!;
    expect(mal).toMatchObject({ positive: 1, applicable: 3, missing: 1 });
    expect(mal.percent).toBeCloseTo(100 / 3, 10);
    expect(mal.light).toBe('red');
    expect(metrics!.units).toMatchObject({ reporting: 5, responded: 4 });
  });

  it('gives null percent and light when no unit is applicable', async () => {
    const { metrics } = await build({ 'survey/2025.csv': nettskjema(HEADER, [submission('A', ['1', '2', ''])]) });
    expect(metrics!.survey!.questions.kjem!.years['2025']).toEqual({
      positive: 0,
      applicable: 0,
      missing: 0,
      percent: null,
      light: null,
    });
  });

  it('counts only the latest of several submissions from a unit, and warns naming them', async () => {
    const { metrics, diagnostics } = await build({
      'survey/2025.csv': nettskjema(HEADER, [
        ['7', '2025-11-21 09:00:00', 'A', '1', '2', ''],
        ['5', '2025-11-20 09:00:00', 'A', '2', '2', ''],
        ['9', '2025-11-20 17:30:00', 'a', '2', '2', ''],
        submission('B', ['2', '2', '']),
      ]),
    });
    expect(diagnostics.errors).toEqual([]);
    expect(lines(diagnostics)).toEqual([
      'survey/2025.csv:2:enhet: warning: unit "A" submitted the 2025 survey 3 times (submissions 7, 5, 9): only the latest, 7, counts',
    ]);
    expect(metrics!.survey!.questions.mal!.years['2025']).toMatchObject({ positive: 1, applicable: 2 });
    expect(metrics!.units.responded).toBe(2);
  });

  it('reads a question from its renamed column, and leaves it out of a year whose export lacks it', async () => {
    const { metrics, diagnostics } = await build({
      'survey/2024.csv': nettskjema(
        ['$submission_id', '$created', 'enhet', 'q07', 'kjem_har'],
        [
          ['1', '2024-11-01 08:00:00', 'A', '1', '2'],
          ['2', '2024-11-01 09:00:00', 'B', '1', '2'],
        ],
      ),
      'survey/2025.csv': nettskjema(HEADER, [submission('A', ['2', '2', ''])]),
    });
    expect(lines(diagnostics)).toEqual([]);
    expect(metrics!.survey!.questions.mal!.years).toMatchObject({
      '2024': { positive: 2, applicable: 2 },
      '2025': { positive: 0, applicable: 1 },
    });
    expect(Object.keys(metrics!.survey!.questions.kjem!.years)).toEqual(['2025']);
    expect(metrics!.units.years).toEqual({
      '2024': { reporting: 5, responded: 2 },
      '2025': { reporting: 5, responded: 1 },
    });
  });

  it('reads an XLSX export with numeric codes and real dates', async () => {
    const { metrics, diagnostics } = await build({
      'survey/2025.xlsx': await xlsxBytes([
        HEADER,
        [11, new Date(Date.UTC(2025, 10, 3, 9)), 'A', 1, 1, -1],
        [12, new Date(Date.UTC(2025, 10, 2, 9)), 'B', 2, 1, 1],
        [13, new Date(Date.UTC(2025, 10, 4, 9)), 'B', 1, 1, 1],
      ]),
    });
    expect(diagnostics.errors).toEqual([]);
    expect(lines(diagnostics)).toEqual([
      'survey/2025.xlsx:4:enhet: warning: unit "B" submitted the 2025 survey 2 times (submissions 12, 13): only the latest, 13, counts',
    ]);
    expect(metrics!.survey!.questions.mal!.years['2025']).toMatchObject({ positive: 2, applicable: 2 });
    expect(metrics!.survey!.questions.kjem!.years['2025']).toMatchObject({ positive: 1, applicable: 2 });
  });

  it('shows only the report year and the four before it, and ignores exports after the report year', async () => {
    const one = (year: number) => nettskjema(HEADER, [submission('A', ['1', '2', ''], `${year}-11-01 08:00:00`)]);
    const { metrics } = await build(
      {
        'survey/2019.csv': one(2019),
        'survey/2020.csv': one(2020),
        'survey/2024.csv': one(2024),
        'survey/2026.csv': 'broken"',
      },
      2024,
    );
    expect(Object.keys(metrics!.survey!.questions.har_kjem!.years)).toEqual(['2020', '2024']);
    // 2024 names the question q07, which this export lacks: not asked that year.
    expect(Object.keys(metrics!.survey!.questions.mal!.years)).toEqual(['2020']);
    expect(metrics!.survey!.period).toMatchObject({
      from: 2020,
      to: 2024,
      years: [2020, 2024],
      reportingFrom: 6,
      reportingTo: 5,
    });
  });

  it('warns when a gated question is asked without its gate, and counts no unit for it', async () => {
    const { metrics, diagnostics } = await build({
      // The gate was asked the year before: a gate in no export at all is a misspelt column (issue 11).
      'survey/2024.csv': nettskjema(HEADER, [submission('A', ['1', '1', '1'], '2024-11-01 08:00:00')]),
      'survey/2025.csv': nettskjema(
        ['$submission_id', '$created', 'enhet', 'hms_mal', 'kjem_rutiner'],
        [submission('A', ['1', '1'])],
      ),
    });
    expect(lines(diagnostics)).toEqual([
      'survey/2025.csv:1:kjem_rutiner: warning: question "kjem" applies only to units that pass "har_kjem", but this export has no column "kjem_har" for it: no unit can pass, so "kjem" shows no data this year',
    ]);
    expect(metrics!.survey!.questions.kjem!.years['2025']).toMatchObject({ applicable: 0, percent: null });
  });

  it('leaves the survey out of the metrics when there is no catalogue', async () => {
    const diagnostics = new Diagnostics();
    const sources = await readSources(memoryWorkspace({ 'units.csv': UNITS }), 2025, diagnostics);
    expect(diagnostics.items).toEqual([]);
    expect(computeMetrics(sources!).survey).toBeUndefined();
  });
});

describe('survey validation', () => {
  it('reports a code that is not an option of the scale at its file, row and column', async () => {
    const { diagnostics } = await build({
      'survey/2025.csv': nettskjema(HEADER, [
        submission('A', ['1', '2', '']),
        submission('B', ['3', '2', '']),
        submission('C', ['1', 'ja', '']),
      ]),
    });
    expect(lines(diagnostics)).toEqual([
      'survey/2025.csv:3:hms_mal: "3" is not one of "1", "2", "-1"',
      'survey/2025.csv:4:kjem_har: "ja" is not one of "1", "2", "-1"',
    ]);
  });

  it('rejects a unit not in the register and one that no longer exists; leaves out, with a warning, one that does not report', async () => {
    const { diagnostics } = await build({
      'survey/2025.csv': nettskjema(HEADER, [
        submission('A', ['1', '2', '']),
        submission('X', ['1', '2', '']),
        submission('O', ['1', '2', '']),
        submission('N', ['1', '2', '']),
      ]),
    });
    expect(lines(diagnostics)).toEqual([
      'survey/2025.csv:3:enhet: unit_id "X" is not in units.csv',
      'survey/2025.csv:4:enhet: unit "O" does not exist in 2025 (see first_year/last_year in units.csv)',
      'survey/2025.csv:5:enhet: warning: unit "N" answered the survey, but units.csv says it is not a reporting unit (reporting = nei): its answers are not counted',
    ]);
  });

  it('requires the submission, timestamp and unit columns', async () => {
    const { diagnostics } = await build({
      'survey/2025.csv': nettskjema(['$submission_id', 'enhet', 'hms_mal'], [['1', 'A', '1']]),
    });
    expect(lines(diagnostics)).toEqual(['survey/2025.csv:1:$created: required column "$created" is missing']);
  });

  it('reports catalogue mistakes at their YAML line', async () => {
    const catalogue = `unit_column: enhet
scales:
  janei:
    options: {"1": Ja, "2": Nei}
    positive: ["1", "3"]
questions:
  - id: a
    section: "6.1.3"
    theme: A
    scale: jaNEI
  - id: b
    section: "6.1.3"
    theme: B
    scale: janei
    applies_if: {question: c, in: ["1"]}
  - id: a
    section: "6.1.3"
    theme: A igjen
    scale: janei
`;
    const { diagnostics, metrics } = await build({ 'survey/questions.yaml': catalogue });
    expect(metrics).toBeNull();
    expect(lines(diagnostics)).toEqual([
      'survey/questions.yaml:5:scales.janei.positive.1: "3" is not an option of scale "janei"',
      'survey/questions.yaml:16:questions.2.id: question id "a" is already used by question 1',
      'survey/questions.yaml:10:questions.0.scale: scale "jaNEI" is not defined under scales (defined: "janei")',
      'survey/questions.yaml:15:questions.1.applies_if.question: applies_if refers to "c", which is not another question of the catalogue',
    ]);
  });

  it('warns about an export whose name is not its year', async () => {
    const { diagnostics } = await build({ 'survey/hms-2025.csv': nettskjema(HEADER, []), 'survey/notater.txt': 'x' });
    expect(lines(diagnostics)).toEqual([
      'survey/hms-2025.csv: warning: not read: a survey export is named by its year, as survey/<year>.csv or survey/<year>.xlsx (for example survey/2025.csv), or as Nettskjema names a download (data-<formid>-….txt); any other name is read through the survey stanza of imports.yaml (file: "survey/*.csv")',
      // Nothing is ignored in silence (docs/imports.md#files-nothing-reads).
      expect.stringMatching(/^survey\/notater.txt: warning: not read: its header \(row 1: "x"\) matches no table/),
    ]);
  });

  it('asks for the catalogue when exports are given without one', async () => {
    const diagnostics = new Diagnostics();
    await readSources(
      memoryWorkspace({ 'units.csv': UNITS, 'survey/2025.csv': nettskjema(HEADER, []) }),
      2025,
      diagnostics,
    );
    expect(lines(diagnostics)).toEqual([
      'survey/questions.yaml: the survey catalogue is missing, but 1 survey export is given: the catalogue says what the answer codes mean',
    ]);
  });
});

describe('survey components', () => {
  async function context(files: Record<string, string>): Promise<ComponentContext> {
    const { metrics, sources } = await build(files);
    return {
      metrics: metrics!,
      config: sources!.config,
      nextNumber: () => 1,
      sourceData: () => null,
      unitName: (id) => id,
    };
  }
  const call = (args: unknown[], options: Record<string, unknown> = {}) => ({
    name: 'survey-table',
    args,
    options,
    file: 'x.md',
  });

  it('labels every coloured cell with percent and a word, and marks questions not asked', async () => {
    const ctx = await context({
      'survey/2025.csv': nettskjema(
        HEADER,
        ['A', 'B', 'C', 'D', 'E'].map((u, i) => submission(u, [i < 4 ? '1' : '2', '2', ''])),
      ),
    });
    const html = await surveyTable(call(['6.1.3'], { title: 'Systematisk arbeidsmåte' }), ctx);
    expect(html).toContain('<caption>Systematisk arbeidsmåte: andel enheter med positivt svar, 2021–2025</caption>');
    expect(html).toMatch(/<th scope="col" class="num">2025<\/th><th scope="col" class="num">2024<\/th>.*2021<\/th>/);
    expect(html).toContain(
      '<td class="num light light-yellow" title="4 av 5 enheter"><span class="light-symbol" aria-hidden="true">◆</span>80\u00a0%<span class="light-word">\u00a0gult</span></td>',
    );
    expect(html.match(/ikke spurt/g)).toHaveLength(4);
    expect(html).not.toContain('Har kjemikalier');
  });

  it('says when no data was given, and gives the legend the config thresholds', async () => {
    const ctx = await context({});
    const empty = { ...ctx, metrics: { ...ctx.metrics, survey: undefined } };
    expect(await surveyTable(call(['6.1.3']), empty)).toMatch(/^<p class="no-data">/);
    const legend = await surveyLegend(call([]), {
      ...ctx,
      config: { ...ctx.config, thresholds: { green: 85, red: 40 } },
    });
    expect(legend).toContain('over 85\u00a0% positive svar');
    expect(legend).toContain('40–85\u00a0% positive svar');
    expect(legend).toContain('under 40\u00a0% positive svar');
  });
});
