import { dirname, join, resolve } from 'node:path';
import type { BuildContext } from '../pipeline.js';
import type { BrowserAccess } from '../report/pdf/index.js';
import type { FileSystem } from '../workspace/files.js';
import { TEMPLATES_DIR } from '../workspace/package.js';
import { PreviewServer } from './server.js';
import { PreviewSession, type Rebuilt } from './session.js';
import type { FolderWatcher } from './watch.js';

export { PreviewSession, type GoodReport, type Rebuilt } from './session.js';
export { LOOPBACK } from './server.js';
export { nodeFolderWatcher, type FolderWatcher } from './watch.js';

/** What the preview needs from outside, passed in so tests can fake any of it. */
export interface PreviewOptions {
  root: string;
  context: BuildContext;
  fs: FileSystem;
  watch: FolderWatcher;
  /** What the "PDF" link prints with; it is looked for in the context's env. */
  browser: BrowserAccess;
  /** 0 picks a free port. */
  port: number;
  templatesDir?: string;
  /** Told after every rebuild (what was redone, how long it took) and of every problem list. */
  rebuilt?(result: Rebuilt, session: PreviewSession): void;
  /** Told when a rebuild fails outright (a defect, not a problem of the workspace); the preview keeps running. */
  failed?(error: unknown): void;
  /** How long to wait for more changes after one (an editor's save can be several writes). */
  settleMs?: number;
}

export interface Preview {
  url: string;
  session: PreviewSession;
  /** Stops watching and serving; resolves when every connection is closed. */
  close(): Promise<void>;
}

/**
 * `hms-report preview`: builds the workspace once, serves the report on
 * 127.0.0.1, and on every change to a file the build read (an export, the
 * config, the narrative, the templates) redoes only the parts that file
 * concerns and tells the open pages.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const session = new PreviewSession(options.root, options.fs, options.context, options.templatesDir ?? TEMPLATES_DIR);
  options.rebuilt?.(await session.rebuild(), session);
  const server = new PreviewServer(session, { browser: options.browser, env: options.context.env });
  const url = await server.listen(options.port);

  const watchers = new Map<string, { close(): void }>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  /** Watches every folder the build looked in (or, for one that does not exist yet, the nearest that does). */
  const watchFolders = async () => {
    const wanted = new Set<string>();
    for (const folder of session.folders()) {
      let existing = folder;
      while (!(await options.fs.isDirectory(existing)) && dirname(existing) !== existing) existing = dirname(existing);
      wanted.add(existing);
    }
    for (const [folder, watcher] of watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (watchers.has(folder)) continue;
      watchers.set(
        folder,
        options.watch(folder, (name) => {
          if (closed) return;
          // Without a name the platform only says "something in this folder": look at the folder itself.
          changed.add(name === null ? folder : resolve(join(folder, name)));
          clearTimeout(timer);
          timer = setTimeout(() => void (running = running.then(settle)), options.settleMs ?? 30);
        }),
      );
    }
  };

  const settle = async () => {
    if (closed || changed.size === 0) return;
    const paths = [...changed];
    changed.clear();
    try {
      const result = await session.update(paths);
      if (!result || closed) return;
      options.rebuilt?.(result, session);
      server.publish();
      await watchFolders();
    } catch (error) {
      options.failed?.(error);
    }
  };

  await watchFolders();
  return {
    url,
    session,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      await running.catch(() => undefined);
      await server.close();
    },
  };
}
