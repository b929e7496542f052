import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, planContext, PLAN_FILE } from '../support/action-plan.js';
import { Diagnostics, formatDiagnostic, sorted } from '../../src/errors.js';
import { actionPlanMetrics } from '../../src/sources/action-plan/metrics.js';
import type { Metrics } from '../../src/metrics/types.js';
import { actionPlan, actionPlanStatus } from '../../src/sources/action-plan/report.js';
import { contentData } from '../../src/report/content-data.js';
import { ComponentError, renderContent } from '../../src/report/content.js';
import { contentHelpers } from '../../src/report/helpers.js';
import { countStatuses, readActionPlan, type ActionPlanData } from '../../src/sources/action-plan/read.js';
import type { SourceContext } from '../../src/sources/context.js';
import { memoryWorkspace, xlsxBytes, partsFor } from '../support/helpers.js';

const FILE = PLAN_FILE;

const VALID = `plans:
  - id: hr-hms
    title: Overordnet HMS-handlingsplan, HR- og HMS-avdelingen
    owner: HR- og HMS-avdelingen
    groups:
      - title: Styrke det systematiske HMS-arbeidet
        measures:
          - title: Videreutvikle sentrale verktøy
            description:
              - Revidere NTNUs HMS-mål
              - Etablere årshjul/ flytskjema
            responsible: Seksjon for HMS
            deadline: Desember 2025
            status: Delvis gjennomført
            comment: Revisjon av HMS-mål er startet.
          - title: Analysere funn fra HMS-årsrapportering
            description: [Vurdere sentrale tiltak]
            responsible: HR- og HMS-avdelingen
            deadline: Januar 2025
            status: gjennomført
      - title: Opplæring og kultur
        measures:
          - title: Opplæring i HMS for ledere
            rows:
              - description: [Utvikle grunnkurs i HMS for ledere.]
                responsible: HR- og HMS-avdelingen
                deadline: Juni 2025
                status: ikke gjennomført
              - description:
                  - Gjennomføre opplæring for åremålsledere
                  - text: "Eksempler på innhold:"
                    items: [risikovurdering, onboarding <script>]
                responsible: HR- og HMS-avdelingen
                deadline: August 2025
                status: gjennomført
  - id: linjen
    title: Overordnet HMS-handlingsplan, fakulteter
    owner: Fakulteter
    groups:
      - title: Styrke det systematiske HMS-arbeidet
        measures:
          - title: Gjennomføre HMS-runde
            description: [Alle enheter skal gjennomføre minimum en HMS-runde i året.]
            responsible: Linjeleder
            deadline: Årlig
          - title: Sette HMS på agendaen
            description: [Følges opp jevnlig.]
            responsible: Linjeleder
            status: løpende
`;

const parse = parsePlan;
const context = planContext;

const call = (name: string, ...args: unknown[]) => ({
  name,
  args,
  options: {},
  file: 'content/2025/06-4-handlingsplan.md',
});

