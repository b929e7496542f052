import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../../src/workspace/package.js';
import { Diagnostics } from '../../src/errors.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { parseCodebook } from '../../src/sources/survey/codebook.js';
import { lines, memoryWorkspace } from '../support/helpers.js';
import {
  apiCsv,
  apiName,
  classicDownload,
  classicName,
  contractCsv,
  jsonCodebook,
  textCodebook,
  xlsxReport,
  type Form,
  type Submission,
} from './nettskjema-fixtures.js';

/**
 * Nettskjema downloads as they come, for Nordfjord universitet (invented):
 * every shape, codebook on and off, read to the same figures as the same
 * submissions in the contract's form (survey/<year>.csv).
 */

const UNITS = [
  'unit_id;name;short_name;parent_id;reporting;first_year;last_year',
  'NU;Nordfjord universitet;NU;;nei;;',
  'NU-BIO;Institutt for biovitenskap;Biovit;NU;ja;;',
  'NU-KJE;Institutt for kjemi og materialer;Kjemi;NU;ja;;',
  'NU-HHS;Handelshøgskolen i Nordfjord;HHS;NU;ja;;',
  'NU-GEO;Institutt for geofag;Geo;NU;ja;;',
  'NU-ADM;Fellesadministrasjonen;Adm;NU;nei;;',
].join('\n');

const CATALOGUE = `unit_column: enhet
scales:
  janei:
    options: {"1": Ja, "2": Nei, "-1": Vet ikke}
    positive: ["1"]
  grad:
    options: {"5": I svært stor grad, "4": I stor grad, "3": I noen grad, "2": I liten grad, "1": I svært liten grad}
    positive: ["4", "5"]
questions:
  - id: hms_mal
    section: "6.1.3"
    theme: HMS-mål
    scale: janei
    column: hms_maal
  - id: risiko
    section: "6.1.3"
    theme: Risikovurderinger
    scale: grad
    column: risiko_gen
  - id: har_kjem
    section: "6.1.6"
    theme: Har kjemikalier
    scale: janei
    column: kjem_har
    report: false
  - id: kjem
    section: "6.1.6"
    theme: Stoffkartotek
    scale: janei
    column: kjem_rutiner
    applies_if: {question: har_kjem, in: ["1"]}
`;

const TEXT = {
  unit: 'Hvilken enhet svarer du for?',
  mal: 'Har enheten satt seg mål for HMS-arbeidet i år?',
  malBefore: 'Har enheten HMS-mål?',
  risiko: 'I hvilken grad er risikovurderinger gjennomført?',
  harKjem: 'Håndterer enheten kjemikalier?',
  kjem: 'Har enheten rutiner for stoffkartotek og risikovurdering av kjemikalier?',
};

/** The catalogue naming each question's text: what a workspace without a codebook uses. */
const CATALOGUE_WITH_TEXTS = CATALOGUE.replace('unit_column: enhet\n', `unit_column: enhet\nunit_text: ${TEXT.unit}\n`)
  .replace(
    '    column: hms_maal\n',
    `    column: hms_maal\n    text: ${TEXT.mal}\n    texts: {2024: ${TEXT.malBefore}}\n`,
  )
  .replace('    column: risiko_gen\n', `    column: risiko_gen\n    text: ${TEXT.risiko}\n`)
  .replace('    column: kjem_har\n', `    column: kjem_har\n    text: ${TEXT.harKjem}\n`)
  .replace('    column: kjem_rutiner\n', `    column: kjem_rutiner\n    text: ${TEXT.kjem}\n`);

const JANEI = [
  ['1', 'Ja'],
  ['2', 'Nei'],
  ['-1', 'Vet ikke'],
] as const;
const GRAD = [
  ['5', 'I svært stor grad'],
  ['4', 'I stor grad'],
  ['3', 'I noen grad'],
  ['2', 'I liten grad'],
  ['1', 'I svært liten grad'],
] as const;

