import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { diffMetrics, diffRulesOf, isPercentage, isYearKey, renderDiff } from '../../src/diff/index.js';
import { SOURCES } from '../../src/sources/registry.js';
import { memoryFileSystem } from '../../src/workspace/files.js';

/** The 2024 report: its year and the one before. */
function metrics2024() {
  return {
    schemaVersion: 1,
    year: 2024,
    institution: 'NTNU',
    units: { reporting: 70, responded: 70 },
    survey: {
      questions: {
        hms_mal: {
          section: '6.1.3',
          theme: 'HMS-mål',
          years: { '2024': { positive: 50, applicable: 70, missing: 0, percent: 71.43, light: 'yellow' } },
        },
        risiko_trakassering_planlagt: {
          section: '6.1.3',
          theme: 'Planlagt',
          years: { '2024': { positive: 30, applicable: 70, missing: 0, percent: 42.86, light: 'red' } },
        },
      },
    },
    incidents: { years: { '2023': { reported: 900 }, '2024': { reported: 950 } }, byOrg: { IE: 120, NV: 200 } },
    absence: {
      years: { '2023': { total: 4.8 }, '2024': { total: 4.6, byGender: { K: 6.4, M: 2.9 } } },
      byUnit: { '2024': { 'IE-IDI': 3.2, 'NV-IKJ': null } },
    },
    workingTime: { years: { '2024': { total: 2293 } } },
  };
}

/** The 2025 report: known changes against 2024. */
function metrics2025() {
  return {
    schemaVersion: 1,
    year: 2025,
    institution: 'NTNU',
    units: { reporting: 71, responded: 71 },
    survey: {
      questions: {
        hms_mal: {
          section: '6.1.3',
          theme: 'HMS-mål',
          years: {
            '2024': { positive: 50, applicable: 70, missing: 0, percent: 71.43, light: 'yellow' },
            '2025': { positive: 60, applicable: 71, missing: 0, percent: 84.51, light: 'green' },
          },
        },
        sykefravaer_verktoy: {
          section: '6.1.7',
          theme: 'Verktøy',
          years: { '2025': { positive: 40, applicable: 71, missing: 1, percent: 56.34, light: 'yellow' } },
        },
      },
    },
    incidents: { years: { '2024': { reported: 950 }, '2025': { reported: 1000 } }, byOrg: { IE: 120, NV: 180 } },
    absence: {
      years: {
        '2024': { total: 4.6, byGender: { K: 6.4, M: 2.9 } },
        '2025': { total: 4.5, byGender: { K: 6.3, M: 2.9 } },
      },
      byUnit: { '2025': { 'IE-IDI': null, 'NV-IKJ': 5.1 } },
    },
    workingTime: { years: { '2025': { total: 1744 } } },
  };
}

describe('path rules', () => {
  const rules = diffRulesOf(SOURCES);
  it('takes four-digit keys for years only under years and absence maps', () => {
    expect(isYearKey(['absence', 'years', '2025', 'total'], 2, rules)).toBe(true);
    expect(isYearKey(['absence', 'byUnit', '2025', '1234'], 2, rules)).toBe(true);
    expect(isYearKey(['absence', 'byUnit', '2025', '1234'], 3, rules)).toBe(false);
    expect(isYearKey(['incidents', 'byOrg', '6000'], 2, rules)).toBe(false);
  });
  it('treats survey percent and sick-leave rates as percentages, counts not', () => {
    expect(isPercentage(['survey', 'questions', 'hms_mal', 'years', '2025', 'percent'], rules)).toBe(true);
    expect(isPercentage(['absence', 'years', '2025', 'byGender', 'K'], rules)).toBe(true);
    expect(isPercentage(['absence', 'years', '2025', 'persons'], rules)).toBe(false);
    expect(isPercentage(['survey', 'questions', 'hms_mal', 'years', '2025', 'positive'], rules)).toBe(false);
    expect(isPercentage(['workingTime', 'years', '2025', 'total'], rules)).toBe(false);
  });
});

