import { clip, messages } from '../messages.js';
import type { Inspection } from './index.js';

/** Values shown per column. */
const SHOWN = 8;

/** `hms-report inspect`'s report for a person: what the tool sees, what it would map, and the stanza. */
export function renderInspection(inspection: Inspection): string {
  const out: string[] = [inspection.file];
  const field = (name: string, value: string) => out.push(`  ${name.padEnd(12)}${value}`);
  field(
    'format',
    inspection.format === 'csv'
      ? messages.inspectFormatCsv(inspection.encoding ?? '', inspection.delimiter ?? '')
      : messages.inspectFormatXlsx(inspection.sheets, inspection.sheet),
  );
  field('header', messages.inspectHeader(inspection.headerRow, inspection.titleRows));
  field('rows', messages.inspectRows(inspection.rows, inspection.totalRows));
  const [best, ...others] = inspection.candidates;
  if (inspection.table === 'survey') field('most likely', messages.inspectSurvey(inspection.nettskjema));
  else if (best) {
    field('most likely', messages.inspectLikely(best.table, best.matched, best.missing));
    if (others.length) field('', messages.inspectAlso(others.map((o) => o.table)));
  } else field('most likely', messages.inspectNoTable());

  out.push('', 'Columns:');
  const width = Math.min(32, Math.max(...inspection.columns.map((c) => c.header.length)) + 2);
  const mapped = new Map(
    inspection.values.flatMap((v) =>
      v.mapped.filter((m) => m.how !== 'code').map((m) => [`${v.column}\u0000${m.label}`, m.code]),
    ),
  );
  for (const column of inspection.columns) {
    const target = column.column ? `→ ${column.column}` : messages.inspectNotUsed();
    let values: string;
    if (column.values) {
      values = column.values
        .slice(0, SHOWN)
        .map((v) => {
          const code = column.column ? mapped.get(`${column.column}\u0000${v.value}`) : undefined;
          return `"${clip(v.value, 40)}" (${v.count})${code ? ` → ${code}` : ''}`;
        })
        .join(', ');
      if (column.values.length > SHOWN) values += `, … (${column.values.length})`;
    } else {
      values = `${messages.inspectDistinct(column.distinct, column.more)}, e.g. ${column.samples.map((s) => `"${clip(s, 30)}"`).join(', ')}`;
    }
    out.push(`  ${clip(column.header, width - 2).padEnd(width)}${target.padEnd(26)}${values}`);
  }

  const problems = [
    ...inspection.values.flatMap((v) =>
      v.unmapped.map((u) => messages.inspectUnmapped(v.column, u.label, u.count, u.row, u.nearest)),
    ),
    ...(inspection.units?.unknown ?? []).map((u) =>
      messages.inspectUnknownUnit(u.value, u.count, inspection.units!.naming, u.nearest),
    ),
  ];
  if (problems.length) out.push('', messages.inspectCouldNotMap(), ...problems.map((p) => `  ${p}`));
  if (inspection.units && !inspection.units.checked) out.push('', messages.inspectNoRegister());
  if (!inspection.inWorkspace) out.push('', messages.inspectOutside(inspection.file));
  out.push('');
  if (inspection.stanza) out.push(messages.inspectStanza(), '', inspection.stanza.trimEnd());
  else out.push(messages.inspectNoStanza());
  return `${out.join('\n')}\n`;
}
