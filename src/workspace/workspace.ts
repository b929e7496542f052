import { isAbsolute, join, relative as relativePath, sep } from 'node:path';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { openCsv } from './csv.js';
import { detectEncodingOf } from './encoding.js';
import type { FileSystem } from './files.js';
import { UnreadableFileError, WorkspaceFileError, type Table } from './table.js';
import { openXlsx } from './xlsx.js';

/**
 * A folder of exports: finds each table as NAME.csv or NAME.xlsx and opens it.
 * Every file is checked before it is read: it must be a file (not a folder),
 * and it must resolve inside the workspace (a symbolic link to /etc/passwd is
 * refused; links within the workspace are fine).
 */
export class Workspace {
  constructor(
    readonly root: string,
    readonly fs: FileSystem,
  ) {}

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

  /** `NAME.csv` or `NAME.xlsx` (any case of the name and extension); null when neither is there. */
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
  async open(relative: string, diagnostics: Diagnostics): Promise<Table | null> {
    try {
      await this.checkFile(relative);
      if (relative.toLowerCase().endsWith('.xlsx')) return await openXlsx(relative, await this.read(relative));
      // The file system's own stream, not wrapped: one more generator layer would delay every record (see csv.ts).
      // An error opening it (permissions) comes in the encoding pass, here, and is caught below.
      return await openCsv(relative, () => this.fs.stream(this.path(relative)));
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

  /** UTF-8 (a BOM dropped), else Windows-1252: a YAML file saved by an older Windows Notepad is ANSI. */
  async readText(relative: string): Promise<string> {
    await this.checkFile(relative);
    const bytes = await this.read(relative);
    try {
      return new TextDecoder(detectEncodingOf(bytes)).decode(bytes);
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

  private async read(relative: string): Promise<Uint8Array> {
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
