import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering of ARCHITECTURE.md is enforced by ESLint (eslint.config.js);
 * this holds the rule itself to account: an upward import is an error, a
 * downward one is not, whether written as an import, a re-export or an
 * import().
 */
const eslint = new ESLint();

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/element-types').map((m) => m.message);
}

describe('the import layers', () => {
  it.each([
    [
      'src/workspace/leak.ts',
      "import type { HtmlReport } from '../report/html.js';",
      'workspace must not import report',
    ],
    ['src/sources/leak.ts', "import { SOURCES } from './registry.js';", 'sources must not import registry'],
    [
      'src/sources/injuries/leak.ts',
      "import type { Metrics } from '../../metrics/types.js';",
      'sources must not import metrics',
    ],
    ['src/metrics/leak.ts', "import { renderHtml } from '../report/html.js';", 'metrics must not import report'],
    ['src/report/leak.ts', "import { planBuild } from '../pipeline.js';", 'report must not import command'],
    // A re-export, an import() or a `typeof import()` type depends on its module as much as an import does.
    ['src/metrics/leak.ts', "export { renderHtml } from '../report/html.js';", 'metrics must not import report'],
    ['src/workspace/leak.ts', "export * from '../sources/registry.js';", 'workspace must not import registry'],
    [
      'src/sources/injuries/leak.ts',
      "export type { Metrics } from '../../metrics/types.js';",
      'sources must not import metrics',
    ],
    ['src/sources/leak.ts', "export type * from '../metrics/types.js';", 'sources must not import metrics'],
    [
      'src/sources/injuries/leak.ts',
      "export const format = () => import('../../report/format.js');",
      'sources must not import report',
    ],
    ['src/metrics/leak.ts', "export type Html = typeof import('../report/html.js');", 'metrics must not import report'],
  ])('refuses %s reaching upwards with %s', async (file, code, message) => {
    expect(await layerErrors(file, `${code}\nexport const used = 1;\n`)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['src/report/ok.ts', "import type { Metrics } from '../metrics/types.js';"],
    ['src/sources/absence/report.ts', "import { renderFigure } from '../../report/figure.js';"],
    ['src/sources/absence/metrics.ts', "import { yearRange } from '../../metrics/years.js';"],
    ['src/sources/absence/index.ts', "import { absenceSheets } from './report.js';"],
    ['src/cli/ok.ts', "import { planBuild } from '../pipeline.js';"],
    ['src/cli/ok.ts', "export const preview = () => import('../preview/index.js');"],
    ['src/report/ok.ts', "export { yearRange } from '../metrics/years.js';"],
    ['src/metrics/ok.ts', "export type Files = typeof import('../workspace/files.js');"],
  ])('lets %s import downwards with %s', async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });
});
