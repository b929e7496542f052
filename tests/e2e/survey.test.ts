import { beforeAll, describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/metrics/types.js';
import { defaultNarrativeBuild, samplesBuild, type SharedBuild } from '../support/shared.js';

/**
 * Builds the bundled samples with the command line, as a user would, and
 * checks the seed report's chapter 6.1 figures (rounded to whole percent).
 */
describe('the bundled samples reproduce the seed report (chapter 6.1)', () => {
  let build: SharedBuild;
  let metrics: Metrics;
  let html: string;

  beforeAll(async () => {
    build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    ({ metrics, html } = build);
  });

  const question = (id: string, year = 2025) => {
    const found = metrics.survey?.questions[id]?.years[year];
    if (!found) throw new Error(`no ${id} in ${year}`);
    return found;
  };
  const percent = (id: string, year = 2025) => Math.round(question(id, year).percent!);

  it('has 75, 73 and 71 reporting units in 2021, 2024 and 2025, all of them responding', () => {
    expect(metrics.units).toMatchObject({ reporting: 71, responded: 71 });
    expect(metrics.units.years).toMatchObject({
      '2021': { reporting: 75, responded: 75 },
      '2024': { reporting: 73, responded: 73 },
      '2025': { reporting: 71, responded: 71 },
    });
  });

  it('gives the 6.1.3 figures', () => {
    expect(question('hms_mal')).toMatchObject({ positive: 52, applicable: 71, light: 'yellow' });
    expect(percent('hms_mal')).toBe(73);
    expect(percent('risiko_generelt')).toBe(79);
    expect(percent('risiko_psykososialt')).toBe(78);
    expect(percent('risiko_omstilling')).toBe(68);
    expect(percent('risiko_omstilling', 2021)).toBe(36);
    expect(percent('risiko_trakassering')).toBe(53);
    expect(metrics.survey!.questions.risiko_trakassering!.years['2024']).toBeUndefined();
    expect(percent('risiko_trakassering_planlagt', 2024)).toBe(81);
    expect(metrics.survey!.questions.risiko_trakassering_planlagt!.years['2025']).toBeUndefined();
    expect(percent('hms_agenda')).toBe(77);
    expect(question('hms_runde').light).toBe('green');
    expect(question('delegering').light).toBe('green');
  });

  it('gives the 6.1.4–6.1.7 figures', () => {
    expect(percent('ark_tiltak')).toBeGreaterThanOrEqual(74);
    expect(percent('ark_tiltak')).toBeLessThanOrEqual(76);
    expect(percent('rus_retningslinjer')).toBe(58);
    expect(percent('mss_opplaering')).toBe(78);
    for (const year of [2024, 2025]) {
      expect(metrics.survey!.gates!.har_stralekilder!.years[year]!.yes).toBe(23);
      expect(question('straling', year)).toMatchObject({ applicable: 23, percent: 100, light: 'green' });
    }
    const chemicals = metrics.survey!.gates!.har_kjemikalier!.years['2025']!.yes;
    expect(chemicals).toBeGreaterThan(71 / 2);
    expect(question('kjemikalier')).toMatchObject({ applicable: chemicals, light: 'green' });
    expect(metrics.survey!.gates!.har_biologisk!.years['2025']!.yes).toBe(16);
    expect(question('biologisk').light).toBe('green');
    expect(question('sykefravaer_oversikt').percent!).toBeGreaterThan(90);
    expect(percent('sykefravaer_verktoy')).toBe(66);
    expect(Object.keys(metrics.survey!.questions.sykefravaer_verktoy!.years)).toEqual(['2025']);
    expect([2025, 2024, 2023, 2022, 2021].map((y) => percent('medarbeidersamtaler', y))).toEqual([59, 49, 69, 59, 49]);
  });

  it('warns about the duplicate submission in the samples without failing', () => {
    expect(build.stderr).toMatch(
      /survey\/2024\.csv:\d+:enhet: warning: unit "HF-IMU" submitted the 2024 survey 2 times/,
    );
  });

  it('shows the 6.1.3 table with 73 % for HMS-mål, labelled for greyscale and screen readers', () => {
    // The sample narrative may name the table as it likes; the 6.1.3 table is the one with the HMS-mål row.
    const table = html.match(
      /<table class="survey-table">(?:(?!<\/table>)[\s\S])*?HMS-\/arbeidsmiljømål[\s\S]*?<\/table>/,
    )?.[0];
    expect(table).toBeDefined();
    const row = table!.match(/<tr><th scope="row">HMS-\/arbeidsmiljømål<\/th>.*?<\/tr>/)?.[0];
    expect(row).toMatch(
      /^<tr><th scope="row">[^<]+<\/th><td class="num light light-yellow"[^>]*><span class="light-symbol" aria-hidden="true">◆<\/span>73\u00a0%<span class="light-word">\u00a0gult<\/span><\/td>/,
    );
    expect(table).toContain('<span class="visually-hidden">ikke spurt</span>');
    expect(html).toContain('<table class="survey-legend">');
  });
});

describe('the default narrative of Vedlegg 1 (a workspace without content/<year>/)', () => {
  it('renders the legend, a table per section and sentences with computed figures', async () => {
    const build = await defaultNarrativeBuild();
    expect(build.status, build.stderr).toBe(0);
    const html = build.html;
    expect(html.replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1')).toMatch(
      /Vedlegg 1: Utvikling i systematisk HMS-arbeid ved NTNU 2021–2025<\/h2>/,
    );
    expect(html).toContain('Antall rapporterende enheter var 75 i 2021 og 71 i 2025; i 2025 svarte 71 av 71 enheter.');
    expect(html).toContain('I 2025 oppgir 23 enheter at de har strålekilder');
    expect(html).toContain('16 enheter oppgir at de håndterer biologiske faktorer');
    for (const title of [
      'Systematisk arbeidsmåte',
      'Psykososiale og organisatoriske forhold',
      'Fysisk og ergonomisk arbeidsmiljø',
      'Kjemisk og biologisk arbeidsmiljø',
      'Andre forhold',
    ]) {
      expect(html).toContain(
        `<caption>${title}: andel enheter med positivt svar, <span class="nowrap">2021–2025</span></caption>`,
      );
    }
    expect(html).toMatch(/Grønt: tilfredsstillende nivå<\/th><td>over 80\u00a0% positive svar<\/td>/);
  });
});
