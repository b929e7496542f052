import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA_URL, validator } from '../support/schema.js';

describe('docs/metrics.schema.json', () => {
  it('is what `npm run schema` makes from src/metrics/types.ts today (regenerate it after changing the types)', async () => {
    const { createGenerator } = await import('ts-json-schema-generator');
    const fresh = createGenerator({
      path: 'src/metrics/types.ts',
      type: 'Metrics',
      // As `npm run schema`: types.ts alone, without the DOM and Node typings it does not use (seconds less).
      tsconfig: 'tsconfig.schema.json',
      additionalProperties: true,
      // npm test type-checks src/ already (tsc); the generator's own check would take seconds more.
      skipTypeCheck: true,
    }).createSchema('Metrics');
    const committed: unknown = JSON.parse(await readFile(SCHEMA_URL, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh)));
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
