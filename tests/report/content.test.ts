import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../src/errors.js';
import type { Metrics } from '../../src/metrics/types.js';
import { contentData } from '../../src/report/content-data.js';
import { renderContent, type ComponentCall } from '../../src/report/content.js';
import type { ContentFile } from '../../src/sources/content.js';
import { contentHelpers } from '../../src/report/helpers.js';
import type { SourceContext } from '../../src/sources/context.js';
import { readFacts } from '../../src/sources/facts/read.js';
import { memoryWorkspace, partsFor } from '../support/helpers.js';

const NBSP = '\u00a0';

const metrics = {
  schemaVersion: 1,
  year: 2025,
  institution: 'NTNU',
  units: {
    reporting: 71,
    responded: 71,
    names: { FA: 'Fellesadministrasjonen', IE: 'Fakultet for informasjonsteknologi' },
  },
  survey: {
    questions: {
      hms_mal: {
        section: '6.1.3',
        theme: 'HMS-mål',
        years: {
          '2021': { positive: 40, applicable: 75, missing: 0, percent: 53.3, light: 'yellow' },
          '2025': { positive: 52, applicable: 71, missing: 0, percent: 73.24, light: 'yellow' },
        },
      },
    },
  },
  absence: {
    years: {
      '2024': {
        total: 4.62,
        self: 1.04,
        doctor: 3.58,
        byGender: { K: 6.4, M: 2.9 },
        byQuarter: { '1': 4.4, '2': 4.3, '3': 4.1, '4': 4.9 },
        byGroup: {},
        stipendiat: 5.1,
      },
      '2025': {
        total: 4.5,
        self: 1.12,
        doctor: 3.38,
        byGender: { K: 6.3, M: null },
        byQuarter: { '1': 4.5, '2': 4.4, '3': 4.2, '4': 4.7 },
        byGroup: {},
        stipendiat: 5.3,
      },
    },
    byOrg: { '2025': { FA: 7.1, IE: 2.9, HF: null } },
    byUnit: {},
    stipendiatByOrg: {},
  },
  workingTime: { years: { '2025': { total: 1744, byRule: {}, byOrg: { FA: 590, IE: 300 } } } },
} as unknown as Metrics;

interface Rendered {
  html: string;
  headings: { level: number; number: string; title: string; id: string }[];
  calls: ComponentCall[];
  problems: string[];
}

async function render(files: ContentFile[] | string, components: string[] = []): Promise<Rendered> {
  const list = typeof files === 'string' ? [{ file: 'content/2025/01-test.md', text: files }] : files;
  const diagnostics = new Diagnostics();
  const calls: ComponentCall[] = [];
  const out = await renderContent(
    list,
    contentData(metrics, partsFor(metrics, { facts: { ark: { svarprosent: 77 } } })),
    contentHelpers(5),
    components,
    async (call) => {
      calls.push(call);
      return `<div class="component">${call.name}</div>`;
    },
    diagnostics,
  );
  return { ...out, calls, problems: diagnostics.items.map(formatDiagnostic) };
}

