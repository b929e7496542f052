import { z } from 'zod';
import type { Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';
import { code, text as textCell } from '../../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { Table } from '../../workspace/table.js';
import { parseYaml } from '../../workspace/yaml.js';
import type { SourceContext } from '../context.js';

/**
 * The action plan of seed §6.4 (content/<year>/handlingsplan.yaml): plans of
 * numbered groups of measures ("1.0 Styrke det systematiske HMS-arbeidet",
 * "1.1 …"), each with rows of description, responsible, deadline and status.
 * Numbers follow from the order in the file, so they cannot go out of step.
 */

/** What became of a measure by the end of the year: the statuses the count by status always lists. */
export const ACTION_OUTCOMES = ['gjennomført', 'delvis gjennomført', 'ikke gjennomført'] as const;
/**
 * Every status a plan may give. "løpende" is a deadline rather than an outcome ("Frist: Løpende"), but the
 * data contract has always accepted it as a status, so it is still read (and counted when a row gives it).
 */
export const ACTION_STATUSES = [...ACTION_OUTCOMES, 'løpende'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A bullet of a description: text, or text followed by its own sub-bullets. */
export type Bullet = string | { text: string; items: string[] };

/**
 * A cell that may hold several entries, each shown on its own line ("Årlig (januar)" and "Årlig (mars)"):
 * in YAML a list of texts or a text whose line breaks are kept, in a spreadsheet a cell's lines.
 */
export type Lines = string[];

export interface ActionRow {
  description: Bullet[];
  /** At least one line. */
  responsible: Lines;
  /** No lines when the row has no deadline; so for the comment. */
  deadline: Lines;
  status: ActionStatus | null;
  comment: Lines;
}

export interface ActionMeasure {
  number: string;
  title: string;
  rows: ActionRow[];
}

export interface ActionGroup {
  number: string;
  title: string;
  measures: ActionMeasure[];
}

export interface ActionPlan {
  id: string;
  title: string;
  /** Whose plan it is, shown above the table ("HR- og HMS-avdelingen"). */
  owner: string;
  groups: ActionGroup[];
}

export interface ActionPlanData {
  file: string;
  plans: ActionPlan[];
}

const text = z.string().trim().min(1, messages.notEmpty());

const bullet = z.union([text, z.strictObject({ text, items: z.array(text).min(1) })], {
  error: 'a bullet is a text, or {text: …, items: [ … ]} for a bullet with sub-bullets',
});

/** A text's lines, trimmed, blank ones left out. */
export function linesOf(value: string | readonly string[]): Lines {
  return (typeof value === 'string' ? [value] : value)
    .flatMap((entry) => entry.split(/\r\n?|\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A cell of several lines: a text (its line breaks kept) or a list of texts, each a line. */
const lines = z
  .union([z.string(), z.array(text).min(1, messages.notEmpty())], { error: messages.actionPlanLines() })
  .transform((value, ctx) => {
    const found = linesOf(value);
    if (found.length === 0) {
      ctx.addIssue({ code: 'custom', message: messages.notEmpty() });
      return z.NEVER;
    }
    return found;
  });

const status = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const found = ACTION_STATUSES.find((s) => s === value.toLowerCase());
    if (!found) {
      ctx.addIssue({ code: 'custom', message: messages.actionPlanStatus(value, ACTION_STATUSES) });
      return z.NEVER;
    }
    return found;
  });

const rowFields = {
  description: z.array(bullet).min(1, 'needs at least one bullet'),
  responsible: lines,
  deadline: lines.optional(),
  status: status.optional(),
  comment: lines.optional(),
};

const row = z.strictObject(rowFields);

// A measure with one row writes the row's fields on the measure itself; one with several lists them under rows.
// One schema with a refinement (not a union) keeps every problem at its own path and line.
const measure = z
  .strictObject({
    title: text,
    ...rowFields,
    description: rowFields.description.optional(),
    responsible: lines.optional(),
    rows: z.array(row).min(1).optional(),
  })
  .superRefine((m, ctx) => {
    const own = (['description', 'responsible', 'deadline', 'status', 'comment'] as const).filter(
      (key) => m[key] !== undefined,
    );
    if (m.rows) {
      for (const key of own)
        ctx.addIssue({ code: 'custom', path: [key], message: 'a measure with rows: gives this in each row instead' });
      return;
    }
    for (const key of ['description', 'responsible'] as const) {
      if (m[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `required (or give rows: [ … ] with ${key} in each)` });
    }
  });

const schema = z.strictObject({
  plans: z
    .array(
      z.strictObject({
        id: text.regex(
          /^[a-z0-9-]+$/,
          'use lower-case letters, digits and "-" (it is written in {{action-plan "<id>"}})',
        ),
        title: text,
        owner: text,
        groups: z.array(z.strictObject({ title: text, measures: z.array(measure).min(1) })).min(1),
      }),
    )
    .min(1),
});

type RawMeasure = z.infer<typeof measure>;

function rowsOf(m: RawMeasure): ActionRow[] {
  // Without rows the refinement has required description and responsible; the fallbacks only satisfy the type.
  const rows = m.rows ?? [{ ...m, description: m.description ?? [], responsible: m.responsible ?? [] }];
  return rows.map((r) => ({
    description: r.description,
    responsible: r.responsible,
    deadline: r.deadline ?? [],
    status: r.status ?? null,
    comment: r.comment ?? [],
  }));
}

/** Parses and validates a plan file; problems at their line go to `diagnostics`. */
export function parseActionPlan(file: string, source: string, diagnostics: Diagnostics): ActionPlanData | null {
  const parsed = parseYaml(file, source, schema, diagnostics);
  if (!parsed) return null;
  const seen = new Set<string>();
  for (const plan of parsed.plans) {
    if (seen.has(plan.id)) diagnostics.error(file, messages.actionPlanDuplicateId(plan.id));
    seen.add(plan.id);
  }
  return {
    file,
    plans: parsed.plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      owner: plan.owner,
      groups: plan.groups.map((group, g) => ({
        number: `${g + 1}.0`,
        title: group.title,
        measures: group.measures.map((m, i) => ({ number: `${g + 1}.${i + 1}`, title: m.title, rows: rowsOf(m) })),
      })),
    })),
  };
}

