import { formatNumber, formatPointChange, NBSP } from '../report/format.js';
import type { Change, ChangeKind, MetricsDiff } from './diff.js';
import type { Leaf } from './flatten.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffSides {
  /** What the user named, as shown in the heading. */
  a: string;
  b: string;
}

const SECTIONS: { kind: ChangeKind; title: string }[] = [
  { kind: 'changed', title: 'Changed' },
  { kind: 'light', title: 'Traffic lights that changed colour' },
  { kind: 'suppressed', title: 'Suppressed (a figure now hidden)' },
  { kind: 'unsuppressed', title: 'No longer suppressed' },
  { kind: 'added', title: 'Added' },
  { kind: 'removed', title: 'Removed' },
];

/**
 * Norwegian number format: `4,5 %` for percentages, `1 744` for counts. Null
 * is `suppressed` under absence (the contract's suppression of small groups)
 * and `none` elsewhere (a survey percent with no applicable unit …).
 */
function formatValue(value: Leaf | undefined, percent: boolean, suppressible = false): string {
  if (value === undefined) return '–';
  if (value === null) return suppressible ? 'suppressed' : 'none';
  if (typeof value === 'number') {
    if (percent) return `${formatNumber(value, 1)}${NBSP}%`;
    return Number.isInteger(value) ? formatNumber(value, 0) : formatNumber(value, 2);
  }
  return String(value);
}

/** `−0,1 pp` for percentages (percentage points), `−549` for counts. */
function formatDelta(change: Change): string {
  if (change.delta === null) return '';
  if (change.percent) return `${formatPointChange(change.delta, 1)}${NBSP}pp`;
  const decimals = Number.isInteger(change.delta) ? 0 : 2;
  return formatPointChange(change.delta, decimals);
}

function summary(diff: MetricsDiff): string {
  if (diff.changes.length === 0) return 'No differences.';
  const parts = SECTIONS.filter((s) => diff.counts[s.kind] > 0).map((s) => `${diff.counts[s.kind]} ${s.kind}`);
  return `${diff.changes.length} difference${diff.changes.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

function heading(diff: MetricsDiff, sides: DiffSides): string {
  const mode =
    diff.mode === 'years' ? `year over year, ${diff.yearA ?? '?'} → ${diff.yearB ?? '?'}` : 'same paths in both runs';
  return `${sides.a} → ${sides.b} (${mode})`;
}

/** Added or removed figures under a subtree that exists on one side only are shown as one line. */
interface Line {
  label: string;
  before: string;
  after: string;
  delta: string;
}

function lines(changes: Change[]): Line[] {
  const out: Line[] = [];
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const key = change.group !== undefined && change.group !== change.label ? change.group : change.label;
    const list = groups.get(key) ?? [];
    list.push(change);
    groups.set(key, list);
  }
  for (const [label, members] of groups) {
    const only = members[0]!;
    if (members.length === 1 && label === only.label) {
      out.push({
        label,
        before: formatValue(only.before, only.percent, only.suppressible),
        after: formatValue(only.after, only.percent, only.suppressible),
        delta: formatDelta(only),
      });
    } else {
      const count = `${formatNumber(members.length, 0)} figure${members.length === 1 ? '' : 's'}`;
      out.push({
        label,
        before: only.kind === 'removed' ? count : '–',
        after: only.kind === 'added' ? count : '–',
        delta: '',
      });
    }
  }
  return out;
}

export interface TextStyle {
  color: boolean;
}

const ANSI = {
  bold: '\u001b[1m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

function renderText(diff: MetricsDiff, sides: DiffSides, style: TextStyle): string {
  const paint = (code: string, text: string) => (style.color && text ? `${code}${text}${ANSI.reset}` : text);
  const out: string[] = [paint(ANSI.bold, heading(diff, sides))];
  for (const section of SECTIONS) {
    const members = diff.changes.filter((c) => c.kind === section.kind);
    if (members.length === 0) continue;
    const rows = lines(members);
    const width = Math.min(60, Math.max(...rows.map((r) => r.label.length)));
    // Long text values (captions, sources) would push every number far right: only short ones are aligned.
    const beforeWidth = Math.min(16, Math.max(...rows.map((r) => r.before.length)));
    out.push('', paint(ANSI.bold, `${section.title} (${formatNumber(members.length, 0)})`));
    for (const row of rows) {
      const colour = row.delta.startsWith('+') ? ANSI.green : row.delta.startsWith('\u2212') ? ANSI.red : ANSI.dim;
      const values = `${row.before.padStart(beforeWidth)} → ${row.after}`;
      out.push(`  ${row.label.padEnd(width)}  ${values}${row.delta ? `  ${paint(colour, row.delta)}` : ''}`.trimEnd());
    }
  }
  out.push('', summary(diff));
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function renderMarkdown(diff: MetricsDiff, sides: DiffSides): string {
  const out: string[] = [`### metrics.json: ${cell(heading(diff, sides))}`, '', summary(diff)];
  for (const section of SECTIONS) {
    const members = diff.changes.filter((c) => c.kind === section.kind);
    if (members.length === 0) continue;
    out.push(
      '',
      `#### ${section.title} (${formatNumber(members.length, 0)})`,
      '',
      '| Figure | Before | After | Change |',
      '|---|--:|--:|--:|',
    );
    for (const row of lines(members))
      out.push(`| \`${cell(row.label)}\` | ${cell(row.before)} | ${cell(row.after)} | ${cell(row.delta)} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Machine-readable: every figure, unrounded, none grouped. */
function renderJson(diff: MetricsDiff, sides: DiffSides): string {
  const changes = diff.changes.map(({ group: _group, ...rest }) => ({
    ...rest,
    before: rest.before === undefined ? null : rest.before,
    after: rest.after === undefined ? null : rest.after,
  }));
  return `${JSON.stringify({ a: sides.a, b: sides.b, mode: diff.mode, yearA: diff.yearA, yearB: diff.yearB, changed: diff.changes.length > 0, counts: diff.counts, changes }, null, 2)}\n`;
}

export function renderDiff(diff: MetricsDiff, sides: DiffSides, format: DiffFormat, style: TextStyle): string {
  if (format === 'json') return renderJson(diff, sides);
  if (format === 'markdown') return renderMarkdown(diff, sides);
  return renderText(diff, sides, style);
}
