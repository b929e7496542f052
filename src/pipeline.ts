/**
 * The build, in phases:
 *
 *   1. read      workspace/           find the exports, decode CSV/XLSX/YAML into tables
 *   2. validate  sources/<name>/read  check every row against the contract, normalise
 *   3. compute   sources/<name>/metrics, metrics/   pure computations per source → metrics.json
 *   4. plan      report/, sources/<name>/report     HTML, tables.xlsx and the PDF as files in memory
 *   5. write     output.ts            all files at once, atomically
 *
 * The sources are listed once, in sources/registry.ts; each phase asks them
 * for its part. Phases 1–4 collect every problem (the narrative's
 * placeholders included); any error stops the build before phase 5, so an
 * invalid workspace writes nothing.
 */
import { Diagnostics, InvalidWorkspaceError, sorted, BrowserError, UsageError, type Diagnostic } from './errors.js';
import { stableJson } from './json.js';
import { messages } from './messages.js';
import type { Metrics } from './metrics/types.js';
import type { OutputFile, OutputSet } from './output.js';
import { renderHtml, type HtmlReport } from './report/html.js';
import {
  discardPrinter,
  formatOf,
  printReport,
  startReportPrinter,
  type BrowserAccess,
  type OutputFormat,
  type PdfBuildOptions,
} from './report/pdf/index.js';
import { tablesXlsxJob, type XlsxJob } from './report/tables-xlsx-thread.js';
import { checkNarrativeSpelling, checkSpelling as checkSpellingHere } from './report/spelling.js';
import { checkSpellingOnThread } from './report/spelling-thread.js';
import type { Templates } from './report/templates.js';
import { coverageLines, type CoverageLine } from './sources/coverage.js';
import type { SourceDescriptor } from './sources/descriptor.js';
import { computeMetrics, readSources, reportParts, reportSheets, SOURCES, type Sources } from './sources/registry.js';
import type { Workspace } from './workspace/workspace.js';

/** What a build decides once and hands down: every output of it carries the same year and date. */
export interface BuildContext {
  year: number;
  /** The date the report, its PDF and tables.xlsx carry: SOURCE_DATE_EPOCH, else 1 January after the year. */
  reportDate: Date;
  /** The environment the build runs in (browser paths, SOURCE_DATE_EPOCH). */
  env: Readonly<Record<string, string | undefined>>;
  /** The data sources to read; all of sources/registry.ts but in tests. */
  sources: readonly SourceDescriptor[];
}

/**
 * The build context of a year. The report date is reproducible: a year's
 * report is at the earliest complete on 1 January after it, and
 * SOURCE_DATE_EPOCH (the reproducible-builds convention) overrides that.
 */
export function buildContext(
  year: number,
  env: Readonly<Record<string, string | undefined>> = {},
  sources: readonly SourceDescriptor[] = SOURCES,
): BuildContext {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch))
    throw new UsageError(messages.badSourceDateEpoch(env.SOURCE_DATE_EPOCH!));
  const reportDate = epoch ? new Date(Number(epoch) * 1000) : new Date(Date.UTC(year + 1, 0, 1));
  return { year, reportDate, env, sources };
}

export interface SourcesResult {
  sources: Sources | null;
  diagnostics: Diagnostic[];
  ok: boolean;
  /** Each table file read: its rows, how many were read and how many skipped and why. */
  coverage: CoverageLine[];
}

/** Phases 1–2: reads and validates every source of the workspace, returning every problem found. */
export async function readWorkspace(workspace: Workspace, context: BuildContext): Promise<SourcesResult> {
  const diagnostics = new Diagnostics();
  const sources = await readSources(workspace, context.year, diagnostics, context.sources);
  return {
    sources,
    diagnostics: sorted(diagnostics.items),
    ok: sources !== null && !diagnostics.hasErrors(),
    coverage: coverageLines(workspace.coverage(), diagnostics),
  };
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  ok: boolean;
  coverage: CoverageLine[];
  /** Present when the workspace is valid. */
  report?: { metrics: Metrics; html: HtmlReport };
}

/**
 * Phases 1–4 short of printing: the sources, their metrics and the narrative
 * with its placeholders. The text is part of the workspace, so a misspelled
 * placeholder is found by `validate` as well as by `build`.
 */
export async function validateWorkspace(
  workspace: Workspace,
  context: BuildContext,
  templates: Templates,
): Promise<ValidationResult> {
  return withSpelling(await renderWorkspace(workspace, context, templates), checkSpellingHere);
}

/** A validation short of the narrative's spelling check, which its caller starts when a core is free. */
interface RenderedWorkspace extends ValidationResult {
  /** Checks the narrative's spelling with `check`: its warnings, at their line, never stop a build. */
  checkSpelling(check: typeof checkSpellingHere): Promise<Diagnostic[]>;
}

/**
 * The validation with its spelling warnings in place. A worker thread pays
 * off only beside Chromium: anywhere else this thread would wait for it, and
 * the worker's start and its second copy of the modules are CPU for nothing.
 */
async function withSpelling(
  { checkSpelling, ...validation }: RenderedWorkspace,
  check: typeof checkSpellingHere,
): Promise<ValidationResult> {
  return { ...validation, diagnostics: sorted([...validation.diagnostics, ...(await checkSpelling(check))]) };
}

/**
 * What validate and build share: phases 1–4 short of printing and of the
 * spelling check, so that the build can start printing first.
 */
