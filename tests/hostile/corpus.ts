import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Metrics } from '../../src/metrics/types.js';

/**
 * The hostile-input corpus: broken or careless workspaces, each derived from
 * the samples by one change (encodings, numbers, dates, headers, ids, YAML,
 * links, formulas, injected markup, years). Each says what validate must do:
 * exit 1 naming the file (at a row or line where one exists), or exit 0 with
 * the right numbers where the input is in fact valid, or exit 2 for a year
 * the tool does not make. The kills and the spawned processes are in
 * corpus.test.ts.
 */

export interface HostileCase {
  name: string;
  kind: string;
  /** Changes a copy of the corpus base (the samples, incidents as CSV). */
  apply(dir: string): void | Promise<void>;
  /** The report year given to validate and build (a string: some are not years). */
  year?: string;
  status: 0 | 1 | 2;
  /** An error must name this file (its path as printed). */
  file?: string;
  /** Every error naming `file` must give a row or line (a problem in a value or a line, not in a whole file). */
  atLine?: boolean;
  /** Some message must match. */
  message?: RegExp;
  /** For a valid workspace: what must hold of its metrics, beside the base build's. */
  metrics?: (metrics: Metrics, base: Metrics) => void;
  /** At most this many errors (a cause reported once, not its echoes). */
  maxErrors?: number;
  /** For a valid workspace: what must hold of its report.html. */
  html?: (html: string) => void;
}

// ---- editing helpers ------------------------------------------------------

type Encoding = 'utf8' | 'latin1';

const read = (dir: string, file: string, encoding: Encoding = 'utf8') => readFileSync(join(dir, file), encoding);
/**
 * A new file: a case's files are hard links to the shared base (corpus-run.ts), which a write into them would change.
 */
const write = (dir: string, file: string, text: string | Uint8Array, encoding: Encoding = 'utf8') => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  rmSync(join(dir, file), { force: true });
  writeFileSync(join(dir, file), text, typeof text === 'string' ? encoding : undefined);
};

/** The files of the samples in Windows-1252; the rest are UTF-8. */
const ENCODING: Record<string, Encoding> = { 'whistleblowing.csv': 'latin1', 'absence.csv': 'latin1' };

function editLines(dir: string, file: string, edit: (lines: string[]) => string[]): void {
  const encoding = ENCODING[file] ?? 'utf8';
  const text = read(dir, file, encoding);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  write(dir, file, edit(text.split(eol)).join(eol), encoding);
}

