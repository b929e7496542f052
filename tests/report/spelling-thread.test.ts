import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpelling } from '../../src/report/spelling.js';

/**
 * The spelling check on a worker thread gives the warnings of the check on
 * this one. The worker exists only compiled (dist/, which `npm ci` builds);
 * from the TypeScript sources the build checks on its own thread.
 */
const compiled = new URL('../../dist/report/spelling-thread.js', import.meta.url);

describe.skipIf(!existsSync(compiled))('the spelling check on a worker thread', () => {
  it('gives the warnings, suggestions and lines of the check on the main thread', async () => {
    const { checkSpellingOnThread } = await import(compiled.href);
    const files = [
      {
        file: 'content/2025/01.md',
        text: '## Roller\n\nTydligere styring i linjen.\nResultatene i en trafikklysmoell.',
      },
      {
        file: 'content/2025/handlingsplan.yaml',
        text: '- tiltak: Bedre rutiner i varslings saker ved Vitenskapsmuseet',
        yaml: true,
      },
    ];
    const words = ['Vitenskapsmuseet'];
    const found = await checkSpellingOnThread(files, words);
    expect(found).toEqual(await checkSpelling(files, words));
    expect(found).toHaveLength(3);
  });
});