async function renderWorkspace(
  workspace: Workspace,
  context: BuildContext,
  templates: Templates,
  /**
   * Told the metrics as soon as they are computed, before the HTML is
   * rendered (a build that prints no PDF starts tables.xlsx then).
   */
  computed?: (metrics: Metrics) => void,
): Promise<RenderedWorkspace> {
  const read = await readWorkspace(workspace, context);
  const { coverage } = read;
  if (!read.ok || !read.sources)
    return { diagnostics: read.diagnostics, ok: false, coverage, checkSpelling: async () => [] };
  const sources = read.sources;
  const metrics = computeMetrics(sources, context.sources);
  computed?.(metrics);
  const diagnostics = new Diagnostics();
  const content = sources.content ?? templates.defaultContent;
  const parts = reportParts(sources, metrics, context.sources);
  const html = await renderHtml(metrics, sources.config, content, templates, parts, diagnostics, context.reportDate);
  const bundledWords = await templates.read('ordliste.txt');
  const checkSpelling = (check: typeof checkSpellingHere) =>
    checkNarrativeSpelling(workspace, context.year, content, bundledWords, sources.wordList, check);
  // Sorted by withSpelling, with the spelling warnings among them.
  const all = [...read.diagnostics, ...diagnostics.items];
  return diagnostics.hasErrors()
    ? { diagnostics: all, ok: false, coverage, checkSpelling }
    : { diagnostics: all, ok: true, coverage, report: { metrics, html }, checkSpelling };
}

export interface BuildPlan {
  metrics: Metrics;
  files: OutputFile[];
  warnings: Diagnostic[];
  html: string;
  title: string;
  /** Why report.pdf is missing from `files` when the PDF was optional and could not be printed. */
  pdfProblem?: BrowserError;
}

export interface BuildOptions {
  /** The files to plan; default html and json. 'pdf' needs `browser`. */
  formats?: readonly OutputFormat[];
  /** The browser that prints report.pdf from the very HTML of report.html; it is looked for in the context's env. */
  browser?: BrowserAccess;
  /** A missing or failing Chromium costs only the PDF (said in `pdfProblem`) instead of the whole build. */
  pdfOptional?: boolean;
}

/** The files of a year's report: written as one set, so none of an earlier run's is left beside them. */
export const REPORT_FILES = ['report.html', 'report.pdf', 'metrics.json', 'tables.xlsx'] as const;

export function reportSet(year: number): OutputSet {
  return { folder: String(year), owns: (name) => (REPORT_FILES as readonly string[]).includes(name) };
}

/**
 * Phases 1–4: everything the build would write, as data. Throws InvalidWorkspaceError when the workspace is invalid.
 */
export async function planBuild(
  workspace: Workspace,
  context: BuildContext,
  templates: Templates,
  options: BuildOptions = {},
): Promise<BuildPlan> {
  const { year } = context;
  const formats = options.formats ?? ['html', 'json'];
  if (formats.includes('pdf') && !options.browser) throw new Error('planBuild: the pdf format needs options.browser');
  const pdfOptions: PdfBuildOptions | undefined = options.browser && { browser: options.browser, env: context.env };
  // Chromium starts while the workspace is read, on the other core: its start-up then costs nothing.
  const printer = formats.includes('pdf') && pdfOptions ? startReportPrinter(year, pdfOptions) : undefined;
  let printing = false;
  // tables.xlsx is made on another thread: while Chromium prints, or while the HTML renders when nothing is printed.
  let xlsxJob: XlsxJob | undefined;
  const makeXlsx = (metrics: Metrics) => {
    xlsxJob = tablesXlsxJob(metrics, reportSheets(metrics, context.sources), context.reportDate);
  };
  try {
    const rendered = await renderWorkspace(workspace, context, templates, printer ? undefined : makeXlsx);
    if (!rendered.report)
      throw new InvalidWorkspaceError((await withSpelling(rendered, checkSpellingHere)).diagnostics);
    const { metrics, html: report } = rendered.report;
    // Printed in the plan phase, bytes in memory: a failing print leaves no partial output behind.
    printing = printer !== undefined;
    const pdf =
      printer && pdfOptions
        ? printReport(report, year, { date: context.reportDate, author: metrics.institution }, pdfOptions, printer)
        : undefined;
    pdf?.catch(() => undefined);
    if (printer) makeXlsx(metrics);
    // Without a PDF the spelling is checked here while the worker makes tables.xlsx. With one, tables.xlsx and
    // then the check, one thread at a time beside Chromium: two threads at once took the core it prints on.
    const checkedHere = printer ? undefined : await withSpelling(rendered, checkSpellingHere);
    const xlsx = await xlsxJob!.bytes;
    xlsxJob = undefined;
    const validation = checkedHere ?? (await withSpelling(rendered, checkSpellingOnThread));
    let printed: Awaited<NonNullable<typeof pdf>> | undefined;
    let pdfProblem: BrowserError | undefined;
    try {
      printed = await pdf;
    } catch (error) {
      if (!(options.pdfOptional && error instanceof BrowserError)) throw error;
      pdfProblem = error;
    }
    return {
      metrics,
      pdfProblem,
      html: report.html,
      title: report.title,
      warnings: sorted([...validation.diagnostics, ...(printed?.warnings ?? [])]),
      files: [
        { path: `${year}/report.html`, contents: report.html },
        { path: `${year}/metrics.json`, contents: stableJson(metrics) },
        // The figures' data for analysts, beside the report whatever --format says.
        { path: `${year}/tables.xlsx`, contents: xlsx },
        ...(printed ? [{ path: `${year}/report.pdf`, contents: printed.pdf }] : []),
      ].filter((file) => {
        const format = formatOf(file.path);
        return format === undefined || formats.includes(format);
      }),
    };
  } finally {
    // printReport closes the browser it printed with; one started for an invalid workspace is closed here.
    xlsxJob?.cancel();
    if (printer && !printing) await discardPrinter(printer);
  }
}
