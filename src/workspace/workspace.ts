import { join } from 'node:path';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { openCsv, peekCsv } from './csv.js';
import { decoderFor, detectEncodingOf, type TextEncodingName } from './encoding.js';
import type { FileSystem } from './files.js';
import { UnreadableFileError, type FileCoverage, type Table, type TableLayout, type TableRow } from './table.js';
import { openXlsx, peekXlsx } from './xlsx.js';

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

/** The files a table may come from: CSV (and the text files Nettskjema and Excel write) and workbooks. */
export const TABLE_FILE = /\.(csv|txt|tsv|xlsx)$/i;

/** The top of a table file as the tool sees it, without reading it as a table. */
export interface Peek {
  format: 'csv' | 'xlsx';
  encoding?: TextEncodingName;
  delimiter?: string;
  /** A CSV file is one sheet without a name. */
  sheets: { name: string | null; rows: TableRow[] }[];
}

/** A folder of exports: finds each table as NAME.csv or NAME.xlsx and opens it. */
export class Workspace {
  /** Every file opened as a table or read as text, relative paths: what `readSources` compares with files(). */
  private readonly touched = new Set<string>();
  private readonly counted = new Map<string, FileCoverage>();

  constructor(
    readonly root: string,
    readonly fs: FileSystem,
  ) {}

  /** The files read so far (opened as a table or read as text), relative to the workspace. */
  get read(): ReadonlySet<string> {
    return this.touched;
  }

  /** The rows of every table file opened so far, in the order opened. */
  coverage(): FileCoverage[] {
    return [...this.counted.values()];
  }

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
    this.touched.add(relative);
    try {
      const table = /\.xlsx$/i.test(relative)
        ? await openXlsx(relative, await this.fs.readFile(this.path(relative)), layout)
        : await openCsv(relative, () => this.fs.stream(this.path(relative)), layout);
      if (table.coverage) this.counted.set(relative, table.coverage);
      return table;
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

  /**
   * The first rows of a CSV, text or XLSX file (of each sheet), to recognise
   * it; null for other files. Not counted as reading the file.
   */
  async peek(relative: string, count?: number): Promise<Peek | null> {
    if (!TABLE_FILE.test(relative)) return null;
    if (/\.xlsx$/i.test(relative)) {
      const { sheets } = await peekXlsx(await this.fs.readFile(this.path(relative)), count);
      return { format: 'xlsx', sheets };
    }
    const { encoding, delimiter, records } = await peekCsv(() => this.fs.stream(this.path(relative)), count);
    return { format: 'csv', encoding, delimiter, sheets: [{ name: null, rows: records }] };
  }

  /** A file's bytes as they are (a logo): read, so not named as unread. */
  async readBytes(relative: string): Promise<Uint8Array> {
    this.touched.add(relative);
    return this.fs.readFile(this.path(relative));
  }

  /** UTF-8 (a BOM dropped), else Windows-1252: a YAML file saved by an older Windows Notepad is ANSI. */
  async readText(relative: string): Promise<string> {
    this.touched.add(relative);
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
