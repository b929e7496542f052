import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';

/**
 * Narrative content: Markdown files whose placeholders (`{{percent …}}`) are
 * bound to the metrics and whose components (`{{figure "…"}}`) are replaced by
 * rendered tables and figures. Headings of levels 1–3 are numbered across files
 * (1, 1.1, 1.1.1) and gathered for the table of contents; level 4 and below
 * are unnumbered.
 */

export interface ContentFile {
  /** Path shown in messages, relative to the workspace (or to templates/ for the defaults). */
  file: string;
  text: string;
}

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

const MARKER = (index: number) => `<!--hms-component:${index}-->`;
const MARKER_PATTERN = /<!--hms-component:(\d+)-->/g;

export async function renderContent(
  files: readonly ContentFile[],
  data: object,
  helpers: Record<string, HelperFn>,
  componentNames: readonly string[],
  renderComponent: ComponentRenderer,
  diagnostics: Diagnostics,
): Promise<RenderedContent> {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
  markdown.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const label = (tokens[index]!.meta as { label?: string } | null)?.label;
    return self.renderToken(tokens, index, options) + (label ? `<span class="heading-number">${label}</span> ` : '');
  };
  const headings: Heading[] = [];
  const counters = [0, 0, 0];
  const calls: ComponentCall[] = [];
  const parts: string[] = [];

  for (const { file, text } of files) {
    const handlebars = Handlebars.create();
    for (const [name, fn] of Object.entries(helpers)) handlebars.registerHelper(name, fn);
    for (const name of componentNames) {
      handlebars.registerHelper(name, (...args: unknown[]) => {
        const options = args.pop() as { hash: Record<string, unknown> };
        calls.push({ name, args, options: options.hash, file });
        return new Handlebars.SafeString(`\n\n${MARKER(calls.length - 1)}\n\n`);
      });
    }
    let expanded: string;
    try {
      expanded = handlebars.compile(text, { strict: true, noEscape: false })(data);
    } catch (error) {
      const { line, message } = describeTemplateError(error, text);
      diagnostics.error(file, message, line);
      continue;
    }
    const tokens = markdown.parse(expanded, {});
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'heading_open') continue;
      const level = Number(token.tag.slice(1));
      const inline = tokens[i + 1]!;
      const title = inline.content;
      if (level > 3) continue;
      counters[level - 1]!++;
      for (let deeper = level; deeper < counters.length; deeper++) counters[deeper] = 0;
      const number = counters.slice(0, level).join('.');
      const id = `kap-${number.replace(/\./g, '-')}`;
      token.attrSet('id', id);
      token.meta = { label: level === 1 ? `${number}.` : number };
      headings.push({ level, number, title, id });
    }
    parts.push(markdown.renderer.render(tokens, markdown.options, {}));
  }

  const rendered = await Promise.all(
    calls.map(async (call) => {
      try {
        return await renderComponent(call);
      } catch (error) {
        if (!(error instanceof ComponentError)) throw error;
        diagnostics.error(call.file, error.message);
        return '';
      }
    }),
  );
  const html = parts.join('\n').replace(/<p>\s*(<!--hms-component:\d+-->)\s*<\/p>/g, '$1').replace(MARKER_PATTERN, (_, index: string) => rendered[Number(index)]!);
  return { html, headings };
}

/** Handlebars says "… - 3:4" or "Parse error on line 3:"; the user wants the line and what is wrong. */
function describeTemplateError(error: unknown, source: string): { line?: number; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const notDefined = /"([^"]+)" not defined in .* - (\d+):\d+/.exec(text);
  if (notDefined) return { line: Number(notDefined[2]), message: messages.unknownPlaceholder(notDefined[1]!) };
  const missingHelper = /Missing helper: "([^"]+)"/.exec(text);
  if (missingHelper) {
    const at = source.search(new RegExp(`\\{\\{[#~\\s]*${missingHelper[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    return { line: at >= 0 ? source.slice(0, at).split('\n').length : undefined, message: messages.unknownHelper(missingHelper[1]!) };
  }
  const parse = /Parse error on line (\d+):/.exec(text);
  if (parse) return { line: Number(parse[1]), message: messages.placeholderSyntax(text.split('\n').slice(1).join(' ').trim()) };
  return { message: messages.placeholderSyntax(text) };
}
