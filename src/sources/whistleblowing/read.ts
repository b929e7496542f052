import { code, date, text } from '../../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { SourceContext } from '../context.js';
import { CaseIds, cleanText, textKey } from '../case-ids.js';

/**
 * Varslingssaker (contract §3, whistleblowing), all years. No unit and no
 * names: the report shows institution totals only. A topic is matched like a
 * category (trimmed, spaces collapsed, any case) and shown with the first
 * spelling the file uses; an empty topic is allowed and is simply not
 * psychosocial.
 */

export const CRITICAL_CODES = ['ja', 'nei', 'ikke avsluttet'] as const;
export type Critical = (typeof CRITICAL_CODES)[number];

/** The topic the report counts as psychosocial, compared with textKey(). */
export const PSYCHOSOCIAL_TOPIC = 'psykososialt og organisatorisk arbeidsmiljø';

export interface WhistleblowingCase {
  id: string;
  row: number;
  year: number;
  received: string;
  /** Display spelling; null when the export gives none. */
  topic: string | null;
  psychosocial: boolean;
  critical: Critical;
}

export interface WhistleblowingData {
  file: string;
  cases: WhistleblowingCase[];
}

export const whistleblowingSpec = tableSpec({
  columns: {
    case_id: text(),
    received_date: date(),
    topic: text({ optional: true }),
    critical: code(CRITICAL_CODES, {
      aliases: { ikke_avsluttet: 'ikke avsluttet', 'ikke konkludert': 'ikke avsluttet', j: 'ja', n: 'nei' },
    }),
  },
});

export async function readWhistleblowing({
  tables,
  units,
  diagnostics,
}: SourceContext): Promise<WhistleblowingData | null> {
  const table = await tables.open('whistleblowing', units);
  if (!table) return null;
  const ids = new CaseIds(table.file);
  const spelling = new Map<string, string>();
  const cases: WhistleblowingCase[] = [];
  for await (const { row, value } of readRows(table, whistleblowingSpec, diagnostics)) {
    if (!ids.add(value.case_id, row, headerOf(table, 'case_id'), diagnostics)) continue;
    const key = value.topic === null ? '' : textKey(value.topic);
    if (key && !spelling.has(key)) spelling.set(key, cleanText(value.topic!));
    cases.push({
      id: value.case_id,
      row,
      year: Number(value.received_date.slice(0, 4)),
      received: value.received_date,
      topic: key ? spelling.get(key)! : null,
      psychosocial: key === PSYCHOSOCIAL_TOPIC,
      critical: value.critical,
    });
  }
  return { file: table.file, cases };
}
