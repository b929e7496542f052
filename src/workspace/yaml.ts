import { LineCounter, Parser, parseDocument, isMap, isNode, isScalar, isSeq, visit, type CST } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { TextCache } from '../text-cache.js';

/**
 * Parses a YAML file and validates it with a zod schema. Every problem is a
 * diagnostic at the line of the offending node, its path as the column
 * (`questions.3.scale`).
 */
export function parseYaml<T>(file: string, text: string, schema: z.ZodType<T>, diagnostics: Diagnostics): T | null {
  const { document, lineCounter } = parsed(text);
  if (document.errors.length > 0) {
    // The first error only: the ones after it are mostly its echoes (an unclosed { makes every later line wrong).
    const error = document.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    const open = unclosedFlowBefore(text, error.pos[0]);
    diagnostics.error(
      file,
      open ? messages.yamlUnclosed(open.char) : messages.yamlSyntax(error.message.split('\n')[0]!),
      lineCounter.linePos(open ? open.offset : error.pos[0]).line,
    );
    return null;
  }
  let data: unknown;
  try {
    // Aliases are counted: a "billion laughs" file would otherwise expand to gigabytes.
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    diagnostics.error(file, messages.yamlTooManyAliases(MAX_ALIASES), firstAliasLine(document, lineCounter));
    return null;
  }
  const result = schema.safeParse(data ?? {});
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

type ParsedYaml = { document: ReturnType<typeof parseDocument>; lineCounter: LineCounter };

/**
 * YAML texts parsed, by their text: a file is read for its values and again
 * for its keys and lines, and the preview and the tests read the same files
 * on every run. A document is only read (toJS makes new values each time),
 * never changed.
 */
const parsedTexts = new TextCache<ParsedYaml>(64);

const parsed = (text: string): ParsedYaml =>
  parsedTexts.of(text, (t) => {
    const lineCounter = new LineCounter();
    return { document: parseDocument(t, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
  });

/** How often aliases may be expanded in one file: far above any hand-written file, far below a resource attack. */
const MAX_ALIASES = 1000;

function firstAliasLine(document: ReturnType<typeof parseDocument>, lineCounter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/** The last `{` or `[` opened before `offset` that its collection never closes, from yaml's own token tree. */
function unclosedFlowBefore(text: string, offset: number): { offset: number; char: string } | null {
  let found: { offset: number; char: string } | null = null;
  const walk = (token: CST.Token | undefined): void => {
    if (!token) return;
    if (token.type === 'flow-collection') {
      const closes = token.start.source === '{' ? '}' : ']';
      if (token.start.offset < offset && !token.end.some((t) => t.source === closes))
        if (!found || token.start.offset > found.offset)
          found = { offset: token.start.offset, char: token.start.source };
      for (const item of token.items) {
        walk(item.key as CST.Token | undefined);
        walk(item.value);
      }
    } else if (token.type === 'block-map' || token.type === 'block-seq') {
      for (const item of token.items) {
        walk((item as { key?: CST.Token | null }).key ?? undefined);
        walk(item.value);
      }
    } else if (token.type === 'document') {
      walk(token.value);
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/**
 * The line of a node of a YAML text (`['questions', 3, 'column']`), or of the deepest part of the path that is there.
 */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  const { document, lineCounter } = parsed(text);
  return lineOf(document, path.map(String), lineCounter);
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
  const { document, lineCounter } = parsed(text);
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      // Looked up by the file's own keys: "__proto__" must not reach Object.prototype.
      const found = known(path);
      const allowed = Array.isArray(found) ? found : null;
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
