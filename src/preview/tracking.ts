import { basename, dirname, resolve } from 'node:path';
import type { FileSystem } from '../workspace/files.js';

/**
 * What one part of a build looked at: every path it read or asked about, and
 * every folder it listed with the names it saw. A change to a file matters to
 * a part when the part read that file, or when the file appeared in or
 * vanished from a folder the part listed. So the preview needs no list of
 * which file belongs to which source: each source's reader says so by
 * reading it (the tables of its descriptor, the YAML beside them, the bundled
 * defaults), and nothing can go stale when a reader changes.
 */
export class Touched {
  readonly paths = new Set<string>();
  readonly listings = new Map<string, ReadonlySet<string>>();

  /** Whether a change to `path` (which exists now or not) can change what this part read. */
  concerns(path: string, existsNow: boolean): boolean {
    if (this.paths.has(path)) return true;
    const listed = this.listings.get(dirname(path));
    return listed !== undefined && listed.has(basename(path)) !== existsNow;
  }

  /** The folders to watch: every folder listed, and the folder of every path read. */
  folders(): string[] {
    return [...new Set([...this.listings.keys(), ...[...this.paths].map((path) => dirname(path))])];
  }
}

/** A file system that records in `touched` everything asked of it. */
export function trackingFileSystem(fs: FileSystem, touched: Touched): FileSystem {
  const seen = (path: string) => {
    touched.paths.add(resolve(path));
    return path;
  };
  return {
    isFile: (path) => fs.isFile(seen(path)),
    isDirectory: (path) => fs.isDirectory(seen(path)),
    readFile: (path) => fs.readFile(seen(path)),
    stream: (path) => fs.stream(seen(path)),
    async readdir(path) {
      const names = await fs.readdir(seen(path));
      touched.listings.set(resolve(path), new Set(names));
      return names;
    },
  };
}
