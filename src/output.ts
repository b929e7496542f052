import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { messages } from './messages.js';

/** A file the build will write: the plan is pure data, kept apart from the writing. */
export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  contents: string | Uint8Array;
}

/** The file writes the pipeline needs, passed in so tests can hand it a fake. */
export interface OutputWriter {
  write(root: string, files: readonly OutputFile[]): Promise<string[]>;
}

/**
 * Writes every file to a temporary name beside its target, then renames them
 * into place: a reader never sees a half-written file, and a failure before
 * the renames leaves the previous outputs untouched.
 */
export const atomicWriter: OutputWriter = {
  async write(root, files) {
    const staged: { temp: string; target: string }[] = [];
    const token = `${process.pid}-${Date.now().toString(36)}`;
    try {
      for (const file of files) {
        const target = join(root, file.path);
        const temp = join(dirname(target), `.${file.path.split('/').pop()}.${token}.tmp`);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(temp, file.contents);
        staged.push({ temp, target });
      }
      for (const { temp, target } of staged) await rename(temp, target);
    } catch (error) {
      await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
      // A folder that cannot be written (a file in the way, no permission, a full disk) is the user's to fix, not a defect.
      if (isSystemError(error)) throw new UsageError(messages.cannotWrite(root, error.message));
      throw error;
    }
    return staged.map(({ target }) => target);
  },
};

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
