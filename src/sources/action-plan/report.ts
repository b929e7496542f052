import MarkdownIt from 'markdown-it';
import {
  ACTION_OUTCOMES,
  ACTION_STATUSES,
  countStatuses,
  type ActionPlan,
  type ActionPlanData,
  type ActionRow,
  type ActionStatus,
  type Bullet,
  type StatusCounts,
} from './read.js';
import { messages } from '../../messages.js';
import { ComponentError } from '../../report/content.js';
import { formatCount } from '../../report/format.js';
import { escapeHtml } from '../../report/html-escape.js';
import { signalSymbol, type Signal } from '../../report/lights.js';
import type { Component, ComponentContext } from '../../report/component.js';

/**
 * Seed §6.4: the action plan as tables (TILTAK, BESKRIVELSE, ANSVAR,
 * FRIST/STATUS) with a row per group ("1.0 …"), and a count of measures by
 * status. A status looks like the survey's traffic lights (report/lights.ts):
 * a shape hidden from screen readers and the status written out, so it is
 * never told by colour alone. Each entry of a cell (a bullet, a responsible,
 * a deadline, a line of a comment) is on a line of its own.
 */

/** The validated action plan; the component shows content, not metrics. */
const planOf = (context: ComponentContext) => context.sourceData('actionPlan') as ActionPlanData | null;

const NO_PLAN = '<p class="no-data">Det er ikke gitt noen handlingsplan (content/&lt;år&gt;/handlingsplan.yaml).</p>';

/** Inline Markdown in plan texts (links, emphasis), with raw HTML escaped: the plan is data, not markup. */
const inline = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** How each status is written, and the traffic light it is shown as ("løpende" is no outcome: a neutral ring). */
const STATUSES: Record<ActionStatus, { label: string; signal: Signal }> = {
  gjennomført: { label: 'Gjennomført', signal: 'green' },
  'delvis gjennomført': { label: 'Delvis gjennomført', signal: 'yellow' },
  'ikke gjennomført': { label: 'Ikke gjennomført', signal: 'red' },
  løpende: { label: 'Løpende', signal: 'neutral' },
};

const statusClass = (status: ActionStatus) =>
  `status status-${status.replace(/ø/g, 'o').replace(/\s+/g, '-')} light light-${STATUSES[status].signal}`;

/** A status as its symbol and its word. */
function statusLabel(status: ActionStatus): string {
  return `${signalSymbol(STATUSES[status].signal)}${STATUSES[status].label}`;
}

/** The entries of a cell, each on its own line. */
const lines = (entries: readonly string[]) => entries.map((entry) => inline.renderInline(entry)).join('<br>');

function bullets(items: readonly Bullet[]): string {
  const li = items.map((b) =>
    typeof b === 'string'
      ? `<li>${inline.renderInline(b)}</li>`
      : `<li>${inline.renderInline(b.text)}<ul>${b.items.map((i) => `<li>${inline.renderInline(i)}</li>`).join('')}</ul></li>`,
  );
  return `<ul>${li.join('')}</ul>`;
}

/** FRIST/STATUS: the deadlines, the status on a line of its own, then the comment. */
function deadlineAndStatus(row: ActionRow): string {
  const parts: string[] = [];
  if (row.deadline.length > 0) parts.push(`<p class="deadline">${lines(row.deadline)}</p>`);
  if (row.status)
    parts.push(
      `<p class="status-line"><strong class="${statusClass(row.status)}">${statusLabel(row.status)}</strong></p>`,
    );
  if (row.comment.length > 0) parts.push(`<p class="status-comment">${lines(row.comment)}</p>`);
  return parts.join('');
}

