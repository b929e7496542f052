import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLES_DIR } from '../../src/cli/main.js';
import { planBuild, type BuildPlan, buildContext } from '../../src/pipeline.js';
import { findBrowser, type BrowserAccess, type OutputFormat } from '../../src/report/pdf/index.js';
import { loadTemplates } from '../../src/report/templates.js';
import { nodeFileSystem } from '../../src/workspace/files.js';
import { Workspace } from '../../src/workspace/workspace.js';

/**
 * Shared by the tests that need a real Chromium and poppler-utils. They are
 * skipped only on a developer's machine without a browser; under CI they run
 * (and fail loudly if .ci/run did not install one).
 */
const search = findBrowser(process.env);
export const chromiumPath = search.found ? search.path : undefined;
export const skipWithoutBrowser = chromiumPath === undefined && !process.env.CI;

export const SAMPLE_YEAR = 2025;

/** The bundled samples built in memory, as `hms-report build` plans it, printing through `browser`. */
export async function buildSamples(
  formats: readonly OutputFormat[],
  browser: BrowserAccess,
  env: Record<string, string | undefined> = { ...process.env, SOURCE_DATE_EPOCH: undefined },
): Promise<BuildPlan> {
  const templates = await loadTemplates(nodeFileSystem);
  return planBuild(new Workspace(SAMPLES_DIR, nodeFileSystem), buildContext(SAMPLE_YEAR, env), templates, {
    formats,
    browser,
  });
}

export function fileOf(plan: BuildPlan, name: string): string | Uint8Array {
  const file = plan.files.find((f) => f.path === `${SAMPLE_YEAR}/${name}`);
  if (!file) throw new Error(`the build planned no ${name}`);
  return file.contents;
}

/** Writes bytes to a fresh temporary file for the poppler tools. */
export function tempFile(name: string, contents: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hms-pdf-test-')), name);
  writeFileSync(path, contents);
  return path;
}

export function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of each page (index 0 = page 1), laid out as printed. */
export function pageTexts(pdfPath: string): string[] {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdfPath]))?.[1]);
  return Array.from({ length: pages }, (_, i) =>
    poppler('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdfPath, '-']),
  );
}

export interface TocEntry {
  id: string;
  number: string;
  title: string;
}

/** The TOC's entries as the HTML lists them: what the PDF's TOC must show. */
export function tocEntries(html: string): TocEntry[] {
  const entries = [
    ...html.matchAll(
      /<li class="toc-level-\d"><a href="#([^"]+)"><span class="toc-number">([^<]*)<\/span> <span class="toc-text">([\s\S]*?)<\/span> <span class="toc-page"/g,
    ),
  ];
  // The title may hold markup of its own (a year range kept on one line): its text is what counts.
  return entries.map((m) => ({ id: m[1]!, number: m[2]!, title: decodeEntities(m[3]!.replace(/<[^>]*>/g, '')) }));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`');
}

/**
 * Whitespace (including NBSP) folded to single spaces, for matching text across line breaks. A break right
 * after a hyphen is where Chromium wrapped "2021-2025" or "HMS-arbeid", so it is dropped rather than folded.
 */
export function squash(text: string): string {
  return text
    .replace(/-[ \t]*\n\s*/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * A one-page PDF small enough to write by hand, but whole, as Skia writes
 * them (Info first, a classic xref table): what finishPdf gets from Chromium.
 */
export function minimalPdf(extraObjects: readonly string[] = []): Uint8Array {
  const objects = [
    "<</Title (T) /Producer (Skia/PDF) /CreationDate (D:20261126060824+00'00') /ModDate (D:20261126060824+00'00')>>",
    '<</Type /Catalog /Pages 3 0 R>>',
    '<</Type /Pages /Count 1 /Kids [4 0 R]>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 595 842]>>',
    ...extraObjects,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1} /Root 2 0 R /Info 1 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
