import { z } from 'zod';
import type { Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';
import { cellToText, code, text, timestamp, type CellSchema } from '../../workspace/cells.js';
import { ProblemLimit, reportBrokenFile, rowChecker, tableSpec } from '../../workspace/rows.js';
import { isBlank, type Table } from '../../workspace/table.js';
import { lineOfPath, parseYaml, warnUnknownKeys } from '../../workspace/yaml.js';
import { idRecord } from '../../json.js';
import type { SourceContext } from '../context.js';
import { IMPORTS_FILE, type SurveyMapping, type UnitNaming } from '../imports.js';
import { nearest, normalText } from '../mapped-table.js';
import type { UnitRegister } from '../units/read.js';
import { codebookQuestion, formIdOfName, parseCodebook, type Codebook, type CodebookQuestion } from './codebook.js';
import {
  columnIndex,
  CREATED_COLUMNS,
  isDownloadName,
  isMetaColumn,
  SUBMISSION_ID_COLUMNS,
  yearOfSubmissions,
} from './nettskjema.js';

/**
 * The annual HMS survey (contract §3): the question catalogue and one raw
 * Nettskjema export per year. Only reporting units' latest submissions are
 * kept, as answer codes per question; everything else is validated and
 * dropped, so the metrics never see an unknown unit or code.
 */

const CATALOGUE_FILE = 'survey/questions.yaml';

export interface SurveyQuestion {
  id: string;
  section: string;
  theme: string;
  scale: string;
  /** Codes that count as positive: the question's own list, else its scale's. */
  positive: ReadonlySet<string>;
  /** The unit passes the gate when its answer to `question` is one of `in`. */
  gate: { question: string; in: ReadonlySet<string> } | null;
  report: boolean;
  /** The export column (the codebook's variable) holding this question in a given year; null: not asked that year. */
  columnIn(year: number): string | null;
  /** The question's text in a year's download headed by texts, as the catalogue gives it; null when it gives none. */
  textIn(year: number): string | null;
}

export interface SurveyYear {
  year: number;
  /** Ids of the questions whose column the export has: the ones asked that year. */
  asked: ReadonlySet<string>;
  /** Reporting unit id → its counted submission's answers (null: left empty). */
  answers: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
}

export interface SurveyData {
  /** In catalogue order, which is the order of the report's rows. */
  questions: readonly SurveyQuestion[];
  /** Every export up to the report year, oldest first. */
  years: readonly SurveyYear[];
}

// YAML may give codes as numbers (`positive: [1]`, `{2021: q07}`); they are codes all the same.
const codeText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1, messages.notEmpty()));
const name = z.string().trim().min(1, messages.notEmpty());
const yearKey = z.string().regex(/^\d{4}$/, 'must be a year (four digits)');

const catalogueSchema = z
  .object({
    unit_column: name,
    /** The unit question's text, for a download headed by question texts (the codebook off in Nettskjema). */
    unit_text: name.optional(),
    unit_texts: z.record(yearKey, name).optional(),
    scales: z
      .record(
        z.string(),
        z.object({
          options: z
            .record(z.string(), z.union([z.string(), z.number()]).transform(String))
            .refine((o) => Object.keys(o).length > 0, 'a scale needs at least one option')
            .transform((o) => idRecord(Object.entries(o))), // "constructor" is no option of every scale
          positive: z.array(codeText).min(1, 'a scale needs at least one positive code'),
        }),
      )
      // A scale called "constructor" is no scale of every catalogue.
      .transform((scales) => idRecord(Object.entries(scales))),
    questions: z.array(
      z.object({
        id: name,
        section: codeText,
        theme: name,
        scale: name,
        column: name.optional(),
        /** null: not asked that year. */
        columns: z.record(yearKey, name.nullable()).optional(),
        /**
         * The question's text, for a download headed by question
         * texts; per year where it was reworded (null: not asked).
         */
        text: name.optional(),
        texts: z.record(yearKey, name.nullable()).optional(),
        positive: z.array(codeText).min(1).optional(),
        applies_if: z.object({ question: name, in: z.array(codeText).min(1) }).optional(),
        report: z.boolean().default(true),
      }),
    ),
  })
  .superRefine((catalogue, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const [scaleId, scale] of Object.entries(catalogue.scales)) {
      scale.positive.forEach((c, i) => {
        if (!(c in scale.options)) issue(['scales', scaleId, 'positive', i], messages.surveyCodeNotInScale(c, scaleId));
      });
    }
    const ids = new Map<string, number>();
    catalogue.questions.forEach((q, i) => {
      const first = ids.get(q.id);
      if (first !== undefined) issue(['questions', i, 'id'], messages.surveyDuplicateQuestion(q.id, first));
      else ids.set(q.id, i);
    });
    catalogue.questions.forEach((q, i) => {
      const scale = catalogue.scales[q.scale];
      if (!scale) {
        issue(['questions', i, 'scale'], messages.surveyUnknownScale(q.scale, Object.keys(catalogue.scales)));
      } else {
        q.positive?.forEach((c, j) => {
          if (!(c in scale.options)) issue(['questions', i, 'positive', j], messages.surveyCodeNotInScale(c, q.scale));
        });
      }
      if (!q.applies_if) return;
      const gateIndex = ids.get(q.applies_if.question);
      if (gateIndex === undefined || q.applies_if.question === q.id) {
        issue(['questions', i, 'applies_if', 'question'], messages.surveyUnknownGate(q.applies_if.question));
        return;
      }
      const gateScale = catalogue.scales[catalogue.questions[gateIndex]!.scale];
      q.applies_if.in.forEach((c, j) => {
        if (gateScale && !(c in gateScale.options))
          issue(
            ['questions', i, 'applies_if', 'in', j],
            messages.surveyCodeNotInScale(c, catalogue.questions[gateIndex]!.scale),
          );
      });
    });
  });

