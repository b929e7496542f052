import Handlebars, { type HelperOptions } from 'handlebars';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { HelperError } from './helpers.js';
import type { ContentFile } from '../sources/content.js';
import { checkNarrativeHtml, sanitiseNarrative } from './sanitise.js';
import { TextCache } from '../text-cache.js';

/**
 * Narrative content: Markdown files whose placeholders (`{{percent …}}`) are
 * bound to the metrics and whose components (`{{figure "…"}}`) are replaced by
 * rendered tables and figures. Headings of levels 1–3 are numbered across files
 * (1, 1.1, 1.1.1) and gathered for the table of contents; level 4 and below
 * are unnumbered. Footnotes (`[^1]`) are numbered across files, as in a
 * printed report, and listed at the end of the file (section) that has them.
 */

export interface Heading {
  level: number;
  number: string;
  title: string;
  id: string;
}

export interface ComponentCall {
  name: string;
  args: unknown[];
  options: Record<string, unknown>;
  file: string;
}

export interface RenderedContent {
  html: string;
  headings: Heading[];
}

/** Renders a component call to HTML; throws ComponentError for a problem the author made. */
export type ComponentRenderer = (call: ComponentCall) => Promise<string>;

export class ComponentError extends Error {}

type HelperFn = (...args: unknown[]) => unknown;

/** A problem with a placeholder at a line of its file; the content author sees the message. */
class PlaceholderError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** Built-in block helpers that strict mode does not check: `{{#if absense}}` must not be silently false. */
const BUILT_IN_BLOCKS = ['if', 'unless', 'each', 'with'] as const;

interface FootnoteEnv {
  [key: string | symbol]: unknown;
  /** Footnotes in earlier files, so numbering runs on across the report. */
  footnoteOffset: number;
  /** Makes anchors unique across files. */
  docId: string;
  footnotes?: { list?: unknown[]; refs?: Record<string, number> };
}

/**
 * Compiles every narrative file. Only Handlebars' own helpers are registered
 * on it: a run's helpers capture the run's state (its component calls, its
 * file for messages) and are passed to a template each time it runs, so a
 * compiled template can serve every later run of the same text.
 */
const compiler = Handlebars.create();

/** Narrative files parsed and compiled, by their text: compiling costs more than rendering. */
const parsedTexts = new TextCache<hbs.AST.Program>(200);
const compiledTexts = new TextCache<HandlebarsTemplateDelegate>(200);

/** A file's syntax tree as Handlebars parses it; shared, so never changed. */
const parsed = (text: string): hbs.AST.Program => parsedTexts.of(text, (t) => Handlebars.parse(t));

/**
 * A file's text with its placeholders expanded. Which placeholders go
 * through TEXT_HELPER depends on the helper names, so they are part of the
 * key. A template is kept only once it has run: Handlebars compiles on the
 * first run, and one that failed to compile is compiled again next time, to
 * fail with the same message.
 */
function expand(
  text: string,
  helperNames: ReadonlySet<string>,
  data: object,
  helpers: Record<string, Handlebars.HelperDelegate>,
): string {
  const key = `${JSON.stringify([...helperNames].sort())}\n${text}`;
  const template =
    compiledTexts.get(key) ??
    compiler.compile(asLiteralText(Handlebars.parse(text), helperNames), { strict: true, noEscape: false });
  const expanded = template(data, { helpers });
  compiledTexts.set(key, template);
  return expanded;
}

const MARKER = (index: number) => `<!--hms-component:${index}-->`;
const MARKER_PATTERN = /<!--hms-component:(\d+)-->/g;
const REF_MARKER = (index: number) => `<!--hms-ref:${index}-->`;
const REF_PATTERN = /<!--hms-ref:(\d+)-->/g;

