import { BrowserError, type Diagnostic } from '../../errors.js';
import { messages } from '../../messages.js';
import type { HtmlReport } from '../html.js';
import type { Heading } from '../content.js';
import { typesetText } from '../typography.js';
import { findBrowser, type BrowserSearch } from './browser.js';
import { addOutline, destinationPages, finishPdf, type OutlineEntry } from './pdf-file.js';
import { launchChromium, type PdfPrinter, type PrinterLauncher } from './printer.js';

export { findBrowser, type BrowserSearch } from './browser.js';
export {
  launchChromium,
  printerOn,
  type PdfPrinter,
  type PrinterLauncher,
  type PrintOptions,
  type PrintResult,
} from './printer.js';

export interface PdfReport {
  pdf: Uint8Array;
  /** Table-of-contents target id → the page it is printed on. */
  tocPages: Map<string, number>;
  blockedRequests: string[];
}

/** Passes after the first, each filling in the page numbers the previous one found. */
const MAX_PASSES = 4;

/**
 * Prints the report and fills in the table of contents. Page numbers cannot
 * be known before printing, so the first pass prints with the numbers blank
 * and reads where each heading landed; the next pass prints with those
 * numbers. The first pass is a draft (no tags, no outline) on the page the
 * second reuses, so it costs about two thirds of a print and no second
 * load. When the numbers themselves move a heading (a longer TOC line
 * wrapping), the loop repeats until the pages agree with what is printed.
 */
export async function renderPdf(
  html: string,
  tocTargets: readonly string[],
  printer: PdfPrinter,
  info: PdfInfo,
  outline: readonly OutlineEntry[] = [],
): Promise<PdfReport> {
  let fill: Record<string, string> = {};
  for (let pass = 0; pass <= MAX_PASSES; pass++) {
    // The first pass only finds the pages: a draft, without tags and outline.
    const printed = await printer.print(html, fill, { draft: pass === 0 });
    const destinations = destinationPages(printed.pdf);
    const tocPages = new Map<string, number>();
    for (const target of tocTargets) {
      const page = destinations.get(target);
      if (page === undefined) throw new Error(`the PDF has no destination for heading "${target}"`);
      tocPages.set(target, page);
    }
    const next = Object.fromEntries([...tocPages].map(([target, page]) => [target, String(page)]));
    if (pass > 0 && tocTargets.every((t) => fill[t] === next[t])) {
      const pdf = finishPdf(addOutline(printed.pdf, outline), info);
      return { pdf, tocPages, blockedRequests: printed.blockedRequests };
    }
    fill = next;
  }
  throw new Error(`the table of contents' page numbers did not settle after ${MAX_PASSES + 1} passes`);
}

export type OutputFormat = 'html' | 'pdf' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['html', 'pdf', 'json'];

/** Which format a planned output file belongs to, by its extension. */
export function formatOf(path: string): OutputFormat | undefined {
  const extension = path.slice(path.lastIndexOf('.') + 1);
  return OUTPUT_FORMATS.find((format) => format === extension);
}

/** How the build gets at a browser; the CLI's default is the system's Chromium, tests pass fakes. */
export interface BrowserAccess {
  find(env: Record<string, string | undefined>): BrowserSearch;
  launch: PrinterLauncher;
}

export const systemBrowser: BrowserAccess = { find: (env) => findBrowser(env), launch: launchChromium };

/**
 * What printing needs: a browser, and the environment to look for it in (HMS_REPORT_CHROMIUM and the other
 * browser paths), which is the build context's.
 */
export interface PdfBuildOptions {
  browser: BrowserAccess;
  env: Readonly<Record<string, string | undefined>>;
}

/** What every PDF of a build carries in its document information. */
export interface PdfInfo {
  date: Date;
  author: string;
}

/**
 * report.pdf for a rendered report, with a warning for every request the
 * document tried (and was refused). One browser launch for all passes. A
 * missing Chromium or a bad SOURCE_DATE_EPOCH is an HmsError whose message
 * says what to do. `started` is a browser the caller started earlier (see
 * startReportPrinter); it is closed here either way.
 */
export async function printReport(
  report: HtmlReport,
  year: number,
  info: PdfInfo,
  options: PdfBuildOptions,
  started: Promise<StartedPrinter> = startReportPrinter(year, options),
): Promise<{ pdf: Uint8Array; warnings: Diagnostic[] }> {
  const { printer, path } = await started;
  try {
    const printed = await renderPdf(
      report.html,
      report.toc.map((heading) => heading.id),
      printer,
      info,
      outlineOf(report.toc),
    );
    const warnings = printed.blockedRequests.map((url): Diagnostic => ({
      severity: 'warning',
      file: 'report.html',
      message: messages.requestBlocked(url),
    }));
    return { pdf: printed.pdf, warnings };
  } catch (error) {
    // A browser that crashes or times out mid-print is the machine's problem, not a bug to report with a stack trace.
    throw new BrowserError(messages.printFailed(path, firstLine(error)));
  } finally {
    await printer.close();
  }
}

export interface StartedPrinter {
  printer: PdfPrinter;
  path: string;
}

/**
 * The browser that prints report.pdf, started now: a build starts it before
 * it reads the workspace, so Chromium's start-up overlaps the reading. The
 * promise is marked handled, so a failed start is reported only to whoever
 * awaits it (after the workspace turned out valid); `discard` closes a
 * browser that will not be used.
 */
export function startReportPrinter(year: number, options: PdfBuildOptions): Promise<StartedPrinter> {
  const started = startPrinter(year, options, (explicit) => messages.noBrowser(explicit, year));
  started.catch(() => undefined);
  return started;
}

/** Closes an early-started browser that will not print (the workspace was invalid). */
export async function discardPrinter(started: Promise<StartedPrinter>): Promise<void> {
  const printer = await started.catch(() => undefined);
  await printer?.printer.close();
}

/**
 * A started browser. Checked before any printing, so a missing Chromium
 * stops the run with a message that says what to do (`notFound` words it for
 * the command); nothing is half-printed.
 */
export async function startPrinter(
  year: number,
  options: PdfBuildOptions,
  notFound: (explicit: { variable: string; path: string } | undefined) => string,
): Promise<StartedPrinter> {
  const search = options.browser.find(options.env);
  if (!search.found) throw new BrowserError(notFound(search.explicit));
  try {
    return { printer: await options.browser.launch(search.path), path: search.path };
  } catch (error) {
    throw new BrowserError(messages.browserFailed(search.path, firstLine(error), year));
  }
}

/**
 * The bookmarks: every heading the table of contents lists, with the text the
 * heading itself shows ("1. Sammendrag", "2.4 Rammer og betingelser …"):
 * its number label and its title set by the same typography pass as the
 * page, where a level-1 title follows "1." and so starts a sentence.
 */
export function outlineOf(toc: readonly Heading[]): OutlineEntry[] {
  return toc.map((heading) => {
    const label = heading.level === 1 ? `${heading.number}.` : heading.number;
    const title = typesetText(heading.title, { sentenceStart: heading.level === 1 }).replace(/[ \t\r\n]+/g, ' ');
    return { title: `${label} ${title}`.trim(), target: heading.id, level: heading.level };
  });
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