type Catalogue = z.output<typeof catalogueSchema>;

/** The keys the catalogue's mappings may have; options, columns and the scales map itself take any key. */
function catalogueKeys(path: readonly string[]): readonly string[] | null {
  const [top, , inner, deeper] = path;
  if (path.length === 0) return ['unit_column', 'unit_text', 'unit_texts', 'scales', 'questions'];
  if (top === 'scales' && path.length === 2) return ['options', 'positive'];
  if (top === 'questions' && path.length === 2)
    return [
      'id',
      'section',
      'theme',
      'scale',
      'column',
      'columns',
      'text',
      'texts',
      'positive',
      'applies_if',
      'report',
    ];
  if (top === 'questions' && inner === 'applies_if' && deeper === undefined) return ['question', 'in'];
  return null;
}

const EXPORT_NAME = /^(\d{4})\.(csv|xlsx)$/i;
const CODEBOOK_NAME = /^codebook-.*\.(txt|json)$/i;

/** A download to read: its year when its name or imports.yaml says it, else null (from its submissions' dates). */
interface Download {
  file: string;
  year: number | null;
}

/** The catalogue and every export up to the report year; null when the workspace has no survey. */
export async function readSurvey(context: SourceContext): Promise<SurveyData | null> {
  const { workspace, diagnostics, year: reportYear } = context;
  const stanza = context.tables.imports.survey;
  const downloads = (
    stanza && (stanza.file || stanza.files) ? await stanzaDownloads(context, stanza) : await folderDownloads(context)
  ).filter((d) => d.year === null || d.year <= reportYear);

  if (!(await workspace.exists(CATALOGUE_FILE))) {
    if (downloads.length > 0) diagnostics.error(CATALOGUE_FILE, messages.surveyNoCatalogue(downloads.length));
    return null;
  }
  const catalogueText = await workspace.readText(CATALOGUE_FILE);
  const catalogue = parseYaml(CATALOGUE_FILE, catalogueText, catalogueSchema, diagnostics);
  if (!catalogue) return null;
  warnUnknownKeys(CATALOGUE_FILE, catalogueText, catalogueKeys, diagnostics);

  const questions = catalogue.questions.map((q) => toQuestion(q, catalogue));
  const byYear = new Map<number, { download: Download; table: Table }>();
  for (const download of downloads) {
    const table = await openDownload(context, download.file);
    if (!table) continue;
    const year = download.year ?? (await yearOf(table, diagnostics));
    if (year === null || year > reportYear) continue;
    const other = byYear.get(year);
    if (other) {
      diagnostics.error(download.file, messages.surveyTwoDownloads(year, other.download.file));
      continue;
    }
    byYear.set(year, { download, table });
  }
  const codebooks = new Codebooks(context);
  const errorsBefore = diagnostics.errors.length;
  const years: SurveyYear[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const { download, table } = byYear.get(year)!;
    const codebook = await codebooks.of(download.file, year);
    const nettskjema = stanza !== null || codebook !== null || !EXPORT_NAME.test(basename(download.file));
    const read = await readExport(context, table, year, { catalogue, questions, codebook, nettskjema });
    if (read) years.push(read);
  }
  // An export with errors (a missing column) would make every question look unasked: its cause is reported already.
  if (diagnostics.errors.length === errorsBefore) checkColumnsAsked(catalogue, catalogueText, years, diagnostics);
  return { questions, years };
}

