import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { OutputFile } from '../../src/output.js';
import { memoryFileSystem, nodeFileSystem, type FileSystem } from '../../src/workspace/files.js';

const UNITS = 'unit_id;name;parent_id;reporting;first_year;last_year\nF;Fakultet;;nei;;\nI1;Institutt 1;F;ja;;\n';
const BAD_UNITS = `${UNITS}I1;Dobbel;F;ja;;\n`;

/** The workspace in memory under /repo; everything else (the bundled templates) from disk. */
function overlay(files: Record<string, string>): FileSystem {
  const memory = memoryFileSystem(files);
  const pick = (path: string) => (path.startsWith('/repo') ? memory : nodeFileSystem);
  return {
    isFile: (path) => pick(path).isFile(path),
    isDirectory: (path) => pick(path).isDirectory(path),
    readFile: (path) => pick(path).readFile(path),
    stream: (path) => pick(path).stream(path),
    readdir: (path) => pick(path).readdir(path),
  };
}

interface Fake {
  io: CliIo;
  out: () => string;
  err: () => string;
  written: OutputFile[];
}

function fake(files: Record<string, string>, env: Record<string, string> = {}, tty = false): Fake {
  const out: string[] = [];
  const err: string[] = [];
  const written: OutputFile[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: '/repo',
    env,
    fs: overlay(files),
    writer: {
      async write(root, list) {
        written.push(...list);
        return list.map((f) => `${root}/${f.path}`);
      },
    },
    isTTY: { stdout: tty, stderr: tty },
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}

describe('--json summaries', () => {
  it("validate --json: ok false with each error's file, row, column and message on stdout", async () => {
    const f = fake({ '/repo/ws/units.csv': BAD_UNITS });
    expect(await run(['validate', '2025', '--data', 'ws', '--json'], f.io)).toBe(1);
    const summary = JSON.parse(f.out());
    expect(summary).toMatchObject({ command: 'validate', year: 2025, ok: false, warnings: [], files: [] });
    expect(summary.errors).toEqual([
      { file: 'units.csv', row: 4, column: 'unit_id', message: 'unit_id "I1" is already used in row 3' },
    ]);
  });
  it('validate --json: ok true on a valid workspace', async () => {
    const f = fake({ '/repo/ws/units.csv': UNITS });
    expect(await run(['validate', '2025', '--data', 'ws', '--json'], f.io)).toBe(0);
    expect(JSON.parse(f.out())).toEqual({
      command: 'validate',
      year: 2025,
      ok: true,
      errors: [],
      warnings: [],
      files: [],
      coverage: [{ source: 'units', file: 'units.csv', rows: 2, read: 2, skipped: { sum: 0, unmapped: 0, errors: 0 } }],
    });
  });
  it('build --json: the files written, relative to the working directory', async () => {
    const f = fake({ '/repo/ws/units.csv': UNITS });
    expect(await run(['build', '2025', '--data', 'ws', '--json', '--format', 'html,json'], f.io)).toBe(0);
    const summary = JSON.parse(f.out());
    expect(summary).toMatchObject({ command: 'build', ok: true, errors: [] });
    expect(summary.files).toContain('out/2025/metrics.json');
    expect(summary.files).toHaveLength(f.written.length);
  });
  it('build --json on an invalid workspace: ok false, nothing written', async () => {
    const f = fake({ '/repo/ws/units.csv': BAD_UNITS });
    expect(await run(['build', '2025', '--data', 'ws', '--json', '--format', 'html,json'], f.io)).toBe(1);
    expect(JSON.parse(f.out())).toMatchObject({
      command: 'build',
      ok: false,
      errors: [{ file: 'units.csv', row: 4 }],
      files: [],
    });
    expect(f.written).toEqual([]);
  });
  it('build --json when no browser can print the PDF: ok false with the reason', async () => {
    const f = fake({ '/repo/ws/units.csv': UNITS });
    f.io.browser = {
      find: () => ({ found: false }),
      launch: async () => {
        throw new Error('not reached');
      },
    };
    expect(await run(['build', '2025', '--data', 'ws', '--json', '--format', 'html,pdf'], f.io)).toBe(3);
    const summary = JSON.parse(f.out());
    expect(summary).toMatchObject({ command: 'build', ok: false, errors: [], files: [] });
    expect(summary.message).toContain('No Chromium or Chrome was found');
  });
  it('without --json stdout stays empty', async () => {
    const f = fake({ '/repo/ws/units.csv': BAD_UNITS });
    await run(['validate', '2025', '--data', 'ws'], f.io);
    expect(f.out()).toBe('');
    expect(f.err()).toContain('units.csv:4:unit_id: unit_id "I1" is already used in row 3');
  });
});

describe('terminals and CI', () => {
  it('annotates for GitHub Actions with a path from the repository root', async () => {
    const f = fake({ '/repo/ws/units.csv': BAD_UNITS }, { GITHUB_ACTIONS: 'true' });
    await run(['validate', '2025', '--data', 'ws'], f.io);
    expect(f.err()).toContain(
      '::error file=ws/units.csv,line=4,title=units.csv%3A column unit_id::units.csv:4:unit_id: unit_id "I1" is already used in row 3\n',
    );
  });
  it('colours diagnostics on a terminal, not with NO_COLOR, not when piped', async () => {
    const tty = fake({ '/repo/ws/units.csv': BAD_UNITS }, {}, true);
    await run(['validate', '2025', '--data', 'ws'], tty.io);
    expect(tty.err()).toContain('\u001b[31munits.csv:4:unit_id:\u001b[0m');
    for (const [env, isTty] of [
      [{ NO_COLOR: '1' }, true],
      [{}, false],
    ] as const) {
      const f = fake({ '/repo/ws/units.csv': BAD_UNITS }, env, isTty);
      await run(['validate', '2025', '--data', 'ws'], f.io);
      expect(f.err()).not.toContain('\u001b[');
    }
  });
  it('shows progress on stderr only at a terminal', async () => {
    const tty = fake({ '/repo/ws/units.csv': UNITS }, {}, true);
    await run(['validate', '2025', '--data', 'ws'], tty.io);
    expect(tty.err()).toContain('Reading and validating the workspace for 2025');
    const piped = fake({ '/repo/ws/units.csv': UNITS });
    await run(['validate', '2025', '--data', 'ws'], piped.io);
    expect(piped.err()).not.toContain('Reading and validating');
  });
});

describe('--help', () => {
  it.each([['validate'], ['build'], ['diff'], ['init'], ['feedback']])('%s --help has examples', async (command) => {
    const f = fake({});
    expect(await run([command, '--help'], f.io)).toBe(0);
    expect(f.out()).toMatch(new RegExp(`Examples:\\n  hms-report ${command} `));
  });
  it('the top-level help lists commands and examples', async () => {
    const f = fake({});
    expect(await run(['--help'], f.io)).toBe(0);
    expect(f.out()).toMatch(/Commands:[\s\S]*diff[\s\S]*init[\s\S]*Examples:/);
  });
});