/** The unit question's options: codes the form's author chose, labelled with the units' names. */
const UNIT_OPTIONS = [
  ['4', 'Institutt for biovitenskap', 'NU-BIO'],
  ['9', 'Institutt for kjemi og materialer', 'NU-KJE'],
  ['12', 'Handelshøgskolen i Nordfjord', 'NU-HHS'],
  ['15', 'Institutt for geofag', 'NU-GEO'],
  ['20', 'Fellesadministrasjonen', 'NU-ADM'],
] as const;
const unitIdOf = (code: string) => UNIT_OPTIONS.find(([c]) => c === code)?.[2] ?? code;

function form(year: 2024 | 2025, unitCodes: 'author' | 'ids' = 'author'): Form {
  return {
    id: year === 2025 ? 314159 : 271828,
    name: `HMS-kartlegging ${year}`,
    questions: [
      {
        variable: 'enhet',
        text: TEXT.unit,
        options: UNIT_OPTIONS.map(([code, name, id]) => [unitCodes === 'ids' ? id : code, name] as const),
      },
      { variable: 'hms_maal', text: year === 2025 ? TEXT.mal : TEXT.malBefore, options: JANEI },
      { variable: 'risiko_gen', text: TEXT.risiko, options: GRAD },
      { variable: 'kjem_har', text: TEXT.harKjem, options: JANEI },
      { variable: 'kjem_rutiner', text: TEXT.kjem, options: JANEI },
      { variable: 'kommentar', text: 'Andre kommentarer' },
    ],
  };
}

const answers = (unit: string, hms: string, risiko: string, harKjem: string, kjem?: string) => ({
  enhet: unit,
  hms_maal: hms,
  risiko_gen: risiko,
  kjem_har: harKjem,
  ...(kjem ? { kjem_rutiner: kjem } : {}),
  kommentar: 'Ingen',
});

const SUBMISSIONS_2025: Submission[] = [
  { id: 5501, created: '2025-11-20 09:15', answers: answers('4', '1', '4', '1', '1') },
  { id: 5502, created: '2025-11-21 13:40', answers: answers('9', '2', '5', '1', '2') },
  { id: 5503, created: '2025-11-22 10:05', answers: answers('12', '1', '2', '2') },
  { id: 5504, created: '2025-12-01 08:50', answers: answers('15', '-1', '3', '1', '1') },
  { id: 5505, created: '2025-11-28 14:00', answers: answers('9', '1', '4', '1', '1') },
  { id: 5506, created: '2025-11-24 11:11', answers: answers('20', '1', '1', '2') },
  // A late answer in the new year: the download is still the 2025 survey, the year most submissions fall in.
  { id: 5507, created: '2026-01-05 07:30', answers: answers('15', '1', '5', '1', '2') },
];

const SUBMISSIONS_2024: Submission[] = [
  { id: 4401, created: '2024-11-18 09:00', answers: answers('4', '2', '3', '1', '2') },
  { id: 4402, created: '2024-11-19 10:00', answers: answers('9', '1', '4', '1', '1') },
  { id: 4403, created: '2024-11-20 11:00', answers: answers('12', '1', '5', '2') },
];

/** The same submissions with unit ids as the unit question's codes. */
const withIds = (submissions: Submission[]) =>
  submissions.map((s) => ({ ...s, answers: { ...s.answers, enhet: unitIdOf(s.answers.enhet!) } }));

async function build(files: Record<string, string | Uint8Array>, options: { year?: number; catalogue?: string } = {}) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(
    memoryWorkspace({ 'units.csv': UNITS, 'survey/questions.yaml': options.catalogue ?? CATALOGUE, ...files }),
    options.year ?? 2025,
    diagnostics,
  );
  return { diagnostics, metrics: sources && !diagnostics.hasErrors() ? computeMetrics(sources) : null };
}

