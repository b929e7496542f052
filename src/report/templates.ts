import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { FileSystem } from '../workspace/files.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ContentFile } from './content.js';

/** The package's own templates/ folder, beside dist/ and src/. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Templates {
  layout: string;
  css: string;
  /** The narrative used when a workspace has no content/<year>/ folder. */
  defaultContent: ContentFile[];
  /** The Vega-Lite specs of templates/charts/, by name without `.vl.json`. */
  charts: ReadonlyMap<string, TopLevelSpec>;
  /** Other files by name relative to templates/, read on demand. */
  read(name: string): Promise<string>;
}

export async function loadTemplates(fs: FileSystem, dir = TEMPLATES_DIR): Promise<Templates> {
  const read = async (name: string) => new TextDecoder().decode(await fs.readFile(join(dir, name)));
  const contentNames = (await fs.readdir(join(dir, 'content'))).filter((n) => n.endsWith('.md'));
  const chartNames = (await fs.readdir(join(dir, 'charts'))).filter((n) => n.endsWith('.vl.json'));
  const charts = new Map<string, TopLevelSpec>();
  for (const name of chartNames)
    charts.set(name.slice(0, -'.vl.json'.length), JSON.parse(await read(`charts/${name}`)) as TopLevelSpec);
  return {
    layout: await read('layout.hbs'),
    css: await read('report.css'),
    defaultContent: await Promise.all(
      contentNames.map(async (n) => ({ file: `templates/content/${n}`, text: await read(`content/${n}`) })),
    ),
    charts,
    read,
  };
}