describe('year over year', () => {
  const diff = diffMetrics(metrics2024(), metrics2025(), 'years');
  const byLabel = new Map(diff.changes.map((c) => [c.label, c]));

  it('lines up each figure of the report year with the next report year', () => {
    const total = byLabel.get('absence.years.2024→2025.total');
    expect(total).toMatchObject({
      kind: 'changed',
      pathA: 'absence.years.2024.total',
      pathB: 'absence.years.2025.total',
      before: 4.6,
      after: 4.5,
      percent: true,
      delta: -0.1,
    });
    expect(byLabel.get('workingTime.years.2024→2025.total')).toMatchObject({
      before: 2293,
      after: 1744,
      delta: -549,
      percent: false,
    });
    expect(byLabel.get('incidents.byOrg.NV')).toMatchObject({ before: 200, after: 180 });
  });
  it('ignores history, the report year itself and unchanged figures', () => {
    expect([...byLabel.keys()].some((l) => l.includes('2023'))).toBe(false);
    expect(byLabel.has('year')).toBe(false);
    expect(byLabel.has('absence.years.2024→2025.byGender.M')).toBe(false);
    expect(byLabel.has('incidents.byOrg.IE')).toBe(false);
  });
  it('reports lights that changed colour and suppression that appeared or vanished', () => {
    expect(byLabel.get('survey.questions.hms_mal.years.2024→2025.light')).toMatchObject({
      kind: 'light',
      before: 'yellow',
      after: 'green',
    });
    expect(byLabel.get('absence.byUnit.2024→2025.IE-IDI')).toMatchObject({
      kind: 'suppressed',
      before: 3.2,
      after: null,
    });
    expect(byLabel.get('absence.byUnit.2024→2025.NV-IKJ')).toMatchObject({
      kind: 'unsuppressed',
      before: null,
      after: 5.1,
    });
  });
  it('groups a question that appeared or vanished', () => {
    const added = diff.changes.filter((c) => c.kind === 'added');
    expect(added.every((c) => c.group === 'survey.questions.sykefravaer_verktoy')).toBe(true);
    expect(added).toHaveLength(7);
    expect(diff.changes.filter((c) => c.kind === 'removed').map((c) => c.pathA)).toContain(
      'survey.questions.risiko_trakassering_planlagt.section',
    );
    expect(diff.counts).toMatchObject({ light: 1, suppressed: 1, unsuppressed: 1, added: 7, removed: 7 });
  });
  it('writes Norwegian numbers and percentage points in text and Markdown', () => {
    const text = renderDiff(diff, { a: 'out/2024', b: 'out/2025' }, 'text', { color: false });
    expect(text).toMatch(/absence\.years\.2024→2025\.total\s+4,6\u00a0% → 4,5\u00a0%\s+−0,1\u00a0pp/);
    expect(text).toMatch(/workingTime\.years\.2024→2025\.total\s+2\u00a0293 → 1\u00a0744\s+−549/);
    expect(text).toMatch(/absence\.byUnit\.2024→2025\.IE-IDI\s+3,2\u00a0% → suppressed/);
    expect(text).toMatch(/survey\.questions\.sykefravaer_verktoy\s+– → 7 figures/);
    expect(text).not.toContain('\u001b[');
    const md = renderDiff(diff, { a: 'a', b: 'b' }, 'markdown', { color: false });
    expect(md).toContain('| `absence.years.2024→2025.total` | 4,6\u00a0% | 4,5\u00a0% | −0,1\u00a0pp |');
    expect(md).toContain('#### Traffic lights that changed colour (1)');
  });
  it('colours only when asked', () => {
    expect(renderDiff(diff, { a: 'a', b: 'b' }, 'text', { color: true })).toContain('\u001b[31m−0,1');
  });
});

