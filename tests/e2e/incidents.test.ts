import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/metrics/types.js';
import { cliBuild, sampleWorkspace } from '../support/helpers.js';
import { samplesBuild, type SharedBuild } from '../support/shared.js';

/**
 * Builds the bundled samples with the command line and checks the seed
 * report's chapters 3.5 and 6.3: the counts, the categories, varsling and
 * Tabell 1 exactly as the seed prints it.
 */
describe('the bundled samples reproduce the seed report (chapters 3.5 and 6.3)', () => {
  let build: SharedBuild;
  let metrics: Metrics;
  let html: string;

  beforeAll(async () => {
    build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    ({ metrics, html } = build);
  });

  it('has 1 000 reported cases and 103 forbedringsforslag in 2025, 772 and 42 of them closed', () => {
    expect(metrics.incidents!.years['2025']).toMatchObject({
      reported: 1000,
      closed: 772,
      suggestions: 103,
      suggestionsClosed: 42,
    });
    expect(metrics.incidents!.years['2025']!.rejected).toBeGreaterThan(0);
    expect(Object.keys(metrics.incidents!.years)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('has 860 uønskede hendelser and 140 avvik, and the seed’s Tabell 1 in metrics.json', () => {
    const incidents = metrics.incidents!;
    expect(incidents.summary).toMatchObject({ unwanted: 860, avvik: 140 });
    const row = (dimension: 'person' | 'material' | 'environment', kind: 'actual' | 'potential') =>
      Object.values(incidents.severity[dimension][kind]);
    expect(row('person', 'actual')).toEqual([21, 761, 69, 9, 0, 0]);
    expect(row('person', 'potential')).toEqual([22, 368, 306, 147, 13, 4]);
    expect(row('material', 'actual')).toEqual([50, 773, 34, 3, 0, 0]);
    expect(row('material', 'potential')).toEqual([50, 513, 169, 122, 3, 3]);
    expect(row('environment', 'actual')).toEqual([55, 800, 5, 0, 0, 0]);
    expect(row('environment', 'potential')).toEqual([54, 754, 48, 3, 1, 0]);
  });

  it('has klem-, kutt- og fallskader, hindringer i rømningsvei and kjemikalier as the most common categories', () => {
    expect(Object.keys(metrics.incidents!.byCategory).slice(0, 3)).toEqual([
      'Klem-, kutt- og fallskader',
      'Hindringer i rømningsvei',
      'Kjemikalier',
    ]);
    expect(Object.values(metrics.incidents!.byOrg).reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('has 55 varslingssaker in 2025, 24 of them critical and 15 psychosocial', () => {
    expect(metrics.whistleblowing!.years['2025']).toMatchObject({ received: 55, critical: 24, psychosocial: 15 });
    expect(Object.keys(metrics.whistleblowing!.years)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('has injuries for 2021–2025', () => {
    expect(Object.keys(metrics.injuries!.years)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('prints Tabell 1 exactly as the seed does', () => {
    const table = /<table class="severity-table">([\s\S]*?)<\/table>/.exec(html)?.[1];
    expect(table).toBeDefined();
    expect(table).toMatch(/<caption>Tabell \d+: Uønskede hendelser og avvik – alvorlighetsgrad<\/caption>/);
    const cells = (tag: string, text: string) =>
      [...text.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
    expect(cells('th', /<thead>([\s\S]*?)<\/thead>/.exec(table!)![1]!)).toEqual([
      'Alvorlighetsgrad',
      'Ikke valgt',
      'Ingen/liten fare',
      'En viss fare',
      'Farlig',
      'Kritisk',
      'Katastrofalt',
    ]);
    const rows = [...table!.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)].map((m) =>
      [m[1], ...cells('td', m[2]!)].join(' '),
    );
    expect(rows).toEqual([
      'Menneske faktisk 21 761 69 9 0 0',
      'Menneske potensielt 22 368 306 147 13 4',
      'Materiell faktisk 50 773 34 3 0 0',
      'Materiell potensielt 50 513 169 122 3 3',
      'Ytre miljø faktisk 55 800 5 0 0 0',
      'Ytre miljø potensielt 54 754 48 3 1 0',
    ]);
  });

  it('shows Figur 1, 2, 8, 9 and 10 and Tabell 2 with numbered captions', () => {
    for (const caption of [
      /Figur \d+: Totalt antall uønskede hendelser og avvik, pr\. enhet, 2025/,
      /Figur \d+: Totalt antall yrkesskader \/ yrkessykdom, 2021–2025/,
      /Figur \d+: Totalt antall uønskede hendelser og avvik, pr\. år, 2021–2025/,
      /Figur \d+: Totalt antall uønskede hendelser og avvik pr\. kategori, 2025/,
      /Figur \d+: Totalt antall innmeldte saker, 2021–2025/,
      /Tabell \d+: Akseptkriterier benyttet i behandling av uønskede hendelser og avvik knyttet til HMS/,
    ]) {
      // A year range is kept on one line by a span of its own (src/report/typography.ts).
      expect(html.replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1')).toMatch(caption);
    }
  });
});

/** The default narrative (templates/content/) states figures computed from the data, true or false by the data. */
describe('the default narrative of chapters 3.5 and 6.3', () => {
  /**
   * Builds a workspace of sample files and written files (no
   * content/, so the default narrative) to HTML, spaces collapsed.
   */
  const build = async (samples: readonly string[], files: Record<string, string> = {}) => {
    const workspace = sampleWorkspace({ only: samples, files });
    const result = await cliBuild({ data: workspace });
    rmSync(workspace, { recursive: true, force: true });
    result.cleanup();
    expect(result.status, result.stderr).toBe(0);
    return result.html.replace(/\s+/g, ' ');
  };

  it('states the samples’ 2025 figures', async () => {
    const html = await build([
      'units.csv',
      'EQS',
      'Rapportsenter',
      'survey',
      'imports.yaml',
      'injuries.csv',
      'whistleblowing.csv',
      'hms-report.config.yaml',
    ]);
    expect(html).toContain(
      'I 2025 er det innen HMS-området registrert totalt 1 000 uønskede hendelser/avvik og 103 forbedringsforslag. 772 hendelser/avvik og 42 forbedringsforslag er lukket.',
    );
    expect(html).toContain(
      'De vanligste kategoriene var «Klem-, kutt- og fallskader» (230), «Hindringer i rømningsvei» (170) og «Kjemikalier» (140).',
    );
    expect(html).toContain(
      'De fleste av meldingene har lav faktisk alvorlighetsgrad: 88 % av de 860 uønskede hendelsene',
    );
    expect(html).toContain(
      'Av totalt 55 innmeldte saker i 2025 er det i 24 tilfeller konkludert med kritikkverdige forhold. 15 saker omhandler psykososialt og organisatorisk arbeidsmiljø.',
    );
    for (const heading of [
      'Uønskede hendelser, avvik og varsling',
      'Uønskede hendelser og avvik',
      'Yrkesskade og yrkessykdom',
      'Varsling av kritikkverdige forhold',
      'Vedlegg 3: Uønskede hendelser, avvik og varsling',
      'Varsling av mulige kritikkverdige forhold',
    ]) {
      expect(html).toMatch(
        new RegExp(`<h[23] id="kap-[\\d-]+"><span class="heading-number">[\\d.]+</span> ${heading}</h[23]>`),
      );
    }
  });

  it('says so when most uønskede hendelser were not of low actual severity', async () => {
    const header =
      'case_id;unit_id;registered_date;case_type;category;status;closed_date;severity_person_actual;severity_person_potential;severity_material_actual;severity_material_potential;severity_environment_actual;severity_environment_potential';
    const html = await build([], {
      'units.csv': 'unit_id;name;parent_id;reporting\nF;Fakultet;;nei\n',
      'incidents.csv': [
        header,
        'A;F;2025-01-01;ulykke;Fall;lukket;;Farlig;Farlig;;;;',
        'B;F;2025-01-02;ulykke;Fall;åpen;;En viss fare;Farlig;;;;',
        'C;F;2025-01-03;nestenulykke;Fall;åpen;;Ingen/liten fare;;;;;',
      ].join('\n'),
    });
    expect(html).toContain(
      'Under halvparten av meldingene har lav faktisk alvorlighetsgrad: 33 % av de 3 uønskede hendelsene',
    );
    expect(html).toContain('Det er ikke gitt data om varslingssaker');
    expect(html).toContain('Det er ikke gitt data om yrkesskader og yrkessykdommer');
  });
});
