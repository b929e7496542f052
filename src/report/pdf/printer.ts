import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

/** One print of an HTML document. */
export interface PrintResult {
  pdf: Uint8Array;
  /** Every request the document tried to make; all were refused. */
  blockedRequests: string[];
}

/**
 * A running browser that prints HTML to PDF. The build launches one per run
 * and prints through it several times (the table of contents needs a second
 * pass); tests pass a fake.
 */
export interface PdfPrinter {
  /**
   * Prints a self-contained document. `fill` sets the text of the elements
   * whose data-target names a key (the TOC's page numbers), so the PDF is
   * printed from the very HTML that report.html holds.
   */
  print(html: string, fill?: Readonly<Record<string, string>>, options?: PrintOptions): Promise<PrintResult>;
  close(): Promise<void>;
}

export interface PrintOptions {
  /**
   * A print read only for where things land (the table of contents' first
   * pass): without the tags and the outline, which do not move anything on
   * the page but cost a third of the print.
   */
  draft?: boolean;
}

export type PrinterLauncher = (executablePath: string) => Promise<PdfPrinter>;

/**
 * Flags for a headless print in a closed network as root: no sandbox (root
 * cannot have one), and none of the background services that would try to
 * phone home and fill the log with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
];

export const launchChromium: PrinterLauncher = async (executablePath) => {
  // Loaded on demand: validate, diff and an HTML-only build never pay for it.
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = await mkdtemp(join(tmpdir(), 'hms-report-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return printerOn(browser, async () => {
    // Nothing of the browser is kept (its profile is removed next): stopped at once rather than asked to shut down,
    // which takes it a tenth of a second at the end of every build; close() then only lets puppeteer see it gone.
    browser.process()?.kill('SIGKILL');
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  });
};

/**
 * A printer on a running browser. `release` is what closing the printer does
 * with the browser: launchChromium stops the browser it started; a browser
 * shared with other work (the tests') closes just the pages the printer still
 * has open, which `openPages` gives.
 */
export function printerOn(browser: Browser, release: (openPages: () => Promise<Page[]>) => Promise<void>): PdfPrinter {
  /**
   * A loaded page kept after a print, by its HTML: the next pass over the same
   * document (the TOC's) only sets the page numbers and prints again, without
   * loading, laying out and decoding the fonts of the document a second time.
   */
  const idle = new Map<string, { page: Page; blockedRequests: string[] }>();
  const open = async () => {
    const page = await browser.newPage();
    const blockedRequests: string[] = [];
    try {
      await page.setJavaScriptEnabled(false);
      // The page is only ever printed: laid out for print from the start, a print does
      // not restyle and re-lay out the whole document, then back. That halves each pass.
      await page.emulateMediaType('print');
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        // The document arrives through setContent; anything else (even a font or image) would be a leak.
        if (url.startsWith('data:') || url === 'about:blank') {
          void request.continue();
        } else {
          blockedRequests.push(url);
          void request.abort('blockedbyclient');
        }
      });
    } catch (error) {
      await page.close();
      throw error;
    }
    return { page, blockedRequests };
  };
  // The first page is opened now, while the build still renders the
  // HTML: opening and setting one up takes a tenth of a second.
  let spare: ReturnType<typeof open> | undefined = open();
  spare.catch(() => undefined);
  const load = async (html: string) => {
    const opened = spare ?? open();
    spare = undefined;
    const { page, blockedRequests } = await opened;
    try {
      await page.setContent(html, { waitUntil: 'load' });
    } catch (error) {
      await page.close();
      throw error;
    }
    return { page, blockedRequests };
  };
  return {
    async print(html, fill = {}, options = {}) {
      const reused = idle.get(html);
      idle.delete(html);
      const loaded = reused ?? (await load(html));
      let keep = false;
      try {
        await loaded.page.evaluate(async (entries: Record<string, string>) => {
          // Every target is set, those not in `entries` back to empty (as
          // the HTML has them), so a reused page prints as a fresh one.
          document.querySelectorAll<HTMLElement>('[data-target]').forEach((element) => {
            element.textContent = entries[element.dataset.target ?? ''] ?? '';
          });
          await document.fonts.ready;
        }, fill);
        const pdf = await loaded.page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          tagged: !options.draft,
          // The bookmarks are added afterwards from the headings' own text (pdf-file.ts addOutline).
          outline: false,
          timeout: 120_000,
        });
        keep = !idle.has(html);
        return { pdf: new Uint8Array(pdf), blockedRequests: [...new Set(loaded.blockedRequests)].sort() };
      } finally {
        if (keep) {
          // One idle page at a time: a build prints one document, feedback many that are never printed twice.
          for (const [other, { page }] of idle) {
            idle.delete(other);
            await page.close();
          }
          idle.set(html, loaded);
        } else {
          await loaded.page.close();
        }
      }
    },
    async close() {
      const pages = [...idle.values()].map((loaded) => loaded.page);
      const unused = spare;
      idle.clear();
      spare = undefined;
      await release(async () => {
        const opened = await unused?.catch(() => undefined);
        return opened ? [...pages, opened.page] : pages;
      });
    },
  };
}