/** Sets one cell of a CSV: `line` is the editor's line (1 = header), `column` a header name. */
function setCell(dir: string, file: string, line: number, column: string, value: string): void {
  editLines(dir, file, (lines) => {
    const delimiter = lines[0]!.includes(';') ? ';' : ',';
    const header = lines[0]!
      .replace(/^\uFEFF/, '')
      .split(delimiter)
      .map((h) => h.replace(/"/g, '').toLowerCase());
    const index = header.indexOf(column.toLowerCase());
    if (index < 0) throw new Error(`${file} has no column ${column}`);
    const cells = lines[line - 1]!.split(delimiter);
    cells[index] = value;
    lines[line - 1] = cells.join(delimiter);
    return lines;
  });
}

const appendLine = (dir: string, file: string, line: string) =>
  editLines(dir, file, (l) => [...l.filter(Boolean), line, '']);

const utf16le = (text: string) => Buffer.from(text, 'utf16le');

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** injuries.csv as an XLSX whose row `line` has `value` in column `column` (a formula object or anything else). */
async function injuriesXlsx(dir: string, line: number, column: string, value: unknown): Promise<void> {
  const rows = read(dir, 'injuries.csv')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split(','));
  const index = rows[0]!.indexOf(column);
  rows[line - 1]![index] = value as string;
  unlinkSync(join(dir, 'injuries.csv'));
  write(dir, 'injuries.xlsx', await xlsx(rows));
}

/**
 * The samples with their exports in the data contract's own form
 * (tests/fixtures/contract-samples/: the same facts the samples give through
 * imports.yaml), so each case breaks one contract file. The cases are judged
 * against a build of this base. The three long exports keep their first rows
 * (the ones the cases edit) and every 25th after: a case is about one broken
 * value, and a 25th of the rows reads in a fraction of the time.
 */
export async function prepareBase(samples: string, dir: string): Promise<void> {
  cpSync(samples, dir, { recursive: true });
  for (const exported of ['generate', 'EQS', 'Rapportsenter', 'imports.yaml'])
    rmSync(join(dir, exported), { recursive: true, force: true });
  for (const download of readdirSync(join(dir, 'survey')).filter((f) => /^(data|codebook)-/.test(f)))
    rmSync(join(dir, 'survey', download));
  cpSync(CONTRACT_SAMPLES, dir, { recursive: true });
  for (const file of ['absence.csv', 'incidents.csv', 'working-time.csv'])
    editLines(dir, file, (lines) => lines.filter((line, i) => i <= 10 || i % 25 === 0 || line === ''));
}

/** The samples' exports in the contract's form, written by the sample generator (npm run samples). */
const CONTRACT_SAMPLES = fileURLToPath(new URL('../fixtures/contract-samples/', import.meta.url));

const BOMB = (key: string) =>
  [
    `${key}: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
    '',
  ].join('\n');

const narrative = (dir: string, text: string) =>
  write(dir, 'content/2025/99-test.md', `# Test\n\nEn linje.\n\n${text}\n`);

const total = (m: Metrics, year = '2025') => m.absence!.years[year]!.total;

// ---- the corpus -----------------------------------------------------------

export const CASES: HostileCase[] = [
  // numbers (absence.csv: decimal comma; line 2 is a 2023 row of AD-ADM)
  ...[
    ['1e309', /infinite or beyond/],
    ['1e300', /infinite or beyond/],
    ['Infinity', /not a number/],
    ['NaN', /not a number/],
    ['114,000.5', /both a comma and a point/],
    ['1.114,00', /both a comma and a point/],
    ['117.80', /decimal point, but this file writes decimals with a comma/],
    ['-5,00', /below the smallest/],
    ['0x10', /not a number/],
    ['12,5,0', /not a number/],
  ].map(([value, message]): HostileCase => ({
    name: `agreed_days ${value as string}`,
    kind: 'numbers',
    apply: (dir) => setCell(dir, 'absence.csv', 2, 'agreed_days', value as string),
    status: 1,
    file: 'absence.csv',
    atLine: true,
    message: message as RegExp,
  })),
  {
    name: 'persons 5,5',
    kind: 'numbers',
    apply: (dir) => setCell(dir, 'absence.csv', 3, 'persons', '5,5'),
    status: 1,
    file: 'absence.csv',
    atLine: true,
    message: /not a whole number/,
  },
  {
    name: 'self and doctor above agreed days',
    kind: 'numbers',
    apply: (dir) => setCell(dir, 'absence.csv', 3, 'doctor_certified_days', '900,00'),
    status: 1,
    file: 'absence.csv',
    atLine: true,
  },
  {
    name: 'agreed_days with spaces as thousands separators is the same number',
    kind: 'numbers',
    apply: (dir) => setCell(dir, 'absence.csv', 2, 'agreed_days', ' 117,80 '),
    status: 0,
    metrics: (m, base) => expect(m.absence).toEqual(base.absence),
  },
  // dates and years
  ...[
    ['injuries.csv', 2, 'date', '1900-01-01'],
    ['injuries.csv', 2, 'date', '2999-01-01'],
    ['injuries.csv', 2, 'date', '0025-01-24'],
    ['whistleblowing.csv', 2, 'received_date', '31.02.2025'],
    ['whistleblowing.csv', 3, 'received_date', '01.01.1970'],
    ['working-time.csv', 2, 'date', '31.01.1899'],
    ['absence.csv', 2, 'year', '1999'],
    ['absence.csv', 2, 'year', '2O23'],
    ['incidents.csv', 2, 'registered_date', '"1900-01-01"'],
  ].map(([file, line, column, value]): HostileCase => ({
    name: `${file as string} ${column as string} ${value as string}`,
    kind: 'dates',
    apply: (dir) => setCell(dir, file as string, line as number, column as string, value as string),
    status: 1,
    file: file as string,
    atLine: true,
  })),
  {
    name: 'a survey submission from 1899',
    kind: 'dates',
    apply: (dir) =>
      editLines(dir, 'survey/2025.csv', (l) => [
        l[0]!,
        l[1]!.replace(/"2025-\d\d-\d\d /, '"1899-12-31 '),
        ...l.slice(2),
      ]),
    status: 1,
    file: 'survey/2025.csv',
    atLine: true,
  },
  // headers
  {
    name: 'injuries header with kind twice',
    kind: 'headers',
    apply: (dir) => editLines(dir, 'injuries.csv', (l) => l.map((x, i) => (i === 0 ? `${x},Kind ` : x && `${x},x`))),
    status: 1,
    file: 'injuries.csv',
    atLine: true,
    message: /same column twice: "kind" \(column 4\) and "Kind" \(column 5\)/,
  },
  {
    name: 'units header with unit_id twice',
    kind: 'headers',
    apply: (dir) => editLines(dir, 'units.csv', (l) => l.map((x, i) => (i === 0 ? `${x}, UNIT_ID` : x && `${x},`))),
    status: 1,
    file: 'units.csv',
    atLine: true,
  },
  {
    name: 'absence without agreed_days',
    kind: 'headers',
    apply: (dir) =>
      editLines(dir, 'absence.csv', (l) => [l[0]!.replace('agreed_days', 'avtalte_dagsverk'), ...l.slice(1)]),
    status: 1,
    file: 'absence.csv',
    atLine: true,
    message: /required column "agreed_days" is missing/,
  },
  {
    name: 'an empty injuries.csv',
    kind: 'headers',
    apply: (dir) => write(dir, 'injuries.csv', ''),
    status: 1,
    file: 'injuries.csv',
  },
  {
    name: 'injuries.csv with its header only',
    kind: 'headers',
    apply: (dir) => write(dir, 'injuries.csv', 'case_id,unit_id,date,kind\n'),
    status: 0,
    metrics: (m) => expect(m.injuries!.years).toEqual({ '2025': { yrkesskade: 0, yrkessykdom: 0 } }),
  },
  // encodings
  {
    name: 'a Windows-1252 file with one UTF-8 row',
    kind: 'encodings',
    apply: (dir) => {
      const text = read(dir, 'whistleblowing.csv', 'latin1');
      write(
        dir,
        'whistleblowing.csv',
        Buffer.concat([
          Buffer.from(text, 'latin1'),
          Buffer.from('V-2025-999;19.01.2025;Psykososialt og organisatorisk arbeidsmiljø;Nei\r\n', 'utf8'),
        ]),
      );
    },
    status: 1,
    file: 'whistleblowing.csv',
    atLine: true,
    message: /encoded as UTF-8, but line \d+ as Windows-1252/,
  },
  {
    name: 'a UTF-8 file with one Windows-1252 row',
    kind: 'encodings',
    apply: (dir) => {
      const text = read(dir, 'units.csv');
      write(
        dir,
        'units.csv',
        Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from('XX,Sær enhet,,,nei,,\r\n', 'latin1')]),
      );
    },
    status: 1,
    file: 'units.csv',
    atLine: true,
    message: /Windows-1252/,
  },
  {
    name: 'UTF-16 without its byte-order mark',
    kind: 'encodings',
    apply: (dir) => write(dir, 'injuries.csv', utf16le(read(dir, 'injuries.csv'))),
    status: 1,
    file: 'injuries.csv',
    message: /looks like UTF-16 without a byte-order mark/,
  },
  {
    name: 'UTF-16 with its byte-order mark',
    kind: 'encodings',
    apply: (dir) =>
      write(dir, 'injuries.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(read(dir, 'injuries.csv'))])),
    status: 0,
    metrics: (m, base) => expect(m.injuries).toEqual(base.injuries),
  },
  {
    name: 'units.csv saved as Windows-1252',
    kind: 'encodings',
    apply: (dir) => write(dir, 'units.csv', Buffer.from(read(dir, 'units.csv').replace(/^\uFEFF/, ''), 'latin1')),
    status: 0,
    metrics: (m, base) => expect(m.units.names).toEqual(base.units.names),
  },
  {
    name: 'a config with lines in two encodings',
    kind: 'encodings',
    apply: (dir) =>
      write(
        dir,
        'hms-report.config.yaml',
        Buffer.concat([Buffer.from('# Første linje\n', 'utf8'), Buffer.from('institution: NTNU Ålesund\n', 'latin1')]),
      ),
    status: 1,
    file: 'hms-report.config.yaml',
    atLine: true,
  },
  // XLSX
  {
    name: 'an XLSX formula without a cached value as a unit id',
    kind: 'xlsx',
    apply: (dir) => injuriesXlsx(dir, 3, 'unit_id', { formula: 'A1&"X"' }),
    status: 1,
    file: 'injuries.xlsx',
    message: /formula "=A1&"X"" but no calculated value/,
  },
  {
    name: 'an XLSX formula with a cached value',
    kind: 'xlsx',
    apply: (dir) => injuriesXlsx(dir, 3, 'kind', { formula: 'LOWER("Yrkesskade")', result: 'Yrkesskade' }),
    status: 0,
    metrics: (m, base) => expect(m.injuries).toEqual(base.injuries),
  },
  {
    name: 'an XLSX error value as a kind',
    kind: 'xlsx',
    apply: (dir) => injuriesXlsx(dir, 4, 'kind', { error: '#N/A' }),
    status: 1,
    file: 'injuries.xlsx',
    message: /Excel error "#N\/A"/,
  },
  {
    name: 'an XLSX that is not a workbook',
    kind: 'xlsx',
    apply: (dir) => (unlinkSync(join(dir, 'incidents.csv')), write(dir, 'incidents.xlsx', 'PK\u0003\u0004 broken')),
    status: 1,
    file: 'incidents.xlsx',
  },
  {
    name: 'a survey workbook without a header',
    kind: 'xlsx',
    apply: async (dir) => write(dir, 'survey/2023.xlsx', await xlsx([[], [null, 'x']])),
    status: 1,
    file: 'survey/2023.xlsx',
  },
  // ids
  {
    name: 'units called __proto__, constructor, toString and hasOwnProperty',
    kind: 'ids',
    apply: (dir) => {
      const ids = ['constructor', 'toString', 'hasOwnProperty'];
      appendLine(dir, 'units.csv', '__proto__,Proto,,,nei,,');
      for (const id of ids) appendLine(dir, 'units.csv', `${id},Enhet ${id},,__proto__,ja,,`);
      for (const id of [...ids, '__proto__'])
        for (const q of [1, 2, 3, 4]) appendLine(dir, 'absence.csv', `2025;${q};${id};K;1065;6;500,00;10,00;20,00`);
      appendLine(dir, 'injuries.csv', 'YS-X1,constructor,2025-02-01,Yrkesskade');
      appendLine(dir, 'working-time.csv', '__proto__,31.01.2025,uke_over_48,4');
      appendLine(dir, 'whistleblowing.csv', 'V-2025-901;19.01.2025;constructor;Nei');
      appendLine(
        dir,
        'incidents.csv',
        '"E-X1";"toString";"2025-03-01";"avvik";"__proto__";"lukket";"2025-03-02";"";"";"";"";"";""',
      );
    },
    status: 0,
    metrics: (m) => {
      expect(Object.keys(m.units.names!)).toEqual(
        expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty']),
      );
      expect(m.absence!.byOrg['2025']!['__proto__']).toBeCloseTo(6, 5);
      expect(m.absence!.byUnit['2025']!['constructor']).toBeCloseTo(6, 5);
      expect(m.incidents!.byOrg['__proto__']).toBe(1);
      expect(m.incidents!.byCategory['__proto__']).toBe(1);
      expect(m.whistleblowing!.byTopic['constructor']).toBe(1);
      expect(m.workingTime!.years['2025']!.byOrg['__proto__']).toBe(4);
    },
  },
  {
    name: 'one unit without a name: one error, no echoes',
    kind: 'ids',
    apply: (dir) => setCell(dir, 'units.csv', 3, 'name', ''),
    status: 1,
    maxErrors: 1,
    file: 'units.csv',
    atLine: true,
  },
  {
    name: 'a unit id used twice',
    kind: 'ids',
    apply: (dir) => appendLine(dir, 'units.csv', 'AD,Igjen,,,nei,,'),
    status: 1,
    file: 'units.csv',
    atLine: true,
  },
  {
    name: 'a parent that loops',
    kind: 'ids',
    apply: (dir) => appendLine(dir, 'units.csv', 'L1,Løkke,,L1,nei,,'),
    status: 1,
    file: 'units.csv',
    atLine: true,
  },
  {
    name: 'a 10 MB cell',
    kind: 'messages',
    apply: (dir) => setCell(dir, 'injuries.csv', 2, 'kind', 'x'.repeat(10_000_000)),
    status: 1,
    file: 'injuries.csv',
    atLine: true,
  },
  {
    name: 'a 1 MB header cell',
    kind: 'messages',
    apply: (dir) =>
      editLines(dir, 'injuries.csv', (l) => [l[0]!.replace('kind', 'k'.repeat(1_000_000)), ...l.slice(1)]),
    status: 1,
    file: 'injuries.csv',
  },
  // YAML
  {
    name: 'billion laughs in the config',
    kind: 'yaml',
    apply: (dir) => write(dir, 'hms-report.config.yaml', BOMB('institution')),
    status: 1,
    file: 'hms-report.config.yaml',
    atLine: true,
  },
  {
    name: 'billion laughs in facts.yaml',
    kind: 'yaml',
    apply: (dir) => write(dir, 'content/2025/facts.yaml', BOMB('ark')),
    status: 1,
    file: 'content/2025/facts.yaml',
    atLine: true,
  },
  {
    name: 'billion laughs in benchmarks.yaml: the usual warning that its table is left out',
    kind: 'yaml',
    apply: (dir) => write(dir, 'benchmarks.yaml', BOMB('benchmarks')),
    // The samples' text cites the benchmarks without {{#if benchmarks}}: those lines are errors too.
    status: 1,
    file: 'content/2025/04-0-sykefravaer.md',
    atLine: true,
    message: /^benchmarks\.yaml:\d+: warning: .*aliases/m,
  },
  {
    name: 'an unclosed flow map on line 4 of the config',
    kind: 'yaml',
    apply: (dir) =>
      write(
        dir,
        'hms-report.config.yaml',
        'institution: NTNU\n# x\n# y\nthresholds: {green: 80, red: 50\nsuppression:\n  minPersons: 5\n',
      ),
    status: 1,
    file: 'hms-report.config.yaml',
    atLine: true,
    message: /^hms-report\.config\.yaml:4: not valid YAML: the \{ on this line is never closed/m,
  },
  {
    name: 'minPersons 0',
    kind: 'yaml',
    apply: (dir) => write(dir, 'hms-report.config.yaml', 'suppression: {minPersons: 0}\n'),
    status: 1,
    file: 'hms-report.config.yaml',
    atLine: true,
  },
  {
    name: 'a misspelt column in the question catalogue',
    kind: 'yaml',
    apply: (dir) =>
      write(
        dir,
        'survey/questions.yaml',
        read(dir, 'survey/questions.yaml').replace('column: hms_politikk_kjent', 'column: hms_politik_kjent'),
      ),
    status: 1,
    file: 'survey/questions.yaml',
    atLine: true,
    message: /"hms_politik_kjent" is in none of the survey exports/,
  },
  {
    name: 'a question on a scale called constructor',
    kind: 'yaml',
    apply: (dir) =>
      write(
        dir,
        'survey/questions.yaml',
        read(dir, 'survey/questions.yaml').replace('scale: janei', 'scale: constructor'),
      ),
    status: 1,
    file: 'survey/questions.yaml',
    atLine: true,
    message: /scale "constructor" is not defined/,
  },
  {
    name: 'a __proto__ key in the config',
    kind: 'yaml',
    apply: (dir) =>
      write(dir, 'hms-report.config.yaml', `${read(dir, 'hms-report.config.yaml')}__proto__: {institution: X}\n`),
    status: 0,
    message: /warning: unknown key "__proto__"/,
    metrics: (m) => expect(m.institution).toBe('NTNU'),
  },
  // files
  {
    name: 'a folder named injuries.csv',
    kind: 'files',
    apply: (dir) => (unlinkSync(join(dir, 'injuries.csv')), mkdirSync(join(dir, 'injuries.csv'))),
    status: 1,
    file: 'injuries.csv',
  },
  {
    name: 'a folder named hms-report.config.yaml',
    kind: 'files',
    apply: (dir) => (unlinkSync(join(dir, 'hms-report.config.yaml')), mkdirSync(join(dir, 'hms-report.config.yaml'))),
    status: 1,
    file: 'hms-report.config.yaml',
  },
  {
    name: 'a symbolic link loop as injuries.csv',
    kind: 'files',
    apply: (dir) => (unlinkSync(join(dir, 'injuries.csv')), symlinkSync('injuries.csv', join(dir, 'injuries.csv'))),
    status: 1,
    file: 'injuries.csv',
  },
  {
    name: 'a narrative file linked to /etc/passwd',
    kind: 'files',
    apply: (dir) => symlinkSync('/etc/passwd', join(dir, 'content/2025/99-passwd.md')),
    status: 1,
    file: 'content/2025/99-passwd.md',
    message: /outside the workspace/,
  },
  {
    name: 'the survey folder linked outside',
    kind: 'files',
    apply: (dir) => (
      cpSync(join(dir, 'survey'), `${dir}-survey`, { recursive: true }),
      rmSync(join(dir, 'survey'), { recursive: true }),
      symlinkSync(`${dir}-survey`, join(dir, 'survey'))
    ),
    status: 1,
    file: 'survey',
  },
  {
    name: 'a link inside the workspace',
    kind: 'files',
    apply: (dir) => {
      mkdirSync(join(dir, 'raw'));
      cpSync(join(dir, 'injuries.csv'), join(dir, 'raw/yrkesskader.csv'));
      unlinkSync(join(dir, 'injuries.csv'));
      symlinkSync('raw/yrkesskader.csv', join(dir, 'injuries.csv'));
    },
    status: 0,
    metrics: (m, base) => expect(m.injuries).toEqual(base.injuries),
  },
  {
    name: 'Injuries.CSV beside injuries.csv',
    kind: 'files',
    apply: (dir) => cpSync(join(dir, 'injuries.csv'), join(dir, 'Injuries.CSV')),
    status: 1,
    file: 'Injuries.CSV and injuries.csv',
    message: /differ only in upper and lower case/,
  },
  {
    name: 'no units.csv',
    kind: 'files',
    apply: (dir) => unlinkSync(join(dir, 'units.csv')),
    status: 1,
    file: 'units.csv',
  },
  // injected markup
  {
    name: 'markup, placeholders and formulas in names and topics',
    kind: 'injection',
    apply: (dir) => {
      setCell(dir, 'units.csv', 2, 'name', '<script>alert(1)</script> {{institution}} =HYPERLINK(1)');
      appendLine(dir, 'whistleblowing.csv', 'V-2025-902;19.02.2025;<img src=http://x/y.png>;Nei');
    },
    status: 0,
    html: (html) => {
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('<img src=http');
    },
  },
  ...[
    ['<script>alert(1)</script>', /<script> is not allowed/],
    ['Tekst <img src="http://x.example/p.png"> her', /would fetch/],
    ['![bilde](https://x.example/p.png)', /would fetch/],
    ['<iframe src="https://x.example"></iframe>', /<iframe> is not allowed/],
    ['<link rel="stylesheet" href="http://x.example/s.css">', /<link> is not allowed/],
    ['<style>@import url(http://x.example/s.css);</style>', /<style> is not allowed/],
    ['<span style="background:url(http://x.example/b.png)">x</span>', /would fetch/],
    ['<a href="javascript:alert(1)">x</a>', /would fetch/],
    ['<p onclick="alert(1)">x</p>', /"onclick" is not allowed/],
    ['<object data="http://x.example/a.swf"></object>', /<object> is not allowed/],
  ].map(([text, message]): HostileCase => ({
    name: `narrative: ${String(text)}`,
    kind: 'injection',
    apply: (dir) => narrative(dir, text as string),
    status: 1,
    file: 'content/2025/99-test.md',
    atLine: true,
    message: new RegExp(`^content/2025/99-test\\.md:5: .*${(message as RegExp).source}`, 'm'),
  })),
  {
    name: 'narrative: a link out and an embedded image are fine',
    kind: 'injection',
    apply: (dir) =>
      narrative(dir, '[Lovdata](https://lovdata.no) og <img src="data:image/png;base64,iVBORw0KGgo=" alt="x">'),
    status: 0,
    html: (html) => expect(html).toContain('<a href="https://lovdata.no">Lovdata</a>'),
  },
  // years
  { name: 'report year 9999', kind: 'years', apply: () => undefined, year: '9999', status: 2 },
  { name: 'report year 0000', kind: 'years', apply: () => undefined, year: '0000', status: 2 },
  { name: 'report year 1999', kind: 'years', apply: () => undefined, year: '1999', status: 2 },
  {
    name: 'report year 2024, older than the data',
    kind: 'years',
    apply: () => undefined,
    year: '2024',
    status: 0,
    metrics: (m, base) => expect(total(m, '2024')).toBe(total(base, '2024')),
  },
  // CSV structure
  {
    name: 'an unbalanced quote',
    kind: 'csv',
    apply: (dir) => setCell(dir, 'injuries.csv', 5, 'kind', '"Yrkesskade'),
    status: 1,
    file: 'injuries.csv',
    atLine: true,
  },
  {
    name: 'mixed line endings',
    kind: 'csv',
    apply: (dir) => editLines(dir, 'injuries.csv', (l) => [l.map((x, i) => (i % 2 ? `${x}\r` : x)).join('\n')]),
    status: 0,
    metrics: (m, base) => expect(m.injuries).toEqual(base.injuries),
  },
  {
    name: 'an Excel sep= line',
    kind: 'csv',
    apply: (dir) => write(dir, 'injuries.csv', `sep=,\n${read(dir, 'injuries.csv').replace(/^\uFEFF/, '')}`),
    status: 0,
    metrics: (m, base) => expect(m.injuries).toEqual(base.injuries),
  },
];