function planTable(plan: ActionPlan): string {
  const groups = plan.groups.map((group) => {
    const rows = group.measures.flatMap((measure) =>
      measure.rows.map((row, index) => {
        const head =
          index === 0
            ? `<th scope="row"${measure.rows.length > 1 ? ` rowspan="${measure.rows.length}"` : ''}>${escapeHtml(measure.number)} ${inline.renderInline(measure.title)}</th>`
            : '';
        return `<tr>${head}<td>${bullets(row.description)}</td><td>${lines(row.responsible)}</td><td>${deadlineAndStatus(row)}</td></tr>`;
      }),
    );
    return `<tbody>\n<tr class="action-group"><th scope="rowgroup" colspan="4">${escapeHtml(group.number)} ${inline.renderInline(group.title)}</th></tr>\n${rows.join('\n')}\n</tbody>`;
  });
  return (
    // The owner heads the table as in the seed, in the header that repeats
    // on every page; the caption names the plan for screen readers.
    `<table class="action-plan" id="handlingsplan-${escapeHtml(plan.id)}">\n<caption class="visually-hidden">${inline.renderInline(plan.title)}</caption>\n` +
    `<colgroup><col class="col-measure"><col class="col-description"><col class="col-responsible"><col class="col-deadline"></colgroup>\n` +
    `<thead><tr class="action-owner"><th scope="colgroup" colspan="4">${inline.renderInline(plan.owner)}</th></tr>\n` +
    `<tr><th scope="col">Tiltak</th><th scope="col">Beskrivelse</th><th scope="col">Ansvar</th><th scope="col">Frist/status</th></tr></thead>\n` +
    `${groups.join('\n')}\n</table>`
  );
}

function findPlan(id: unknown, context: ComponentContext): ActionPlan {
  const plans = planOf(context)?.plans ?? [];
  const plan = plans.find((p) => p.id === String(id));
  if (!plan)
    throw new ComponentError(
      messages.unknownActionPlan(
        String(id),
        plans.map((p) => p.id),
      ),
    );
  return plan;
}

/** `{{action-plan "<plan id>"}}`: one plan as the seed's table. */
export const actionPlan: Component = (call, context) => {
  const id = call.args[0];
  if (typeof id !== 'string' || id.trim() === '') throw new ComponentError(messages.actionPlanNoId());
  const plan = planOf(context);
  if (!plan) return NO_PLAN;
  return planTable(findPlan(id, context));
};

/**
 * The statuses the count lists: every outcome, even at 0 (none "ikke gjennomført" is worth saying), and
 * "løpende" only when a row gives it, since it is a deadline rather than an outcome.
 */
export function listedStatuses(counts: StatusCounts): ActionStatus[] {
  const outcomes: ReadonlySet<ActionStatus> = new Set(ACTION_OUTCOMES);
  return ACTION_STATUSES.filter((s) => outcomes.has(s) || counts[s] > 0);
}

/** `{{action-plan-status}}` (all plans) or `{{action-plan-status "<plan id>"}}`: measures by status. */
export const actionPlanStatus: Component = (call, context) => {
  const plan = planOf(context);
  if (!plan) return NO_PLAN;
  const id = call.args[0];
  const plans = id === undefined ? plan.plans : [findPlan(id, context)];
  const counts = countStatuses(plans);
  const scope = plans.length === 1 ? plans[0]!.title : 'overordnet HMS-handlingsplan';
  const rows = listedStatuses(counts).map(
    (s) =>
      `<tr><th scope="row" class="${statusClass(s)}">${statusLabel(s)}</th><td class="num">${formatCount(counts[s])}</td></tr>`,
  );
  return (
    `<table class="action-plan-status">\n<caption>Status for tiltak i ${inline.renderInline(scope)}</caption>\n` +
    `<thead><tr><th scope="col">Status</th><th scope="col" class="num">Antall</th></tr></thead>\n` +
    `<tbody>\n${rows.join('\n')}\n</tbody>\n<tfoot><tr><th scope="row">Totalt</th><td class="num">${formatCount(counts.total)}</td></tr></tfoot>\n</table>`
  );
};
