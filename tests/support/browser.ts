import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser, printerOn, type BrowserAccess, type PdfPrinter } from '../../src/report/pdf/index.js';
import { CHROMIUM_ARGS } from '../../src/report/pdf/printer.js';
import { chromiumPath } from './pdf.js';

/**
 * One Chromium for the test files of a worker that open pages or print
 * (accessibility, the phone and desktop checks, the preview, the PDF's
 * rebuilds): a launch costs over a second of CPU, its first page included. A
 * file opens and closes its own pages and never closes the browser; puppeteer
 * ends it when the worker exits. The shared build of the samples
 * (tests/support/shared.ts) launches its own, as `hms-report build` does.
 */
let browser: Promise<Browser> | undefined;

export function testBrowser(): Promise<Browser> {
  browser ??= puppeteer.launch({
    executablePath: chromiumPath ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    // The flags the tool prints with, so the pages are laid out as in report.pdf.
    args: CHROMIUM_ARGS,
  });
  return browser;
}

/** The tool's printer on the worker's Chromium: closing it closes its pages, not the browser. */
export async function testPrinter(): Promise<PdfPrinter> {
  return printerOn(await testBrowser(), async (openPages) => {
    for (const page of await openPages()) await page.close();
  });
}

/** The system's Chromium as the tool finds it, its launches served by testPrinter(). */
export const testPrinterAccess: BrowserAccess = { find: (env) => findBrowser(env), launch: testPrinter };
