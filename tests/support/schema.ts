import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';

/** docs/metrics.schema.json, generated from src/metrics/types.ts by `npm run schema`. */
export const SCHEMA_URL = new URL('../../docs/metrics.schema.json', import.meta.url);

export async function validator() {
  const schema = JSON.parse(await readFile(SCHEMA_URL, 'utf8'));
  return new Ajv({ allowUnionTypes: true, allErrors: true }).compile(schema);
}
