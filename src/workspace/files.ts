import { createReadStream, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
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

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The chunk a file is streamed in. */
const CHUNK = 1 << 20;

/**
 * A file smaller than a chunk, which a stream would give in one chunk too:
 * read at once, without a stream's file handle, thread-pool reads and
 * teardown, which cost more than such a file's bytes. A table is opened
 * several times (its encoding, its header, its rows).
 */
async function* wholeFile(path: string): AsyncGenerator<Uint8Array> {
  const bytes = readFileSync(path);
  // A stream gives an empty file no chunk at all.
  if (bytes.length > 0) yield bytes;
}

/**
 * The local disk. The calls are synchronous behind the promises: a workspace
 * is read one file after another, and each asynchronous call left the build
 * waiting on the thread pool with nothing else to do (70 ms of a build's
 * reading). Large exports are still streamed.
 */
export const nodeFileSystem: FileSystem = {
  isFile: async (path) => statOrNull(path)?.isFile() ?? false,
  isDirectory: async (path) => statOrNull(path)?.isDirectory() ?? false,
  readFile: async (path) => readFileSync(path),
  stream: (path) => {
    const stats = statOrNull(path);
    return stats?.isFile() && stats.size < CHUNK ? wholeFile(path) : createReadStream(path, { highWaterMark: CHUNK });
  },
  readdir: async (path) => readdirSync(path).sort(),
  // The native call, as fs/promises' realpath is.
  realpath: async (path) => realpathSync.native(path),
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