/**
 * A question asked in none of the years read is a misspelt `column` (or a
 * question the form never had): it would show "ikke spurt" in every year.
 * An error at the line of its `column` (or its id, when that names the
 * column). A question the catalogue says some year did not ask
 * (`columns: {2024: null}`) may belong to a later year's form.
 */
function checkColumnsAsked(
  catalogue: Catalogue,
  text: string,
  years: readonly SurveyYear[],
  diagnostics: Diagnostics,
): void {
  if (years.length === 0) return;
  catalogue.questions.forEach((q, i) => {
    if (years.some((y) => y.asked.has(q.id))) return;
    if (Object.values(q.columns ?? {}).includes(null)) return;
    const key = q.column === undefined ? 'id' : 'column';
    diagnostics.error(
      CATALOGUE_FILE,
      messages.surveyColumnNowhere(
        q.id,
        q.column ?? q.id,
        years.map((y) => y.year),
      ),
      lineOfPath(text, ['questions', i, key]),
      `questions.${i}.${key}`,
    );
  });
}

/**
 * Opens a download. The classic download is tab-separated and unquoted, so
 * question texts with commas in its header can outnumber the tabs: a header
 * whose cells still hold tabs was split on the wrong character.
 */
async function openDownload(context: SourceContext, file: string): Promise<Table | null> {
  const { workspace, diagnostics } = context;
  const table = await workspace.open(file, diagnostics);
  if (!table || !table.header.some((cell) => cell.includes('\t'))) return table;
  return workspace.open(file, diagnostics, { delimiter: '\t' });
}

function basename(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/**
 * Without a survey stanza: `survey/<year>.csv|xlsx`, and the downloads in
 * survey/ that keep the name Nettskjema gave them (`data-<formid>-…`), whose
 * year comes from their submissions. Any other export there is named in a warning.
 */
async function folderDownloads(context: SourceContext): Promise<Download[]> {
  const { workspace, diagnostics } = context;
  const entries = await workspace.list('survey');
  const found: Download[] = [];
  for (const entry of entries) {
    if (isDownloadName(entry)) found.push({ file: `survey/${entry}`, year: null });
    // A misnamed export would otherwise leave its year silently without data.
    else if (/\.(csv|xlsx)$/i.test(entry) && !EXPORT_NAME.test(entry))
      diagnostics.warning(`survey/${entry}`, messages.surveyMisnamedExport());
  }
  const years = [
    ...new Set(
      entries
        .map((entry) => EXPORT_NAME.exec(entry))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1])),
    ),
  ].sort((a, b) => a - b);
  for (const year of years) {
    if (year > context.year) continue;
    const file = await workspace.locate(`survey/${year}`, diagnostics);
    if (file) found.push({ file, year });
  }
  return found;
}

/**
 * The downloads the survey stanza names: `files` by year, and
 * `file`, a glob whose files get their year from their dates.
 */
async function stanzaDownloads(context: SourceContext, stanza: SurveyMapping): Promise<Download[]> {
  const { workspace, diagnostics, tables } = context;
  const found: Download[] = [];
  for (const [year, pattern] of Object.entries(stanza.files ?? {})) {
    const file = await tables.single(`survey.files.${year}`, pattern);
    if (file) found.push({ file, year: Number(year) });
  }
  const codebooks = new Set<string>();
  for (const pattern of [stanza.codebook, ...Object.values(stanza.codebooks ?? {})])
    if (pattern) for (const file of await workspace.glob(pattern)) codebooks.add(file);
  const isCodebook = (file: string) => codebooks.has(file) || CODEBOOK_NAME.test(basename(file));
  if (stanza.file) {
    const matched = (await workspace.glob(stanza.file)).filter((file) => !isCodebook(file));
    if (matched.length === 0)
      diagnostics.error(IMPORTS_FILE, messages.importsNoFile(stanza.file), undefined, 'survey.file');
    for (const file of matched) if (!found.some((d) => d.file === file)) found.push({ file, year: null });
  }
  // An export left in survey/ beside the ones the stanza names would otherwise be passed over unseen.
  for (const entry of await workspace.list('survey')) {
    const file = `survey/${entry}`;
    if (/\.(csv|xlsx|txt|tsv)$/i.test(entry) && !isCodebook(file) && !found.some((d) => d.file === file))
      diagnostics.warning(file, messages.surveyNotInStanza());
  }
  return found;
}

