import { z } from 'zod';
import { idRecord } from '../json.js';
import { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { code, text, timestamp, type CellSchema } from '../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../workspace/rows.js';
import { lineOfPath, parseYaml, warnUnknownKeys } from '../workspace/yaml.js';
import type { SourceContext } from './context.js';

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
  /** The export column holding this question in a given year. */
  columnIn(year: number): string;
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

const catalogueSchema = z
  .object({
    unit_column: name,
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
      .transform((scales) => idRecord(Object.entries(scales))),
    questions: z.array(
      z.object({
        id: name,
        section: codeText,
        theme: name,
        scale: name,
        column: name.optional(),
        columns: z.record(z.string().regex(/^\d{4}$/, 'must be a year (four digits)'), name).optional(),
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
  if (path.length === 0) return ['unit_column', 'scales', 'questions'];
  if (top === 'scales' && path.length === 2) return ['options', 'positive'];
  if (top === 'questions' && path.length === 2)
    return ['id', 'section', 'theme', 'scale', 'column', 'columns', 'positive', 'applies_if', 'report'];
  if (top === 'questions' && inner === 'applies_if' && deeper === undefined) return ['question', 'in'];
  return null;
}

const EXPORT_NAME = /^(\d{4})\.(csv|xlsx)$/i;
const SUBMISSION_ID = '$submission_id';
const CREATED = '$created';

/** The catalogue and every export up to the report year; null when the workspace has no survey. */
export async function readSurvey(context: SourceContext): Promise<SurveyData | null> {
  const { workspace, diagnostics, year: reportYear } = context;
  const entries = await workspace.list('survey');
  for (const entry of entries) {
    // A misnamed export would otherwise leave its year silently without data.
    if (/\.(csv|xlsx)$/i.test(entry) && !EXPORT_NAME.test(entry))
      diagnostics.warning(`survey/${entry}`, messages.surveyMisnamedExport());
  }
  const exportYears = [
    ...new Set(
      entries
        .map((entry) => EXPORT_NAME.exec(entry))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]))
        .filter((y) => y <= reportYear),
    ),
  ].sort((a, b) => a - b);

  if (!(await workspace.exists(CATALOGUE_FILE))) {
    if (exportYears.length > 0) diagnostics.error(CATALOGUE_FILE, messages.surveyNoCatalogue(exportYears.length));
    return null;
  }
  const catalogueText = await workspace.readText(CATALOGUE_FILE);
  const catalogue = parseYaml(CATALOGUE_FILE, catalogueText, catalogueSchema, diagnostics);
  if (!catalogue) return null;
  warnUnknownKeys(CATALOGUE_FILE, catalogueText, catalogueKeys, diagnostics);

  const optionsOf = new Map(Object.entries(catalogue.scales).map(([id, scale]) => [id, Object.keys(scale.options)]));
  const questions = catalogue.questions.map((q) => toQuestion(q, catalogue));
  const years: SurveyYear[] = [];
  const errorsBefore = diagnostics.errors.length;
  for (const year of exportYears) {
    const file = await workspace.locate(`survey/${year}`, diagnostics);
    if (!file) continue;
    const read = await readExport(context, file, year, catalogue.unit_column, questions, optionsOf);
    if (read) years.push(read);
  }
  // An export with errors (a missing column) would make every question look unasked: its cause is reported already.
  if (diagnostics.errors.length === errorsBefore) {
    // A question new in a later export (an older year built from this year's workspace) is not a misspelling.
    const later = await laterHeaders(context, entries, reportYear);
    checkColumnsAsked(catalogue, catalogueText, years, questions, later, context);
  }
  return { questions, years };
}

/**
 * A question whose column is in none of the exports is a misspelling (or a
 * question the form never had): it would show "ikke spurt" in every year.
 * Reported at the line of its `column` (or its id, when that names the column).
 */
function checkColumnsAsked(
  catalogue: Catalogue,
  text: string,
  years: readonly SurveyYear[],
  questions: readonly SurveyQuestion[],
  later: ReadonlyMap<number, ReadonlySet<string>>,
  { diagnostics }: SourceContext,
): void {
  if (years.length === 0) return;
  catalogue.questions.forEach((q, i) => {
    if (years.some((y) => y.asked.has(q.id))) return;
    if ([...later].some(([year, header]) => header.has(questions[i]!.columnIn(year).toLowerCase()))) return;
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

/** The header (lower case) of each export after the report year, which is otherwise not read. */
async function laterHeaders(
  { workspace }: SourceContext,
  entries: readonly string[],
  reportYear: number,
): Promise<Map<number, Set<string>>> {
  const headers = new Map<number, Set<string>>();
  for (const entry of entries) {
    const year = Number(EXPORT_NAME.exec(entry)?.[1]);
    if (!(year > reportYear)) continue;
    // Its own problems are for the build of its year: here only its header counts.
    const table = await workspace.open(`survey/${entry}`, new Diagnostics()).catch(() => null);
    if (table) headers.set(year, new Set(table.header.map((h) => h.trim().toLowerCase())));
  }
  return headers;
}

function toQuestion(q: Catalogue['questions'][number], catalogue: Catalogue): SurveyQuestion {
  const base = q.column ?? q.id;
  const byYear = new Map(Object.entries(q.columns ?? {}).map(([y, column]) => [Number(y), column]));
  return {
    id: q.id,
    section: q.section,
    theme: q.theme,
    scale: q.scale,
    positive: new Set(q.positive ?? catalogue.scales[q.scale]!.positive),
    gate: q.applies_if ? { question: q.applies_if.question, in: new Set(q.applies_if.in) } : null,
    report: q.report,
    columnIn: (year) => byYear.get(year) ?? base,
  };
}

/** One year's export: validates every row and keeps each reporting unit's latest submission. */
async function readExport(
  context: SourceContext,
  file: string,
  year: number,
  unitColumn: string,
  questions: readonly SurveyQuestion[],
  optionsOf: ReadonlyMap<string, readonly string[]>,
): Promise<SurveyYear | null> {
  const { workspace, diagnostics, units } = context;
  const table = await workspace.open(file, diagnostics);
  if (!table) return null;
  const header = new Set(table.header.map((h) => h.trim().toLowerCase()));
  const asked = questions.filter((q) => header.has(q.columnIn(year).toLowerCase()));

  // Answer columns are named by the catalogue, so the row schema is built per year.
  const answerColumns: Record<string, CellSchema<string | null>> = {};
  for (const q of asked) answerColumns[q.columnIn(year)] ??= code(optionsOf.get(q.scale)!, { optional: true });
  const askedIds = new Set(asked.map((q) => q.id));
  for (const q of asked) {
    if (q.gate && !askedIds.has(q.gate.question)) {
      // Nobody can pass a gate that was not asked, so the question would silently show no data.
      diagnostics.warning(
        file,
        messages.surveyGateNotAsked(
          q.id,
          q.gate.question,
          questions.find((g) => g.id === q.gate!.question)!.columnIn(year),
        ),
        table.headerRow,
        headerOf(table, q.columnIn(year)),
      );
    }
  }
  const spec = tableSpec({
    columns: { ...answerColumns, [SUBMISSION_ID]: text(), [CREATED]: timestamp(), [unitColumn]: text() } as Record<
      string,
      CellSchema<unknown>
    >,
  });

  const latest = new Map<string, { row: number; id: string; created: number; answers: Map<string, string | null> }>();
  const submissions = new Map<string, { id: string; created: number }[]>();
  for await (const { row, value } of readRows(table, spec, diagnostics)) {
    const place = { file, row, column: headerOf(table, unitColumn) };
    const rawUnit = value[unitColumn] as string;
    if (!units.check(rawUnit, year, place, diagnostics)) continue;
    const unitId = units.canonicalId(rawUnit);
    if (!units.get(unitId)!.reporting) {
      // The contract counts reporting units only; an answer from another unit is left out, not refused.
      diagnostics.warning(file, messages.surveyUnitNotReporting(unitId), row, place.column);
      continue;
    }
    const submission = { id: value[SUBMISSION_ID] as string, created: value[CREATED] as number };
    const answers = new Map(asked.map((q) => [q.id, value[q.columnIn(year)] as string | null]));
    submissions.set(unitId, [...(submissions.get(unitId) ?? []), submission]);
    const kept = latest.get(unitId);
    // Ties on $created go to the later row: the export lists submissions in the order received.
    if (!kept || submission.created >= kept.created) latest.set(unitId, { row, ...submission, answers });
  }
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
      headerOf(table, unitColumn),
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
