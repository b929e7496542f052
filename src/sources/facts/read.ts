import { z } from 'zod';
import { parseYaml } from '../../workspace/yaml.js';
import type { SourceContext } from '../context.js';

/**
 * content/<year>/facts.yaml: figures the prose cites that no export holds
 * (the ARK survey's response rate, a count of interviews …), each written
 * once, beside the text, so a number is never typed into a sentence.
 * Free form: nested maps of numbers and texts, read in content as `facts.…`.
 */
export type Fact = number | string | { [key: string]: Fact };
export type Facts = Record<string, Fact>;

const NOT_A_FACT = 'a fact is a number, a text or a map of facts';

// Walked by hand rather than as a recursive union, so a wrong value is reported at its own key and line.
function isFact(value: unknown, path: PropertyKey[], ctx: z.RefinementCtx): boolean {
  if (typeof value === 'number' || typeof value === 'string') return true;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, inner]) => isFact(inner, [...path, key], ctx))
      .every(Boolean);
  }
  ctx.addIssue({ code: 'custom', path, message: NOT_A_FACT });
  return false;
}

const schema = z
  .record(z.string(), z.unknown())
  .superRefine((facts, ctx) => {
    for (const [key, value] of Object.entries(facts)) isFact(value, [key], ctx);
  })
  // The refinement has checked every value, which the record's type cannot say.
  .transform((facts) => facts as Facts);

/** null when the workspace has no facts file. */
export async function readFacts({ workspace, year, diagnostics }: SourceContext): Promise<Facts | null> {
  const folder = `content/${year}`;
  const name = (await workspace.list(folder)).find((n) => /^facts\.ya?ml$/i.test(n));
  if (!name) return null;
  const file = `${folder}/${name}`;
  return parseYaml(file, await workspace.readText(file), schema, diagnostics);
}
