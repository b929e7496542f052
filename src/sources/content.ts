import type { SourceContext } from './context.js';

/** A narrative file: Markdown with placeholders. */
export interface ContentFile {
  /** Path shown in messages, relative to the workspace (or to templates/ for the defaults). */
  file: string;
  text: string;
}

/** The workspace's own word list for the spelling check (names, terms), beside hms-report.config.yaml. */
export const WORD_LIST_FILE = 'ordliste.txt';

/** ordliste.txt's text, '' without one. */
export async function readWordList({ workspace }: SourceContext): Promise<string> {
  return (await workspace.exists(WORD_LIST_FILE)) ? workspace.readText(WORD_LIST_FILE) : '';
}

/** `content/<year>/*.md` in file-name order; null when the workspace has none (the bundled default text is used). */
export async function readContent({ workspace, year }: SourceContext): Promise<ContentFile[] | null> {
  const folder = `content/${year}`;
  const names = (await workspace.list(folder)).filter((name) => name.toLowerCase().endsWith('.md'));
  if (names.length === 0) return null;
  return Promise.all(
    names.map(async (name) => ({ file: `${folder}/${name}`, text: await workspace.readText(`${folder}/${name}`) })),
  );
}