/** The survey figures of the same submissions given in the contract's form. */
async function contractFigures(years: Partial<Record<2024 | 2025, Submission[]>>) {
  const files: Record<string, string> = {};
  for (const [year, submissions] of Object.entries(years))
    files[`survey/${year}.csv`] = contractCsv(form(Number(year) as 2024 | 2025), submissions, 'enhet', unitIdOf);
  const { metrics, diagnostics } = await build(files);
  expect(diagnostics.errors).toEqual([]);
  return { survey: metrics!.survey, units: metrics!.units };
}

const errorsAndWarnings = (diagnostics: Diagnostics) => ({
  errors: diagnostics.errors.length,
  warnings: lines(diagnostics).filter((l) => l.includes(': warning: ')),
});

describe('Nettskjema downloads read to the same figures as the contract form', () => {
  it('reads a classic download with the codebook on, its year from Opprettet', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const name = `survey/${classicName(form(2025), '2026-01-10 15:50')}`;
    const { metrics, diagnostics } = await build({
      [name]: classicDownload(form(2025, 'ids'), withIds(SUBMISSIONS_2025), { codebook: true }),
    });
    expect(errorsAndWarnings(diagnostics)).toEqual({
      errors: 0,
      warnings: [
        `${name}:7:enhet: warning: unit "NU-ADM" answered the survey, but units.csv says it is not a reporting unit (reporting = nei): its answers are not counted`,
        `${name}:6:enhet: warning: unit "NU-KJE" submitted the 2025 survey 2 times (submissions 5502, 5505): only the latest, 5505, counts`,
        `${name}:8:enhet: warning: unit "NU-GEO" submitted the 2025 survey 2 times (submissions 5504, 5507): only the latest, 5507, counts`,
      ],
    });
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
    // The latest submission of each reporting unit: BIO, KJE (5505), HHS, GEO (5507).
    const year = (id: string) => metrics!.survey!.questions[id]!.years['2025'];
    expect(year('hms_mal')).toMatchObject({ positive: 4, applicable: 4 });
    expect(year('risiko')).toMatchObject({ positive: 3, applicable: 4 });
    expect(year('kjem')).toMatchObject({ positive: 2, applicable: 3 });
    expect(metrics!.units.years!['2025']).toEqual({ reporting: 4, responded: 4 });
  });

  it('reads a classic download with the codebook off through the text codebook beside it (found by form id)', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const { metrics, diagnostics } = await build({
      [`survey/${classicName(form(2025), '2026-01-10 15:50')}`]: classicDownload(form(2025), SUBMISSIONS_2025, {
        codebook: false,
      }),
      'survey/codebook-314159-2026-01-10.txt': textCodebook(form(2025), '2026-01-10 15:50'),
    });
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
  });

  it('reads a classic download whose question texts hold more commas than the header has tabs', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const wordy: Form = {
      ...form(2025),
      questions: form(2025).questions.map((q) => ({ ...q, text: `${q.text} (a, b, c, d)` })),
    };
    const { metrics, diagnostics } = await build({
      'survey/data-314159-2026-01-10-1550-utf.txt': classicDownload(wordy, SUBMISSIONS_2025, { codebook: false }),
      'survey/codebook-314159-2026-01-10.txt': textCodebook(wordy, '2026-01-10 15:50'),
    });
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
  });

  it('reads an API CSV with the codebook off through a JSON codebook the stanza names', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const { metrics, diagnostics } = await build({
      'imports.yaml': 'survey:\n  file: "nettskjema/*.txt"\n  codebook: nettskjema/skjema.json\n',
      [`nettskjema/${apiName(form(2025), '2026-01-10 15:50')}`]: apiCsv(form(2025), SUBMISSIONS_2025, {
        codebook: false,
      }),
      'nettskjema/skjema.json': jsonCodebook(form(2025)),
    });
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
  });

  it('reads an API CSV with the codebook on, its unit codes chosen by the form author, through the JSON codebook', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const { metrics, diagnostics } = await build({
      [`survey/${apiName(form(2025), '2026-01-10 15:50')}`]: apiCsv(form(2025), SUBMISSIONS_2025, { codebook: true }),
      'survey/codebook-314159.json': jsonCodebook(form(2025)),
    });
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
  });

  it('reads an XLSX report with the codebook on and no codebook: unit ids and codes', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const { metrics, diagnostics } = await build({
      'survey/hms-2025.xlsx': await xlsxReport(form(2025, 'ids'), withIds(SUBMISSIONS_2025), { codebook: true }),
      'imports.yaml': 'survey:\n  files: {2025: survey/hms-2025.xlsx}\n',
    });
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
  });

  it('reads an XLSX report with the codebook off through the text codebook of its year', async () => {
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const { metrics, diagnostics } = await build({
      'eksport/HMS-kartlegging 2025.xlsx': await xlsxReport(form(2025), SUBMISSIONS_2025, { codebook: false }),
      'eksport/kodebok 2025.txt': textCodebook(form(2025), '2026-01-10 15:50'),
      'imports.yaml': [
        'survey:',
        '  file: "eksport/*.xlsx"',
        '  codebooks: {2025: "eksport/kodebok 2025.txt"}',
        '  units: name',
        '',
      ].join('\n'),
    });
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
  });

  it('reads codebook-off downloads without a codebook from the catalogue’s texts, reworded between years', async () => {
    const expected = await contractFigures({ 2024: SUBMISSIONS_2024, 2025: SUBMISSIONS_2025 });
    const { metrics, diagnostics } = await build(
      {
        'imports.yaml': 'survey:\n  file: "survey/nettskjema-*.txt"\n',
        'survey/nettskjema-a.txt': apiCsv(form(2024), SUBMISSIONS_2024, { codebook: false }),
        'survey/nettskjema-b.txt': classicDownload(form(2025), SUBMISSIONS_2025, { codebook: false }),
      },
      { catalogue: CATALOGUE_WITH_TEXTS },
    );
    expect(diagnostics.errors).toEqual([]);
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
    expect(metrics!.survey!.questions.hms_mal!.years['2024']).toMatchObject({ positive: 2, applicable: 3 });
  });

  it('takes each file’s year from its $created dates, and refuses two downloads of one year', async () => {
    const both = {
      'survey/data-271828-2024-12-01-1200.txt': apiCsv(form(2024), SUBMISSIONS_2024, { codebook: true }),
      'survey/data-314159-2026-01-10-1550.txt': apiCsv(form(2025), SUBMISSIONS_2025, { codebook: true }),
      'survey/codebook-271828.json': jsonCodebook(form(2024)),
      'survey/codebook-314159.json': jsonCodebook(form(2025)),
    };
    const { metrics } = await build(both);
    expect(Object.keys(metrics!.survey!.questions.hms_mal!.years)).toEqual(['2024', '2025']);
    expect((await build(both, { year: 2024 })).metrics!.survey!.period!.years).toEqual([2024]);

    const { diagnostics } = await build({
      ...both,
      'survey/data-314159-2026-01-11-0800.txt': apiCsv(form(2025), SUBMISSIONS_2025, { codebook: true }),
    });
    expect(lines(diagnostics).filter((l) => !l.includes('warning'))).toEqual([
      "survey/data-314159-2026-01-11-0800.txt: this download is the 2025 survey, and so is survey/data-314159-2026-01-10-1550.txt: name each year's download under survey.files in imports.yaml",
    ]);
  });
});