/** A download's year from its submissions' dates; null after an error saying why. */
async function yearOf(table: Table, diagnostics: Diagnostics): Promise<number | null> {
  const created = columnIndex(table.header, CREATED_COLUMNS);
  let year: number | null = null;
  if (created >= 0) {
    try {
      year = await yearOfSubmissions(table, created);
    } catch (error) {
      reportBrokenFile(error, table, diagnostics);
      return null;
    }
  }
  if (year === null) diagnostics.error(table.file, messages.surveyNoYear(CREATED_COLUMNS.join(' or ')));
  return year;
}

/**
 * The codebook of a year's download: the stanza's `codebooks` for the year
 * or its `codebook` (a glob matching several picks the one of the
 * download's form id), else one beside the download named by its form id
 * (`codebook-<formid>….txt|json`, the last in name order). Each file is
 * parsed once.
 */
class Codebooks {
  private readonly parsed = new Map<string, Codebook | null>();
  constructor(private readonly context: SourceContext) {}

  async of(download: string, year: number): Promise<Codebook | null> {
    const { workspace, diagnostics, tables } = this.context;
    const stanza = tables.imports.survey;
    const formId = formIdOfName(download);
    const key = stanza?.codebooks?.[year] ? `survey.codebooks.${year}` : 'survey.codebook';
    const pattern = stanza?.codebooks?.[year] ?? stanza?.codebook;
    if (pattern) {
      const matched = await workspace.glob(pattern);
      if (matched.length === 1) return this.read(matched[0]!);
      const ofForm: Codebook[] = [];
      for (const file of matched) {
        const codebook = await this.read(file);
        if (codebook && formId !== null && codebook.formId === formId) ofForm.push(codebook);
      }
      if (ofForm.length > 0) return ofForm.at(-1)!;
      diagnostics.error(
        IMPORTS_FILE,
        matched.length === 0 ? messages.importsNoFile(pattern) : messages.importsManyFiles(pattern, matched),
        undefined,
        key,
      );
      return null;
    }
    if (formId === null) return null;
    const folder = folderOf(download);
    const beside = (await workspace.list(folder || '.'))
      .filter((name) => CODEBOOK_NAME.test(name) && formIdOfName(name) === formId)
      .sort();
    return beside.length > 0 ? this.read(folder ? `${folder}/${beside.at(-1)!}` : beside.at(-1)!) : null;
  }

  private async read(file: string): Promise<Codebook | null> {
    if (!this.parsed.has(file)) {
      const { workspace, diagnostics } = this.context;
      this.parsed.set(file, parseCodebook(file, await workspace.readText(file), diagnostics));
    }
    return this.parsed.get(file)!;
  }
}

function toQuestion(q: Catalogue['questions'][number], catalogue: Catalogue): SurveyQuestion {
  const base = q.column ?? q.id;
  const columns = new Map(Object.entries(q.columns ?? {}).map(([y, column]) => [Number(y), column]));
  const texts = new Map(Object.entries(q.texts ?? {}).map(([y, text]) => [Number(y), text]));
  return {
    id: q.id,
    section: q.section,
    theme: q.theme,
    scale: q.scale,
    positive: new Set(q.positive ?? catalogue.scales[q.scale]!.positive),
    gate: q.applies_if ? { question: q.applies_if.question, in: new Set(q.applies_if.in) } : null,
    report: q.report,
    columnIn: (year) => (texts.get(year) === null ? null : columns.has(year) ? columns.get(year)! : base),
    textIn: (year) => (texts.has(year) ? texts.get(year)! : (q.text ?? null)),
  };
}

/**
 * How a year's download is read: the catalogue, its codebook, and whether it
 * is known to be a Nettskjema download (named by the stanza or as Nettskjema
 * names it, or with a codebook) rather than the contract's survey/<year>.csv.
 */
interface ExportSetup {
  catalogue: Catalogue;
  questions: readonly SurveyQuestion[];
  codebook: Codebook | null;
  nettskjema: boolean;
}

