import { EXIT_USAGE, HmsError, type Diagnostic } from '../../errors.js';
import { messages } from '../../messages.js';
import { EXIT_NO_BROWSER, findBrowser, type BrowserSearch } from './browser.js';
import { addOutline, destinationPages, finishPdf, type OutlineEntry } from './pdf-file.js';
import { launchChromium, type PdfPrinter, type PrinterLauncher } from './printer.js';
import { unescapeHtml } from '../html-escape.js';

export { EXIT_NO_BROWSER, findBrowser, type BrowserSearch } from './browser.js';
export { launchChromium, type PdfPrinter, type PrinterLauncher, type PrintResult } from './printer.js';

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
 * numbers. When the numbers themselves move a heading (a longer TOC line
 * wrapping), the loop repeats until the pages agree with what is printed.
 */
export async function renderPdf(
  html: string,
  tocTargets: readonly string[],
  printer: PdfPrinter,
  info: { date: Date; author: string },
  outline: readonly OutlineEntry[] = [],
): Promise<PdfReport> {
  let fill: Record<string, string> = {};
  for (let pass = 0; pass <= MAX_PASSES; pass++) {
    const printed = await printer.print(html, fill);
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

/**
 * The date a PDF of `year`'s report carries: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else 1 January of the following year, when
 * a year's report is at the earliest complete.
 */
export function reportDate(year: number, sourceDateEpoch: string | undefined): Date | { invalid: string } {
  if (sourceDateEpoch === undefined || sourceDateEpoch.trim() === '') return new Date(Date.UTC(year + 1, 0, 1));
  if (!/^\d+$/.test(sourceDateEpoch.trim())) return { invalid: sourceDateEpoch };
  return new Date(Number(sourceDateEpoch.trim()) * 1000);
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

/** What the plan phase needs to print report.pdf: where to find a browser, and the environment (browser paths, SOURCE_DATE_EPOCH). */
export interface PdfBuildOptions {
  browser: BrowserAccess;
  env: Record<string, string | undefined>;
}

/**
 * report.pdf for a rendered report, with a warning for every request the
 * document tried (and was refused). One browser launch for all passes. A
 * missing Chromium or a bad SOURCE_DATE_EPOCH is an HmsError whose message
 * says what to do.
 */
export async function printReport(
  html: string,
  year: number,
  options: PdfBuildOptions,
): Promise<{ pdf: Uint8Array; warnings: Diagnostic[] }> {
  const { date, printer, path } = await startPrinter(year, options, (explicit) => messages.noBrowser(explicit, year));
  // The TOC's page slots, whatever headings the layout chose to list.
  const tocTargets = [...html.matchAll(/class="toc-page" data-target="([^"]+)"/g)].map((m) => m[1]!);
  try {
    const report = await renderPdf(html, tocTargets, printer, { date, author: metaAuthor(html) }, outlineEntries(html));
    const warnings = report.blockedRequests.map((url): Diagnostic => ({
      severity: 'warning',
      file: 'report.html',
      message: messages.requestBlocked(url),
    }));
    return { pdf: report.pdf, warnings };
  } catch (error) {
    // A browser that crashes or times out mid-print is the machine's problem, not a bug to report with a stack trace.
    throw new HmsError(messages.printFailed(path, firstLine(error)), EXIT_NO_BROWSER);
  } finally {
    await printer.close();
  }
}

/**
 * The date every PDF of the year carries and a started browser. Checked
 * before any printing, so a bad SOURCE_DATE_EPOCH or a missing Chromium
 * stops the run with a message that says what to do (`notFound` words it for
 * the command); nothing is half-printed.
 */
export async function startPrinter(
  year: number,
  options: PdfBuildOptions,
  notFound: (explicit: { variable: string; path: string } | undefined) => string,
): Promise<{ date: Date; printer: PdfPrinter; path: string }> {
  const date = reportDate(year, options.env.SOURCE_DATE_EPOCH);
  if (!(date instanceof Date)) throw new HmsError(messages.badSourceDateEpoch(date.invalid), EXIT_USAGE);
  const search = options.browser.find(options.env);
  if (!search.found) throw new HmsError(notFound(search.explicit), EXIT_NO_BROWSER);
  try {
    return { date, printer: await options.browser.launch(search.path), path: search.path };
  } catch (error) {
    throw new HmsError(messages.browserFailed(search.path, firstLine(error), year), EXIT_NO_BROWSER);
  }
}

/**
 * The bookmarks: every heading the table of contents lists, with the text the
 * heading itself shows ("2.4 Rammer og betingelser …", "1. Sammendrag"),
 * read once from the very HTML that is printed.
 */
export function outlineEntries(html: string): OutlineEntry[] {
  const targets = new Set([...html.matchAll(/class="toc-page" data-target="([^"]+)"/g)].map((m) => m[1]!));
  const entries: OutlineEntry[] = [];
  for (const match of html.matchAll(/<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const [, level, id, inner] = match;
    if (!targets.has(id!)) continue;
    const title = decodeReferences(unescapeHtml(inner!.replace(/<[^>]*>/g, '')))
      .replace(/[ \t\r\n]+/g, ' ')
      .trim();
    entries.push({ title, target: id!, level: Number(level) });
  }
  return entries;
}

/** Numeric character references (`&#45;`, `&#x2013;`) as the characters they stand for. */
function decodeReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code: string) =>
    String.fromCodePoint(code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code)),
  );
}

/** The document's <meta name="author">, which Chromium does not carry into the PDF itself. */
function metaAuthor(html: string): string {
  return unescapeHtml(/<meta name="author" content="([^"]*)"/.exec(html)?.[1] ?? '');
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
