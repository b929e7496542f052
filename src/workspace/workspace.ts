import { isAbsolute, join, relative as relativePath, sep } from 'node:path';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { openCsv, peekCsv } from './csv.js';
import { decoderFor, detectEncodingOf, type TextEncodingName } from './encoding.js';
import { nodeFileSystem, type FileSystem } from './files.js';
import {
  UnreadableFileError,
  WorkspaceFileError,
  type FileCoverage,
  type Table,
  type TableLayout,
  type TableRow,
} from './table.js';
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

/**
 * A folder of exports: finds each table as NAME.csv or NAME.xlsx and opens it.
 * Every file is checked before it is read: it must be a file (not a folder),
 * and it must resolve inside the workspace (a symbolic link to /etc/passwd is
 * refused; links within the workspace are fine).
 */
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

  /** Whether a file is there; throws WorkspaceFileError when something is there that cannot be read as one. */
  async exists(relative: string): Promise<boolean> {
    if (await this.fs.isFile(this.path(relative))) {
      await this.checkInside(relative);
      return true;
    }
    if (await this.fs.isDirectory(this.path(relative))) throw new WorkspaceFileError(relative, messages.isAFolder());
    await this.checkInside(relative); // a dangling or looping link
    return false;
  }

  /** `NAME.csv` or `NAME.xlsx` (any case of the extension); null when neither is there. */
  async locate(name: string, diagnostics: Diagnostics): Promise<string | null> {
    const slash = name.lastIndexOf('/');
    const folder = slash >= 0 ? name.slice(0, slash) : '';
    const base = name.slice(slash + 1).toLowerCase();
    if (folder && !(await this.fs.isDirectory(this.path(folder)))) return null;
    const found = (await this.fs.readdir(this.path(folder || '.')))
      .filter((entry) => {
        const lower = entry.toLowerCase();
        return lower === `${base}.csv` || lower === `${base}.xlsx`;
      })
      .map((f) => (folder ? `${folder}/${f}` : f));
    if (found.length > 1) {
      const extensions = new Set(found.map((f) => f.slice(f.lastIndexOf('.')).toLowerCase()));
      diagnostics.error(
        found.join(' and '),
        extensions.size > 1 ? messages.bothCsvAndXlsx(name) : messages.sameNameTwice(name, found),
      );
      return null;
    }
    return found[0] ?? null;
  }

  /** Opens a located table; a file that cannot be read at all becomes a diagnostic and null. */
  async open(relative: string, diagnostics: Diagnostics, layout: TableLayout = {}): Promise<Table | null> {
    this.touched.add(relative);
    try {
      await this.checkFile(relative);
      // On the disk itself, a large CSV can be read in parts by several threads.
      const onDisk = this.fs === nodeFileSystem ? this.path(relative) : undefined;
      const table = /\.xlsx$/i.test(relative)
        ? await openXlsx(relative, await this.bytes(relative), layout)
        : await openCsv(relative, () => this.fs.stream(this.path(relative)), layout, onDisk);
      if (table.coverage) this.counted.set(relative, table.coverage);
      return table;
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        diagnostics.error(error instanceof WorkspaceFileError ? error.file : relative, error.message, error.row);
        for (const cell of error.cells) diagnostics.error(relative, cell.message, cell.row, cell.column);
        return null;
      }
      throw systemError(relative, error);
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
    await this.checkFile(relative);
    return this.bytes(relative);
  }

  /** UTF-8 (a BOM dropped), else Windows-1252: a YAML file saved by an older Windows Notepad is ANSI. */
  async readText(relative: string): Promise<string> {
    this.touched.add(relative);
    await this.checkFile(relative);
    const bytes = await this.bytes(relative);
    try {
      return decoderFor(detectEncodingOf(bytes)).decode(bytes);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new WorkspaceFileError(relative, error.message, error.row);
      throw error;
    }
  }

  async list(folder: string): Promise<string[]> {
    if (!(await this.fs.isDirectory(this.path(folder)))) return [];
    await this.checkInside(folder);
    return this.fs.readdir(this.path(folder));
  }

  private async bytes(relative: string): Promise<Uint8Array> {
    try {
      return await this.fs.readFile(this.path(relative));
    } catch (error) {
      throw systemError(relative, error);
    }
  }

  /** A regular file inside the workspace, else WorkspaceFileError. */
  private async checkFile(relative: string): Promise<void> {
    await this.checkInside(relative);
    if (await this.fs.isDirectory(this.path(relative))) throw new WorkspaceFileError(relative, messages.isAFolder());
  }

  private realRoot?: Promise<string>;

  /** Follows every link of the path: it must end inside the workspace, and must not loop. */
  private async checkInside(relative: string): Promise<void> {
    const realpath = this.fs.realpath?.bind(this.fs);
    if (!realpath) return;
    this.realRoot ??= realpath(this.root).catch(() => this.root);
    let real: string;
    try {
      real = await realpath(this.path(relative));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing there, or a dangling link: not a file
      throw systemError(relative, error);
    }
    const inside = relativePath(await this.realRoot, real);
    if (inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside))) return;
    throw new WorkspaceFileError(relative, messages.outsideWorkspace(real));
  }

  /** Every file below `folder`, as paths relative to the workspace, in name order; hidden ones left out. */
  async files(folder = ''): Promise<string[]> {
    const found: string[] = [];
    for (const name of await this.list(folder || '.')) {
      if (name.startsWith('.')) continue;
      const relative = folder ? `${folder}/${name}` : name;
      if (await this.fs.isDirectory(this.path(relative))) {
        // A folder that leads out of the workspace or loops (a link) holds no file of the workspace.
        const inside = await this.checkInside(relative).then(
          () => true,
          () => false,
        );
        if (inside && relative.split('/').length < 20) found.push(...(await this.files(relative)));
      } else found.push(relative);
    }
    return found;
  }

  /** The files a pattern names: `*` and `?` within a name, `**` for any folders; any case. */
  async glob(pattern: string): Promise<string[]> {
    const matcher = globPattern(pattern);
    return (await this.files()).filter((file) => matcher.test(file));
  }
}

/** A file error of the operating system as a problem at the file: the user's to fix, never an internal error. */
function systemError(relative: string, error: unknown): unknown {
  if (error instanceof UnreadableFileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error;
  return new WorkspaceFileError(relative, messages.cannotReadFile(code));
}

/**
 * Runs a source's reader; a file it cannot use at all (WorkspaceFileError)
 * becomes an error at that file and the source reads as not given, so the
 * rest of the workspace is still checked in the same run.
 */
export async function guardFile<T>(diagnostics: Diagnostics, read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof WorkspaceFileError)) throw error;
    diagnostics.error(error.file, error.message, error.row);
    return fallback;
  }
}