/**
 * A question found in the download: its column, and for a column headed by the question's text, its labels onto codes.
 */
interface Found {
  question: SurveyQuestion;
  index: number;
  labels: Labels | null;
}

interface Labels {
  byLabel: ReadonlyMap<string, string>;
  /** Labels the codebook gives a code the scale does not have, with that code. */
  offScale: ReadonlyMap<string, string>;
  known: readonly string[];
}

/** Distinct values no label or unit name covers, per column: each reported once, with its count and first row. */
class Unknowns {
  private readonly byColumn = new Map<number, Map<string, { raw: string; count: number; row: number }>>();

  note(index: number, raw: string, row: number): void {
    const values = this.byColumn.get(index) ?? new Map<string, { raw: string; count: number; row: number }>();
    this.byColumn.set(index, values);
    const found = values.get(normalText(raw));
    if (found) found.count++;
    else values.set(normalText(raw), { raw, count: 1, row });
  }

  report(table: Table, diagnostics: Diagnostics, message: (index: number, raw: string, count: number) => string): void {
    for (const [index, values] of [...this.byColumn].sort(([a], [b]) => a - b)) {
      for (const value of values.values())
        diagnostics.error(table.file, message(index, value.raw, value.count), value.row, labelOf(table, index));
    }
  }
}

function labelOf(table: Table, index: number): string {
  return table.labels?.[index] ?? table.header[index]!;
}

/** The scale's own labels, and the codebook's labels of the question's options whose codes the scale has. */
function labelsOf(options: Readonly<Record<string, string>>, entry: CodebookQuestion | undefined): Labels {
  const byLabel = new Map<string, string>();
  const offScale = new Map<string, string>();
  const codes = new Map(Object.keys(options).map((c) => [c.trim().toLowerCase(), c]));
  for (const [code, label] of Object.entries(options)) byLabel.set(normalText(label), code);
  for (const option of entry?.options ?? []) {
    const code = codes.get(option.code.trim().toLowerCase());
    if (code !== undefined) byLabel.set(normalText(option.label), code);
    else offScale.set(normalText(option.label), option.code);
  }
  for (const label of offScale.keys()) if (byLabel.has(label)) offScale.delete(label);
  const known = [...new Set([...Object.values(options), ...(entry?.options ?? []).map((o) => o.label)])];
  return { byLabel, offScale, known };
}

type UnitNamingOrAny = UnitNaming | 'any';

/**
 * Unit ids by the names the download may use: the register's id,
 * name or short name (`any`: the first of them that matches).
 */
function unitResolver(units: UnitRegister, naming: Exclude<UnitNamingOrAny, 'unit_id'> | 'unit_id') {
  const maps: Map<string, string>[] = [];
  const known: string[] = [];
  const add = (label: (u: UnitRegister['units'][number]) => string) => {
    const map = new Map<string, string>();
    for (const unit of units.units) if (!map.has(normalText(label(unit)))) map.set(normalText(label(unit)), unit.id);
    maps.push(map);
    known.push(...units.units.map(label));
  };
  if (naming === 'unit_id' || naming === 'any') add((u) => u.id);
  if (naming === 'name' || naming === 'any') add((u) => u.name);
  if (naming === 'short_name' || naming === 'any') add((u) => u.shortName);
  return {
    known: [...new Set(known)],
    resolve: (value: string): string | null => {
      for (const map of maps) {
        const id = map.get(normalText(value));
        if (id !== undefined) return id;
      }
      return null;
    },
  };
}

const UNIT_NAMING_TEXT: Record<UnitNamingOrAny, string> = {
  unit_id: 'a unit_id',
  name: 'a unit name',
  short_name: 'a unit short_name',
  any: 'a unit_id, name or short_name',
};

