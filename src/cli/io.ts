import type { FileSystem } from '../workspace/files.js';
import { nodeFileSystem } from '../workspace/files.js';
import { atomicWriter, type OutputWriter } from '../output.js';
import { spawn } from 'node:child_process';
import { systemBrowser, type BrowserAccess } from '../report/pdf/index.js';
import type { FolderWatcher } from '../preview/watch.js';

/** Everything the CLI touches outside itself, so tests run it with fakes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  fs: FileSystem;
  writer: OutputWriter;
  /** Whether each stream is a terminal (colour, progress); absent means not. */
  isTTY?: { stdout: boolean; stderr: boolean };
  /** Finds and starts the browser that prints report.pdf. */
  browser?: BrowserAccess;
  /** Watches a folder for `preview`; absent: fs.watch. */
  watch?: FolderWatcher;
  /** Opens a URL in the user's browser (`preview --open`). */
  openUrl?: (url: string) => void;
  /** Resolves when the user asks a long-running command (`preview`) to stop; absent: Ctrl-C or SIGTERM. */
  interrupted?: () => Promise<void>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  fs: nodeFileSystem,
  writer: atomicWriter,
  browser: systemBrowser,
  openUrl: (url) => {
    const [command, args] =
      process.platform === 'darwin'
        ? ['open', [url]]
        : process.platform === 'win32'
          ? ['cmd', ['/c', 'start', '""', url]]
          : ['xdg-open', [url]];
    // Best effort: the address is printed either way.
    spawn(command, args, { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  },
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
};
