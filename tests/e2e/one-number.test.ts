import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../src/cli/main.js';
import { cliBuild, windows1252 } from '../support/helpers.js';
import { samplesBuild } from '../support/shared.js';

/**
 * A corrected export leaves no stale figure behind: one more varslingssak in
 * the samples' whistleblowing export changes the count in metrics.json, in
 * the prose of 3.5.4 and in Figur 10's data, and nowhere keeps the old one.
 * "Before" is the run's shared build of the samples; "after" a copy of them
 * with the one row added.
 */
describe('changing one number in an export', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'hms-one-number-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('changes it everywhere it appears', async () => {
    cpSync(SAMPLES_DIR, workspace, { recursive: true, filter: (path) => !/[\\/]generate$/.test(path) });
    const before = await samplesBuild();
    appendFileSync(
      join(workspace, 'whistleblowing.csv'),
      windows1252('V-2025-056;20.12.2025;Psykososialt og organisatorisk arbeidsmiljø;Ja\r\n'),
    );
    const after = await cliBuild({ data: workspace });
    after.cleanup();
    expect(before.status, before.stderr).toBe(0);
    expect(after.status, after.stderr).toBe(0);

    expect(before.metrics.whistleblowing!.years['2025']).toMatchObject({
      received: 55,
      critical: 24,
      psychosocial: 15,
    });
    expect(after.metrics.whistleblowing!.years['2025']).toMatchObject({ received: 56, critical: 25, psychosocial: 16 });
    const prose = (html: string) =>
      html
        .replace(/\s+/g, ' ')
        .match(
          /Av totalt \d+ innmeldte saker i 2025, er det i \d+ tilfeller konkludert med kritikkverdige forhold\. \d+ saker/,
        )?.[0];
    expect(prose(before.html)).toBe(
      'Av totalt 55 innmeldte saker i 2025, er det i 24 tilfeller konkludert med kritikkverdige forhold. 15 saker',
    );
    expect(prose(after.html)).toBe(
      'Av totalt 56 innmeldte saker i 2025, er det i 25 tilfeller konkludert med kritikkverdige forhold. 16 saker',
    );
    const figure10 = (html: string) =>
      html.match(
        /<figure[^>]*>(?:(?!<\/figure>)[\s\S])*?Figur \d+: Totalt antall innmeldte saker[\s\S]*?<\/figure>/,
      )?.[0] ?? '';
    expect(figure10(before.html)).toMatch(/<th scope="row">2025<\/th><td class="num">55<\/td>/);
    expect(figure10(after.html)).toMatch(/<th scope="row">2025<\/th><td class="num">56<\/td>/);
    expect(figure10(after.html)).not.toMatch(/<td class="num">55<\/td>/);
  });
});
