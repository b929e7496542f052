import type { FileSystem } from '../workspace/files.js';
import { nodeFileSystem } from '../workspace/files.js';
import { atomicWriter, type OutputWriter } from '../output.js';
import { systemBrowser, type BrowserAccess } from '../report/pdf/index.js';

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
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  fs: nodeFileSystem,
  writer: atomicWriter,
  browser: systemBrowser,
  isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
};
