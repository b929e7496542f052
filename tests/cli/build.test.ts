import { mkdtempSync, mkdirSync, readdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { processIo, type CliIo } from '../../src/cli/io.js';
import type { BrowserAccess } from '../../src/report/pdf/index.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A browser found and started, as a build without --format starts one before it reads: it must never print here. */
const idleBrowser: BrowserAccess = {
  find: () => ({ found: true, path: '/fake/chromium' }),
  launch: async () => ({
    print: () => Promise.reject(new Error('an invalid workspace was printed')),
    close: async () => undefined,
  }),
};

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...processIo,
    browser: idleBrowser,
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

const UNITS = 'unit_id;name;parent_id;reporting;first_year;last_year\nF;Fakultet;;nei;;\nI1;Institutt 1;F;ja;;\n';

describe('build and validate on the command line', () => {
  it('builds a minimal workspace found in the current folder', async () => {
    const dir = workspace({ 'units.csv': UNITS, 'hms-report.config.yaml': 'institution: Testuniversitetet\n' });
    const { status, stderr } = await cli(['build', '2025', '--format', 'html,json'], dir);
    expect(stderr).not.toMatch(/bundled samples/);
    expect(status).toBe(0);
    const metrics = JSON.parse(readFileSync(join(dir, 'out/2025/metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({
      schemaVersion: 1,
      year: 2025,
      institution: 'Testuniversitetet',
      units: { reporting: 1 },
    });
    expect(readFileSync(join(dir, 'out/2025/report.html'), 'utf8')).toContain('<html lang="nb">');
  });

  it('lists every problem with file, row and column, exits 1 and writes nothing', async () => {
    const dir = workspace({
      'units.csv': UNITS + 'I1;Dobbel;F;ja;;\nI2;To;X;kanskje;;\n',
      'hms-report.config.yaml': 'thresholds: {green: "høy", red: 50}\n',
    });
    const out = join(dir, 'ut');
    for (const args of [
      ['validate', '2025', '--data', dir],
      ['build', '2025', '--data', dir, '--out', out],
    ]) {
      const { status, stderr } = await cli(args, '/');
      expect(status).toBe(1);
      expect(stderr).toContain('hms-report.config.yaml:1:thresholds.green: ');
      expect(stderr).toContain('units.csv:4:unit_id: unit_id "I1" is already used in row 3');
      expect(stderr).toContain('units.csv:5:reporting: "kanskje" is not one of "ja", "nei"');
      expect(stderr).toMatch(/The workspace is invalid: 3 problems\. Nothing was written\./);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    }
  });

  it('checks the narrative’s placeholders in validate as in build', async () => {
    const dir = workspace({
      'units.csv': UNITS,
      'content/2025/01-innledning.md':
        '# Innledning\n\n{{units.reporting}} enheter.\n\nI alt {{count units.rapporterende}} enheter.\n',
    });
    for (const args of [
      ['validate', '2025'],
      ['build', '2025', '--format', 'html,json'],
    ]) {
      const { status, stderr } = await cli(args, dir);
      expect(status).toBe(1);
      expect(stderr).toMatch(/^content\/2025\/01-innledning\.md:5: .*units\.rapporterende/m);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await cli(['build'], '/')).status).toBe(2);
    expect((await cli(['build', 'tjuefemten'], '/')).status).toBe(2);
    expect((await cli(['frobnicate'], '/')).status).toBe(2);
    expect((await cli(['validate', '2025', '--data', '/does/not/exist'], '/')).status).toBe(2);
  });

  it('uses the bundled samples outside a workspace, and says so', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hms-empty-'));
    const { status, stderr } = await cli(['validate', '2025'], empty);
    expect(stderr).toMatch(/using the bundled samples in .*data-samples/);
    expect(status).toBe(0);
    expect(readdirSync(empty)).toEqual([]);
  });
});
