import { beforeAll, describe, expect, it } from 'vitest';
import { round } from '../../src/report/format.js';
import type { Metrics } from '../../src/metrics/types.js';
import { defaultNarrativeBuild, samplesBuild } from '../support/shared.js';

/**
 * Builds the bundled samples with the command line and checks the seed
 * report's sick-leave and working-time figures (chapters 3.5.3, 4 and 6.2),
 * to one decimal as the report prints them. The prose is checked in the
 * default narrative (templates/content/), built from a copy of the samples
 * without their own content/ folder.
 */
describe('the bundled samples reproduce the seed report (sick leave and working time)', () => {
  let metrics: Metrics;
  let html: string;
  const one = (value: number | null | undefined) => (typeof value === 'number' ? round(value, 1) : value);

  beforeAll(async () => {
    const [samples, fallback] = await Promise.all([samplesBuild(), defaultNarrativeBuild()]);
    expect(samples.status, samples.stderr).toBe(0);
    expect(fallback.status, fallback.stderr).toBe(0);
    metrics = samples.metrics;
    html = fallback.html;
  });

  it('has total sick leave 4,5 / 4,6 / 4,5 % in 2023–2025, the 4th quarter highest every year (4,7 % in 2025)', () => {
    const years = metrics.absence!.years;
    expect(Object.keys(years)).toEqual(['2023', '2024', '2025']);
    expect(['2023', '2024', '2025'].map((y) => one(years[y]!.total))).toEqual([4.5, 4.6, 4.5]);
    for (const y of ['2023', '2024', '2025']) expect(years[y]!.highestQuarter).toBe('4');
    expect(one(years['2025']!.byQuarter['4'])).toBe(4.7);
  });

  it('has women 6,3 % and men 2,8 %; egenmeldt 1,1 and legemeldt 3,4 % (2024: 1,0 and 3,6)', () => {
    const y = metrics.absence!.years;
    expect([one(y['2025']!.byGender.K), one(y['2025']!.byGender.M)]).toEqual([6.3, 2.8]);
    expect([one(y['2025']!.self), one(y['2025']!.doctor), one(y['2024']!.self), one(y['2024']!.doctor)]).toEqual([
      1.1, 3.4, 1.0, 3.6,
    ]);
    const summary = metrics.absence!.summary!;
    expect([one(summary.changeTotal), one(summary.changeSelf), one(summary.changeDoctor)]).toEqual([-0.1, 0.1, -0.2]);
  });

  it('ranges 2,9–7,1 % across orgs; TA 6,2 and vit 3,1 %, both lower than in 2024; stipendiater 5,3 %, 3,4–10,3 % by org', () => {
    const a = metrics.absence!;
    const range = a.orgRange!['2025']!;
    expect([one(range.min), one(range.max)]).toEqual([2.9, 7.1]);
    expect([
      one(a.years['2025']!.byGroup['teknisk-administrativ']),
      one(a.years['2025']!.byGroup.vitenskapelig),
    ]).toEqual([6.2, 3.1]);
    expect(a.years['2025']!.byGroup['teknisk-administrativ']!).toBeLessThan(
      a.years['2024']!.byGroup['teknisk-administrativ']!,
    );
    expect(a.years['2025']!.byGroup.vitenskapelig!).toBeLessThan(a.years['2024']!.byGroup.vitenskapelig!);
    expect(one(a.years['2025']!.stipendiat)).toBe(5.3);
    const stip = a.stipendiatOrgRange!['2025']!;
    expect([one(stip.min), one(stip.max)]).toEqual([3.4, 10.3]);
  });

  it('suppresses the small unit and, with it, another unit of the same org, so neither can be worked out', () => {
    const byUnit = metrics.absence!.byUnit['2025']!;
    expect(byUnit['FA-TTO']).toBeNull();
    const hiddenPerOrg = new Map<string, number>();
    for (const [unit, value] of Object.entries(byUnit)) {
      const org = unit.split('-')[0]!;
      if (value === null) hiddenPerOrg.set(org, (hiddenPerOrg.get(org) ?? 0) + 1);
    }
    expect([...hiddenPerOrg.values()].every((n) => n >= 2)).toBe(true);
    expect(metrics.absence!.byOrg['2025']!.FA).not.toBeNull();
  });

  it('has 3 165 / 2 293 / 1 744 breaches; uke_over_48 then dag_over_13; Fellesadministrasjonen about a third in 2025', () => {
    const wt = metrics.workingTime!;
    expect(['2023', '2024', '2025'].map((y) => wt.years[y]!.total)).toEqual([3165, 2293, 1744]);
    expect(wt.summary!.rules.slice(0, 2)).toEqual(['uke_over_48', 'dag_over_13']);
    expect(wt.summary!.largestOrg).toBe('FA');
    expect(Math.abs(wt.summary!.largestOrgShare! - 100 / 3)).toBeLessThan(2);
    expect(html).toContain('om lag en tredel av bruddene i 2025');
  });

  it('carries the benchmarks and states them in chapters 4 and 6.2 with the caveat on seasonally adjusted quarters', () => {
    const b = metrics.benchmarks!;
    expect(b.national.total!.value).toBe(6.6);
    expect([b.national.women!.min, b.national.women!.max, b.national.men!.min, b.national.men!.max]).toEqual([
      8.2, 8.5, 5.0, 5.2,
    ]);
    expect(Object.values(b.sector).map((s) => [s.label, s.value])).toEqual([
      ['UiB', 4.7],
      ['UiO', 4.8],
    ]);
    expect(b.institution!.value).toBe(4.6);
    const text = html.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
    expect(text).toContain('Totalt sykefravær ved NTNU var 4,5 % i 2025, mot 4,6 % i 2024 og 4,5 % i 2023');
    expect(text).toContain('Sykefraværet er høyest i 4. kvartal i alle årene (2025: 4,7 %)');
    expect(text).toContain('4,7 % ved UiB og 4,8 % ved UiO');
    expect(text).toContain('I 2025 varierer sykefraværet mellom enhetene fra 2,9 % til 7,1 %');
    expect(text).toContain('Begge grupper har nedgang fra 2024 til 2025');
    expect(text).toContain('sesongjusterte kvartalstall');
    expect(text).toContain('egenmeldt fravær seg med +0,1 prosentpoeng og legemeldt med −0,2 prosentpoeng');
  });

  it('renders the sick-leave and working-time figures with numbered captions and text alternatives from the data', () => {
    for (const title of [
      'Sykefravær, pr. kvartal, 2023–2025',
      'Sykefravær, pr. enhet, 2023–2025',
      'Sykefravær, pr. kjønn, kvartalsvis 2023–2025',
      'Sykefravær, legemeldt og egenmeldt fravær, kvartalsvis 2023–2025',
      'Sykefravær, stillingskode 1017 – Stipendiat, 2023–2025',
      'Brudd på arbeidstidsbestemmelsene, pr. regel, 2023–2025',
    ]) {
      // A year range is kept on one line by a span of its own (src/report/typography.ts).
      expect(html.replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1')).toMatch(
        new RegExp(
          `<figcaption id="figur-\\d+">Figur \\d+: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</figcaption>`,
        ),
      );
    }
    expect(html).toContain(
      'aria-label="Søylediagram over sykefraværet per kvartal, én søyle per år. Sykefraværet var høyest i 4.\u00a0kvartal i alle år; 4,7',
    );
  });
});
