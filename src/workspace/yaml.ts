import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq } from 'yaml';
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
      diagnostics.error(
        file,
        messages.yamlSyntax(error.message.split('\n')[0]!),
        lineCounter.linePos(error.pos[0]).line,
      );
    }
    return null;
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // An unknown key is reported at its own line, not at the line of the map that holds it.
    const places = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...path, key]) : [path];
    for (const place of places) {
      const message = issue.code === 'unrecognized_keys' ? messages.unknownYamlKey(place.at(-1)!) : issue.message;
      diagnostics.error(file, message, lineOf(document, place, lineCounter), place.join('.') || undefined);
    }
  }
  return null;
}

/** The line of the deepest node along the path that exists. */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  path: string[],
  lineCounter: LineCounter,
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * Warns about every key of a parsed YAML file that the tool does not read,
 * at its line: zod drops unknown keys silently, and a misspelt `applies_if`
 * or `minPersons` would change the figures unseen. `known(path)` gives the
 * keys allowed in the mapping at `path` (list items as their index), or null
 * where any key goes. Call it only on a file that parsed.
 */
export function warnUnknownKeys(
  file: string,
  text: string,
  known: (path: readonly string[]) => readonly string[] | null,
  diagnostics: Diagnostics,
): void {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      const allowed = known(path);
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (allowed && !allowed.includes(key)) {
          const line = isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
          diagnostics.warning(file, messages.unknownKey([...path, key].join('.'), allowed), line);
        }
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, String(index)]));
    }
  };
  walk(document.contents, []);
}
