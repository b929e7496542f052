import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';

/**
 * Parses a YAML file and validates it with a zod schema. Every problem is a
 * diagnostic at the line of the offending node, its path as the column
 * (`questions.3.scale`).
 */
export function parseYaml<T>(file: string, text: string, schema: z.ZodType<T>, diagnostics: Diagnostics): T | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      diagnostics.error(file, messages.yamlSyntax(error.message.split('\n')[0]!), lineCounter.linePos(error.pos[0]).line);
    }
    return null;
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    diagnostics.error(file, issue.message, lineOf(document, path, lineCounter), path.join('.') || undefined);
  }
  return null;
}

/** The line of the deepest node along the path that exists. */
function lineOf(document: ReturnType<typeof parseDocument>, path: string[], lineCounter: LineCounter): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
