import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { BrowserAccess } from '../../src/report/pdf/index.js';
import { writeWorkspace } from '../support/contract.js';

/**
 * What `build` does when Chromium is missing or fails, run in a small
 * workspace (the browser is what is tested, not the report: the samples'
 * PDF is tested in tests/e2e/pdf.test.ts).
 */
describe('build with a fake browser', () => {
  const workspace = writeWorkspace({
    'units.csv': 'unit_id;name;parent_id;reporting;first_year;last_year\nF;Fakultet;;nei;;\nI1;Institutt 1;F;ja;;\n',
    'hms-report.config.yaml': 'institution: Testuniversitetet\n',
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const noBrowser: BrowserAccess = {
    find: () => ({ found: false }),
    launch: () => Promise.reject(new Error('must not be launched')),
  };

  async function cli(args: string[], browser = noBrowser) {
    let stderr = '';
    const io: CliIo = {
      ...processIo,
      cwd: workspace,
      env: { ...processIo.env, SOURCE_DATE_EPOCH: undefined },
      browser,
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
    };
    return { status: await run(args, io), stderr };
  }

  it('says how to get Chromium, exits 3 and writes nothing when a PDF is asked for', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    const { status, stderr } = await cli(['build', '2025', '--out', out, '--format', 'html,pdf,json']);
    expect(status).toBe(3);
    expect(stderr).toContain('sudo apt-get install -y chromium');
    expect(stderr).toContain('HMS_REPORT_CHROMIUM');
    expect(stderr).toContain('--format html,json');
    expect(stderr).toContain('Nothing was written.');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, '2025'))).toBe(false);
  });

  it('looks for the browser in the environment the build runs in, the one its context decided', async () => {
    const seen: (string | undefined)[] = [];
    const watching: BrowserAccess = {
      find: (env) => {
        seen.push(env.HMS_REPORT_CHROMIUM);
        return { found: false };
      },
      launch: noBrowser.launch,
    };
    let stderr = '';
    const io: CliIo = {
      ...processIo,
      cwd: workspace,
      env: { HMS_REPORT_CHROMIUM: '/opt/chromium-for-hms' },
      browser: watching,
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
    };
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    expect(await run(['build', '2025', '--out', out, '--format', 'pdf'], io), stderr).toBe(3);
    expect(seen).toEqual(['/opt/chromium-for-hms']);
  });

  it('without --format, still writes the HTML and metrics.json, says how to get Chromium and exits 3', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    const { status, stderr } = await cli(['build', '2025', '--out', out]);
    expect(status).toBe(3);
    expect(stderr).toContain('sudo apt-get install -y chromium');
    expect(stderr).toContain('report.pdf was left out');
    expect(stderr).not.toContain('Nothing was written.');
    expect(readFileSync(join(out, '2025/report.html'), 'utf8')).toContain('<html lang="nb">');
    expect(existsSync(join(out, '2025/metrics.json'))).toBe(true);
    expect(existsSync(join(out, '2025/report.pdf'))).toBe(false);
  });

  it('writes the HTML and metrics.json when only those are asked for', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hms-nobrowser-'));
    const { status } = await cli(['build', '2025', '--out', out, '--format', 'html,json']);
    expect(status).toBe(0);
    expect(readFileSync(join(out, '2025/report.html'), 'utf8')).toContain('<html lang="nb">');
    expect(existsSync(join(out, '2025/metrics.json'))).toBe(true);
    expect(existsSync(join(out, '2025/report.pdf'))).toBe(false);
  });

  it('says so, exits 3 and writes nothing when the browser fails mid-print', async () => {
    const crashing: BrowserAccess = {
      find: () => ({ found: true, path: '/fake/chromium' }),
      launch: async () => ({ print: () => Promise.reject(new Error('Target closed')), close: async () => undefined }),
    };
    const out = mkdtempSync(join(tmpdir(), 'hms-crash-'));
    const { status, stderr } = await cli(['build', '2025', '--out', out, '--format', 'pdf'], crashing);
    expect(status).toBe(3);
    expect(stderr).toContain('Chromium at /fake/chromium failed while printing report.pdf: Target closed');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, '2025'))).toBe(false);
  });

  it('rejects an unknown format as a usage error', async () => {
    const { status, stderr } = await cli(['build', '2025', '--format', 'html,docx']);
    expect(status).toBe(2);
    expect(stderr).toContain('"docx" is not an output format');
  });
});
