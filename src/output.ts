import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { messages } from './messages.js';

/** A file the build will write: the plan is pure data, kept apart from the writing. */
export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  contents: string | Uint8Array;
}

/**
 * Files that belong together (one year's report, one year's feedback pages):
 * written as one, so a reader never sees new files beside old ones.
 */
export interface OutputSet {
  /** The folder, relative to the output root, that holds the set; every file lies under it. */
  folder: string;
  /**
   * The folder's entries that belong to the set (the rest, such as another command's output, are kept); absent: all.
   */
  owns?: (name: string) => boolean;
}

/** The file writes the pipeline needs, passed in so tests can hand it a fake. */
export interface OutputWriter {
  write(root: string, files: readonly OutputFile[], set?: OutputSet): Promise<string[]>;
}

/**
 * Without a set (init): every file goes to a temporary name beside its
 * target, then all are renamed into place; a failure before the renames
 * leaves the previous files untouched.
 *
 * With a set (build, feedback): the whole set is written to a fresh folder
 * beside its own, which then takes the old folder's place by rename, so the
 * set changes as one: a file of the old set that this run does not write
 * (last run's report.pdf when Chromium failed now) is gone with the old
 * folder, and a run killed at any point leaves the old set or the new one.
 * What a killed run left behind is put right at the start of the next.
 */
export const atomicWriter: OutputWriter = {
  async write(root, files, set) {
    try {
      return set ? await writeSet(root, files, set) : await writeFiles(root, files);
    } catch (error) {
      // A folder that cannot be written (a file in the way, no
      // permission, a full disk) is the user's to fix, not a defect.
      if (isSystemError(error)) throw new UsageError(messages.cannotWrite(root, error.message));
      throw error;
    }
  },
};

async function writeFiles(root: string, files: readonly OutputFile[]): Promise<string[]> {
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
    throw error;
  }
  return staged.map(({ target }) => target);
}

/** `.2025.<pid>-<time>-<random>.new|ready|old`: the stages of a set's folder beside it. */
const STAGE = /^\.(.+)\.(\d+)-[a-z0-9]+-[a-f0-9]+\.(new|ready|old)$/;
/** What the per-file writer of earlier versions left when killed: `.report.html.<pid>-<time>.tmp`. */
const OLD_TEMP = /^\..+\.\d+-[a-z0-9]+\.tmp$/;

async function writeSet(root: string, files: readonly OutputFile[], set: OutputSet): Promise<string[]> {
  const owns = set.owns ?? (() => true);
  const target = join(root, set.folder);
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true });
  await recover(parent, name, owns);
  const token = `${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const stage = (kind: string) => join(parent, `.${name}.${token}.${kind}`);
  const fresh = stage('new');
  const prefix = `${set.folder}/`;
  try {
    await mkdir(fresh);
    for (const file of files) {
      if (!file.path.startsWith(prefix)) throw new Error(`output ${file.path} is outside its set ${set.folder}`);
      const path = join(fresh, file.path.slice(prefix.length));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.contents);
    }
    await rename(fresh, stage('ready'));
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  const ready = stage('ready');
  if (await exists(target)) {
    // Another command's output in the same folder (feedback's enheter/ beside the report) moves over with it.
    for (const entry of await readdir(target)) {
      if (!owns(entry) && !OLD_TEMP.test(entry)) await rename(join(target, entry), join(ready, entry));
    }
    await rename(target, stage('old'));
  }
  await rename(ready, target);
  await rm(stage('old'), { recursive: true, force: true });
  return files.map((file) => join(root, file.path));
}

/**
 * Puts right what a killed run left beside the set's folder: a complete new
 * set whose swap did not happen takes its place (or gives back the entries it
 * had taken over), an old set whose replacement is missing comes back, and
 * half-written sets and temporary files are removed. Stages of a run that is
 * still going (its process alive) are left alone.
 */
async function recover(parent: string, name: string, owns: (entry: string) => boolean): Promise<void> {
  const target = join(parent, name);
  const stages = (await readdir(parent))
    .map((entry) => ({ entry, match: STAGE.exec(entry) }))
    .filter(({ match }) => match !== null && match[1] === name && !isRunning(Number(match[2])))
    .map(({ entry, match }) => ({ path: join(parent, entry), kind: match![3] as 'new' | 'ready' | 'old' }));
  const order = { ready: 0, old: 1, new: 2 };
  stages.sort((a, b) => order[a.kind] - order[b.kind]);
  for (const { path, kind } of stages) {
    if (kind !== 'new' && !(await exists(target))) {
      await rename(path, target);
      continue;
    }
    if (kind === 'ready') {
      const present = new Set(await readdir(target));
      for (const entry of await readdir(path))
        if (!owns(entry) && !present.has(entry)) await rename(join(path, entry), join(target, entry));
    }
    await rm(path, { recursive: true, force: true });
  }
  if (await exists(target)) {
    for (const entry of await readdir(target))
      if (OLD_TEMP.test(entry)) await rm(join(target, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
