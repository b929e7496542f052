import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { Diagnostics, formatDiagnostic } from '../../src/errors.js';
import { readSources } from '../../src/sources/registry.js';
import { exportsWorkspace, FILES } from '../inspect/fixtures.js';
import { memoryWorkspace } from '../support/helpers.js';

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...processIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

const UNITS = 'unit_id;name;parent_id;reporting\nF;Fakultet;;ja\n';

describe('nothing in a workspace is ignored in silence', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('a folder of exports without imports.yaml is not valid: each unread export named, with the table it looks like', async () => {
    const dir = await exportsWorkspace();
    dirs.push(dir);
    writeFileSync(join(dir, 'Notater.docx'), 'not an export');
    writeFileSync(join(dir, 'README.md'), '# our notes');
    mkdirSync(join(dir, 'out/2025'), { recursive: true });
    writeFileSync(join(dir, 'out/2025/metrics.json'), '{}');
    const { status, stderr } = await cli(['validate', '2025', '--data', dir]);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(/is valid/);
    const line = (file: string) => stderr.split('\n').find((l) => l.startsWith(`${file}: `)) ?? '';
    expect(line(FILES.incidents)).toMatch(
      /: not read, but it looks like an export of "incidents" \(\d+ of its columns in the header, row 3\): map it in imports.yaml under "incidents:" — "hms-report inspect 'eksport\/Hendelser 2025.csv'" proposes/,
    );
    expect(line(FILES.absence)).toMatch(
      /looks like an export of "absence" \(9 of its columns in the header of sheet "Sykefravær", row 4\)/,
    );
    expect(line(FILES.workingTime)).toMatch(/looks like an export of "working-time"/);
    expect(line('Notater.docx')).toMatch(/^Notater.docx: warning: not read: the tool reads exports/);
    // READMEs and the output folder inside the workspace are not the report's input.
    expect(stderr).not.toMatch(/README|out\/2025/);
    // What was read is summed up per file.
    expect(stderr).toMatch(/^Read units.csv \(units\): 5 of 5 rows$/m);
  });

  it('a Nettskjema download and a codebook are recognised', async () => {
    const ws = memoryWorkspace({
      'units.csv': UNITS,
      'nedlastinger/data-123456-2025-11-03-1432-utf.txt':
        'NR\tOpprettet\tEndret\tenhet\tq1\tSvartid\n1\t03.11.2025 09:00\t03.11.2025 09:00\tF\t1\t3 minutt\n',
      'nedlastinger/data-654321-2025-11-03-1432.txt':
        '"$submission_id";"$created";"enhet";"q1";"$answer_time_ms"\n"27685292";"2025-11-03T09:00:00+01:00";"F";"1";"61234"\n',
      'nedlastinger/codebook-123456.txt': '* HMS-rapportering (id 123456) - 03.11.2025 14:32\n\n* Variabel\tEtikett\n',
    });
    const diagnostics = new Diagnostics();
    await readSources(ws, 2025, diagnostics);
    const lines = diagnostics.items.map(formatDiagnostic).sort();
    expect(lines).toEqual([
      expect.stringMatching(
        /^nedlastinger\/codebook-123456.txt: warning: not read: it looks like a Nettskjema codebook/,
      ),
      expect.stringMatching(
        /^nedlastinger\/data-123456-2025-11-03-1432-utf.txt: not read, but it looks like a Nettskjema download \(its columns NR, Opprettet, Endret, Svartid\)/,
      ),
      expect.stringMatching(
        /^nedlastinger\/data-654321-2025-11-03-1432.txt: not read, but it looks like a Nettskjema download \(its columns \$submission_id, \$created, \$answer_time_ms\)/,
      ),
    ]);
  });

  it('a file the workspace keeps on purpose is listed under ignore:, a folder of scripts is named once', async () => {
    const files = {
      'units.csv': UNITS,
      'gammel/Hendelser 2019.csv': 'Saksnummer;Enhet;Registrert dato;Type;Status\nA-1;F;01.02.2019;Ulykke;Lukket\n',
      'skript/lag.py': 'print(1)',
      'skript/hjelp.sh': 'echo 1',
      'ukjent.csv': 'alfa;beta\n1;2\n',
    };
    const without = new Diagnostics();
    await readSources(memoryWorkspace(files), 2025, without);
    expect(without.items.map(formatDiagnostic).sort()).toEqual([
      expect.stringMatching(/^gammel\/Hendelser 2019.csv: not read, but it looks like an export of "incidents"/),
      expect.stringMatching(/^skript\/: warning: not read: 2 files, none of them an export/),
      expect.stringMatching(/^ukjent.csv: warning: not read: its header \(row 1: "alfa", "beta"\) matches no table/),
    ]);
    const withIgnore = new Diagnostics();
    await readSources(
      memoryWorkspace({ ...files, 'imports.yaml': 'ignore:\n  - gammel/*.csv\n  - skript/\n  - ukjent.csv\n' }),
      2025,
      withIgnore,
    );
    expect(withIgnore.items.map(formatDiagnostic)).toEqual([]);
  });

  it('the narrative of other years and later survey exports are not the report’s input', async () => {
    const diagnostics = new Diagnostics();
    await readSources(
      memoryWorkspace({
        'units.csv': UNITS,
        'content/2024/01-sammendrag.md': '# 2024',
        'survey/2026.csv': '$submission_id,$created,enhet\n',
      }),
      2025,
      diagnostics,
    );
    expect(diagnostics.items).toEqual([]);
  });
});
