import ExcelJS from 'exceljs';

/**
 * Nettskjema downloads and codebooks, made from one description of a form
 * and its submissions, in the shapes Nettskjema hands them out (see
 * docs/workspace.md, "The survey as downloaded"):
 *
 * - `classicDownload`: `data-<formid>-<date>-<hhmm>-utf.txt`, tab-separated,
 *   `NR`, `E-post`, `Opprettet` (`09.04.2017 08:50`), `Endret`, the
 *   questions, `Svartid` (`3 minutt`);
 * - `apiCsv`: `;`, every field quoted, `$submission_id`, `$created`
 *   (`2023-06-01T20:57:15+02:00`), the questions, `$answer_time_ms` last;
 * - `xlsxReport`: one sheet named after the form, `$submission_id` a number,
 *   `$created` an Excel date in local time, answers as text;
 * - `textCodebook` and `jsonCodebook`: the form's codebook.
 *
 * With `codebook: true` a download is headed by the questions' variables and
 * answered with option codes; with `codebook: false` (Nettskjema's default)
 * by the questions' texts and answered with the options' labels.
 */

export interface FormQuestion {
  /** The codebook's variable (external element id). */
  variable: string;
  text: string;
  /** Code and label of each option; none for a free-text question. */
  options?: readonly (readonly [string, string])[];
}

export interface Form {
  id: number;
  name: string;
  questions: readonly FormQuestion[];
}

export interface Submission {
  id: number;
  /** Local time as `YYYY-MM-DD HH:MM`. */
  created: string;
  /** Option codes (or free text) by variable; a variable left out is unanswered. */
  answers: Readonly<Record<string, string>>;
}

export interface Shape {
  codebook: boolean;
}

function headerOf(form: Form, shape: Shape): string[] {
  return form.questions.map((q) => (shape.codebook ? q.variable : q.text));
}

function answerOf(question: FormQuestion, submission: Submission, shape: Shape): string {
  const answer = submission.answers[question.variable];
  if (answer === undefined || shape.codebook || !question.options) return answer ?? '';
  const option = question.options.find(([code]) => code === answer);
  // An answer the form does not have is written as given: that is how a test makes an unknown label.
  return option ? option[1] : answer;
}

const pad = (n: number) => String(n).padStart(2, '0');

function parts(local: string) {
  const [date, time = '12:00'] = local.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return { y: y!, m: m!, d: d!, hh: hh!, mm: mm! };
}

/** Norway's offset on a date (summer time from the last Sunday of March to the last Sunday of October, roughly). */
function offsetOf(local: string): string {
  const { m } = parts(local);
  return m >= 4 && m <= 10 ? '+02:00' : '+01:00';
}

/** The classic download's name: `data-<formid>-<yyyy-mm-dd>-<hhmm>-utf.txt`. */
export function classicName(form: Form, downloaded: string): string {
  const { y, m, d, hh, mm } = parts(downloaded);
  return `data-${form.id}-${y}-${pad(m)}-${pad(d)}-${pad(hh)}${pad(mm)}-utf.txt`;
}

/** The API's download name: `data-<formid>-<yyyy-mm-dd>-<hhmm>.txt`. */
export function apiName(form: Form, downloaded: string): string {
  const { y, m, d, hh, mm } = parts(downloaded);
  return `data-${form.id}-${y}-${pad(m)}-${pad(d)}-${pad(hh)}${pad(mm)}.txt`;
}

export function classicDownload(form: Form, submissions: readonly Submission[], shape: Shape): string {
  const header = ['NR', 'E-post', 'Opprettet', 'Endret', ...headerOf(form, shape), 'Svartid'];
  const rows = submissions.map((s) => {
    const { y, m, d, hh, mm } = parts(s.created);
    const created = `${pad(d)}.${pad(m)}.${y} ${pad(hh)}:${pad(mm)}`;
    return [
      String(s.id),
      `hms-${s.id}@nordfjord.example`,
      created,
      created,
      ...form.questions.map((q) => answerOf(q, s, shape)),
      `${1 + (s.id % 7)} minutt`,
    ];
  });
  return [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}

export function apiCsv(form: Form, submissions: readonly Submission[], shape: Shape): string {
  const header = ['$submission_id', '$created', ...headerOf(form, shape), '$answer_time_ms'];
  const rows = submissions.map((s) => [
    String(s.id),
    `${s.created.replace(' ', 'T')}:00${offsetOf(s.created)}`,
    ...form.questions.map((q) => answerOf(q, s, shape)),
    String(60_000 + s.id * 17),
  ]);
  return [header, ...rows].map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(';')).join('\n') + '\n';
}

export async function xlsxReport(form: Form, submissions: readonly Submission[], shape: Shape): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(form.name.slice(0, 31));
  sheet.addRow(['$submission_id', '$created', ...headerOf(form, shape), '$answer_time_ms']);
  for (const s of submissions) {
    const { y, m, d, hh, mm } = parts(s.created);
    const row = sheet.addRow([
      s.id,
      // Local time without offset: Excel has no zones, so the wall-clock time is stored as if it were UTC.
      new Date(Date.UTC(y, m - 1, d, hh, mm)),
      ...form.questions.map((q) => answerOf(q, s, shape)),
      60_000 + s.id * 17,
    ]);
    row.getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
}

/** The classic text codebook. */
export function textCodebook(form: Form, downloaded: string): string {
  const { y, m, d, hh, mm } = parts(downloaded);
  const lines = [
    `* ${form.name} (id ${form.id}) - ${pad(d)}.${pad(m)}.${y} ${pad(hh)}:${pad(mm)}`,
    '',
    '* Variabel\tEtikett',
  ];
  for (const q of form.questions) {
    lines.push('', '', `${q.variable}\t${q.text}`);
    if (q.options?.length) lines.push('', ...q.options.map(([code, label]) => `${code}\t${label}`));
  }
  return lines.join('\n') + '\n';
}

/** The JSON of the form's elements, as the API gives it (only the fields the tool reads, and a few beside them). */
export function jsonCodebook(form: Form): string {
  const elements = [
    {
      elementId: 1,
      elementType: 'HEADING',
      text: form.name,
      externalElementId: null,
      answerOptions: [],
      subElements: [],
    },
    ...form.questions.map((q, i) => ({
      elementId: 100 + i,
      elementType: q.options ? (q.options.length > 6 ? 'SELECT' : 'RADIO') : 'QUESTION',
      sequence: i + 1,
      text: q.text,
      externalElementId: q.variable,
      answerOptions: (q.options ?? []).map(([code, label], j) => ({
        answerOptionId: 1000 * (i + 1) + j,
        sequence: j + 1,
        text: label,
        externalAnswerOptionId: code,
      })),
      subElements: [],
    })),
  ];
  return JSON.stringify(elements, null, 2);
}

/** The same submissions in the data contract's form: `survey/<year>.csv` with unit ids and option codes. */
export function contractCsv(
  form: Form,
  submissions: readonly Submission[],
  unitVariable: string,
  unitIdOf: (code: string) => string,
): string {
  const header = ['$submission_id', '$created', ...form.questions.map((q) => q.variable)];
  const rows = submissions.map((s) => [
    String(s.id),
    s.created,
    ...form.questions.map((q) =>
      q.variable === unitVariable ? unitIdOf(s.answers[q.variable]!) : (s.answers[q.variable] ?? ''),
    ),
  ]);
  return [header, ...rows].map((r) => r.map((v) => `"${v}"`).join(';')).join('\n') + '\n';
}
