import { describe, expect, it } from 'vitest';
import { run, SAMPLES_DIR } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { processIo } from '../../src/cli/io.js';
import { Diagnostics } from '../../src/errors.js';
import { feedbackUnits } from '../../src/metrics/feedback.js';
import type { OutputFile } from '../../src/output.js';
import { planFeedback } from '../../src/feedback.js';
import { buildContext } from '../../src/pipeline.js';
import type { BrowserAccess, PdfPrinter } from '../../src/report/pdf/index.js';
import { incidents } from '../../src/sources/incidents/index.js';
import { computeMetrics, dataOf, readSources } from '../../src/sources/registry.js';
import { survey } from '../../src/sources/survey/index.js';
import { nodeFileSystem } from '../../src/workspace/files.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { minimalPdf } from '../support/pdf.js';

const samples = new Workspace(SAMPLES_DIR, nodeFileSystem);

let view: ReturnType<typeof readView> | undefined;
/** Read once: the samples take seconds to read and validate. */
function sampleView() {
  view ??= readView();
  return view;
}

async function readView() {
  const sources = (await readSources(samples, 2025, new Diagnostics()))!;
  const metrics = computeMetrics(sources);
  return {
    sources,
    metrics,
    units: feedbackUnits(
      { year: 2025, units: sources.units, survey: dataOf(sources, survey), incidents: dataOf(sources, incidents) },
      metrics,
    ),
  };
}

/** Counts launches and the most pages printing at once. */
function fakeBrowser() {
  const stats = { launches: 0, prints: 0, open: 0, maxOpen: 0, closed: 0 };
  const printer: PdfPrinter = {
    async print() {
      stats.prints++;
      stats.open++;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      await new Promise((r) => setTimeout(r, 2));
      stats.open--;
      return { pdf: minimalPdf(), blockedRequests: [] };
    },
    async close() {
      stats.closed++;
    },
  };
  const browser: BrowserAccess = {
    find: () => ({ found: true, path: '/fake/chromium' }),
    launch: async () => {
      stats.launches++;
      return printer;
    },
  };
  return { browser, stats };
}

describe('per-unit view of the samples', () => {
  it('has every org and every reporting unit once', async () => {
    const { sources, units } = await sampleView();
    const orgs = sources.units.orgUnits().filter((u) => sources.units.existsIn(u, 2025));
    expect(units.filter((u) => u.kind === 'org').map((u) => u.id)).toEqual(orgs.map((u) => u.id));
    expect(units.filter((u) => u.kind === 'unit')).toHaveLength(sources.units.reportingUnits(2025).length);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });
  it("adds up to the institution's survey figures", async () => {
    const { metrics, units } = await sampleView();
    const reporting = units.filter((u) => u.kind === 'unit');
    for (const [id, question] of Object.entries(metrics.survey!.questions)) {
      const year = question.years['2025'];
      if (!year || question.report === false) continue;
      const rows = reporting.map((u) => u.survey!.rows.find((r) => r.id === id)!);
      expect(rows.filter((r) => r.status === 'positive').length, id).toBe(year.positive);
      expect(rows.filter((r) => r.status === 'positive' || r.status === 'not-positive').length, id).toBe(
        year.applicable,
      );
      expect(rows.filter((r) => r.status === 'missing').length, id).toBe(year.missing);
      expect(rows.every((r) => r.institution === year.percent)).toBe(true);
    }
  });
  it('takes incidents per org and sick leave (suppressed as null) from the same figures as the report', async () => {
    const { metrics, units } = await sampleView();
    for (const org of units.filter((u) => u.kind === 'org')) {
      expect(org.incidents!.reported, org.id).toBe(metrics.incidents!.byOrg[org.id] ?? 0);
      const absence = metrics.absence!.byOrg['2025']![org.id];
      expect(org.absence?.percent, org.id).toBe(absence);
    }
    for (const unit of units.filter((u) => u.kind === 'unit')) {
      const absence = metrics.absence!.byUnit['2025']![unit.id];
      if (absence === undefined) expect(unit.absence).toBeNull();
      else expect(unit.absence!.percent).toBe(absence);
    }
    expect(units.some((u) => u.absence?.percent === null)).toBe(true);
  });
});

describe('planFeedback', () => {
  it('prints every page through one browser, several at a time', async () => {
    const { browser, stats } = fakeBrowser();
    const plan = await planFeedback(samples, buildContext(2025), {
      formats: ['html', 'pdf'],
      browser,
      concurrency: 4,
    });
    const count = plan.pages.length;
    expect(count).toBeGreaterThan(70);
    expect(stats).toMatchObject({ launches: 1, prints: count, closed: 1, maxOpen: 4 });
    expect(plan.files.filter((f) => f.path.endsWith('.pdf'))).toHaveLength(count);
    expect(plan.files.filter((f) => f.path.endsWith('.html'))).toHaveLength(count);
    expect(plan.files.every((f) => /^2025\/enheter\/[a-z0-9-]+\.(html|pdf)$/.test(f.path))).toBe(true);
  });
  it("writes a unit's own answers beside the institution's, and hides suppressed sick leave", async () => {
    const plan = await planFeedback(samples, buildContext(2025), { formats: ['html'], concurrency: 1 });
    const suppressed = plan.pages.find((p) => p.unit.absence?.percent === null)!;
    expect(suppressed.html).toContain('Sykefraværet vises ikke');
    expect(suppressed.html).not.toMatch(/Sykefravær 2025: <strong>/);
    const unit = plan.pages.find((p) => p.unit.kind === 'unit' && p.unit.survey?.submitted)!;
    expect(unit.html).toContain('<th class="num">Enhetens svar</th><th class="num">NTNU</th>');
    expect(unit.html).toMatch(/Ja \/ positivt|Nei \/ ikke positivt/);
  });
});

describe('hms-report feedback', () => {
  it('says so, exits 3 and writes nothing when the browser fails mid-print', async () => {
    const written: OutputFile[] = [];
    let stderr = '';
    const io: CliIo = {
      ...processIo,
      cwd: '/tmp',
      browser: {
        find: () => ({ found: true, path: '/fake/chromium' }),
        launch: async () => ({ print: () => Promise.reject(new Error('Target closed')), close: async () => undefined }),
      },
      isTTY: { stdout: false, stderr: false },
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
      writer: {
        write: async (root, files) => {
          written.push(...files);
          return files.map((f) => `${root}/${f.path}`);
        },
      },
    };
    expect(await run(['feedback', '2025'], io)).toBe(3);
    expect(stderr).toContain('Chromium at /fake/chromium failed while printing the feedback PDFs: Target closed');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(written).toEqual([]);
  });

  it('writes HTML for every org and unit, and PDFs through the injected browser', async () => {
    const written: OutputFile[] = [];
    const { browser, stats } = fakeBrowser();
    const io: CliIo = {
      ...processIo,
      cwd: '/tmp',
      browser,
      isTTY: { stdout: false, stderr: false },
      stdout: () => undefined,
      stderr: () => undefined,
      writer: {
        write: async (root, files) => {
          written.push(...files);
          return files.map((f) => `${root}/${f.path}`);
        },
      },
    };
    expect(await run(['feedback', '2025', '--concurrency', '3'], io)).toBe(0);
    const html = written.filter((f) => f.path.endsWith('.html'));
    expect(html.length).toBeGreaterThan(70);
    expect(written).toHaveLength(html.length * 2);
    expect(stats.launches).toBe(1);
    expect(await run(['feedback', '2025', '--format', 'html', '--concurrency', '0'], io)).toBe(2);
  });
});