/**
 * The same plan as a spreadsheet (handlingsplan.xlsx or .csv), one row per
 * row of the seed's tables. A plan, group or measure cell left empty repeats
 * the one above, as people fill in such sheets. In a description, each line is
 * a bullet; a line starting with "-" is a sub-bullet of the bullet above. In
 * responsible, deadline and comment each line is shown on a line of its own.
 */
const TABLE_SPEC = tableSpec({
  columns: {
    plan: textCell({ optional: true }),
    plan_title: textCell({ optional: true }),
    owner: textCell({ optional: true }),
    group: textCell({ optional: true }),
    measure: textCell({ optional: true }),
    description: textCell(),
    responsible: textCell(),
    deadline: textCell({ optional: true }),
    status: code(ACTION_STATUSES, { optional: true }),
    comment: textCell({ optional: true }),
  },
  optional: ['plan_title', 'owner', 'deadline', 'status', 'comment'],
});

function bulletsOf(description: string): Bullet[] {
  const bullets: Bullet[] = [];
  for (const raw of description.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const sub = /^[-–]\s*(.*)$/.exec(line);
    const last = bullets[bullets.length - 1];
    if (sub && last !== undefined) {
      const parent = typeof last === 'string' ? { text: last, items: [] as string[] } : last;
      parent.items.push(sub[1]!);
      bullets[bullets.length - 1] = parent;
    } else {
      bullets.push(line.replace(/^[•·*]\s*/, ''));
    }
  }
  return bullets;
}

async function parseActionPlanTable(table: Table, diagnostics: Diagnostics): Promise<ActionPlanData | null> {
  const plans: ActionPlan[] = [];
  let plan: ActionPlan | undefined;
  let group: ActionGroup | undefined;
  let measure: ActionMeasure | undefined;
  let valid = true;
  for await (const { row, value } of readRows(table, TABLE_SPEC, diagnostics)) {
    if (value.plan !== null && value.plan !== plan?.id) {
      if (plans.some((p) => p.id === value.plan))
        diagnostics.error(table.file, messages.actionPlanDuplicateId(value.plan), row, headerOf(table, 'plan'));
      plan = {
        id: value.plan,
        title: value.plan_title ?? value.plan,
        owner: value.owner ?? value.plan_title ?? value.plan,
        groups: [],
      };
      plans.push(plan);
      group = measure = undefined;
    }
    if (value.group !== null && value.group !== group?.title && plan) {
      group = { number: `${plan.groups.length + 1}.0`, title: value.group, measures: [] };
      plan.groups.push(group);
      measure = undefined;
    }
    if (value.measure !== null && value.measure !== measure?.title && group) {
      measure = {
        number: `${group.number.split('.')[0]}.${group.measures.length + 1}`,
        title: value.measure,
        rows: [],
      };
      group.measures.push(measure);
    }
    if (!plan || !group || !measure) {
      const missing = !plan ? 'plan' : !group ? 'group' : 'measure';
      diagnostics.error(table.file, messages.actionPlanFirstRow(missing), row, headerOf(table, missing));
      valid = false;
      continue;
    }
    measure.rows.push({
      description: bulletsOf(value.description),
      responsible: linesOf(value.responsible),
      deadline: linesOf(value.deadline ?? []),
      status: value.status,
      comment: linesOf(value.comment ?? []),
    });
  }
  return valid ? { file: table.file, plans } : null;
}

/** content/<year>/handlingsplan.yaml (or .yml, .xlsx, .csv); null when the workspace has none. */
export async function readActionPlan({ workspace, year, diagnostics }: SourceContext): Promise<ActionPlanData | null> {
  const folder = `content/${year}`;
  const names = await workspace.list(folder);
  const yaml = names.find((n) => /^handlingsplan\.ya?ml$/i.test(n));
  const sheet = await workspace.locate(`${folder}/handlingsplan`, diagnostics);
  if (yaml && sheet) {
    diagnostics.error(`${folder}/${yaml}`, messages.actionPlanTwice(sheet));
    return null;
  }
  if (sheet) {
    const table = await workspace.open(sheet, diagnostics);
    return table ? parseActionPlanTable(table, diagnostics) : null;
  }
  if (!yaml) return null;
  const file = `${folder}/${yaml}`;
  return parseActionPlan(file, await workspace.readText(file), diagnostics);
}

export type StatusCounts = Record<ActionStatus, number> & { total: number };

/** Rows by status, over the given plans; rows without a status are not counted. */
export function countStatuses(plans: readonly ActionPlan[]): StatusCounts {
  const counts: StatusCounts = { gjennomført: 0, 'delvis gjennomført': 0, 'ikke gjennomført': 0, løpende: 0, total: 0 };
  for (const plan of plans)
    for (const group of plan.groups)
      for (const m of group.measures)
        for (const r of m.rows)
          if (r.status) {
            counts[r.status]++;
            counts.total++;
          }
  return counts;
}