describe('null outside sick leave', () => {
  it('is no value, not suppression: a survey percent that appears is a change', () => {
    const before = metrics2025();
    const after = metrics2025();
    (before.survey.questions.hms_mal.years['2025'] as { percent: number | null }).percent = null;
    const diff = diffMetrics(before, after, 'runs');
    expect(diff.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        label: 'survey.questions.hms_mal.years.2025.percent',
        before: null,
        after: 84.51,
        delta: null,
      }),
    ]);
    expect(renderDiff(diff, { a: 'a', b: 'b' }, 'text', { color: false })).toMatch(/percent\s+none → 84,5\u00a0%/);
  });
});

describe('two runs of the same year', () => {
  it('compares the same paths and finds nothing when equal', () => {
    const diff = diffMetrics(metrics2025(), metrics2025(), 'runs');
    expect(diff.changes).toEqual([]);
    expect(renderDiff(diff, { a: 'a', b: 'b' }, 'text', { color: false })).toContain('No differences.');
  });
  it('lists a changed and a newly added year by full path', () => {
    const before = metrics2024();
    const after = metrics2024();
    after.absence.years['2024'].total = 4.7;
    (after.incidents.years as Record<string, { reported: number }>)['2022'] = { reported: 800 };
    const diff = diffMetrics(before, after, 'runs');
    expect(diff.changes.map((c) => [c.kind, c.label])).toEqual([
      ['changed', 'absence.years.2024.total'],
      ['added', 'incidents.years.2022.reported'],
    ]);
  });
});

function fakeIo(files: Record<string, string>, env: Record<string, string> = {}, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: '/w',
    env,
    fs: memoryFileSystem(files),
    writer: { write: async () => [] },
    isTTY: { stdout: tty, stderr: tty },
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('hms-report diff', () => {
  const files = {
    '/w/out/2024/metrics.json': JSON.stringify(metrics2024()),
    '/w/out/2025/metrics.json': JSON.stringify(metrics2025()),
    '/w/rapporter/2025/metrics.json': JSON.stringify(metrics2025()),
  };
  it('reads two year folders and compares year over year', async () => {
    const f = fakeIo(files);
    expect(await run(['diff', 'out/2024', 'out/2025'], f.io)).toBe(0);
    expect(f.out()).toContain('out/2024/metrics.json → out/2025/metrics.json (year over year, 2024 → 2025)');
  });
  it('exits 1 with --exit-code when anything changed, 0 when nothing did', async () => {
    expect(await run(['diff', '2024', '2025', '--out', 'out', '--exit-code'], fakeIo(files).io)).toBe(1);
    expect(await run(['diff', 'out/2025/metrics.json', 'rapporter/2025', '--exit-code'], fakeIo(files).io)).toBe(0);
  });
  it('writes JSON with every figure unrounded', async () => {
    const f = fakeIo(files);
    await run(['diff', '2024', '2025', '--format', 'json'], f.io);
    const json = JSON.parse(f.out());
    expect(json).toMatchObject({ mode: 'years', yearA: 2024, yearB: 2025, changed: true });
    expect(json.changes).toContainEqual(
      expect.objectContaining({
        label: 'survey.questions.hms_mal.years.2024→2025.percent',
        before: 71.43,
        after: 84.51,
        delta: 13.08,
      }),
    );
  });
  it('colours on a terminal unless NO_COLOR is set', async () => {
    const tty = fakeIo(files, {}, true);
    await run(['diff', '2024', '2025'], tty.io);
    expect(tty.out()).toContain('\u001b[');
    const noColor = fakeIo(files, { NO_COLOR: '1' }, true);
    await run(['diff', '2024', '2025'], noColor.io);
    expect(noColor.out()).not.toContain('\u001b[');
  });
  it('exits 2 naming the path when a file is missing or not JSON', async () => {
    const f = fakeIo({ ...files, '/w/bad.json': '{nope' });
    expect(await run(['diff', '2023', '2025'], f.io)).toBe(2);
    expect(f.err()).toContain('/w/out/2023/metrics.json');
    const g = fakeIo({ ...files, '/w/bad.json': '{nope' });
    expect(await run(['diff', 'bad.json', '2025'], g.io)).toBe(2);
    expect(g.err()).toContain('/w/bad.json is not a readable metrics.json');
  });
});
