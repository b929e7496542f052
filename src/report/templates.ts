import { join } from 'node:path';
import type { FileSystem } from '../workspace/files.js';
import { TEMPLATES_DIR } from '../workspace/package.js';
import type { ContentFile } from '../sources/content.js';

export interface Templates {
  layout: string;
  css: string;
  /** The narrative used when a workspace has no content/<year>/ folder. */
  defaultContent: ContentFile[];
  /** Other files by name relative to templates/, read on demand. */
  read(name: string): Promise<string>;
}

export async function loadTemplates(fs: FileSystem, dir = TEMPLATES_DIR): Promise<Templates> {
  const read = async (name: string) => new TextDecoder().decode(await fs.readFile(join(dir, name)));
  const contentNames = (await fs.readdir(join(dir, 'content'))).filter((n) => n.endsWith('.md'));
  return {
    layout: await read('layout.hbs'),
    css: await read('report.css'),
    defaultContent: await Promise.all(
      contentNames.map(async (n) => ({ file: `templates/content/${n}`, text: await read(`content/${n}`) })),
    ),
    read,
  };
}