describe('Nettskjema downloads: never silent', () => {
  it('is an error when a year’s download has none of the catalogue’s questions', async () => {
    const name = `survey/${classicName(form(2025), '2026-01-10 15:50')}`;
    const { diagnostics, metrics } = await build({
      [name]: classicDownload(form(2025), SUBMISSIONS_2025, { codebook: false }),
    });
    expect(metrics).toBeNull();
    expect(lines(diagnostics)).toEqual([
      `${name}:1: none of the catalogue's 4 questions of 2025 is a column of this download, so it gives no answers: its columns are question texts (the codebook was off in Nettskjema): put the form's codebook beside the download (codebook-<formid>.txt or .json) or name each question's text (text: / texts:) in survey/questions.yaml (its columns: "${TEXT.unit}", "${TEXT.mal}", "${TEXT.risiko}", "${TEXT.harKjem}", "Har enheten rutiner for stoff…)`,
    ]);
  });

  it('warns, listing them, about questions a download lacks; columns: {year: null} says one was not asked', async () => {
    const files = {
      'imports.yaml': 'survey:\n  files: {2024: survey/2024.txt, 2025: survey/2025.txt}\n',
      'survey/2024.txt': apiCsv(form(2024), SUBMISSIONS_2024, { codebook: false }),
      'survey/2025.txt': apiCsv(form(2025), SUBMISSIONS_2025, { codebook: false }),
    };
    // Without the 2024 wording the reworded question is not found that year.
    const catalogue = CATALOGUE_WITH_TEXTS.replace(`    texts: {2024: ${TEXT.malBefore}}\n`, '');
    const { diagnostics, metrics } = await build(files, { catalogue });
    expect(diagnostics.errors).toEqual([]);
    expect(lines(diagnostics).filter((l) => l.startsWith('survey/2024.txt'))).toEqual([
      `survey/2024.txt:1: warning: 1 of the catalogue's 4 questions of 2024 is not in this download and shows no data: hms_mal (nearest unread column: "${TEXT.malBefore}"); give the text of 2024 (texts: {2024: "…"}) or, if not asked that year, columns: {2024: null}`,
    ]);
    expect(Object.keys(metrics!.survey!.questions.hms_mal!.years)).toEqual(['2025']);

    const notAsked = catalogue.replace('    column: hms_maal\n', '    column: hms_maal\n    columns: {2024: null}\n');
    const quiet = await build(files, { catalogue: notAsked });
    expect(lines(quiet.diagnostics).filter((l) => l.startsWith('survey/2024.txt'))).toEqual([]);
  });

  it('lists each unknown label once, with its count, first row and column and the nearest label', async () => {
    const name = `survey/${classicName(form(2025), '2026-01-10 15:50')}`;
    const odd = SUBMISSIONS_2025.map((s, i) =>
      i < 3
        ? { ...s, answers: { ...s.answers, hms_maal: 'Ja, delvis' } }
        : i === 4
          ? { ...s, answers: { ...s.answers, risiko_gen: 'I stor grd' } }
          : s,
    );
    const { diagnostics, metrics } = await build({
      [name]: classicDownload(form(2025), odd, { codebook: false }),
      'survey/codebook-314159-2026-01-10.txt': textCodebook(form(2025), '2026-01-10 15:50'),
    });
    expect(metrics).toBeNull();
    expect(diagnostics.errors.map((d) => `${d.row}:${d.column}: ${d.message}`)).toEqual([
      `2:${TEXT.mal}: "Ja, delvis" (3 rows, first here) is not an answer option of question "hms_mal" (scale "janei"); nearest known: "Ja": add the label to the scale's options or to the codebook`,
      `6:${TEXT.risiko}: "I stor grd" (1 row, first here) is not an answer option of question "risiko" (scale "grad"); nearest known: "I stor grad": add the label to the scale's options or to the codebook`,
    ]);
  });

  it('names a codebook code the scale does not have', async () => {
    const extra: Form = {
      ...form(2025),
      questions: form(2025).questions.map((q) =>
        q.variable === 'hms_maal' ? { ...q, options: [...JANEI, ['7', 'Delvis'] as const] } : q,
      ),
    };
    const odd = SUBMISSIONS_2025.map((s, i) => (i === 1 ? { ...s, answers: { ...s.answers, hms_maal: '7' } } : s));
    const { diagnostics } = await build({
      'survey/data-314159-2026-01-10-1550.txt': apiCsv(extra, odd, { codebook: false }),
      'survey/codebook-314159.json': jsonCodebook(extra),
    });
    expect(diagnostics.errors.map((d) => d.message)).toEqual([
      '"Delvis" (1 row, first here) is not an answer option of question "hms_mal": the codebook gives it the code "7", which scale "janei" does not have',
    ]);
  });

  it('lists a unit name not in the register once, with its count and the nearest name', async () => {
    const renamed: Form = {
      ...form(2025),
      questions: form(2025).questions.map((q) =>
        q.variable === 'enhet'
          ? {
              ...q,
              options: q.options!.map(([c, n]) => [c, n === 'Institutt for geofag' ? 'Inst. for geofag' : n] as const),
            }
          : q,
      ),
    };
    const name = 'survey/data-314159-2026-01-10-1550.txt';
    const { diagnostics, metrics } = await build({
      [name]: apiCsv(renamed, SUBMISSIONS_2025, { codebook: false }),
      'survey/codebook-314159.json': jsonCodebook(form(2025)),
    });
    expect(metrics).toBeNull();
    expect(lines(diagnostics).filter((l) => !l.includes('warning'))).toEqual([
      `${name}:5:${TEXT.unit}: "Inst. for geofag" (2 rows, first here) is not a unit_id, name or short_name of units.csv; nearest known: "Institutt for geofag": correct the register (or units: in the survey stanza of imports.yaml)`,
    ]);
  });

  it('resolves units by short name when the stanza says so, and only by it', async () => {
    const short: Form = {
      ...form(2025),
      questions: form(2025).questions.map((q) =>
        q.variable === 'enhet'
          ? {
              ...q,
              options: [
                ['4', 'Biovit'],
                ['9', 'Kjemi'],
                ['12', 'HHS'],
                ['15', 'Geo'],
                ['20', 'Adm'],
              ] as const,
            }
          : q,
      ),
    };
    const expected = await contractFigures({ 2025: SUBMISSIONS_2025 });
    const files = {
      'survey/data-314159-2026-01-10-1550.txt': apiCsv(short, SUBMISSIONS_2025, { codebook: false }),
      'survey/codebook-314159.json': jsonCodebook(short),
    };
    const { metrics } = await build({ ...files, 'imports.yaml': 'survey:\n  units: short_name\n' });
    expect({ survey: metrics!.survey, units: metrics!.units }).toEqual(expected);
    const byName = await build({ ...files, 'imports.yaml': 'survey:\n  units: name\n' });
    expect(byName.diagnostics.errors[0]!.message).toMatch(
      /^"Biovit" \(1 row, first here\) is not a unit name of units\.csv/,
    );
  });

  it('names the file a stanza does not read, and a glob that matches nothing', async () => {
    const { diagnostics } = await build({
      'imports.yaml': 'survey:\n  file: "nettskjema/*.txt"\n',
      'survey/2025.csv': contractCsv(form(2025), SUBMISSIONS_2025, 'enhet', unitIdOf),
    });
    expect(lines(diagnostics)).toEqual([
      'imports.yaml:survey.file: "nettskjema/*.txt" matches no file of the workspace',
      'survey/2025.csv: warning: not read: the survey stanza of imports.yaml names the survey downloads, and this file is not one of them (file:, files:)',
    ]);
  });

  it('cannot tell the year of a download without dates', async () => {
    const { diagnostics } = await build({
      'survey/data-314159-2026-01-10-1550.txt': '"$submission_id";"enhet";"hms_maal"\n"1";"4";"1"\n',
    });
    expect(lines(diagnostics)).toEqual([
      'survey/data-314159-2026-01-10-1550.txt: cannot tell which year this download is: no submission has a date in $created or Opprettet; name it under survey.files in imports.yaml ({2025: "…"})',
    ]);
  });
});