export async function renderContent(
  files: readonly ContentFile[],
  data: object,
  helpers: Record<string, HelperFn>,
  componentNames: readonly string[],
  renderComponent: ComponentRenderer,
  diagnostics: Diagnostics,
): Promise<RenderedContent> {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
  configureFootnotes(markdown);
  markdown.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const label = (tokens[index]!.meta as { label?: string } | null)?.label;
    return self.renderToken(tokens, index, options) + (label ? `<span class="heading-number">${label}</span> ` : '');
  };
  const headings: Heading[] = [];
  const counters = [0, 0, 0];
  const calls: ComponentCall[] = [];
  const refs: Array<{ title: string; file: string; line: number | undefined }> = [];
  const parts: string[] = [];
  let footnoteOffset = 0;

  for (const [fileIndex, { file, text }] of files.entries()) {
    // The helpers capture this file and this run: they are passed to the template when it runs, never compiled in.
    const fileHelpers: Record<string, Handlebars.HelperDelegate> = {};
    for (const name of BUILT_IN_BLOCKS) fileHelpers[name] = guarded(name, compiler.helpers[name] as HelperFn, text);
    for (const [name, fn] of Object.entries(helpers)) fileHelpers[name] = guarded(name, fn, text);
    for (const name of componentNames) {
      const component = (...args: unknown[]) => {
        const options = args.pop() as { hash: Record<string, unknown> };
        calls.push({ name, args, options: options.hash, file });
        return new Handlebars.SafeString(`\n\n${MARKER(calls.length - 1)}\n\n`);
      };
      fileHelpers[name] = guarded(name, component, text);
    }
    // A cross-reference is resolved once every heading has its number: `jf. kap. {{ref "Vedlegg 4"}}`.
    fileHelpers.ref = (title: unknown, options: HelperOptions & { loc?: { start: { line: number } } }) => {
      refs.push({ title: String(title), file, line: options.loc?.start.line });
      return new Handlebars.SafeString(REF_MARKER(refs.length - 1));
    };
    fileHelpers[TEXT_HELPER] = literalText;
    // The author's raw HTML may format text but load nothing: each breach is an error at its line.
    for (const problem of checkNarrativeHtml(text)) diagnostics.error(file, problem.message, problem.line);
    let expanded: string;
    try {
      const helperNames = new Set([...Object.keys(compiler.helpers), ...Object.keys(fileHelpers)]);
      const problems = checkPlaceholders(parsed(text), data, helperNames);
      for (const problem of problems) diagnostics.error(file, problem.message, problem.line);
      if (problems.length > 0) continue;
      expanded = expand(text, helperNames, data, fileHelpers);
    } catch (error) {
      const { line, message } = describeTemplateError(error, text, data);
      diagnostics.error(file, message, line);
      continue;
    }
    const env: FootnoteEnv = { footnoteOffset, docId: String(fileIndex + 1) };
    const tokens = markdown.parse(expanded, env);
    // markdown-it leaves a reference without a definition as literal "[^x]" text; the author should hear of it.
    for (const [, label] of expanded.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
      if (env.footnotes?.refs?.[`:${label}`] === undefined) {
        diagnostics.error(file, messages.undefinedFootnote(label!), lineAt(text, text.indexOf(`[^${label}]`)));
      }
    }
    headings.push(...numberHeadings(tokens, counters));
    parts.push(sanitiseNarrative(markdown.renderer.render(tokens, markdown.options, env)));
    footnoteOffset += env.footnotes?.list?.length ?? 0;
  }

  // One at a time, in document order: components take their caption numbers as they render.
  const rendered: string[] = [];
  for (const call of calls) {
    try {
      rendered.push(await renderComponent(call));
    } catch (error) {
      if (!(error instanceof ComponentError)) throw error;
      diagnostics.error(call.file, error.message);
      rendered.push('');
    }
  }
  const html = parts
    .join('\n')
    .replace(/<p>\s*(<!--hms-component:\d+-->)\s*<\/p>/g, '$1')
    .replace(MARKER_PATTERN, (_, index: string) => rendered[Number(index)]!);
  const resolved = refs.map((ref) => {
    // A heading is named by its title, or by the part before its colon ("Vedlegg 4" for "Vedlegg 4: Overordnet …").
    const heading = headings.find((h) => h.title === ref.title || h.title.startsWith(`${ref.title}:`));
    if (heading) return `<a href="#${heading.id}">${heading.number}</a>`;
    // A figure is named by its component ("Figur {{ref "figure-whistleblowing"}}
    // viser …"): its number is known only once it has rendered.
    const at = calls.findIndex((call) => call.name === ref.title);
    const figure = at >= 0 ? /<figcaption id="(figur-(\d+))">/.exec(rendered[at]!) : null;
    if (figure) return `<a href="#${figure[1]}">${figure[2]}</a>`;
    diagnostics.error(ref.file, messages.unknownHeadingRef(ref.title), ref.line);
    return '';
  });
  return { html: html.replace(REF_PATTERN, (_, index: string) => resolved[Number(index)]!), headings };
}

