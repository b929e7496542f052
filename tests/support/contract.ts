import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { processIo, type CliIo } from '../../src/cli/io.js';

/**
 * Contract tests build workspaces on disk, exactly as a user hands them over,
 * and run the command line on them: what is checked is metrics.json and the
 * diagnostics, never internal structures.
 */

/** Writes a workspace to a fresh temporary folder; strings are written as UTF-8 (no BOM unless given). */
export function writeWorkspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-contract-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd = '/'): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...processIo,
    cwd,
    isTTY: { stdout: false, stderr: false },
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

/**
 * Builds the report year without a browser and returns metrics.json parsed, plus the run's output.
 * The file is read as untyped JSON on purpose: these tests check it as an outside reader does,
 * against the contract, not against the tool's own TypeScript types.
 */
export async function buildMetrics(
  dir: string,
  year: number,
): Promise<{ metrics: Record<string, any>; result: CliResult }> {
  const out = join(dir, 'ut');
  const result = await cli(['build', String(year), '--data', dir, '--out', out, '--format', 'html,json']);
  if (result.status !== 0) throw new Error(`build exited ${result.status}:\n${result.stderr}`);
  const file = join(out, String(year), 'metrics.json');
  return { metrics: JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>, result };
}

export const outputExists = (dir: string): boolean => existsSync(join(dir, 'ut'));

/** Text in Windows-1252 (the Latin-1 range is all these tests need). */
export function cp1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`no Windows-1252 byte for ${c}`);
      return code;
    }),
  );
}

export const BOM = '\ufeff';
