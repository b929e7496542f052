import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSamples, fileOf } from './pdf-support.js';

/**
 * The sample report's HTML and metrics.json as reviewed files: any change to
 * the output shows up as a diff in tests/golden/. After an intended change,
 * regenerate them with `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`
 * and review the diff before committing.
 */
const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** The embedded fonts as a hash: 100 kB of base64 would drown every diff, and a changed font still changes the hash. */
function reviewable(html: string): string {
  return html.replace(
    /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g,
    (_, data: string) => `url(data:font/woff2;sha256=${createHash('sha256').update(data).digest('hex')})`,
  );
}

describe('golden files of the sample build', () => {
  it('matches tests/golden/report.html and metrics.json', async () => {
    const plan = await buildSamples(['html', 'json']);
    const outputs: Record<string, string> = {
      'report.html': reviewable(fileOf(plan, 'report.html') as string),
      'metrics.json': fileOf(plan, 'metrics.json') as string,
    };
    for (const [name, actual] of Object.entries(outputs)) {
      const path = join(GOLDEN_DIR, name);
      if (update) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(path, actual);
        continue;
      }
      expect(
        existsSync(path),
        `tests/golden/${name} is missing: UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`,
      ).toBe(true);
      const expected = readFileSync(path, 'utf8');
      expect(
        actual === expected,
        `${name} differs from tests/golden/${name} ${firstDifference(expected, actual)}; if intended: UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`,
      ).toBe(true);
    }
  });
});

/** Where two texts first part, as "at line N: golden … / built …", so a failure says what changed without a 300 kB diff. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  const clip = (text: string | undefined) =>
    text === undefined ? '(end of file)' : JSON.stringify(text.slice(0, 200));
  return `at line ${at + 1}: golden ${clip(a[at])} / built ${clip(b[at])}`;
}