/**
 * Numbers the file's headings of levels 1–3 on from `counters` (the numbers
 * reached in earlier files, updated here), gives each an id to link to, and
 * returns them for the table of contents.
 */
function numberHeadings(tokens: ReturnType<InstanceType<typeof MarkdownIt>['parse']>, counters: number[]): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open') continue;
    const level = Number(token.tag.slice(1));
    if (level > 3) continue;
    counters[level - 1]!++;
    for (let deeper = level; deeper < counters.length; deeper++) counters[deeper] = 0;
    const number = counters.slice(0, level).join('.');
    const id = `kap-${number.replace(/\./g, '-')}`;
    token.attrSet('id', id);
    token.meta = { label: level === 1 ? `${number}.` : number };
    headings.push({ level, number, title: plainText(tokens[i + 1]!), id });
  }
  return headings;
}

/**
 * A heading's text as a reader sees it, for the table of contents (which
 * escapes it once more) and {{ref}}: entities decoded, emphasis and code marks gone.
 */
function plainText(inline: ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]): string {
  return (inline.children ?? [])
    .map((child) =>
      child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : '',
    )
    .join('');
}

/** The helper every escaped placeholder's value passes through (see asLiteralText); a name no author would pick. */
const TEXT_HELPER = 'hms-literal-text';

/**
 * Characters HTML or Markdown would read as markup (tags, entities, emphasis,
 * links, list and heading markers, table cells, escapes), written as numeric
 * character references in one pass: markdown-it turns them back into the
 * same text, never into markup, in running text and link targets alike.
 */
const SIGNIFICANT = /[&<>"'`=\\*_[\]()!~#+\-.|^]/g;

/**
 * A placeholder's value as text, so a unit called "Senter for _data_" or a
 * category "[lenke](…)" shows as written. Components and {{ref}} return safe
 * strings, passed on as they are; a name that resolves to nothing inside a
 * block (where strict mode no longer looks) is the author's misspelling.
 */
function literalText(value: unknown, ...rest: unknown[]): unknown {
  const options = rest.pop() as HelperOptions & { loc?: { start: { line: number } } };
  if (value !== null && typeof value === 'object' && typeof (value as { toHTML?: unknown }).toHTML === 'function')
    return value;
  if (value === undefined && typeof rest[0] === 'string')
    throw new PlaceholderError(messages.unknownPlaceholder(rest[0]), options.loc?.start.line);
  // As Handlebars shows a value: nothing for null, anything else as text (0 and false included).
  const text = value === null || value === undefined ? '' : String(value);
  return new Handlebars.SafeString(text.replace(SIGNIFICANT, (c) => `&#${c.charCodeAt(0)};`));
}

/**
 * Routes every escaped placeholder (`{{x}}`, `{{name id}}`; not `{{{x}}}`)
 * through TEXT_HELPER: Handlebars only escapes HTML, and the expanded text is
 * then read as Markdown. A bare helper call (`{{survey-legend}}`) is left as
 * it is: it takes no data. The tree is changed in place.
 */
function asLiteralText(program: hbs.AST.Program, helpers: ReadonlySet<string>): hbs.AST.Program {
  const helperPath = (loc: hbs.AST.SourceLocation): hbs.AST.PathExpression => ({
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [TEXT_HELPER],
    original: TEXT_HELPER,
    loc,
  });
  const walk = (body: hbs.AST.Statement[]) => {
    for (const statement of body) {
      if (statement.type === 'BlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        walk(block.program.body);
        if (block.inverse) walk(block.inverse.body);
        continue;
      }
      if (statement.type !== 'MustacheStatement') continue;
      const m = statement as hbs.AST.MustacheStatement;
      if (!m.escaped || m.path.type !== 'PathExpression') continue;
      const bare = m.params.length === 0 && (m.hash?.pairs.length ?? 0) === 0;
      const path = m.path as hbs.AST.PathExpression;
      if (bare) {
        if (helpers.has(path.original)) continue;
        const name: hbs.AST.StringLiteral = {
          type: 'StringLiteral',
          value: path.original,
          original: path.original,
          loc: m.loc,
        };
        m.params = [path, name];
      } else {
        const call: hbs.AST.SubExpression = { type: 'SubExpression', path, params: m.params, hash: m.hash, loc: m.loc };
        m.params = [call];
        m.hash = undefined as unknown as hbs.AST.Hash;
      }
      m.path = helperPath(m.loc);
    }
  };
  walk(program.body);
  return program;
}

/** The 1-based line of a character index, for a message; undefined when the text was not found (-1). */
function lineAt(source: string, index: number): number | undefined {
  return index >= 0 ? source.slice(0, index).split('\n').length : undefined;
}

/**
 * Wraps a helper so that what strict mode lets through is still an error at
 * its line: an argument that names no figure (Handlebars passes `undefined`
 * for a misspelled helper argument) and a helper's own complaint.
 */
function guarded(name: string, fn: HelperFn, source: string): HelperFn {
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as HelperOptions & {
      loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
    };
    const line = options.loc?.start.line;
    if (args.slice(0, -1).some((arg) => arg === undefined)) {
      throw new PlaceholderError(messages.unknownPlaceholderIn(snippet(source, options.loc)), line);
    }
    try {
      return fn.apply(this, args);
    } catch (error) {
      if (error instanceof HelperError) throw new PlaceholderError(messages.helperFailed(name, error.message), line);
      throw error;
    }
  };
}