/** One year's export: validates every row and keeps each reporting unit's latest submission. */
async function readExport(
  context: SourceContext,
  table: Table,
  year: number,
  setup: ExportSetup,
): Promise<SurveyYear | null> {
  const { diagnostics, units } = context;
  const { catalogue, questions, codebook } = setup;
  const file = table.file;
  const byVariable = (variable: string) =>
    table.header.findIndex((h) => h.trim().toLowerCase() === variable.toLowerCase());
  const byText = (texts: readonly (string | null | undefined)[]) => {
    for (const text of texts) {
      if (!text) continue;
      const index = table.header.findIndex((h) => normalText(h) === normalText(text));
      if (index >= 0) return index;
    }
    return -1;
  };

  // Questions: by the column the catalogue names (codebook on:
  // answers are codes), else by their text (codebook off: labels).
  const found: Found[] = [];
  const missing: SurveyQuestion[] = [];
  let hadTexts = codebook !== null;
  for (const question of questions) {
    const variable = question.columnIn(year);
    if (variable === null) continue;
    let index = byVariable(variable);
    if (index >= 0) {
      found.push({ question, index, labels: null });
      continue;
    }
    const entry = codebookQuestion(codebook, variable);
    hadTexts ||= question.textIn(year) !== null;
    index = byText([entry?.text, question.textIn(year)]);
    if (index >= 0) found.push({ question, index, labels: labelsOf(catalogue.scales[question.scale]!.options, entry) });
    else missing.push(question);
  }

  const unitEntry = codebookQuestion(codebook, catalogue.unit_column);
  let unitIndex = byVariable(catalogue.unit_column);
  const unitByText = unitIndex < 0;
  if (unitByText) unitIndex = byText([catalogue.unit_texts?.[year], catalogue.unit_text, unitEntry?.text]);
  const idIndex = columnIndex(table.header, SUBMISSION_ID_COLUMNS);
  const createdIndex = columnIndex(table.header, CREATED_COLUMNS);

  const asked = found.length + missing.length;
  if (found.length === 0 && asked > 0) {
    // An export of which nothing is read is not a year in which nobody answered.
    const others = table.header.filter((h, i) => i !== unitIndex && h.trim() !== '' && !isMetaColumn(h));
    diagnostics.error(file, messages.surveyNoQuestionFound(year, asked, hadTexts, others), table.headerRow);
    return null;
  }
  // In the contract's survey/<year>.csv a question without its
  // column was not asked; in a download it may have been reworded.
  const download = setup.nettskjema || unitByText || found.some((f) => f.labels !== null);
  if (download && missing.length > 0) {
    const used = new Set([unitIndex, ...found.map((f) => f.index)]);
    const unused = table.header.filter((h, i) => !used.has(i) && h.trim() !== '' && !isMetaColumn(h));
    diagnostics.warning(
      file,
      messages.surveyQuestionsMissing(
        year,
        missing.map((q) => {
          // The column it most likely is: a reworded text, among the columns nothing else was found in.
          const variable = q.columnIn(year)!;
          const wanted = codebookQuestion(codebook, variable)?.text ?? q.textIn(year) ?? variable;
          return { id: q.id, nearest: nearest(wanted, unused) };
        }),
        asked,
      ),
      table.headerRow,
    );
  }
  let complete = true;
  for (const [index, column] of [
    [idIndex, SUBMISSION_ID_COLUMNS[0]],
    [createdIndex, CREATED_COLUMNS[0]],
    [unitIndex, catalogue.unit_column],
  ] as const) {
    if (index >= 0) continue;
    diagnostics.error(file, messages.missingColumn(column), table.headerRow, column);
    complete = false;
  }
  if (!complete) return null;

  const askedIds = new Set(found.map((f) => f.question.id));
  for (const { question, index } of found) {
    if (question.gate && !askedIds.has(question.gate.question)) {
      // Nobody can pass a gate that was not asked, so the question would silently show no data.
      const gate = questions.find((g) => g.id === question.gate!.question)!;
      diagnostics.warning(
        file,
        messages.surveyGateNotAsked(question.id, gate.id, gate.columnIn(year) ?? gate.id),
        table.headerRow,
        labelOf(table, index),
      );
    }
  }

  // Answer columns holding codes are checked cell by cell, as the contract's export always was.
  const columns: Record<string, CellSchema<unknown>> = {};
  const indexes = new Map<string, number>();
  // One schema per scale, shared by its columns: a zod schema costs more to build than a column's cells to check.
  const scaleSchemas = new Map<string, CellSchema<unknown>>();
  for (const { index, labels, question } of found) {
    const key = `column ${index}`;
    if (labels || indexes.has(key)) continue;
    let schema = scaleSchemas.get(question.scale);
    if (!schema) {
      schema = code(Object.keys(catalogue.scales[question.scale]!.options), { optional: true });
      scaleSchemas.set(question.scale, schema);
    }
    columns[key] = schema;
    indexes.set(key, index);
  }
  Object.assign(columns, { submission: text(), created: timestamp(), unit: text() });
  indexes.set('submission', idIndex).set('created', createdIndex).set('unit', unitIndex);
  const spec = tableSpec({ columns });
  const limit = new ProblemLimit(file, diagnostics);
  const check = rowChecker(table, spec, indexes, limit, diagnostics);

  // Units: the register's ids as the contract has them; by name
  // (or a code the codebook labels with the name) in a download.
  const unitCodes = new Map((unitEntry?.options ?? []).map((o) => [o.code.trim().toLowerCase(), o.label]));
  const stanzaNaming = context.tables.imports.survey?.units;
  const naming: UnitNamingOrAny = stanzaNaming ?? (unitByText || unitCodes.size > 0 ? 'any' : 'unit_id');
  const strictIds = naming === 'unit_id' && unitCodes.size === 0;
  const resolver = unitResolver(units, naming);
  const unknownLabels = new Unknowns();
  const unknownUnits = new Unknowns();
  const unitLabel = labelOf(table, unitIndex);

  const latest = new Map<string, { row: number; id: string; created: number; answers: Map<string, string | null> }>();
  const submissions = new Map<string, { id: string; created: number }[]>();
  try {
    for await (const { row, cells } of table.rows()) {
      let unmapped = false;
      const labelled = new Map<string, string | null>();
      for (const { question, index, labels } of found) {
        if (!labels) continue;
        const cell = cells[index] ?? null;
        if (isBlank(cell)) {
          labelled.set(question.id, null);
          continue;
        }
        const answer = labels.byLabel.get(normalText(cellToText(cell)));
        if (answer === undefined) {
          unknownLabels.note(index, cellToText(cell), row);
          unmapped = true;
        } else labelled.set(question.id, answer);
      }
      const value = check(row, cells);
      if (value === null || unmapped) continue;

      const place = { file, row, column: unitLabel };
      const written = value.unit as string;
      let unitId: string;
      if (strictIds) {
        if (!units.check(written, year, place, diagnostics)) continue;
        unitId = units.canonicalId(written);
      } else {
        const named = unitByText ? written : (unitCodes.get(written.toLowerCase()) ?? written);
        const resolved = resolver.resolve(named);
        if (resolved === null) {
          unknownUnits.note(unitIndex, named, row);
          continue;
        }
        if (!units.check(resolved, year, place, diagnostics)) continue;
        unitId = resolved;
      }
      if (!units.get(unitId)!.reporting) {
        // The contract counts reporting units only; an answer from another unit is left out, not refused.
        diagnostics.warning(file, messages.surveyUnitNotReporting(unitId), row, unitLabel);
        continue;
      }
      const submission = { id: value.submission as string, created: value.created as number };
      const answers = new Map(
        found.map(({ question, index, labels }) => [
          question.id,
          labels ? labelled.get(question.id)! : (value[`column ${index}`] as string | null),
        ]),
      );
      submissions.set(unitId, [...(submissions.get(unitId) ?? []), submission]);
      const kept = latest.get(unitId);
      // Ties on $created go to the later row: the export lists submissions in the order received.
      if (!kept || submission.created >= kept.created) latest.set(unitId, { row, ...submission, answers });
    }
  } catch (error) {
    reportBrokenFile(error, table, diagnostics);
  }
  limit.finish();
  unknownLabels.report(table, diagnostics, (index, raw, count) => {
    const { question, labels } = found.find((f) => f.index === index)!;
    return messages.surveyUnknownLabel(
      raw,
      count,
      question.id,
      question.scale,
      nearest(raw, labels!.known),
      labels!.offScale.get(normalText(raw)) ?? null,
    );
  });
  unknownUnits.report(table, diagnostics, (_index, raw, count) =>
    messages.surveyUnknownUnit(raw, count, UNIT_NAMING_TEXT[naming], nearest(raw, resolver.known)),
  );

  for (const [unitId, all] of submissions) {
    if (all.length < 2) continue;
    const kept = latest.get(unitId)!;
    diagnostics.warning(
      file,
      messages.surveyDuplicate(
        unitId,
        year,
        all.map((s) => s.id),
        kept.id,
      ),
      kept.row,
      unitLabel,
    );
  }
  const answers = new Map<string, ReadonlyMap<string, string | null>>();
  // Register order, so every later iteration is deterministic whatever the export's row order.
  for (const unit of units.units) {
    const kept = latest.get(unit.id);
    if (kept) answers.set(unit.id, kept.answers);
  }
  return { year, asked: askedIds, answers };
}
