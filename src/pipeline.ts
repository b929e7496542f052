/**
 * The build, in phases, each in its own folder:
 *
 *   1. read      workspace/  find the exports, decode CSV/XLSX/YAML into tables
 *   2. validate  sources/    check every row against the contract, normalise
 *   3. compute   metrics/    pure computations per domain → metrics.json
 *   4. plan      report/     view model, HTML (and PDF) as files in memory
 *   5. write     output.ts   all files at once, atomically
 *
 * Phases 1–4 collect every problem (the narrative's placeholders included);
 * any error stops the build before phase 5, so an invalid workspace writes nothing.
 */
import { Diagnostics, HmsError, EXIT_INVALID, sorted, type Diagnostic } from './errors.js';
import { computeMetrics } from './metrics/index.js';
import type { Metrics } from './metrics/types.js';
import type { OutputFile, OutputSet } from './output.js';
import { renderHtml, type HtmlReport } from './report/html.js';
import { EXIT_NO_BROWSER, formatOf, printReport, type OutputFormat, type PdfBuildOptions } from './report/pdf/index.js';
import type { Templates } from './report/templates.js';
import { readSources, type Sources } from './sources/index.js';
import type { Workspace } from './workspace/workspace.js';
import { stableJson } from './json.js';
import { tablesXlsx } from './report/tables-xlsx.js';

export interface SourcesResult {
  sources: Sources | null;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/** Phases 1–2: reads and validates every source of the workspace, returning every problem found. */
export async function readWorkspace(workspace: Workspace, year: number): Promise<SourcesResult> {
  const diagnostics = new Diagnostics();
  const sources = await readSources(workspace, year, diagnostics);
  return { sources, diagnostics: sorted(diagnostics.items), ok: sources !== null && !diagnostics.hasErrors() };
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  ok: boolean;
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
  year: number,
  templates: Templates,
): Promise<ValidationResult> {
  const read = await readWorkspace(workspace, year);
  if (!read.ok || !read.sources) return { diagnostics: read.diagnostics, ok: false };
  const sources = read.sources;
  const metrics = computeMetrics(sources);
  const diagnostics = new Diagnostics();
  const content = sources.content ?? templates.defaultContent;
  const html = await renderHtml(metrics, sources.config, content, templates, diagnostics, {
    actionPlan: sources.actionPlan,
    facts: sources.facts,
  });
  const all = sorted([...read.diagnostics, ...diagnostics.items]);
  return diagnostics.hasErrors()
    ? { diagnostics: all, ok: false }
    : { diagnostics: all, ok: true, report: { metrics, html } };
}

export interface BuildPlan {
  metrics: Metrics;
  files: OutputFile[];
  warnings: Diagnostic[];
  html: string;
  title: string;
  /** Why report.pdf is missing from `files` when the PDF was optional and could not be printed. */
  pdfProblem?: HmsError;
}

export interface BuildOptions {
  /** The files to plan; default html and json. 'pdf' needs `pdf`. */
  formats?: readonly OutputFormat[];
  /** How to reach the browser that prints report.pdf, from the very HTML of report.html. */
  pdf?: PdfBuildOptions;
  /** A missing or failing Chromium costs only the PDF (said in `pdfProblem`) instead of the whole build. */
  pdfOptional?: boolean;
}

/** The files of a year's report: written as one set, so none of an earlier run's is left beside them. */
export const REPORT_FILES = ['report.html', 'report.pdf', 'metrics.json', 'tables.xlsx'] as const;

export function reportSet(year: number): OutputSet {
  return { folder: String(year), owns: (name) => (REPORT_FILES as readonly string[]).includes(name) };
}

/** Phases 1–4: everything the build would write, as data. Throws HmsError (exit 1) when the workspace is invalid. */
export async function planBuild(
  workspace: Workspace,
  year: number,
  templates: Templates,
  options: BuildOptions = {},
): Promise<BuildPlan> {
  const validation = await validateWorkspace(workspace, year, templates);
  if (!validation.report) throw new HmsError('invalid workspace', EXIT_INVALID, validation.diagnostics);
  const { metrics, html: report } = validation.report;
  const formats = options.formats ?? ['html', 'json'];
  if (formats.includes('pdf') && !options.pdf) throw new Error('planBuild: the pdf format needs options.pdf');
  // Printed in the plan phase, bytes in memory: a failing print leaves no partial output behind.
  let pdf: Awaited<ReturnType<typeof printReport>> | undefined;
  let pdfProblem: HmsError | undefined;
  if (formats.includes('pdf') && options.pdf) {
    try {
      pdf = await printReport(report.html, year, options.pdf);
    } catch (error) {
      if (!(options.pdfOptional && error instanceof HmsError && error.exitCode === EXIT_NO_BROWSER)) throw error;
      pdfProblem = error;
    }
  }
  return {
    metrics,
    pdfProblem,
    html: report.html,
    title: report.title,
    warnings: sorted([...validation.diagnostics, ...(pdf?.warnings ?? [])]),
    files: [
      { path: `${year}/report.html`, contents: report.html },
      { path: `${year}/metrics.json`, contents: stableJson(metrics) },
      // The figures' data for analysts, beside the report whatever --format says.
      { path: `${year}/tables.xlsx`, contents: await tablesXlsx(metrics) },
      ...(pdf ? [{ path: `${year}/report.pdf`, contents: pdf.pdf }] : []),
    ].filter((file) => {
      const format = formatOf(file.path);
      return format === undefined || formats.includes(format);
    }),
  };
}
