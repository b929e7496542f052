import { describe, expect, it } from 'vitest';
import { typesetHtml, typesetText } from '../../src/report/typography.js';

const NB = '\u00a0';

/** The cases of issue 12 and docs/typography: what the pass gets, and what it must give. */
describe('the typography pass', () => {
  it.each([
    // en dash in ranges of years and numbers
    ['Utvikling ved NTNU 2021-2025', 'Utvikling ved NTNU 2021–2025'],
    ['1-5 personer', '1–5 personer'],
    ['mellom 3,4-10,3 %', `mellom 3,4–10,3${NB}%`],
    ['75-100 % samtaler', `75–100${NB}% samtaler`],
    ['1.-4.-kvartal 2025', `1.–4.${NB}kvartal 2025`],
    ['1.–4. kvartal', `1.–4.${NB}kvartal`],
    // a law's section keeps its hyphen, and its number stays with §
    ['arbeidsmiljøloven § 3-1 og § 4-3', `arbeidsmiljøloven §${NB}3-1 og §${NB}4-3`],
    // a dash in a sentence, and a minus sign
    ['1017 - Stipendiat', '1017 – Stipendiat'],
    ['Uønskede hendelser og avvik - alvorlighetsgrad', 'Uønskede hendelser og avvik – alvorlighetsgrad'],
    ['endringen var -0,2', 'endringen var −0,2'],
    // no-break spaces: before %, inside numbers, between number and unit
    ['(+0,1 %)', `(+0,1${NB}prosentpoeng)`],
    ['(−0,2 %)', `(−0,2${NB}prosentpoeng)`],
    ['8,5 %.', `8,5${NB}%.`],
    ['4,5%', `4,5${NB}%`],
    ['5 717 ansatte', `5${NB}717 ansatte`],
    ['1 000 saker', `1${NB}000 saker`],
    ['13 timer i døgnet', `13${NB}timer i døgnet`],
    ['over 48 timer per uke', `over 48${NB}timer per uke`],
    ['i 2025 og 2024', 'i 2025 og 2024'],
    // quarters
    ['1.kv. 2023', `1.${NB}kv. 2023`],
    ['4. kvartal', `4.${NB}kvartal`],
    // dates written out, months in lower case unless a sentence starts
    ['før disse tiltrer 01.08.25', `før disse tiltrer 1.${NB}august 2025`],
    ['fra 2026-01-01', `fra 1.${NB}januar 2026`],
    // the action plan's deadlines and comments (issue 12, point 8)
    ['tiltrer 1.8.2025', `tiltrer 1.${NB}august 2025`],
    ['tiltrer 2025-08-01', `tiltrer 1.${NB}august 2025`],
    ['01.08.25', `1.${NB}august 2025`],
    ['Oppstart Januar 2025', 'Oppstart januar 2025'],
    ['Løpende, oppstart Mars 2025.', 'Løpende, oppstart mars 2025.'],
    ['Mai 2026 (overført/videreført til 2026)', 'Mai 2026 (overført/videreført til 2026)'],
    ['Årlig (Januar) Årlig (Mars)', 'Årlig (januar) Årlig (mars)'],
    ['Desember 2025', 'Desember 2025'],
    ['Oppstart Januar 2025. Mars 2026 er frist.', 'Oppstart januar 2025. Mars 2026 er frist.'],
    ['Fra 1. Januar 2026', `Fra 1.${NB}januar 2026`],
    // quotation marks
    ['flere tema som “moderat risiko”, med', 'flere tema som «moderat risiko», med'],
    ['tema som "moderat risiko".', 'tema som «moderat risiko».'],
    // what is not a range or a date is left alone
    ['kapittel 6.4.1 og 6.4.12', 'kapittel 6.4.1 og 6.4.12'],
    ['HF-IMU og HMS-/arbeidsmiljømål', 'HF-IMU og HMS-/arbeidsmiljømål'],
    ['se https://lovdata.no/LOV-2005-06-17-62 for 1-5', `se https://lovdata.no/LOV-2005-06-17-62 for 1–5`],
  ])('%s', (input, expected) => {
    expect(typesetText(input)).toBe(expected);
  });

  it('leaves a month that starts a cell or paragraph capitalised only there', () => {
    expect(typesetText('Januar 2025', { sentenceStart: false })).toBe('januar 2025');
    expect(typesetText('Januar 2025', { sentenceStart: true })).toBe('Januar 2025');
  });

  it('typesets every text node of a document, figures and captions included, and keeps ranges on one line', () => {
    const html = [
      '<html><head><title>Rapport 2021-2025</title><style>.a{content:"2021-2025 \\"x\\""}</style></head><body>',
      '<h2 id="kap-6-1"><span class="heading-number">6.1</span> Vedlegg 1: NTNU 2021-2025</h2>',
      '<p>Sykefraværet var 4,5 % (+0,1 %), jf. &quot;trafikklys&quot;.</p>',
      '<figure aria-label="Figur 7: 1017 - Stipendiat, 2023-2025"><svg><text>1.kv. 2025</text><text>1017 - Stipendiat</text></svg>',
      '<figcaption>Figur 7: Sykefravær 2023-2025</figcaption></figure>',
      '<table><caption>Tabell 1: Uønskede hendelser og avvik - alvorlighetsgrad</caption><tr><td>Juni 2025</td><td>Årlig (Januar)</td><td>1-5 personer</td></tr></table>',
      '<pre><code>2021-2025</code></pre><!-- 2021-2025 --></body></html>',
    ].join('');
    const out = typesetHtml(html);
    expect(out).toContain('<title>Rapport 2021–2025</title>');
    expect(out).toContain('content:"2021-2025 \\"x\\""');
    expect(out).toContain('Vedlegg 1: NTNU <span class="nowrap">2021–2025</span></h2>');
    expect(out).toContain(`<p>Sykefraværet var 4,5${NB}% (+0,1${NB}prosentpoeng), jf. «trafikklys».</p>`);
    expect(out).toContain('aria-label="Figur 7: 1017 – Stipendiat, 2023–2025"');
    // No markup inside SVG text.
    expect(out).toContain(`<text>1.${NB}kv. 2025</text><text>1017 – Stipendiat</text>`);
    expect(out).toContain('<figcaption>Figur 7: Sykefravær <span class="nowrap">2023–2025</span></figcaption>');
    expect(out).toContain('Uønskede hendelser og avvik – alvorlighetsgrad</caption>');
    expect(out).toContain('<td>Juni 2025</td><td>Årlig (januar)</td>');
    expect(out).toContain('<td><span class="nowrap">1–5</span> personer</td>');
    expect(out).toContain('<pre><code>2021-2025</code></pre><!-- 2021-2025 -->');
  });
});
