import { BrowserError, InvalidWorkspaceError, type Diagnostic } from './errors.js';
import { feedbackUnits, type FeedbackUnit } from './metrics/feedback.js';
import { messages } from './messages.js';
import type { OutputFile } from './output.js';
import { readWorkspace, type BuildContext } from './pipeline.js';
import { uniqueSafeNames } from './report/feedback/names.js';
import { renderFeedbackHtml } from './report/feedback/render.js';
import { finishPdf } from './report/pdf/pdf-file.js';
import { firstLine, startPrinter, type BrowserAccess, type PdfBuildOptions, type PdfInfo } from './report/pdf/index.js';
import { incidents } from './sources/incidents/index.js';
import { computeMetrics, dataOf } from './sources/registry.js';
import { survey } from './sources/survey/index.js';
import type { Workspace } from './workspace/workspace.js';

/**
 * `hms-report feedback`: a page for every org and reporting unit, beside the
 * report's own pipeline (pipeline.ts), sharing its read and compute phases.
 */

export type FeedbackFormat = 'html' | 'pdf';

export interface FeedbackOptions {
  formats: readonly FeedbackFormat[];
  /** Needed when formats has 'pdf'; it is looked for in the context's env. */
  browser?: BrowserAccess;
  /** Pages printed at once in the one shared browser. */
  concurrency: number;
  /** Called after each PDF, for progress on a terminal. */
  onPrinted?: (done: number, total: number) => void;
}

export interface FeedbackPage {
  unit: FeedbackUnit;
  /** The file name without extension, under <year>/enheter/. */
  name: string;
  html: string;
}

export interface FeedbackPlan {
  pages: FeedbackPage[];
  files: OutputFile[];
  warnings: Diagnostic[];
}

/**
 * Every org's and reporting unit's page, as HTML in memory. Throws InvalidWorkspaceError when the workspace is invalid.
 */
export async function planFeedbackPages(
  workspace: Workspace,
  context: BuildContext,
): Promise<{ pages: FeedbackPage[]; warnings: Diagnostic[]; institution: string }> {
  const { year } = context;
  const validation = await readWorkspace(workspace, context);
  if (!validation.ok || !validation.sources) throw new InvalidWorkspaceError(validation.diagnostics);
  const sources = validation.sources;
  const metrics = computeMetrics(sources, context.sources);
  const units = feedbackUnits(
    { year, units: sources.units, survey: dataOf(sources, survey), incidents: dataOf(sources, incidents) },
    metrics,
  );
  const names = uniqueSafeNames(units.map((u) => `${u.id} ${u.name}`));
  const page = { institution: metrics.institution, year };
  return {
    pages: units.map((unit, i) => ({ unit, name: names[i]!, html: renderFeedbackHtml(unit, page) })),
    warnings: validation.diagnostics,
    institution: metrics.institution,
  };
}

/**
 * The feedback files of a year: HTML and/or PDF for every page. All PDFs come
 * from one browser, `concurrency` pages at a time: starting Chromium costs
 * far more than printing a two-page document, so ~80 reports take little more
 * than a single build.
 */
export async function planFeedback(
  workspace: Workspace,
  context: BuildContext,
  options: FeedbackOptions,
): Promise<FeedbackPlan> {
  const { year } = context;
  const { pages, warnings, institution } = await planFeedbackPages(workspace, context);
  const files: OutputFile[] = [];
  if (options.formats.includes('html'))
    for (const page of pages) files.push({ path: `${year}/enheter/${page.name}.html`, contents: page.html });
  if (options.formats.includes('pdf')) {
    if (!options.browser) throw new Error('planFeedback: the pdf format needs options.browser');
    const pdf = { browser: options.browser, env: context.env };
    const pdfs = await printAll(pages, year, { date: context.reportDate, author: institution }, pdf, options);
    pages.forEach((page, i) => files.push({ path: `${year}/enheter/${page.name}.pdf`, contents: pdfs[i]! }));
  }
  return { pages, files, warnings };
}

async function printAll(
  pages: FeedbackPage[],
  year: number,
  info: PdfInfo,
  pdf: PdfBuildOptions,
  options: FeedbackOptions,
): Promise<Uint8Array[]> {
  const { printer, path } = await startPrinter(year, pdf, () => messages.feedbackNoBrowser(year));
  const results: Uint8Array[] = new Array(pages.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < pages.length; i = next++) {
      const page = pages[i]!;
      const printed = await printer.print(page.html);
      results[i] = finishPdf(printed.pdf, info);
      options.onPrinted?.(++done, pages.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, pages.length)) }, worker));
  } catch (error) {
    // As for report.pdf: a browser that dies mid-print is the machine's problem, said plainly.
    throw new BrowserError(messages.printFailed(path, firstLine(error), 'the feedback PDFs'));
  } finally {
    await printer.close();
  }
  return results;
}
