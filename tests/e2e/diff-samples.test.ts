import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processIo, type CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { samplesBuild } from '../support/shared.js';

/**
 * The bundled samples built for 2024 and 2025, then diffed: the seed's known changes must show.
 * 2025 is the run's shared build of the samples; 2024 is built here.
 */
let dir: string;
let out = '';
const io = (): CliIo => ({
  ...processIo,
  cwd: dir,
  isTTY: { stdout: false, stderr: false },
  stdout: (t) => void (out += t),
  stderr: () => undefined,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hms-diff-samples-'));
  const status = await run(['build', '2024', '--format', 'html,json'], io());
  if (status !== 0) throw new Error(`building the samples for 2024 failed (${status})`);
  const samples = await samplesBuild();
  if (samples.status !== 0) throw new Error(`building the samples for 2025 failed (${samples.status})`);
  await mkdir(join(dir, 'out/2025'), { recursive: true });
  await copyFile(samples.path('metrics.json'), join(dir, 'out/2025/metrics.json'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("diff between the samples' 2024 and 2025 builds", () => {
  it('lists what the seed says changed', async () => {
    out = '';
    expect(await run(['diff', 'out/2024', 'out/2025', '--format', 'json', '--exit-code'], io())).toBe(1);
    const changes: { label: string; before: number; after: number; delta: number }[] = JSON.parse(out).changes;
    const find = (label: string) => changes.find((c) => c.label === label);
    const absence = find('absence.years.2024→2025.total')!;
    expect([absence.before.toFixed(1), absence.after.toFixed(1)]).toEqual(['4.6', '4.5']);
    expect(find('workingTime.years.2024→2025.total')).toMatchObject({ before: 2293, after: 1744, delta: -549 });
  });
  it('prints them the Norwegian way', async () => {
    out = '';
    await run(['diff', 'out/2024', 'out/2025'], io());
    expect(out).toMatch(/absence\.years\.2024→2025\.total\s+4,6\u00a0% → 4,5\u00a0%\s+−0,1\u00a0pp/);
    expect(out).toMatch(/workingTime\.years\.2024→2025\.total\s+2\u00a0293 → 1\u00a0744\s+−549/);
  });
});
