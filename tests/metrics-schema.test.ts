import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../src/cli/main.js';
import { stableJson } from '../src/json.js';
import { planBuild, buildContext } from '../src/pipeline.js';
import { loadTemplates } from '../src/report/templates.js';
import { nodeFileSystem } from '../src/workspace/files.js';
import { Workspace } from '../src/workspace/workspace.js';

/** docs/metrics.schema.json is generated from src/metrics/types.ts by `npm run schema`. */
async function validator() {
  const schema = JSON.parse(await readFile(new URL('../docs/metrics.schema.json', import.meta.url), 'utf8'));
  return new Ajv({ allowUnionTypes: true, allErrors: true }).compile(schema);
}

describe('docs/metrics.schema.json', () => {
  it('is what `npm run schema` makes from src/metrics/types.ts today (regenerate it after changing the types)', async () => {
    const { createGenerator } = await import('ts-json-schema-generator');
    const fresh = createGenerator({
      path: 'src/metrics/types.ts',
      type: 'Metrics',
      tsconfig: 'tsconfig.json',
      additionalProperties: true,
    }).createSchema('Metrics');
    const committed: unknown = JSON.parse(
      await readFile(new URL('../docs/metrics.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it("accepts the samples' metrics.json", async () => {
    const validate = await validator();
    const plan = await planBuild(
      new Workspace(SAMPLES_DIR, nodeFileSystem),
      buildContext(2025),
      await loadTemplates(nodeFileSystem),
      { formats: ['json'] },
    );
    const metrics: unknown = JSON.parse(stableJson(plan.metrics));
    const ok = validate(metrics);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('rejects a metrics.json that breaks the contract', async () => {
    const validate = await validator();
    expect(validate({ schemaVersion: 1, year: 2025, institution: 'X', units: { reporting: 1, responded: 1 } })).toBe(
      true,
    );
    expect(validate({ schemaVersion: 2, year: 2025, institution: 'X', units: { reporting: 1, responded: 1 } })).toBe(
      false,
    );
    expect(validate({ schemaVersion: 1, year: '2025', institution: 'X', units: { reporting: 1, responded: 1 } })).toBe(
      false,
    );
    expect(
      validate({
        schemaVersion: 1,
        year: 2025,
        institution: 'X',
        units: { reporting: 1, responded: 1 },
        absence: { years: { '2025': { total: '4,5' } } },
      }),
    ).toBe(false);
  });
});
