import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriter } from '../../src/output.js';
import { reportSet } from '../../src/pipeline.js';

/** Issue 11, case 12: a year's report is one set; an earlier run's files never stay beside a new run's. */

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'hms-out-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
};
const files = (texts: Record<string, string>) => Object.entries(texts).map(([path, contents]) => ({ path, contents }));
const listing = (dir = out) => readdirSync(dir).sort();

describe('writing a report set', () => {
  it('drops the old report.pdf when this run writes none, and keeps the feedback pages beside it', async () => {
    put('2025/report.html', 'old');
    put('2025/report.pdf', 'old pdf');
    put('2025/metrics.json', 'old');
    put('2025/enheter/a.html', 'feedback');
    const written = await atomicWriter.write(
      out,
      files({ '2025/report.html': 'new', '2025/metrics.json': 'new', '2025/tables.xlsx': 'new' }),
      reportSet(2025),
    );
    expect(written).toEqual(['report.html', 'metrics.json', 'tables.xlsx'].map((f) => join(out, '2025', f)));
    expect(listing(join(out, '2025'))).toEqual(['enheter', 'metrics.json', 'report.html', 'tables.xlsx']);
    expect(readFileSync(join(out, '2025/report.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, '2025/enheter/a.html'), 'utf8')).toBe('feedback');
    expect(listing()).toEqual(['2025']);
  });

  it('cleans what a killed run left: a half-written set and temporary files of the old writer', async () => {
    put('2025/report.html', 'old');
    put('2025/.report.html.4242-abc.tmp', 'half');
    put('.2025.999999-abc-0000abcd.new/report.html', 'half');
    await atomicWriter.write(out, files({ '2025/report.html': 'new' }), reportSet(2025));
    expect(listing()).toEqual(['2025']);
    expect(listing(join(out, '2025'))).toEqual(['report.html']);
  });

  it('finishes a swap a killed run left half done, so no entry of another command is lost', async () => {
    // Killed after the old folder was moved aside and before the new one took its place.
    put('.2025.999999-abc-0000abcd.old/report.html', 'old');
    put('.2025.999999-abc-0000abcd.ready/report.html', 'newer');
    put('.2025.999999-abc-0000abcd.ready/enheter/a.html', 'feedback');
    await atomicWriter.write(out, files({ '2025/report.html': 'newest' }), reportSet(2025));
    expect(listing()).toEqual(['2025']);
    expect(readFileSync(join(out, '2025/report.html'), 'utf8')).toBe('newest');
    expect(readFileSync(join(out, '2025/enheter/a.html'), 'utf8')).toBe('feedback');
  });

  it('brings back an old set whose replacement never arrived', async () => {
    put('.2025.999999-abc-0000abcd.old/enheter/a.html', 'feedback');
    put('.2025.999999-abc-0000abcd.old/report.html', 'old');
    await atomicWriter.write(out, files({ '2025/report.html': 'new' }), reportSet(2025));
    expect(existsSync(join(out, '2025/enheter/a.html'))).toBe(true);
    expect(listing()).toEqual(['2025']);
  });
});
