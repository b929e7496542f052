import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../src/report/pdf/printer.js';
import { chromiumPath } from './pdf.js';

/**
 * One Chromium for the test files of a worker that open pages themselves
 * (accessibility, the phone and desktop checks, the preview): a launch costs
 * about half a second of CPU. A file opens and closes its own pages and never
 * closes the browser; puppeteer ends it when the worker exits.
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
