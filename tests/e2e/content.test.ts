import { beforeAll, describe, expect, it } from 'vitest';
import { samplesBuild } from '../support/shared.js';

/**
 * The bundled samples' own text (data-samples/content/2025/) against the seed
 * report: every heading with its number in the seed's order, every figure and
 * numbered table where the seed has it, the prose's numbers from the data.
 */

/**
 * The seed's table of contents (shared/seed/hms-arsrapport-2025.txt), copied so the test needs nothing beside the repo.
 */
const SEED_TOC = [
  '1 Sammendrag',
  '1.1 Overordnet status',
  '1.2 Hovedfunn',
  '1.3 Oppbygging av årsrapporten',
  '2 Innledning',
  '2.1 Arbeidsmiljø',
  '2.2 Formål',
  '2.3 Datagrunnlag',
  '2.4 Rammer og betingelser for HMS-arbeidet',
  '3 Systematisk HMS-arbeid',
  '3.1 Generelt',
  '3.2 Roller, ansvar og styring',
  '3.3 Psykososiale og organisatoriske forhold',
  '3.4 Underliggende utviklingstrekk og systematiske forhold',
  '3.5 Uønskede hendelser, avvik og varsling',
  '3.5.1 Uønskede hendelser og avvik',
  '3.5.2 Yrkesskade og yrkessykdom',
  '3.5.3 Brudd på arbeidstidsbestemmelser',
  '3.5.4 Varsling av kritikkverdige forhold',
  '3.6 Rektors vurdering av systematisk HMS-arbeid',
  '4 Sykefravær',
  '4.1 NTNU samlet',
  '4.2 Enheter og stillingsgrupper',
  '4.3 Rektors vurdering av sykefravær',
  '5 Anbefalte prioriteringer',
  '6 Vedlegg',
  '6.1 Vedlegg 1: Utvikling i systematisk HMS-arbeid ved NTNU 2021–2025',
  '6.1.1 Datagrunnlag og metode',
  '6.1.2 Hovedtrekk 2021–2025',
  '6.1.3 Systematisk arbeidsmåte',
  '6.1.4 Psykososiale og organisatoriske forhold',
  '6.1.5 Fysisk og ergonomisk arbeidsmiljø',
  '6.1.6 Kjemisk og biologisk arbeidsmiljø',
  '6.1.7 Andre forhold',
  '6.2 Vedlegg 2: Sykefravær',
  '6.3 Vedlegg 3: Uønskede hendelser, avvik og varsling',
  '6.3.1 Uønskede hendelser og avvik',
  '6.3.2 Varsling av mulige kritikkverdige forhold',
  '6.4 Vedlegg 4: Overordnet HMS-handlingsplan for 2025, med status',
  '6.4.1 Overordnet HMS-handlingsplan, HR- og HMS-avdelingen',
  '6.4.2 Overordnet HMS-handlingsplan, fakulteter, institutter, Vitenskapsmuseet og avdelinger i fellesadministrasjonen',
];

/** The seed's unnumbered sub-headings, in order. */
const SEED_SUBHEADS = [
  'HMS-internkontroll',
  'HMS-verktøy',
  'Arbeidsmiljøundersøkelsen',
  'Lokale arbeidsmiljøutvalg (LAMU)',
  'Bruk av KI-verktøy',
  'HMS-mål',
  'Risikovurdering som styringsverktøy',
  'HMS-runde, delegering og medvirkning',
  'Sykefraværsoppfølging og lederstøtte',
  'Medarbeidersamtaler',
  'Samlet vurdering',
];

const NBSP = '\u00a0';

/** Text without tags and entities, no-break spaces kept, so sentences can be matched as the reader sees them. */
function text(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n');
}