describe('Nettskjema codebooks', () => {
  it('reads the classic text codebook: variables, texts and options, a bare checkbox without text', () => {
    const text = [
      '* Påmelding (id 82001) - 03.09.2018 15:50',
      '',
      '* Variabel\tEtikett',
      '',
      '',
      'Navn\tFornavn',
      '',
      '',
      'Samtykke\tnull',
      '',
      'Ja\tJeg samtykker',
      '',
      '',
      'fornoyd\tHvor fornøyd er du?',
      '',
      '1\tSvært fornøyd',
      '2\tLite fornøyd',
      '',
    ].join('\n');
    const diagnostics = new Diagnostics();
    const codebook = parseCodebook('kodebok.txt', text, diagnostics)!;
    expect(diagnostics.items).toEqual([]);
    expect(codebook.formId).toBe('82001');
    expect([...codebook.questions.values()]).toEqual([
      { variable: 'Navn', text: 'Fornavn', options: [] },
      { variable: 'Samtykke', text: null, options: [{ code: 'Ja', label: 'Jeg samtykker' }] },
      {
        variable: 'fornoyd',
        text: 'Hvor fornøyd er du?',
        options: [
          { code: '1', label: 'Svært fornøyd' },
          { code: '2', label: 'Lite fornøyd' },
        ],
      },
    ]);
  });

  it('reads the JSON elements: matrix rows as <element>.<row>, HTML left out of texts; the form id from the name', () => {
    const json = JSON.stringify([
      { elementType: 'HEADING', text: 'Om skjemaet', externalElementId: null, answerOptions: [] },
      {
        elementType: 'MATRIX_RADIO',
        text: 'Siste måned har enheten',
        externalElementId: 'siste',
        answerOptions: [
          { externalAnswerOptionId: '1', text: 'ja' },
          { externalAnswerOptionId: '2', text: '<b>nei</b>' },
        ],
        subElements: [{ externalElementId: 'vernerunde', text: 'hatt vernerunde' }],
      },
    ]);
    const diagnostics = new Diagnostics();
    const codebook = parseCodebook('survey/codebook-123823-2025.json', json, diagnostics)!;
    expect(codebook.formId).toBe('123823');
    expect(codebook.questions.get('siste.vernerunde')).toEqual({
      variable: 'siste.vernerunde',
      text: 'hatt vernerunde',
      options: [
        { code: '1', label: 'ja' },
        { code: '2', label: 'nei' },
      ],
    });
  });

  it('reports a file that is no codebook', () => {
    const diagnostics = new Diagnostics();
    expect(parseCodebook('a.json', '{"elements": ', diagnostics)).toBeNull();
    expect(parseCodebook('b.txt', 'hello', diagnostics)).toBeNull();
    expect(lines(diagnostics)).toEqual([
      expect.stringMatching(/^a\.json: the codebook is not valid JSON: /),
      'b.txt: not a Nettskjema codebook: expected the text codebook ("* Variabel<TAB>Etikett" and the variables below it) or the JSON of the form\'s elements',
    ]);
  });
});

