import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceBuild } from '../support/shared.js';

/**
 * Each folder of tests/golden/ is a case: a workspace and a year (case.json),
 * and the report.html and metrics.json its build must give, as reviewed files:
 * any change to the output shows up as a diff there. After an intended change,
 * regenerate them with `UPDATE_GOLDEN=1 npx vitest run tests/e2e/golden.test.ts`
 * and review the diff before committing. tests/README.md says how to add a case.
 */
const GOLDEN_DIR = resolve(import.meta.dirname, '../golden');
const OUTPUTS = ['report.html', 'metrics.json'] as const;
const update = process.env.UPDATE_GOLDEN === '1';
const regenerate = 'UPDATE_GOLDEN=1 npx vitest run tests/e2e/golden.test.ts';

interface Case {
  name: string;
  dir: string;
  year: number;
  /** The workspace folder: case.json's "workspace" relative to the case folder, default workspace/. */
  workspace: string;
}

const cases: Case[] = readdirSync(GOLDEN_DIR)
  .filter((name) => statSync(join(GOLDEN_DIR, name)).isDirectory())
  .sort()
  .map((name) => {
    const dir = join(GOLDEN_DIR, name);
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { year: number; workspace?: string };
    return { name, dir, year: spec.year, workspace: resolve(dir, spec.workspace ?? 'workspace') };
  });

/** The embedded fonts as a hash: 100 kB of base64 would drown every diff, and a changed font still changes the hash. */
function reviewable(html: string): string {
  return html.replace(
    /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g,
    (_, data: string) => `url(data:font/woff2;sha256=${createHash('sha256').update(data).digest('hex')})`,
  );
}

describe('golden files', () => {
  it('has at least the samples as a case', () => {
    expect(cases.map((c) => c.name)).toContain('samples');
  });

  for (const golden of cases) {
    describe(`tests/golden/${golden.name}/`, () => {
      it('matches report.html and metrics.json', async () => {
        const build = await workspaceBuild(golden.workspace, golden.year);
        expect(build.status, build.stderr).toBe(0);
        const actual: Record<(typeof OUTPUTS)[number], string> = {
          'report.html': reviewable(build.html),
          'metrics.json': readFileSync(build.path('metrics.json'), 'utf8'),
        };
        for (const name of OUTPUTS) {
          const path = join(golden.dir, name);
          const shown = `tests/golden/${golden.name}/${name}`;
          if (update) {
            writeFileSync(path, actual[name]);
            continue;
          }
          expect(existsSync(path), `${shown} is missing: ${regenerate}`).toBe(true);
          const expected = readFileSync(path, 'utf8');
          expect(
            actual[name] === expected,
            `${name} differs from ${shown} ${firstDifference(expected, actual[name])}; if intended: ${regenerate}`,
          ).toBe(true);
        }
      });
    });
  }
});

/**
 * Where two texts first part, as "at line N: golden … / built …", so a failure says what changed without a 300 kB diff.
 */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  const clip = (text: string | undefined) =>
    text === undefined ? '(end of file)' : JSON.stringify(text.slice(0, 200));
  return `at line ${at + 1}: golden ${clip(a[at])} / built ${clip(b[at])}`;
}
