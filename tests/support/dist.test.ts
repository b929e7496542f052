import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { refreshDist } from './dist.js';

const ROOT = join(import.meta.dirname, '../..');

/** What tsc itself emits for the project, by output path relative to dist/. */
function tscEmit(root: string): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  )!;
  // No lib: only the emit is compared, and loading the DOM's types would be most of the test's time.
  const program = ts.createProgram(config.fileNames, { ...config.options, noLib: true, types: [] });
  const files = new Map<string, string>();
  program.emit(undefined, (path, text) => files.set(path.slice(join(root, 'dist').length + 1), text));
  return files;
}

describe('refreshDist', () => {
  const root = mkdtempSync(join(tmpdir(), 'hms-dist-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(root, 'src/inner'), { recursive: true });
  writeFileSync(
    join(root, 'src/a.ts'),
    [
      "import type { Shape } from './inner/shape.js';",
      "import { area } from './inner/shape.js';",
      "import spec from './inner/spec.json' with { type: 'json' };",
      'export enum Kind { Square = 1 }',
      'export const shown = (s: Shape): string => `${spec.name} ${area(s)}`;',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'src/inner/shape.ts'),
    'export interface Shape { side: number }\nexport function area(s: Shape): number {\n  return s.side ** 2;\n}\n',
  );
  writeFileSync(join(root, 'src/inner/spec.json'), '{ "name": "kvadrat" }\n');

  it('emits every source as tsc does, its map and the JSON it imports, then only what changed since', async () => {
    expect((await refreshDist(root)).sort()).toEqual(['a.ts', 'inner/shape.ts', 'inner/spec.json']);
    for (const [path, text] of tscEmit(root)) expect(readFileSync(join(root, 'dist', path), 'utf8'), path).toBe(text);
    expect(JSON.parse(readFileSync(join(root, 'dist/inner/spec.json'), 'utf8'))).toEqual({ name: 'kvadrat' });

    expect(await refreshDist(root)).toEqual([]);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'src/inner/shape.ts'), later, later);
    expect(await refreshDist(root)).toEqual(['inner/shape.ts']);
    const latest = new Date(Date.now() + 10_000);
    utimesSync(join(root, 'tsconfig.json'), latest, latest);
    expect((await refreshDist(root)).sort()).toEqual(['a.ts', 'inner/shape.ts', 'inner/spec.json']);
  });
});
