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
  /** Files whose contents were read. */
  readonly paths = new Set<string>();
  /** Paths only asked whether they are a file or a folder, with the answers. */
  readonly probes = new Map<string, { file?: boolean; folder?: boolean }>();
  readonly listings = new Map<string, ReadonlySet<string>>();

  /** Whether a change to `path` (a file or a folder now, or neither) can change what this part read. */
  concerns(path: string, now: { file: boolean; folder: boolean }): boolean {
    if (this.paths.has(path)) return true;
    const probe = this.probes.get(path);
    if (probe && ((probe.file ?? now.file) !== now.file || (probe.folder ?? now.folder) !== now.folder)) return true;
    const listed = this.listings.get(dirname(path));
    return listed !== undefined && listed.has(basename(path)) !== (now.file || now.folder);
  }

  /** The folders to watch: every folder listed, and the folder of every path read or asked about. */
  folders(): string[] {
    const looked = [...this.paths, ...this.probes.keys()].map((path) => dirname(path));
    return [...new Set([...this.listings.keys(), ...looked])];
  }
}

/** A file system that records in `touched` everything asked of it. */
export function trackingFileSystem(fs: FileSystem, touched: Touched): FileSystem {
  const seen = (path: string) => {
    touched.paths.add(resolve(path));
    return path;
  };
  // Asking whether a path is a file depends on whether it is one, not on what it holds.
  const probe = async (path: string, kind: 'file' | 'folder', answer: Promise<boolean>) => {
    const result = await answer;
    const key = resolve(path);
    touched.probes.set(key, { ...touched.probes.get(key), [kind]: result });
    return result;
  };
  return {
    isFile: (path) => probe(path, 'file', fs.isFile(path)),
    isDirectory: (path) => probe(path, 'folder', fs.isDirectory(path)),
    readFile: (path) => fs.readFile(seen(path)),
    stream: (path) => fs.stream(seen(path)),
    async readdir(path) {
      const names = await fs.readdir(seen(path));
      touched.listings.set(resolve(path), new Set(names));
      return names;
    },
  };
}
