import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file reads the pipeline needs, passed in so tests can hand it a fake. */
export interface FileSystem {
  isFile(path: string): Promise<boolean>;
  isDirectory(path: string): Promise<boolean>;
  readFile(path: string): Promise<Uint8Array>;
  /** Streams a file in chunks: large exports are never held whole. */
  stream(path: string): AsyncIterable<Uint8Array>;
  readdir(path: string): Promise<string[]>;
  /** The path with every symbolic link resolved (fails with ELOOP for a loop); absent where there are no links. */
  realpath?(path: string): Promise<string>;
}

export const nodeFileSystem: FileSystem = {
  async isFile(path) {
    return (await stat(path).catch(() => null))?.isFile() ?? false;
  },
  async isDirectory(path) {
    return (await stat(path).catch(() => null))?.isDirectory() ?? false;
  },
  readFile: (path) => readFile(path),
  stream: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  readdir: async (path) => (await readdir(path)).sort(),
  realpath: (path) => realpath(path),
};

/** An in-memory file system for tests: keys are paths joined with '/'. */
export function memoryFileSystem(files: Record<string, string | Uint8Array>): FileSystem {
  const bytes = (value: string | Uint8Array) => (typeof value === 'string' ? new TextEncoder().encode(value) : value);
  const normal = (path: string) => join(path).replace(/\\/g, '/').replace(/\/$/, '');
  const entries = new Map(Object.entries(files).map(([k, v]) => [normal(k), bytes(v)]));
  const isDir = (path: string) => [...entries.keys()].some((k) => k.startsWith(normal(path) + '/'));
  return {
    isFile: async (path) => entries.has(normal(path)),
    isDirectory: async (path) => isDir(path),
    async readFile(path) {
      const found = entries.get(normal(path));
      if (!found) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return found;
    },
    async *stream(path) {
      const all = await this.readFile(path);
      for (let i = 0; i < all.length; i += 7) yield all.subarray(i, i + 7); // tiny chunks exercise boundary handling
    },
    async readdir(path) {
      const prefix = normal(path) + '/';
      const names = [...entries.keys()]
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length).split('/')[0]!);
      return [...new Set(names)].sort();
    },
  };
}
