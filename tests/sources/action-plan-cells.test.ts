import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, planContext, PLAN_FILE } from '../support/action-plan.js';
import { SIGNAL_SYMBOLS } from '../../src/report/lights.js';
import { typesetHtml } from '../../src/report/typography.js';
import { countStatuses, linesOf, type ActionPlanData } from '../../src/sources/action-plan/read.js';
import { actionPlan, actionPlanStatus, listedStatuses } from '../../src/sources/action-plan/report.js';

/**
 * Issue 12, point 8: the action plan as the seed shows it. Each entry of a
 * cell on its own line, dates written out and months in lower case (by the
 * report's typography pass), the status as a symbol and a word like the
 * survey's traffic lights, and no "Løpende 0" in the count by status.
 */

const FILE = PLAN_FILE;
const NB = '\u00a0';

const PLAN = `plans:
  - id: linjen
    title: Overordnet HMS-handlingsplan, fakulteter
    owner: Fakulteter
    groups:
      - title: Styrke det systematiske HMS-arbeidet
        measures:
          - title: Gjennomgang av HMS-årsrapport
            description: [Analysere egne resultater]
            responsible: Linjeleder
            deadline:
              - Årlig (Januar)
              - Årlig (Mars)
            status: gjennomført
          - title: Opplæring for åremålsledere
            description:
              - Gjennomføre opplæring for åremålsledere, før disse tiltrer 01.08.25
            responsible:
              - HR- og HMS-avdelingen
              - Seksjon for HMS
            deadline: |
              Oppstart Januar 2025

              Desember 2025
            status: delvis gjennomført
            comment: |
              Startet 1.8.2025, evaluert 2025-09-15.
              Ferdig i Desember 2025.
          - title: Retningslinje
            description: [Revidere retningslinjen]
            responsible: HR- og HMS-avdelingen
            deadline: Juni 2025
            status: ikke gjennomført
`;

const parse = parsePlan;
const context = planContext;

const call = (name: string, ...args: unknown[]) => ({ name, args, options: {}, file: FILE });

/** A component's HTML as the report prints it: through the typography pass over the whole page. */
const typeset = (html: string) => typesetHtml(`<html><body><main>${html}</main></body></html>`);

const rowsOf = (plan: ActionPlanData) => plan.plans[0]!.groups[0]!.measures.map((m) => m.rows[0]!);

describe('a cell of several entries', () => {
  it('takes a list of texts, a text with line breaks, or one text as before', () => {
    const { plan, problems } = parse(PLAN);
    expect(problems).toEqual([]);
    const [review, training, guideline] = rowsOf(plan!);
    expect(review!.deadline).toEqual(['Årlig (Januar)', 'Årlig (Mars)']);
    expect(review!.responsible).toEqual(['Linjeleder']);
    expect(review!.comment).toEqual([]);
    // A block text keeps its line breaks; a blank line is no entry.
    expect(training!.deadline).toEqual(['Oppstart Januar 2025', 'Desember 2025']);
    expect(training!.responsible).toEqual(['HR- og HMS-avdelingen', 'Seksjon for HMS']);
    expect(training!.comment).toEqual(['Startet 1.8.2025, evaluert 2025-09-15.', 'Ferdig i Desember 2025.']);
    expect(guideline!.deadline).toEqual(['Juni 2025']);
  });

  it('splits and trims lines, leaving blank ones out', () => {
    expect(linesOf('  Årlig (januar)\r\n\n Årlig (mars) \r')).toEqual(['Årlig (januar)', 'Årlig (mars)']);
    expect(linesOf(['Linjeleder', 'HMS\nHR'])).toEqual(['Linjeleder', 'HMS', 'HR']);
    expect(linesOf('  \n ')).toEqual([]);
  });

  it('reports an empty entry, an empty cell and a value that is no text at its line', () => {
    const broken = PLAN.replace('              - Årlig (Mars)\n', '              - ""\n')
      .replace('            deadline: Juni 2025\n', '            deadline: {month: juni}\n')
      .replace('            responsible: Linjeleder\n', '            responsible: "  "\n');
    const { plan, problems } = parse(broken);
    expect(plan).toBeNull();
    expect(problems).toEqual([
      `${FILE}:10:plans.0.groups.0.measures.0.responsible: must not be empty`,
      `${FILE}:13:plans.0.groups.0.measures.0.deadline.1: must not be empty`,
      `${FILE}:32:plans.0.groups.0.measures.2.deadline: give a text, or a list of texts for several entries (each is shown on its own line, as "deadline: [Årlig (januar), Årlig (mars)]")`,
    ]);
  });

  it('shows each entry on a line of its own', async () => {
    const html = await actionPlan(call('action-plan', 'linjen'), context(parse(PLAN).plan));
    expect(html).toContain('<td>Linjeleder</td><td><p class="deadline">Årlig (Januar)<br>Årlig (Mars)</p>');
    expect(html).toContain('<td>HR- og HMS-avdelingen<br>Seksjon for HMS</td>');
    expect(html).toContain('Startet 1.8.2025, evaluert 2025-09-15.<br>Ferdig i Desember 2025.</p>');
  });
});