describe('action plan file', () => {
  it('numbers groups and measures from their order and normalises statuses', () => {
    const { plan, problems } = parse(VALID);
    expect(problems).toEqual([]);
    const hr = plan!.plans[0]!;
    expect(hr.groups.map((g) => `${g.number} ${g.title}`)).toEqual([
      '1.0 Styrke det systematiske HMS-arbeidet',
      '2.0 Opplæring og kultur',
    ]);
    expect(hr.groups[0]!.measures.map((m) => m.number)).toEqual(['1.1', '1.2']);
    expect(hr.groups[1]!.measures[0]!.number).toBe('2.1');
    expect(hr.groups[0]!.measures[0]!.rows[0]!.status).toBe('delvis gjennomført');
    expect(hr.groups[1]!.measures[0]!.rows).toHaveLength(2);
  });

  it('reports a wrong status, a missing field and an unknown key at their lines', () => {
    const broken = VALID.replace(
      'status: gjennomført\n      - title: Opplæring',
      'status: ferdig\n      - title: Opplæring',
    )
      .replace('            responsible: Linjeleder\n            deadline: Årlig\n', '            deadline: Årlig\n')
      .replace('    owner: Fakulteter\n', '    owner: Fakulteter\n    colour: red\n');
    const { plan, problems } = parse(broken);
    expect(plan).toBeNull();
    expect(problems).toEqual([
      `${FILE}:20:plans.0.groups.0.measures.1.status: status "ferdig" is not one of "gjennomført", "delvis gjennomført", "ikke gjennomført", "løpende"`,
      // An unknown key is reported at its own line, a missing one at the measure that lacks it.
      `${FILE}:39:plans.1.colour: "colour" is not a key the tool knows here (a misspelling?)`,
      `${FILE}:43:plans.1.groups.0.measures.0.responsible: required (or give rows: [ … ] with responsible in each)`,
    ]);
  });

  it('refuses fields on a measure that also has rows', () => {
    const { problems } = parse(
      VALID.replace(
        '          - title: Opplæring i HMS for ledere\n',
        '          - title: Opplæring i HMS for ledere\n            status: gjennomført\n',
      ),
    );
    expect(problems).toEqual([
      `${FILE}:24:plans.0.groups.1.measures.0.status: a measure with rows: gives this in each row instead`,
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const { problems } = parse('plans:\n  - id: a\n    title: [unclosed\n');
    expect(problems[0]).toMatch(new RegExp(`^${FILE}:\\d+: not valid YAML`));
  });

  it('reports a plan id used twice', () => {
    const { problems } = parse(VALID.replace('id: linjen', 'id: hr-hms'));
    expect(problems).toEqual([`${FILE}: plan id "hr-hms" is used twice`]);
  });

  it('counts rows by status, leaving rows without a status out', () => {
    const { plan } = parse(VALID);
    expect(countStatuses(plan!.plans)).toEqual({
      gjennomført: 2,
      'delvis gjennomført': 1,
      'ikke gjennomført': 1,
      løpende: 1,
      total: 5,
    });
    expect(countStatuses([plan!.plans[1]!]).total).toBe(1);
  });

  it('puts the counts in metrics.json, in all and per plan', () => {
    const { plan } = parse(VALID);
    const metrics = actionPlanMetrics(plan!);
    expect(metrics.statuses.total).toBe(5);
    expect(metrics.plans).toEqual({
      'hr-hms': { gjennomført: 2, 'delvis gjennomført': 1, 'ikke gjennomført': 1, løpende: 0, total: 4 },
      linjen: { gjennomført: 0, 'delvis gjennomført': 0, 'ikke gjennomført': 0, løpende: 1, total: 1 },
    });
  });
});

describe('action plan components', () => {
  it('renders a plan as the seed table: group rows, numbered measures, bullets, deadline and status in words', async () => {
    const { plan } = parse(VALID);
    const html = await actionPlan(call('action-plan', 'hr-hms'), context(plan));
    expect(html).toContain(
      '<caption class="visually-hidden">Overordnet HMS-handlingsplan, HR- og HMS-avdelingen</caption>',
    );
    expect(html).toContain(
      '<thead><tr class="action-owner"><th scope="colgroup" colspan="4">HR- og HMS-avdelingen</th></tr>',
    );
    expect(html).toContain(
      '<th scope="col">Tiltak</th><th scope="col">Beskrivelse</th><th scope="col">Ansvar</th><th scope="col">Frist/status</th>',
    );
    expect(html).toContain(
      '<tr class="action-group"><th scope="rowgroup" colspan="4">1.0 Styrke det systematiske HMS-arbeidet</th></tr>',
    );
    expect(html).toContain(
      '<th scope="row">1.1 Videreutvikle sentrale verktøy</th><td><ul><li>Revidere NTNUs HMS-mål</li><li>Etablere årshjul/ flytskjema</li></ul></td><td>Seksjon for HMS</td>',
    );
    expect(html).toContain(
      '<p class="deadline">Desember 2025</p>' +
        '<p class="status-line"><strong class="status status-delvis-gjennomfort light light-yellow"><span class="light-symbol" aria-hidden="true">◆</span>Delvis gjennomført</strong></p>' +
        '<p class="status-comment">Revisjon av HMS-mål er startet.</p>',
    );
    expect(html).toContain('<th scope="row" rowspan="2">2.1 Opplæring i HMS for ledere</th>');
    expect(html).toContain(
      '<li>Eksempler på innhold:<ul><li>risikovurdering</li><li>onboarding &lt;script&gt;</li></ul></li>',
    );
    expect(html).not.toContain('<script>');
  });

  it('counts statuses over all plans or one', async () => {
    const { plan } = parse(VALID);
    const all = await actionPlanStatus(call('action-plan-status'), context(plan));
    expect(all).toContain('</span>Gjennomført</th><td class="num">2</td>');
    // A row gives "løpende" as its status, so the count lists it.
    expect(all).toContain('</span>Løpende</th><td class="num">1</td>');
    expect(all).toContain('<th scope="row">Totalt</th><td class="num">5</td>');
    const one = await actionPlanStatus(call('action-plan-status', 'linjen'), context(plan));
    expect(one).toContain('<th scope="row">Totalt</th><td class="num">1</td>');
  });

  it('says no plan was given, and names the plans when an id is wrong', async () => {
    expect(await actionPlan(call('action-plan', 'hr-hms'), context(null))).toContain('class="no-data"');
    const { plan } = parse(VALID);
    expect(() => actionPlan(call('action-plan', 'hr'), context(plan))).toThrow(ComponentError);
    expect(() => actionPlan(call('action-plan', 'hr'), context(plan))).toThrow(
      'no action plan with id "hr" in content/<year>/handlingsplan.yaml (plans: hr-hms, linjen)',
    );
  });
});

describe('the default Vedlegg 4 (templates/content/06-4-handlingsplan.md)', () => {
  const template = readFileSync(new URL('../../templates/content/06-4-handlingsplan.md', import.meta.url), 'utf8');
  const metrics = {
    schemaVersion: 1,
    year: 2025,
    institution: 'NTNU',
    units: { reporting: 71, responded: 71 },
  } as Metrics;

  async function renderDefault(
    plan: ActionPlanData | null,
  ): Promise<{ html: string; headings: string[]; problems: string[] }> {
    const diagnostics = new Diagnostics();
    const ctx = context(plan);
    const out = await renderContent(
      [{ file: 'templates/content/06-4-handlingsplan.md', text: template }],
      contentData(metrics, partsFor(metrics, plan ? { actionPlan: plan } : {})),
      contentHelpers(5),
      ['action-plan', 'action-plan-status'],
      async (c) => (c.name === 'action-plan' ? actionPlan(c, ctx) : actionPlanStatus(c, ctx)),
      diagnostics,
    );
    return {
      html: out.html,
      headings: out.headings.map((h) => h.title),
      problems: diagnostics.items.map(formatDiagnostic),
    };
  }

  it('renders every plan under its own heading, with the count by status', async () => {
    const { html, headings, problems } = await renderDefault(parse(VALID).plan);
    expect(problems).toEqual([]);
    expect(headings).toEqual([
      'Vedlegg 4: Overordnet HMS-handlingsplan for 2025, med status',
      'Overordnet HMS-handlingsplan, HR- og HMS-avdelingen',
      'Overordnet HMS-handlingsplan, fakulteter',
    ]);
    expect(html).toContain('class="action-plan-status"');
    expect(html.match(/<table class="action-plan" /g)).toHaveLength(2);
  });

  it('says no plan was given when the workspace has none', async () => {
    const { html, headings, problems } = await renderDefault(null);
    expect(problems).toEqual([]);
    expect(headings).toEqual(['Vedlegg 4: Overordnet HMS-handlingsplan for 2025, med status']);
    expect(html).toContain('Det er ikke gitt noen handlingsplan for 2025.');
    expect(html).not.toContain('<table');
  });
});

describe('action plan as a spreadsheet (handlingsplan.xlsx or .csv)', () => {
  const header = [
    'plan',
    'plan_title',
    'owner',
    'group',
    'measure',
    'description',
    'responsible',
    'deadline',
    'status',
    'comment',
  ];

  async function read(
    files: Record<string, string | Uint8Array>,
  ): Promise<{ plan: ActionPlanData | null; problems: string[] }> {
    const diagnostics = new Diagnostics();
    const plan = await readActionPlan({
      workspace: memoryWorkspace(files),
      year: 2025,
      diagnostics,
    } as unknown as SourceContext);
    return { plan, problems: sorted(diagnostics.items).map(formatDiagnostic) };
  }

  it('reads rows, repeating empty plan, group and measure cells from the row above, with bullets and sub-bullets', async () => {
    const xlsx = await xlsxBytes([
      header,
      [
        'hr-hms',
        'Overordnet HMS-handlingsplan, HR- og HMS-avdelingen',
        'HR- og HMS-avdelingen',
        'Styrke det systematiske HMS-arbeidet',
        'Videreutvikle verktøy',
        '• Revidere HMS-mål\n• Etablere årshjul',
        'Seksjon for HMS',
        'Desember 2025',
        'Delvis gjennomført',
        'Startet.',
      ],
      [
        null,
        null,
        null,
        null,
        'Analysere funn',
        'Vurdere tiltak',
        'HR- og HMS-avdelingen\nSeksjon for HMS',
        'Årlig (januar)\r\n\nÅrlig (mars)',
        'gjennomført',
        null,
      ],
      [
        null,
        null,
        null,
        'Opplæring og kultur',
        'Opplæring i HMS for ledere',
        'Utvikle grunnkurs',
        'HR- og HMS-avdelingen',
        'Juni 2025',
        'ikke gjennomført',
        null,
      ],
      [
        null,
        null,
        null,
        null,
        null,
        'Gjennomføre kurs\nEksempler:\n- risikovurdering\n- onboarding',
        'HR- og HMS-avdelingen',
        'August 2025',
        'gjennomført',
        null,
      ],
    ]);
    const { plan, problems } = await read({ 'content/2025/handlingsplan.xlsx': xlsx });
    expect(problems).toEqual([]);
    const hr = plan!.plans[0]!;
    expect(hr.title).toBe('Overordnet HMS-handlingsplan, HR- og HMS-avdelingen');
    expect(
      hr.groups.map((g) => [g.number, g.measures.map((m) => `${m.number} ${m.title} (${m.rows.length})`)]),
    ).toEqual([
      ['1.0', ['1.1 Videreutvikle verktøy (1)', '1.2 Analysere funn (1)']],
      ['2.0', ['2.1 Opplæring i HMS for ledere (2)']],
    ]);
    expect(hr.groups[0]!.measures[0]!.rows[0]).toEqual({
      description: ['Revidere HMS-mål', 'Etablere årshjul'],
      responsible: ['Seksjon for HMS'],
      deadline: ['Desember 2025'],
      status: 'delvis gjennomført',
      comment: ['Startet.'],
    });
    // A cell's lines are its entries, each shown on a line of its own; no deadline or comment is no lines.
    expect(hr.groups[0]!.measures[1]!.rows[0]).toMatchObject({
      responsible: ['HR- og HMS-avdelingen', 'Seksjon for HMS'],
      deadline: ['Årlig (januar)', 'Årlig (mars)'],
      comment: [],
    });
    expect(hr.groups[1]!.measures[0]!.rows[1]!.description).toEqual([
      'Gjennomføre kurs',
      { text: 'Eksempler:', items: ['risikovurdering', 'onboarding'] },
    ]);
    expect(countStatuses(plan!.plans).total).toBe(4);
  });

  it('reports a wrong status and a first row without a measure at their row and column', async () => {
    const csv = [
      'plan;group;measure;description;responsible;status',
      'hr-hms;Styrke;;Revidere;HMS;gjennomført',
      'hr-hms;Styrke;Analysere;Vurdere;HMS;ferdig',
    ].join('\n');
    const { problems } = await read({ 'content/2025/handlingsplan.csv': csv });
    expect(problems).toEqual([
      'content/2025/handlingsplan.csv:2:measure: measure is empty and there is no row above to repeat: give the measure here',
      'content/2025/handlingsplan.csv:3:status: "ferdig" is not one of "gjennomført", "delvis gjennomført", "ikke gjennomført", "løpende"',
    ]);
  });

  it('refuses a plan given both as YAML and as a spreadsheet', async () => {
    const { plan, problems } = await read({
      'content/2025/handlingsplan.yaml': VALID,
      'content/2025/handlingsplan.csv': 'plan;group;measure;description;responsible\n',
    });
    expect(plan).toBeNull();
    expect(problems).toEqual([
      'content/2025/handlingsplan.yaml: both this file and content/2025/handlingsplan.csv hold an action plan: keep one of them',
    ]);
  });
});