describe('placeholders bound to the metrics', () => {
  it('formats figures from the shortcuts and the raw metrics', async () => {
    const { html, problems } = await render(
      'Fravær {{percent current.absence.total 1}} mot {{percent previous.absence.total 1}} i {{previousYear}} ({{pp current.absence.self previous.absence.self}}); ' +
        'mål {{percent current.survey.hms_mal.percent}}, {{percent questions.hms_mal.[2021].percent}} i {{firstSurveyYear}}; brudd {{count current.workingTime.total}}; ' +
        'ARK {{percent facts.ark.svarprosent}}; {{percent absence.years.[2024].total 1}}.',
    );
    expect(problems).toEqual([]);
    expect(html).toContain(`Fravær 4,5${NBSP}% mot 4,6${NBSP}% i 2024 (+0,1)`);
    expect(html).toContain(`mål 73${NBSP}%, 53${NBSP}% i 2021`);
    expect(html).toContain(`brudd 1${NBSP}744`);
    expect(html).toContain(`ARK 77${NBSP}%`);
    expect(html).toContain(`4,6${NBSP}%.`);
  });

  it('says a suppressed figure is suppressed instead of printing a number', async () => {
    const { html, problems } = await render(
      'Menn: {{percent current.absence.byGender.M 1}}; endring {{pp current.absence.byGender.M previous.absence.byGender.M}}.',
    );
    expect(problems).toEqual([]);
    expect(html).toContain('Menn: [skjult: færre enn 5 personer]; endring [skjult: færre enn 5 personer].');
  });

  it('reports an unknown placeholder with its file and line', async () => {
    const { problems } = await render('# Tittel\n\nTekst.\n{{current.absence.totl}}\n');
    expect(problems).toEqual([
      'content/2025/01-test.md:4: unknown placeholder "current.absence.totl": no such figure in the metrics (check the spelling, see metrics.json)',
    ]);
  });

  it('reports a misspelled helper argument, also inside a block helper', async () => {
    const { problems } = await render(
      'Linje 1\n{{#if current.absence}}\n\nFravær {{percent current.absense.total 1}}\n{{/if}}\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/2025\/01-test\.md:4: unknown placeholder "current\.absense\.total"/);
  });

  it('reports every misspelling of a file, each at its own line', async () => {
    const { problems } = await render(
      '{{percent current.absence.totl 1}}\n\n{{count (sum current.workingTime.byOrgg)}}\n{{#each actionPlans}}{{title}}{{/each}}\n',
    );
    expect(problems.map((p) => p.split(' ').slice(0, 4).join(' '))).toEqual([
      'content/2025/01-test.md:1: unknown placeholder "current.absence.totl":',
      'content/2025/01-test.md:3: unknown placeholder "current.workingTime.byOrgg":',
    ]);
  });

  it('checks arguments inside #each at run time, with the placeholder as written', async () => {
    const { problems } = await render('a\n{{#each current.absence.byQuarter}}\n{{percent this.nope 1}}\n{{/each}}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/2025\/01-test\.md:3: unknown placeholder in \{\{percent this\.nope 1\}\}/);
  });

  it('reports a misspelled condition of a block helper instead of treating it as false', async () => {
    const { problems } = await render('a\n\nb\n{{#if current.absense}}x{{/if}}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/2025\/01-test\.md:4: unknown placeholder/);
  });

  it('reports a misspelled helper name with its line', async () => {
    const withArgs = await render('a\n\n{{percnt current.absence.total 1}}\n');
    expect(withArgs.problems).toEqual(['content/2025/01-test.md:3: unknown helper or component "percnt"']);
    const component = await render('a\n{{figure-absense-quarter}}\n', ['figure-absence-quarter']);
    expect(component.problems).toEqual([
      'content/2025/01-test.md:2: unknown placeholder or component "figure-absense-quarter": neither a figure in the metrics nor a component (check the spelling, see docs/content.md)',
    ]);
  });

  it('reports a helper used on something that is not a figure at its line', async () => {
    const { problems } = await render('a\nb\n{{percent current.absence.byGender 1}}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/2025\/01-test\.md:3: helper "percent" cannot be used here: percent: "\[object Object\]" is not a number/,
    );
  });
});

describe('helpers the seed prose needs', () => {
  it('finds the extremes of a map, leaving suppressed entries out', async () => {
    const { html, problems } = await render(
      'Fra {{percent (min current.absenceByOrg) 1}} til {{percent (max current.absenceByOrg) 1}}; høyest ved {{name (maxKey current.absenceByOrg)}}, lavest {{minKey current.absenceByOrg}}; kvartal: {{quarter (maxKey current.absence.byQuarter)}}.',
    );
    expect(problems).toEqual([]);
    expect(html).toContain(
      `Fra 2,9${NBSP}% til 7,1${NBSP}%; høyest ved Fellesadministrasjonen, lavest IE; kvartal: 4. kvartal.`,
    );
  });

  it('compares in words, shares in fractions and rounds down', async () => {
    const { html, problems } = await render(
      'Kvinner {{compare current.absence.byGender.K previous.absence.byGender.K}}; {{compare current.absence.total previous.absence.total "økning" "nedgang" "uendret"}}; ' +
        'FA {{fraction current.workingTime.byOrg.FA current.workingTime.total}}; over {{percent (floor current.survey.hms_mal.percent 10)}}; sum {{count (sum current.workingTime.byOrg)}}.',
    );
    expect(problems).toEqual([]);
    expect(html).toContain(`Kvinner lavere; nedgang; FA en tredel; over 70${NBSP}%; sum 890.`);
  });
});

describe('headings and footnotes', () => {
  it('numbers headings 1–3 across files and leaves level 4 unnumbered', async () => {
    const { headings, html } = await render([
      { file: 'a.md', text: '# Sammendrag\n\n## Overordnet status\n\n## Hovedfunn\n' },
      { file: 'b.md', text: '# Innledning\n\n## Formål\n\n### Detalj\n\n#### HMS-mål\n\n## Datagrunnlag\n' },
    ]);
    expect(headings.map((h) => `${h.number} ${h.title}`)).toEqual([
      '1 Sammendrag',
      '1.1 Overordnet status',
      '1.2 Hovedfunn',
      '2 Innledning',
      '2.1 Formål',
      '2.1.1 Detalj',
      '2.2 Datagrunnlag',
    ]);
    expect(html).toContain('<h2 id="kap-2-2"><span class="heading-number">2.2</span> Datagrunnlag</h2>');
    expect(html).toContain('<h4>HMS-mål</h4>');
  });

  it('numbers footnotes on across files as superscripts, listed at the end of their file', async () => {
    const { html, problems } = await render([
      { file: 'a.md', text: 'AMU[^amu].\n\n[^amu]: Disse årsrapportene behandles i AMU.\n' },
      {
        file: 'b.md',
        text: 'Mål[^m] og verneombud[^v].\n\n[^m]: Se HMS-årsrapport {{previousYear}}.\n[^v]: Opplæringsprogram.\n\nMer tekst.\n',
      },
    ]);
    expect(problems).toEqual([]);
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn1-1" id="fnref1-1">1</a></sup>');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn2-1" id="fnref2-1">2</a></sup>');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn2-2" id="fnref2-2">3</a></sup>');
    expect(html).toContain('<ol class="footnotes-list" start="2">');
    expect(html).toContain('Se HMS-årsrapport 2024.');
    // The list closes its own file: the first file's footnote comes before the second file's text.
    expect(html.indexOf('Disse årsrapportene')).toBeLessThan(html.indexOf('Mål<sup'));
    expect(html.indexOf('Mer tekst')).toBeLessThan(html.indexOf('Opplæringsprogram'));
  });

  it('reports a footnote reference without its text at its line', async () => {
    const { problems } = await render('# A\n\nTekst[^amu] og mer[^ok].\n\n[^ok]: Her.\n');
    expect(problems).toEqual([
      'content/2025/01-test.md:3: footnote [^amu] has no text: add a line "[^amu]: …" to the same file',
    ]);
  });

  it('reports a path through a missing key inside #each at its line', async () => {
    const { problems } = await render(
      'a\n{{#each current.absence.byQuarter}}\n{{percent @root.current.absense.total}}\n{{/each}}\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/2025\/01-test\.md:3: unknown placeholder/);
  });

  it('resolves cross-references to headings by title, also to later files, as links', async () => {
    const { html, problems } = await render([
      {
        file: 'a.md',
        text: '# Sammendrag\n\nSe kap. {{ref "Vedlegg 4"}} og kapittel {{ref "Anbefalte prioriteringer"}}.\n',
      },
      {
        file: 'b.md',
        text: '# Anbefalte prioriteringer\n\n# Vedlegg\n\n## Vedlegg 4: Overordnet HMS-handlingsplan for {{year}}, med status\n',
      },
    ]);
    expect(problems).toEqual([]);
    expect(html).toContain('Se kap. <a href="#kap-3-1">3.1</a> og kapittel <a href="#kap-2">2</a>.');
  });

  it('reports a cross-reference to no heading at its line', async () => {
    const { problems } = await render('# A\n\nSe {{ref "Vedlegg 9"}}.\n');
    expect(problems).toEqual([
      'content/2025/01-test.md:3: {{ref "Vedlegg 9"}} names no heading of the report (give a heading\'s title, or the part before its colon) and no figure component used in it',
    ]);
  });

  it('resolves a reference to a figure component to the number its caption got, also before the figure', async () => {
    const diagnostics = new Diagnostics();
    let figures = 0;
    const out = await renderContent(
      [
        {
          file: 'content/2025/01-test.md',
          text: 'Figur {{ref "figure-b"}} viser b.\n\n{{figure-a}}\n\n{{figure-b}}\n\nSe {{ref "table-c"}}.\n\n{{table-c}}\n',
        },
      ],
      contentData(metrics, partsFor(metrics, { facts: {} })),
      contentHelpers(5),
      ['figure-a', 'figure-b', 'table-c'],
      async (call) =>
        call.name.startsWith('figure')
          ? `<figure><figcaption id="figur-${++figures}">Figur ${figures}: ${call.name}</figcaption></figure>`
          : '<table></table>',
      diagnostics,
    );
    expect(out.html).toContain('Figur <a href="#figur-2">2</a> viser b.');
    // A component that draws no numbered figure cannot be referred to.
    expect(diagnostics.items.map(formatDiagnostic)).toEqual([
      'content/2025/01-test.md:7: {{ref "table-c"}} names no heading of the report (give a heading\'s title, or the part before its colon) and no figure component used in it',
    ]);
  });

  it('passes component calls with their arguments and places the result outside a paragraph', async () => {
    const { html, calls, problems } = await render('Tekst.\n\n{{action-plan "hr-hms"}}\n', ['action-plan']);
    expect(problems).toEqual([]);
    expect(calls.map((c) => [c.name, c.args])).toEqual([['action-plan', ['hr-hms']]]);
    expect(html).toContain('<div class="component">action-plan</div>');
    expect(html).not.toContain('<p><div');
  });
});

it('renders a text again with the new run’s data, file and components, and its problems at their lines', async () => {
  // The same text is compiled once; what a run gives it must not stay behind for the next.
  const text = 'Andel {{percent share}}.\n\n{{figure-a "x"}}\n\n{{#each items}}{{percent this.value}}{{/each}}\n';
  const renderWith = async (file: string, data: object) => {
    const diagnostics = new Diagnostics();
    const calls: ComponentCall[] = [];
    const out = await renderContent(
      [{ file, text }],
      data,
      contentHelpers(5),
      ['figure-a'],
      async (call) => {
        calls.push(call);
        return `<div class="component">${call.file}</div>`;
      },
      diagnostics,
    );
    return { html: out.html, calls, problems: diagnostics.items.map(formatDiagnostic) };
  };
  const first = await renderWith('content/2025/a.md', { share: 12, items: [{ value: 1 }] });
  const second = await renderWith('content/2025/b.md', { share: 34, items: [{ value: 2 }] });
  const third = await renderWith('content/2025/c.md', { share: 56, items: [{ valu: 3 }] });
  expect(first.problems).toEqual([]);
  expect(first.html).toContain(`Andel 12${NBSP}%`);
  expect(second.problems).toEqual([]);
  expect(second.html).toContain(`Andel 34${NBSP}%`);
  expect(second.html).toContain(`2${NBSP}%`);
  expect(second.html).toContain('<div class="component">content/2025/b.md</div>');
  expect(second.calls.map((c) => [c.name, c.args, c.file])).toEqual([['figure-a', ['x'], 'content/2025/b.md']]);
  expect(third.problems).toHaveLength(1);
  expect(third.problems[0]).toMatch(/^content\/2025\/c\.md:5: unknown placeholder in \{\{percent this\.value\}\}/);
});

describe('facts.yaml', () => {
  it('reads figures no export holds, and reports a value that is not a number, text or map at its line', async () => {
    const good = memoryWorkspace({
      'content/2025/facts.yaml': 'ark:\n  svarprosent: 77\n  respondenter: 5717\nlenke: https://www.ntnu.no\n',
    });
    const diagnostics = new Diagnostics();
    const context = { workspace: good, year: 2025, diagnostics } as unknown as SourceContext;
    expect(await readFacts(context)).toEqual({
      ark: { svarprosent: 77, respondenter: 5717 },
      lenke: 'https://www.ntnu.no',
    });
    const bad = memoryWorkspace({ 'content/2025/facts.yaml': 'ark:\n  svarprosent: 77\n  år: [2023, 2026]\n' });
    const problems = new Diagnostics();
    expect(
      await readFacts({ workspace: bad, year: 2025, diagnostics: problems } as unknown as SourceContext),
    ).toBeNull();
    expect(problems.items.map(formatDiagnostic)).toEqual([
      'content/2025/facts.yaml:3:ark.år: a fact is a number, a text or a map of facts',
    ]);
    expect(
      await readFacts({ workspace: memoryWorkspace({}), year: 2025, diagnostics } as unknown as SourceContext),
    ).toBeNull();
  });
});
