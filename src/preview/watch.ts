import { watch } from 'node:fs';

/** Calls back with the name of an entry of `folder` that changed (null when the platform does not say). */
export type FolderWatcher = (folder: string, changed: (name: string | null) => void) => { close(): void };

/** fs.watch on one folder, not recursive: the preview watches exactly the folders its build looked in. */
export const nodeFolderWatcher: FolderWatcher = (folder, changed) => {
  try {
    const watcher = watch(folder, { persistent: true }, (_event, name) => changed(name === null ? null : String(name)));
    // A folder removed while watched ends its watcher; the next rebuild watches what exists then.
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return { close() {} };
  }
};