describe('the samples’ narrative reproduces the seed report', () => {
  let html: string;
  let body: string;

  beforeAll(async () => {
    const build = await samplesBuild();
    expect(build.status, build.stderr).toBe(0);
    html = build.html;
    body = text(html.slice(html.indexOf('<main')));
  });

  it('has every heading of the seed with its number, in the seed’s order, and no other', () => {
    const headings = [
      ...html.matchAll(/<h([1-3]) id="kap-[\d-]+"><span class="heading-number">([\d.]+)<\/span> ([\s\S]*?)<\/h\1>/g),
    ].map(([, , number, title]) => `${number!.replace(/\.$/, '')} ${title!.replace(/<[^>]*>/g, '')}`);
    expect(headings).toEqual(SEED_TOC);
  });

  it('lists the same headings in the table of contents', () => {
    const toc = [
      ...html.matchAll(
        /<span class="toc-number">([\d.]+)<\/span> <span class="toc-text">([\s\S]*?)<\/span> <span class="toc-page"/g,
      ),
    ].map(([, n, t]) => `${n!.replace(/\.$/, '')} ${t!.replace(/<[^>]*>/g, '')}`);
    expect(toc).toEqual(SEED_TOC);
  });

  it('has the seed’s unnumbered sub-headings in order', () => {
    expect([...html.matchAll(/<h4>([^<]*)<\/h4>/g)].map(([, t]) => t)).toEqual(SEED_SUBHEADS);
  });

  it('places Figur 1–10 and Tabell 1–2 in the seed’s order and sections', () => {
    const captions = [...body.matchAll(/^(Figur|Tabell) (\d+):/gm)].map(([, kind, n]) => `${kind} ${n}`);
    expect(captions).toEqual([
      'Figur 1',
      'Figur 2',
      'Figur 3',
      'Figur 4',
      'Figur 5',
      'Figur 6',
      'Figur 7',
      'Figur 8',
      'Figur 9',
      'Tabell 1',
      'Tabell 2',
      'Figur 10',
    ]);
    const at = (needle: string) => html.indexOf(needle);
    expect(at('Figur 1:')).toBeGreaterThan(at('id="kap-3-5-1"'));
    expect(at('Figur 1:')).toBeLessThan(at('id="kap-3-5-2"'));
    expect(at('Figur 3:')).toBeGreaterThan(at('id="kap-4-2"'));
    expect(at('Figur 3:')).toBeLessThan(at('id="kap-4-3"'));
    expect(at('Figur 4:')).toBeGreaterThan(at('id="kap-6-2"'));
    expect(at('Figur 10:')).toBeGreaterThan(at('id="kap-6-3-2"'));
  });

  it('binds the prose’s numbers to the data (chapters 2, 3, 4 and 6)', () => {
    for (const sentence of [
      `Totalt svarte 71 enheter (100${NBSP}%).`,
      `I 2024 rapporterte 81${NBSP}% av enhetene at risikovurderinger knyttet til trakassering, vold og trusler var planlagt eller igangsatt. I 2025 svarte 53${NBSP}%`,
      `om lag 75${NBSP}% av enhetene`,
      `Svarprosenten var 77${NBSP}% (5${NBSP}717 ansatte).`,
      `rapportert forekomst er redusert sammenlignet med 2023 (6,26${NBSP}% mot 7,85${NBSP}%)`,
      `registrert totalt 1${NBSP}000 uønskede hendelser/avvik og 103 forbedringsforslag. 772 hendelser/avvik og 42 forbedringsforslag er lukket.`,
      `redusert i 2025 (1${NBSP}744) sammenlignet med 2024 (2${NBSP}293) og 2023 (3${NBSP}165)`,
      'Fellesadministrasjonen står for om lag en tredel av bruddene i 2025.',
      'Av totalt 55 innmeldte saker i 2025, er det i 24 tilfeller konkludert med kritikkverdige forhold. 15 saker omhandler',
      `Totalt sykefravær ved NTNU var 4,5${NBSP}% i 2025, omtrent det samme som i 2023 (4,5${NBSP}%) og 2024 (4,6${NBSP}%). Sykefraværet er høyest i 4.${NBSP}kvartal i alle tre år (2025: 4,7${NBSP}%)`,
      `UiB og UiO henholdsvis 4,7${NBSP}% og 4,8${NBSP}%`,
      `høyere blant kvinner (6,3${NBSP}%) enn blant menn (2,8${NBSP}%) i 2025. Egenmeldt og legemeldt sykefravær utgjør henholdsvis 1,1 og 3,4${NBSP}% i 2025, mot 1,0 og 3,6${NBSP}% i 2024.`,
      `fra 2,9${NBSP}% til 7,1${NBSP}%`,
      `(6,2${NBSP}% i 2025) enn i vitenskapelige stillinger (3,1${NBSP}% i 2025)`,
      `oppgir 66${NBSP}% at ledere med personalansvar`,
      'Antall svarenheter er redusert fra 75 i 2021 til 71 i 2025',
      `ligger rundt gult nivå (73${NBSP}% i tabellen under)`,
      `på gult nivå (79 og 78${NBSP}%)`,
      `(fra 36${NBSP}% til 68${NBSP}%)`,
      `ligger noe lavere (77${NBSP}% i 2025)`,
      `ligger på gult nivå (58${NBSP}% i 2025)`,
      `(78${NBSP}% i tabellen). NTNU har 23 enheter med strålekilder.`,
      `Over 50${NBSP}% av de 71 enhetene`,
      'Det er 16 enheter som håndterer biologiske faktorer.',
      `Over 90${NBSP}% av enhetene`,
      `I 2025 rapporteres 59${NBSP}%`,
      `om lag 8,2–8,5${NBSP}% for kvinner og 5,0–5,2${NBSP}% for menn`,
      `en svak økning i egenmeldt (+0,1${NBSP}prosentpoeng) og en nedgang i legemeldt (\u22120,2${NBSP}prosentpoeng)`,
      `(2025: 5,3${NBSP}% vs. 4,5${NBSP}%) og stor variasjon mellom fakultetene (2025: 3,4–10,3${NBSP}%)`,
    ]) {
      expect(body).toContain(sentence);
    }
    expect(body).not.toContain('[skjult');
  });

  it('numbers the seed’s twelve footnotes in order', () => {
    const refs = [...html.matchAll(/<sup class="footnote-ref"><a [^>]*>(\d+)<\/a><\/sup>/g)].map(([, n]) => Number(n));
    expect(refs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(body).toContain('Disse årsrapportene behandles i AMU.');
    expect(body).toContain('HR- og HMS-avdelingen har gjennomført intervjuer med 15 ledere om sykefraværsoppfølging');
  });

  it('renders both action plans with every measure of the seed and the count by status', () => {
    const measures = [...html.matchAll(/<th scope="row"(?: rowspan="\d+")?>(\d\.\d) /g)].map(([, n]) => n);
    expect(measures).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
    ]);
    expect(body).toContain('1.0 Styrke det systematiske HMS-arbeidet');
    // The status on a line of its own, as a symbol and a word; the comment below it.
    expect(html).toContain(
      '<span class="light-symbol" aria-hidden="true">◆</span>Delvis gjennomført</strong></p><p class="status-comment">Retningslinjen er delvis revidert',
    );
    expect(html).toMatch(/Gjennomført<\/th><td class="num">9<\/td>/);
    expect(html).toMatch(/Totalt<\/th><td class="num">15<\/td>/);
    // No measure has the status "løpende" (it is a deadline), so the count has no "Løpende 0".
    expect(html).not.toMatch(/Løpende<\/th><td class="num">/);
    // The seed's "Årlig (Januar) Årlig (Mars)" as two lines, and its "01.08.25" written out.
    expect(html).toContain('<p class="deadline">Årlig (januar)<br>Årlig (mars)</p>');
    expect(body).toContain(`før disse tiltrer i sine stillinger 1.${NBSP}august 2025`);
  });
});
