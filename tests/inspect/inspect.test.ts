import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import type { Inspection } from '../../src/inspect/index.js';
import { exportsWorkspace, FILES } from './fixtures.js';

async function cli(args: string[], cwd = process.cwd()): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

async function inspect(dir: string, file: string): Promise<Inspection> {
  const { status, stdout, stderr } = await cli(['inspect', join(dir, file), '--data', dir, '--json']);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as Inspection;
}

describe('hms-report inspect', () => {
  const dirs: string[] = [];
  let dir: string;
  beforeAll(async () => {
    dir = await exportsWorkspace();
    dirs.push(dir);
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('sees the incident list: Windows-1252, ";", the header below two title rows, labels onto codes', async () => {
    const found = await inspect(dir, FILES.incidents);
    expect(found).toMatchObject({
      path: 'eksport/Hendelser 2025.csv',
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      headerRow: 3,
      rows: 24,
      table: 'incidents',
      separator: { category: ', ' },
      dateFormat: 'DD.MM.YYYY',
      units: { naming: 'name', checked: true, unknown: [] },
      missing: [],
    });
    expect(found.titleRows.map((t) => t.row)).toEqual([1, 2]);
    const columns = Object.fromEntries(found.columns.map((c) => [c.header, c.column]));
    expect(columns).toEqual({
      Saksnummer: 'case_id',
      Enhet: 'unit_id',
      'Registrert dato': 'registered_date',
      Type: 'case_type',
      Kategorier: 'category',
      Status: 'status',
      'Lukket dato': 'closed_date',
      'Meldingens overskrift': null,
    });
    const status = found.values.find((v) => v.column === 'status')!;
    expect(Object.fromEntries(status.mapped.map((m) => [m.label, m.code]))).toEqual({
      'Under behandling': 'under behandling',
      Lukket: 'lukket',
      Ny: 'åpen',
      Avvist: 'avvist',
    });
    const type = found.values.find((v) => v.column === 'case_type')!;
    expect(type.mapped.find((m) => m.label === 'Farlig forhold / observasjon')?.code).toBe('farlig forhold');
    expect(type.mapped.find((m) => m.label === 'Forslag til forbedring')?.code).toBe('forbedringsforslag');
    expect(type.unmapped).toEqual([]);
  });

  it('sees the sick-leave workbook: its sheets, the data sheet behind the front sheet, the sum row', async () => {
    const found = await inspect(dir, FILES.absence);
    expect(found).toMatchObject({
      format: 'xlsx',
      sheets: ['Forside', 'Sykefravær'],
      sheet: 'Sykefravær',
      headerRow: 4,
      rows: 25,
      totalRows: [{ row: 29, label: 'Sum' }],
      table: 'absence',
      missing: [],
    });
    expect(found.stanza).toContain('  sheet: Sykefravær\n');
    expect(found.stanza).toContain('    gender: Kjønn\n');
    // Kvinne and Mann are read as K and M without a map.
    expect(found.stanza).not.toContain('values:');
    // "Sum" is a sum row the tool knows: no total_rows needed.
    expect(found.stanza).not.toContain('total_rows');
  });

  it('maps rules in words onto the rule codes', async () => {
    const found = await inspect(dir, FILES.workingTime);
    const rule = found.values.find((v) => v.column === 'rule')!;
    expect(Object.fromEntries(rule.mapped.map((m) => [m.label, m.code]))).toEqual({
      'Arbeidstid over 48 timer i uken': 'uke_over_48',
      'Mer enn 13 timer på en dag': 'dag_over_13',
      'Brudd på daglig hviletid': 'hvile_dogn',
      'Brudd på fleksitidsavtalen': 'annet',
    });
    expect(found).toMatchObject({ delimiter: ',', encoding: 'utf-8', headerRow: 1, table: 'working-time' });
  });

  it('inspect, paste, validate: the stanzas make validate read every file', async () => {
    const stanzas = [];
    for (const file of Object.values(FILES)) stanzas.push((await inspect(dir, file)).stanza);
    writeFileSync(join(dir, 'imports.yaml'), stanzas.join(''));
    const { status, stderr } = await cli(['validate', '2025', '--data', dir]);
    expect(stderr).toMatch(/The workspace is valid for 2025/);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^Read eksport\/Hendelser 2025.csv \(incidents\): 24 of 24 rows$/m);
    expect(stderr).toMatch(/^Read eksport\/Sykefravær 2025.xlsx \(absence\): 24 of 25 rows; skipped 1 sum row$/m);
    expect(stderr).toMatch(/^Read Arbeidstidsbrudd.csv \(working-time\): 16 of 16 rows$/m);
    expect(stderr).not.toMatch(/not read/);
    const json = JSON.parse((await cli(['validate', '2025', '--data', dir, '--json'])).stdout);
    expect(json.coverage).toContainEqual({
      source: 'absence',
      file: 'eksport/Sykefravær 2025.xlsx',
      rows: 25,
      read: 24,
      skipped: { sum: 1, unmapped: 0, errors: 0 },
    });
  });

  it('a label it cannot map is named, left as a comment in the stanza, and validate names it too', async () => {
    const other = await exportsWorkspace({ extraStatus: 'Venter på svar' });
    dirs.push(other);
    const text = await cli(['inspect', FILES.incidents, '--data', other], other);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Could not map');
    expect(text.stdout).toMatch(/status "Venter på svar" \(1 row, first in row 9\)/);
    expect(text.stdout).toContain(
      '      # Venter på svar: ?   (could not map; one of åpen, under behandling, lukket, avvist)',
    );
    const found = await inspect(other, FILES.incidents);
    writeFileSync(join(other, 'imports.yaml'), found.stanza);
    const { status, stderr } = await cli(['validate', '2025', '--data', other]);
    expect(status).toBe(1);
    const errors = stderr.split('\n').filter((l) => /:\d+:/.test(l) && !l.includes(': warning: '));
    expect(errors).toEqual([
      'eksport/Hendelser 2025.csv:9:Status: "Venter på svar" (1 row, first here) is not one imports.yaml maps for incidents status; nearest known: "Under behandling": add it under values.status',
    ]);
    expect(stderr).toMatch(
      /^Read eksport\/Hendelser 2025.csv \(incidents\): 23 of 24 rows; skipped 1 with a value imports.yaml does not map$/m,
    );
  });

  it('recognises a Nettskjema download and says so', async () => {
    const file = join(dir, 'data-123456-2025-11-03-1432-utf.txt');
    writeFileSync(
      file,
      'NR\tOpprettet\tEndret\tenhet\tq1\tSvartid\n1\t03.11.2025 09:00\t03.11.2025 09:00\tF\t1\t3 minutt\n',
    );
    const found = await inspect(dir, 'data-123456-2025-11-03-1432-utf.txt');
    expect(found).toMatchObject({
      table: 'survey',
      delimiter: '\t',
      nettskjema: ['NR', 'Opprettet', 'Endret', 'Svartid'],
    });
    expect(found.stanza).toBe('survey:\n  file: data-123456-2025-11-03-1432-utf.txt\n');
    rmSync(file);
  });

  it('without a workspace it guesses how units are named and says so; a file that is no export is a usage error', async () => {
    const text = await cli(['inspect', join(dir, FILES.workingTime)], '/');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/units: name {3}# guessed/);
    expect(text.stdout).toMatch(/not inside the workspace/);
    writeFileSync(join(dir, 'notat.pdf'), '%PDF-1.4');
    const pdf = await cli(['inspect', join(dir, 'notat.pdf')]);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toMatch(/not an export the tool reads/);
    rmSync(join(dir, 'notat.pdf'));
  });
});
