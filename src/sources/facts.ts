import { z } from 'zod';
import { parseYaml } from '../workspace/yaml.js';
import type { SourceContext } from './context.js';

/**
 * content/<year>/facts.yaml: figures the prose cites that no export holds
 * (the ARK survey's response rate, a count of interviews …), each written
 * once, beside the text, so a number is never typed into a sentence.
 * Free form: nested maps of numbers and texts, read in content as `facts.…`.
 */
export type Fact = number | string | { [key: string]: Fact };
export type Facts = Record<string, Fact>;

const fact: z.ZodType<Fact> = z.lazy(() => z.union([z.number(), z.string(), z.record(z.string(), fact)], { error: 'a fact is a number, a text or a map of facts' }));
const schema = z.record(z.string(), fact);

/** null when the workspace has no facts file. */
export async function readFacts({ workspace, year, diagnostics }: SourceContext): Promise<Facts | null> {
  const folder = `content/${year}`;
  const name = (await workspace.list(folder)).find((n) => /^facts\.ya?ml$/i.test(n));
  if (!name) return null;
  const file = `${folder}/${name}`;
  return parseYaml(file, await workspace.readText(file), schema, diagnostics);
}