/** Blocks that keep the surrounding context, so paths inside them resolve against the top-level data too. */
const SAME_CONTEXT_BLOCKS = new Set(['if', 'unless']);

/**
 * Resolves every path of a template against the data before it runs, so each
 * misspelling is reported at its own line, all at once, including in helper
 * arguments and block conditions, which Handlebars' strict mode lets through
 * as `undefined`. Paths inside blocks that change the context (`#each`,
 * `#with`) are left to the run-time checks. A key that is present but null
 * (a source not given) is not a misspelling.
 */
function checkPlaceholders(program: hbs.AST.Program, data: object, helpers: ReadonlySet<string>): PlaceholderError[] {
  const problems: PlaceholderError[] = [];
  const resolve = (path: hbs.AST.PathExpression) => {
    let parts = path.parts;
    if (path.data) {
      if (parts[0] !== 'root') return;
      parts = parts.slice(1);
    } else if (path.depth > 0) return;
    let value: unknown = data;
    for (const part of parts) {
      if (value === null) return;
      if (typeof value !== 'object' || !(part in value)) {
        // A lone name like {{figure-absense-org}} is as likely a misspelled component as a figure.
        const message =
          parts.length === 1 && !path.data
            ? messages.unknownName(path.original)
            : messages.unknownPlaceholder(path.original);
        problems.push(new PlaceholderError(message, path.loc.start.line));
        return;
      }
      value = (value as Record<string, unknown>)[part];
    }
  };
  const helperName = (path: hbs.AST.PathExpression | hbs.AST.Literal): boolean => {
    if (path.type !== 'PathExpression') return true;
    const name = (path as hbs.AST.PathExpression).original;
    if (!helpers.has(name)) problems.push(new PlaceholderError(messages.unknownHelper(name), path.loc.start.line));
    return helpers.has(name);
  };
  const expression = (node: hbs.AST.Expression) => {
    if (node.type === 'PathExpression') resolve(node as hbs.AST.PathExpression);
    else if (node.type === 'SubExpression') call(node as hbs.AST.SubExpression);
  };
  const call = (node: {
    path: hbs.AST.PathExpression | hbs.AST.Literal;
    params: hbs.AST.Expression[];
    hash: hbs.AST.Hash;
  }) => {
    helperName(node.path);
    node.params.forEach(expression);
    node.hash?.pairs.forEach((pair) => expression(pair.value));
  };
  const walk = (body: hbs.AST.Statement[], topLevel: boolean) => {
    for (const statement of body) {
      if (statement.type === 'MustacheStatement') {
        const m = statement as hbs.AST.MustacheStatement;
        const bare = m.params.length === 0 && (m.hash?.pairs.length ?? 0) === 0;
        if (!topLevel) continue;
        if (bare && m.path.type === 'PathExpression' && !helpers.has((m.path as hbs.AST.PathExpression).original))
          resolve(m.path as hbs.AST.PathExpression);
        else call(m);
      } else if (statement.type === 'BlockStatement') {
        const b = statement as hbs.AST.BlockStatement;
        if (topLevel) call(b);
        const keeps = topLevel && SAME_CONTEXT_BLOCKS.has(b.path.original);
        walk(b.program.body, keeps);
        if (b.inverse) walk(b.inverse.body, keeps);
      }
    }
  };
  walk(program.body, true);
  return problems;
}