describe('the worked example of docs/workspace.md', () => {
  it('reads as the guide says: 2024 by the catalogue’s texts, 2025 through the codebook beside it', async () => {
    const guide = readFileSync(join(PACKAGE_DIR, 'docs/workspace.md'), 'utf8');
    const example = guide.slice(guide.indexOf('### Worked example'));
    const blocks = [...example.matchAll(/```(?:yaml)?\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/→/g, '\t'));
    const names = [
      'units.csv',
      'imports.yaml',
      'survey/questions.yaml',
      'nettskjema/data-271828-2024-12-02-0915-utf.txt',
      'nettskjema/data-314159-2026-01-10-1550.txt',
      'nettskjema/codebook-314159-2026-01-10.txt',
    ];
    const diagnostics = new Diagnostics();
    const sources = await readSources(
      memoryWorkspace(Object.fromEntries(names.map((name, i) => [name, blocks[i]!]))),
      2025,
      diagnostics,
    );
    expect(lines(diagnostics)).toEqual([
      'nettskjema/data-314159-2026-01-10-1550.txt:4:Hvilken enhet svarer du for?: warning: unit "NU-KJE" submitted the 2025 survey 2 times (submissions 5502, 5503): only the latest, 5503, counts',
    ]);
    const years = computeMetrics(sources!).survey!.questions.hms_mal!.years;
    expect(years['2024']).toMatchObject({ positive: 1, applicable: 2 });
    expect(years['2025']).toMatchObject({ positive: 2, applicable: 2 });
  });
});
