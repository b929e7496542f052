import type { Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';

/**
 * A Nettskjema codebook: for each question variable (the form's external
 * element id) the question's text and its answer options as code and label.
 * With the codebook turned off in Nettskjema a download is headed by the
 * question texts and answered with the option labels; the codebook is how
 * those become the catalogue's variables and codes.
 *
 * Two forms are read:
 * - the classic text file: `* <form> (id <formid>) - <date>`, a blank line,
 *   `* Variabel<TAB>Etikett`, then per variable a block that starts after two
 *   or more blank lines: `<variable><TAB><question text>`, then its options as
 *   `<code><TAB><label>` lines (single blank lines between them are allowed);
 * - the JSON of the form's elements (the API's `/form/<id>/elements`, or an
 *   object holding it under `elements`): `externalElementId`, `text`,
 *   `answerOptions[].externalAnswerOptionId` / `text`, and `subElements` for
 *   the rows of a matrix (variable `<element>.<row>`, also `<row>` alone).
 */

export interface CodebookOption {
  code: string;
  label: string;
}

export interface CodebookQuestion {
  variable: string;
  /** The question's text; null where the codebook gives none (`null`: a bare checkbox). */
  text: string | null;
  options: readonly CodebookOption[];
}

export interface Codebook {
  file: string;
  /** From the text codebook's first line or the file name (`codebook-<formid>…`); null when neither says. */
  formId: string | null;
  /** By variable, compared in any case. */
  questions: ReadonlyMap<string, CodebookQuestion>;
}

/** The codebook's entry for a variable, any case. */
export function codebookQuestion(codebook: Codebook | null, variable: string): CodebookQuestion | undefined {
  return codebook?.questions.get(variable.trim().toLowerCase());
}

/** The form id a Nettskjema file name carries: `data-82087-…`, `codebook-82087-…`. */
export function formIdOfName(file: string): string | null {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return /^(?:data|codebook)-(\d+)(?:[-_.]|$)/i.exec(base)?.[1] ?? null;
}

/** Parses a codebook file's text (JSON when it starts with `[` or `{`); null after an error saying why. */
export function parseCodebook(file: string, text: string, diagnostics: Diagnostics): Codebook | null {
  const body = text.replace(/^\uFEFF/, '');
  const questions = /^\s*[[{]/.test(body)
    ? jsonQuestions(file, body, diagnostics)
    : textQuestions(file, body, diagnostics);
  if (!questions) return null;
  const byVariable = new Map<string, CodebookQuestion>();
  for (const question of questions) {
    const key = question.variable.trim().toLowerCase();
    if (!byVariable.has(key)) byVariable.set(key, question);
  }
  const declared = /\(id (\d+)\)/.exec(body.split('\n', 1)[0] ?? '')?.[1] ?? null;
  return { file, formId: declared ?? formIdOfName(file), questions: byVariable };
}

function textQuestions(file: string, text: string, diagnostics: Diagnostics): CodebookQuestion[] | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headerIndex = lines.findIndex((line) => /^\*\s*Variabel\t/i.test(line));
  if (headerIndex < 0) {
    diagnostics.error(file, messages.surveyCodebookUnreadable());
    return null;
  }
  const questions: { variable: string; text: string | null; options: CodebookOption[] }[] = [];
  let blanks = 2;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      blanks++;
      continue;
    }
    const tab = line.indexOf('\t');
    const first = (tab < 0 ? line : line.slice(0, tab)).trim();
    const second = tab < 0 ? '' : line.slice(tab + 1).trim();
    const current = questions.at(-1);
    if (blanks >= 2 || !current) {
      questions.push({ variable: first, text: second === '' || second === 'null' ? null : second, options: [] });
    } else {
      current.options.push({ code: first, label: second });
    }
    blanks = 0;
  }
  return questions;
}

interface JsonElement {
  externalElementId?: unknown;
  text?: unknown;
  answerOptions?: unknown;
  subElements?: unknown;
}

function jsonQuestions(file: string, text: string, diagnostics: Diagnostics): CodebookQuestion[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    diagnostics.error(file, messages.surveyCodebookNotJson((error as Error).message));
    return null;
  }
  const elements = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { elements?: unknown }).elements)
      ? (parsed as { elements: unknown[] }).elements
      : null;
  if (!elements) {
    diagnostics.error(file, messages.surveyCodebookUnreadable());
    return null;
  }
  const questions: CodebookQuestion[] = [];
  for (const element of elements as JsonElement[]) {
    if (!element || typeof element !== 'object') continue;
    const variable = stringOf(element.externalElementId);
    if (!variable) continue;
    const options = (Array.isArray(element.answerOptions) ? element.answerOptions : [])
      .map((option: { externalAnswerOptionId?: unknown; text?: unknown }) => ({
        code: stringOf(option?.externalAnswerOptionId) ?? '',
        label: plain(stringOf(option?.text) ?? ''),
      }))
      .filter((option) => option.code !== '');
    questions.push({ variable, text: plainOrNull(element.text), options });
    for (const sub of Array.isArray(element.subElements) ? element.subElements : []) {
      const row = stringOf((sub as JsonElement)?.externalElementId);
      if (!row) continue;
      const subText = plainOrNull((sub as JsonElement).text);
      questions.push({ variable: `${variable}.${row}`, text: subText, options });
      questions.push({ variable: row, text: subText, options });
    }
  }
  return questions;
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.trim();
}

/** Element texts may carry simple HTML; the download's header holds the text alone. */
function plain(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function plainOrNull(value: unknown): string | null {
  const text = stringOf(value);
  return text === null ? null : plain(text) || null;
}
