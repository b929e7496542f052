import { join } from 'node:path';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { openCsv } from './csv.js';
import { decoderFor, detectEncodingOf } from './encoding.js';
import { nodeFileSystem, type FileSystem } from './files.js';
import { UnreadableFileError, type Table, type TableLayout } from './table.js';
import { openXlsx } from './xlsx.js';

function globPattern(pattern: string): RegExp {
  const source = pattern
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*|\?)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '*'
          ? '[^/]*'
          : part === '?'
            ? '[^/]'
            : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** A folder of exports: finds each table as NAME.csv or NAME.xlsx and opens it. */
export class Workspace {
  constructor(
    readonly root: string,
    readonly fs: FileSystem,
  ) {}

  path(relative: string): string {
    return join(this.root, relative);
  }

  exists(relative: string): Promise<boolean> {
    return this.fs.isFile(this.path(relative));
  }

  /** `NAME.csv` or `NAME.xlsx` (any case of the extension); null when neither is there. */
  async locate(name: string, diagnostics: Diagnostics): Promise<string | null> {
    const slash = name.lastIndexOf('/');
    const folder = slash >= 0 ? name.slice(0, slash) : '';
    const base = name.slice(slash + 1).toLowerCase();
    if (folder && !(await this.fs.isDirectory(this.path(folder)))) return null;
    const found = (await this.fs.readdir(this.path(folder || '.'))).filter((entry) => {
      const lower = entry.toLowerCase();
      return lower === `${base}.csv` || lower === `${base}.xlsx`;
    });
    if (found.length > 1) {
      diagnostics.error(found.map((f) => (folder ? `${folder}/${f}` : f)).join(' and '), messages.bothCsvAndXlsx(name));
      return null;
    }
    return found[0] ? (folder ? `${folder}/${found[0]}` : found[0]) : null;
  }

  /** Opens a located table; a file that cannot be read at all becomes a diagnostic and null. */
  async open(relative: string, diagnostics: Diagnostics, layout: TableLayout = {}): Promise<Table | null> {
    try {
      if (/\.xlsx$/i.test(relative))
        return await openXlsx(relative, await this.fs.readFile(this.path(relative)), layout);
      // On the disk itself, a large CSV can be read in parts by several threads.
      const onDisk = this.fs === nodeFileSystem ? this.path(relative) : undefined;
      return await openCsv(relative, () => this.fs.stream(this.path(relative)), layout, onDisk);
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        diagnostics.error(relative, error.message, error.row);
        return null;
      }
      throw error;
    }
  }

  /** Locates and opens a table; null when it is missing (not an error) or unreadable (an error already reported). */
  async table(name: string, diagnostics: Diagnostics): Promise<Table | null> {
    const relative = await this.locate(name, diagnostics);
    return relative ? this.open(relative, diagnostics) : null;
  }

  /** UTF-8 (a BOM dropped), else Windows-1252: a YAML file saved by an older Windows Notepad is ANSI. */
  async readText(relative: string): Promise<string> {
    const bytes = await this.fs.readFile(this.path(relative));
    return decoderFor(detectEncodingOf(bytes)).decode(bytes);
  }

  async list(folder: string): Promise<string[]> {
    return (await this.fs.isDirectory(this.path(folder))) ? this.fs.readdir(this.path(folder)) : [];
  }

  /** Every file below `folder`, as paths relative to the workspace, in name order; hidden ones left out. */
  async files(folder = ''): Promise<string[]> {
    const found: string[] = [];
    for (const name of await this.list(folder || '.')) {
      if (name.startsWith('.')) continue;
      const relative = folder ? `${folder}/${name}` : name;
      if (await this.fs.isDirectory(this.path(relative))) found.push(...(await this.files(relative)));
      else found.push(relative);
    }
    return found;
  }

  /** The files a pattern names: `*` and `?` within a name, `**` for any folders; any case. */
  async glob(pattern: string): Promise<string[]> {
    const matcher = globPattern(pattern);
    return (await this.files()).filter((file) => matcher.test(file));
  }
}