/** The part of a dotted path (from the top of the data) whose value is null, if any: `current.incidents`. */
function nullPrefix(path: string, data: object): string | undefined {
  const parts = path.split('.');
  let value: unknown = data;
  for (let i = 0; i < parts.length; i++) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[parts[i]!.replace(/^\[|\]$/g, '')];
    if (value === null) return parts.slice(0, i + 1).join('.');
  }
  return undefined;
}

/** The placeholder as written, for a message: `{{percent current.absense.total 1}}`. */
function snippet(
  source: string,
  loc: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined,
): string {
  if (!loc) return '';
  const lines = source.split('\n');
  if (loc.start.line !== loc.end.line) return lines[loc.start.line - 1]!.slice(loc.start.column).trim();
  return lines[loc.start.line - 1]!.slice(loc.start.column, loc.end.column);
}

/** Footnote markers as plain superscript numbers running on across files; the list where the file ends. */
function configureFootnotes(markdown: InstanceType<typeof MarkdownIt>): void {
  const rules = markdown.renderer.rules;
  const offset = (env: unknown) => (env as FootnoteEnv).footnoteOffset;
  rules.footnote_caption = (tokens, index, _options, env) =>
    String((tokens[index]!.meta as { id: number }).id + 1 + offset(env));
  rules.footnote_anchor_name = (tokens, index, _options, env) =>
    `${(env as FootnoteEnv).docId}-${(tokens[index]!.meta as { id: number }).id + 1}`;
  rules.footnote_block_open = (_tokens, _index, _options, env) =>
    `<section class="footnotes" aria-label="Fotnoter">\n<ol class="footnotes-list" start="${offset(env) + 1}">\n`;
  rules.footnote_anchor = (tokens, index, options, env, self) => {
    const meta = tokens[index]!.meta as { subId: number };
    const id =
      self.rules.footnote_anchor_name!(tokens, index, options, env, self) + (meta.subId > 0 ? `:${meta.subId}` : '');
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="Tilbake til teksten">\u21a9\uFE0E</a>`;
  };
}

/** Handlebars says "… - 3:4" or "Parse error on line 3:"; the user wants the line and what is wrong. */
function describeTemplateError(error: unknown, source: string, data: object): { line?: number; message: string } {
  if (error instanceof PlaceholderError) return { line: error.line, message: error.message };
  const text = error instanceof Error ? error.message : String(error);
  const notDefined = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(text);
  if (notDefined) {
    const [, name, line, column] = notDefined;
    // Strict mode reports a misspelled helper called with arguments (`{{percnt x 1}}`) as an unknown field.
    const written = source.split('\n')[Number(line) - 1]?.slice(Number(column)) ?? '';
    const calledWithArguments = new RegExp(`^${escapeRegExp(name!)}\\s+[^}\\s]`).test(written);
    return {
      line: Number(line),
      message: calledWithArguments ? messages.unknownHelper(name!) : messages.unknownPlaceholder(name!),
    };
  }
  const missingHelper = /Missing helper: "([^"]+)"/.exec(text);
  if (missingHelper) {
    const at = source.search(new RegExp(`\\{\\{[#~\\s]*${escapeRegExp(missingHelper[1]!)}\\b`));
    return { line: lineAt(source, at), message: messages.unknownHelper(missingHelper[1]!) };
  }
  // A path inside #each that runs through a missing key fails in the compiled template itself.
  const through = /Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(text);
  if (through) {
    // Usually a figure of a source that was not given (null), read by text that does not check for it first:
    // the first path in the text reading that key through a null names it.
    const uses = [...source.matchAll(new RegExp(`([\\w@.[\\]-]*)\\.${escapeRegExp(through[1]!)}\\b`, 'g'))].map(
      (m) => ({ at: m.index, path: m[1]! }),
    );
    const found = uses
      .map((use) => ({ ...use, missing: nullPrefix(use.path, data) }))
      .find((use) => use.missing !== undefined);
    if (found)
      return {
        line: lineAt(source, found.at),
        message: messages.placeholderThroughNull(`${found.path}.${through[1]!}`, found.missing!),
      };
    return { line: lineAt(source, uses[0]?.at ?? -1), message: messages.unknownPlaceholder(`….${through[1]!}`) };
  }
  const parse = /Parse error on line (\d+):/.exec(text);
  if (parse)
    return { line: Number(parse[1]), message: messages.placeholderSyntax(text.split('\n').slice(1).join(' ').trim()) };
  return { message: messages.placeholderSyntax(text) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
