import { appendFile, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, SAMPLES_DIR } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { workspaceTables } from '../../src/sources/registry.js';
import { atomicWriter } from '../../src/output.js';
import { nodeFileSystem } from '../../src/workspace/files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hms-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io() {
  const err: string[] = [];
  const out: string[] = [];
  const value: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: {},
    fs: nodeFileSystem,
    writer: atomicWriter,
  };
  return { io: value, err: () => err.join(''), out: () => out.join('') };
}

const read = (path: string) => readFile(join(dir, 'ws', path), 'utf8');

describe('hms-report init', () => {
  it('writes every table with exactly the contract header', async () => {
    expect(await run(['init', 'ws'], io().io)).toBe(0);
    expect(await read('units.csv')).toBe('\ufeffunit_id;name;parent_id;reporting;first_year;last_year\r\n');
    expect(await read('incidents.csv')).toContain(
      'case_id;unit_id;registered_date;case_type;category;status;closed_date;severity_person_actual;',
    );
    expect(await read('absence.csv')).toBe(
      '\ufeffyear;month;unit_id;gender;position_code;employee_id;agreed_days;self_certified_days;doctor_certified_days\r\n',
    );
    for (const file of workspaceTables().map((t) => `${t.name}.csv`))
      expect(await read(file)).toMatch(/^\ufeff[a-z_]+;/);
  });
  it("copies the samples' question catalogue as it is and writes a commented config and README", async () => {
    await run(['init', 'ws'], io().io);
    expect(await read('survey/questions.yaml')).toBe(
      await readFile(join(SAMPLES_DIR, 'survey/questions.yaml'), 'utf8'),
    );
    expect(await read('benchmarks.yaml')).toBe(await readFile(join(SAMPLES_DIR, 'benchmarks.yaml'), 'utf8'));
    const config = await read('hms-report.config.yaml');
    expect(config).toMatch(/# Traffic lights[\s\S]*green: 80[\s\S]*minPersons: 5/);
    // The optional keys are there to uncomment: every source's "Kilde:" words, the cover and colophon.
    expect(config).toMatch(/^# sources:\n(# {3}\S+: +\S.*\n)*# {3}incidents: +avvikssystemet$/m);
    expect(config).toMatch(/^# {3}absence: +lønns- og personalsystemet, sykefraværsstatistikk$/m);
    expect(config).toMatch(/^# publication:\n# {3}logo: logo\.svg/m);
    expect(await read('ordliste.txt')).toMatch(/^# .*\n[\s\S]*One word a line\.\n$/);
    const readme = await read('README.md');
    for (const source of ['Nettskjema', 'EQS', 'SAP/DFØ', 'NAV', 'SSB']) expect(readme).toContain(source);
  });
  it('refuses to overwrite (exit 2, nothing written) unless --force', async () => {
    await mkdir(join(dir, 'ws'));
    await writeFile(join(dir, 'ws', 'units.csv'), 'mine');
    const first = io();
    expect(await run(['init', 'ws'], first.io)).toBe(2);
    expect(first.err()).toContain('units.csv');
    expect(await read('units.csv')).toBe('mine');
    await expect(read('README.md')).rejects.toThrow();
    expect(await run(['init', 'ws', '--force'], io().io)).toBe(0);
    expect(await read('units.csv')).toContain('unit_id;name');
  });
  it('gives a workspace that validates once minimal rows are filled in', async () => {
    await run(['init', 'ws'], io().io);
    const ws = join(dir, 'ws');
    await appendFile(
      join(ws, 'units.csv'),
      'FAK;Fakultet for testing;;nei;;\r\nFAK-IT;Institutt for testing;FAK;ja;2020;\r\n',
    );
    await appendFile(join(ws, 'incidents.csv'), 'E-1;FAK-IT;2025-03-01;avvik;Brann;lukket;2025-03-05;;;;;;\r\n');
    await appendFile(join(ws, 'injuries.csv'), 'Y-1;FAK-IT;2025-04-01;yrkesskade\r\n');
    await appendFile(
      join(ws, 'whistleblowing.csv'),
      'V-1;2025-05-01;psykososialt og organisatorisk arbeidsmiljø;nei\r\n',
    );
    await appendFile(join(ws, 'absence.csv'), '2025;1;FAK-IT;K;1017;p1;21;1;0\r\n');
    await appendFile(join(ws, 'working-time.csv'), 'FAK-IT;2025-06-02;uke_over_48;2\r\n');
    // Every question of the catalogue has its column (one in no export is a misspelling, issue 11), left unanswered.
    const columns = [...(await read('survey/questions.yaml')).matchAll(/^\s+column: (\S+)/gm)].map((m) => m[1]!);
    await writeFile(
      join(ws, 'survey', '2025.csv'),
      `$submission_id;$created;enhet;${columns.join(';')}\r\n1;2025-11-01 10:00:00;FAK-IT;1${';'.repeat(columns.length - 1)}\r\n`,
    );
    // The source names uncommented as they stand: known keys, no warning.
    const config = await read('hms-report.config.yaml');
    const sources = /^# sources:\n(?:# {3}.*\n)+/m.exec(config)![0];
    await writeFile(join(ws, 'hms-report.config.yaml'), config.replace(sources, sources.replace(/^# /gm, '')));
    const result = io();
    const status = await run(['validate', '2025', '--data', 'ws'], result.io);
    expect(result.err()).toContain('The workspace is valid for 2025');
    expect(result.err()).not.toContain('hms-report.config.yaml');
    expect(status).toBe(0);
  });
  it('validates as it is, before any row is filled in', async () => {
    await run(['init', 'ws'], io().io);
    const result = io();
    expect(await run(['validate', '2025', '--data', 'ws'], result.io)).toBe(0);
    expect(result.err()).not.toContain('using the bundled samples');
  });
});