describe('dates and months in the plan, as the report prints them', () => {
  it('writes dates out and puts months in lower case, except where a line of a cell starts', async () => {
    const html = typeset(await actionPlan(call('action-plan', 'linjen'), context(parse(PLAN).plan)));
    // "Årlig (Januar) Årlig (Mars)": two lines, months in lower case.
    expect(html).toContain('<p class="deadline">Årlig (januar)<br>Årlig (mars)</p>');
    // A month mid-line is lower case; one that starts a line of the cell keeps its capital, as a sentence start.
    expect(html).toContain('<p class="deadline">Oppstart januar 2025<br>Desember 2025</p>');
    expect(html).toContain('<p class="deadline">Juni 2025</p>');
    // 01.08.25, 1.8.2025 and 2025-09-15 written out, in a description and in a comment.
    expect(html).toContain(`før disse tiltrer 1.${NB}august 2025</li>`);
    expect(html).toContain(
      `Startet 1.${NB}august 2025, evaluert 15.${NB}september 2025.<br>Ferdig i desember 2025.</p>`,
    );
  });
});

describe('a status as a symbol and a word', () => {
  const all = PLAN.replace(
    '            deadline: Juni 2025\n            status: ikke gjennomført\n',
    '            deadline: Juni 2025\n            status: ikke gjennomført\n' +
      '          - title: HMS på agendaen\n            description: [Følges opp jevnlig.]\n' +
      '            responsible: Linjeleder\n            status: Løpende\n',
  );

  it('marks every status with its own shape, hidden from screen readers, beside the status written out', async () => {
    const html = await actionPlan(call('action-plan', 'linjen'), context(parse(all).plan));
    const statuses = [
      ...html.matchAll(
        /<p class="status-line"><strong class="status status-[a-z-]+ light light-([a-z]+)"><span class="light-symbol" aria-hidden="true">(.)<\/span>([^<]+)<\/strong><\/p>/g,
      ),
    ].map(([, signal, symbol, word]) => [signal, symbol, word]);
    expect(statuses).toEqual([
      ['green', SIGNAL_SYMBOLS.green, 'Gjennomført'],
      ['yellow', SIGNAL_SYMBOLS.yellow, 'Delvis gjennomført'],
      ['red', SIGNAL_SYMBOLS.red, 'Ikke gjennomført'],
      ['neutral', SIGNAL_SYMBOLS.neutral, 'Løpende'],
    ]);
    // No two statuses look alike in greyscale: each has a shape of its own …
    expect(new Set(Object.values(SIGNAL_SYMBOLS)).size).toBe(Object.keys(SIGNAL_SYMBOLS).length);
  });

  it('draws each shape in the stylesheet, and tints the status as the survey tints a light', () => {
    const css = readFileSync(new URL('../../templates/report.css', import.meta.url), 'utf8');
    // … drawn by report.css, since the embedded font has no such glyphs.
    for (const signal of Object.keys(SIGNAL_SYMBOLS))
      expect(css).toMatch(new RegExp(`\\.light-${signal} \\.light-symbol::before \\{[^}]+\\}`));
    for (const signal of Object.keys(SIGNAL_SYMBOLS))
      expect(css).toMatch(
        new RegExp(`\\.light-${signal} \\{ background: var\\(--[a-z]+-bg\\); color: var\\(--[a-z]+-ink\\); \\}`),
      );
  });

  it('gives the count by status the same look, and no row for "løpende" when no measure has it', async () => {
    const html = await actionPlanStatus(call('action-plan-status'), context(parse(PLAN).plan));
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const rows = [
      ...body.matchAll(/<tr><th scope="row"([^>]*)>([\s\S]*?)<\/th><td class="num">(\d+)<\/td><\/tr>/g),
    ].map(([, attributes, label, count]) => [attributes, label, count]);
    expect(rows).toEqual([
      [
        ' class="status status-gjennomfort light light-green"',
        `<span class="light-symbol" aria-hidden="true">${SIGNAL_SYMBOLS.green}</span>Gjennomført`,
        '1',
      ],
      [
        ' class="status status-delvis-gjennomfort light light-yellow"',
        `<span class="light-symbol" aria-hidden="true">${SIGNAL_SYMBOLS.yellow}</span>Delvis gjennomført`,
        '1',
      ],
      [
        ' class="status status-ikke-gjennomfort light light-red"',
        `<span class="light-symbol" aria-hidden="true">${SIGNAL_SYMBOLS.red}</span>Ikke gjennomført`,
        '1',
      ],
    ]);
    expect(html).not.toContain('Løpende');
    expect(html).toContain('<th scope="row">Totalt</th><td class="num">3</td>');
  });

  it('lists every outcome, even at 0, and "løpende" only when a measure has it', () => {
    const none = countStatuses(parse(PLAN.replace('status: ikke gjennomført', 'status: gjennomført')).plan!.plans);
    expect(none['ikke gjennomført']).toBe(0);
    expect(listedStatuses(none)).toEqual(['gjennomført', 'delvis gjennomført', 'ikke gjennomført']);
    const ongoing = countStatuses(parse(all).plan!.plans);
    expect(ongoing.løpende).toBe(1);
    expect(listedStatuses(ongoing)).toEqual(['gjennomført', 'delvis gjennomført', 'ikke gjennomført', 'løpende']);
  });
});
