import { appendFileSync, cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR, run } from '../../src/cli/main.js';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { testBrowser, testPrinterAccess } from '../support/browser.js';
import { skipWithoutBrowser } from '../support/pdf.js';

/** `hms-report preview` run as the CLI runs it, stopped by resolving `stop`. */
async function startPreview(args: string[]) {
  let stdout = '';
  let stderr = '';
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const io: CliIo = {
    ...processIo,
    // report.pdf is printed through the worker's Chromium rather than one of its own.
    browser: testPrinterAccess,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    interrupted: () => stopped,
    openUrl: () => {
      throw new Error('preview opened a browser without --open');
    },
  };
  const status = run(['preview', ...args, '--port', '0'], io);
  const url = await poll(
    async () => /http:\/\/[^\s]+/.exec(stdout)?.[0],
    60_000,
    () => `no address; stderr:\n${stderr}`,
  );
  return {
    url,
    output: () => stderr,
    async close() {
      stop();
      return status;
    },
  };
}

/** Polls until `check` gives a value, or fails after `timeout` ms saying `what`. */
async function poll<T>(check: () => Promise<T | undefined | false>, timeout: number, what: () => string): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-preview-'));
  cpSync(SAMPLES_DIR, dir, { recursive: true, filter: (path) => !path.includes('/generate') });
  return dir;
}

describe.skipIf(skipWithoutBrowser)('hms-report preview in a browser', () => {
  let browser: Browser;
  let page: Page;
  let workspace: string;
  let preview: Awaited<ReturnType<typeof startPreview>>;

  beforeAll(async () => {
    workspace = sampleCopy();
    preview = await startPreview(['2025', '--data', workspace]);
    browser = await testBrowser();
    page = await browser.newPage();
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await page?.close();
    expect(await preview?.close()).toBe(0);
    expect(preview.output()).toContain('Preview stopped.');
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  /** The report's text (without the preview's additions), read from whatever page is loaded now. */
  const reportText = () => page.evaluate(() => document.querySelector('main')?.textContent ?? '');
  const overlay = () =>
    page.evaluate(() => {
      const element = document.getElementById('hms-preview-overlay');
      return element && !element.hidden ? element.textContent : null;
    });

  it('shows a saved narrative without a manual reload, then an invalid export as an overlay over the last report', async () => {
    expect(await reportText()).toContain('Overordnet status');
    expect(await page.$('#hms-preview-bar a[href="/report.pdf"]')).not.toBeNull();

    const narrative = join(workspace, 'content/2025/01-sammendrag.md');
    appendFileSync(narrative, '\nEn setning lagt til i forhåndsvisningen.\n');
    await poll(
      async () => (await reportText()).includes('En setning lagt til i forhåndsvisningen.'),
      30_000,
      () => `the page never showed the new sentence; preview said:\n${preview.output()}`,
    );

    // Only the narrative was redone, from the metrics already computed.
    expect(preview.output()).toMatch(/Updated the report \(content; \d+ ms\)/);

    const injuries = join(workspace, 'injuries.csv');
    const good = readFileSync(injuries, 'utf8');
    const lines = good.split('\n');
    expect(lines[0]!.trimEnd()).toBe('case_id,unit_id,date,kind');
    lines[1] = lines[1]!.replace(/,\d{4}-\d\d-\d\d,/, ',2021-13-45,');
    writeFileSync(injuries, lines.join('\n'));
    const shown = await poll(overlay, 30_000, () => `no overlay; preview said:\n${preview.output()}`);
    expect(shown).toMatch(/injuries\.csv:2:date: /);
    // Only that export was read again.
    expect(preview.output()).toMatch(/invalid \(1 problem\).*\(source:injuries; \d+ ms\)/);
    // The last good report stays, the sentence included.
    expect(await reportText()).toContain('En setning lagt til i forhåndsvisningen.');

    writeFileSync(injuries, good);
    await poll(
      async () => (await overlay()) === null,
      30_000,
      () => `the overlay stayed; preview said:\n${preview.output()}`,
    );
    expect(await reportText()).toContain('En setning lagt til i forhåndsvisningen.');
  });

  it('prints the report as it is now from the PDF link', async () => {
    const response = await fetch(new URL('/report.pdf', preview.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});

/** Sends a request exactly as written (no URL normalisation) and returns the status line and body. */
function rawRequest(url: string, target: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(`GET ${target} HTTP/1.1\r\nHost: ${host ?? `${hostname}:${port}`}\r\nConnection: close\r\n\r\n`);
    });
    let response = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (response += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      resolve({ status, body: response.slice(response.indexOf('\r\n\r\n') + 4) });
    });
  });
}

describe('what the preview server answers', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  let workspace: string;

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'hms-preview-min-'));
    mkdirSync(join(workspace, 'content/2025'), { recursive: true });
    writeFileSync(
      join(workspace, 'units.csv'),
      'unit_id;name;parent_id;reporting;first_year;last_year\nF;Fakultet;;ja;;\n',
    );
    writeFileSync(join(workspace, 'content/2025/01.md'), '# Rapport\n\nHei.\n');
    writeFileSync(join(workspace, 'secret.txt'), 'not for the browser');
    preview = await startPreview(['2025', '--data', workspace]);
  });

  afterAll(async () => {
    expect(await preview?.close()).toBe(0);
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
    const { port } = new URL(preview.url);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === 'IPv4' && !address.internal);
    for (const address of others) {
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect(Number(port), address!.address, () => resolve(socket.destroy()));
          socket.on('error', reject);
        }),
      ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('serves the report, and refuses every path outside it', async () => {
    const report = await rawRequest(preview.url, '/');
    expect(report.status).toBe(200);
    expect(report.body).toContain('Hei.');
    for (const target of [
      '/../../etc/passwd',
      '/etc/passwd',
      '//etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd',
      `/${workspace}/secret.txt`,
      '/secret.txt',
      '/units.csv',
      '/content/',
      '/content/2025/01.md',
      'http://127.0.0.1/etc/passwd',
    ]) {
      const answer = await rawRequest(preview.url, target);
      expect([400, 404], target).toContain(answer.status);
      expect(answer.body, target).not.toMatch(/root:|not for the browser|unit_id|Hei\./);
    }
  });

  it('answers only to its own host name', async () => {
    const answer = await rawRequest(preview.url, '/', 'attacker.example:80');
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('Hei.');
  });
});
