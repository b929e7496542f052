import { InternalError, type Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';
import { code, text } from '../../workspace/cells.js';
import { headerOf, readRows, tableSpec } from '../../workspace/rows.js';
import type { Table } from '../../workspace/table.js';
import type { SourceContext } from '../context.js';

export const POSITION_GROUPS = ['vitenskapelig', 'teknisk-administrativ'] as const;
export type PositionGroup = (typeof POSITION_GROUPS)[number];

/** Stillingskode 1017: the seed reports stipendiater on their own (Figur 7). */
export const STIPENDIAT_CODE = '1017';

export interface PositionCode {
  code: string;
  title: string;
  group: PositionGroup;
}

export const positionCodesSpec = tableSpec({
  columns: {
    position_code: text(),
    title: text({ optional: true }),
    group: code(POSITION_GROUPS, {
      aliases: {
        vit: 'vitenskapelig',
        'tek-adm': 'teknisk-administrativ',
        ta: 'teknisk-administrativ',
        'teknisk/administrativ': 'teknisk-administrativ',
      },
    }),
  },
  optional: ['title'],
});

/** The bundled table (DBH's grouping of the state sector's stillingskoder). */
const BUNDLED_POSITION_CODES = 'templates/position-codes.csv';

/**
 * The stillingskode table: the bundled one, extended (or overridden, code by
 * code) by the workspace's position-codes.csv|xlsx.
 */
export async function readPositionCodes({
  tables,
  bundled,
  units,
  diagnostics,
}: SourceContext): Promise<Map<string, PositionCode>> {
  const table = new Map<string, PositionCode>();
  const defaults = (await bundled.exists(BUNDLED_POSITION_CODES))
    ? await bundled.open(BUNDLED_POSITION_CODES, diagnostics)
    : null;
  if (!defaults) throw new InternalError(messages.bundledUnreadable(BUNDLED_POSITION_CODES));
  await addCodes(defaults, table, diagnostics);
  const own = await tables.open('position-codes', units);
  if (own) await addCodes(own, table, diagnostics);
  return table;
}

async function addCodes(source: Table, table: Map<string, PositionCode>, diagnostics: Diagnostics): Promise<void> {
  const seen = new Map<string, number>();
  for await (const { row, value } of readRows(source, positionCodesSpec, diagnostics)) {
    const key = normalisePositionCode(value.position_code);
    if (!/^\d{4}$/.test(key)) {
      diagnostics.error(
        source.file,
        messages.badPositionCode(value.position_code),
        row,
        headerOf(source, 'position_code'),
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.error(
        source.file,
        messages.duplicatePositionCode(key, first),
        row,
        headerOf(source, 'position_code'),
      );
      continue;
    }
    seen.set(key, row);
    table.set(key, { code: key, title: value.title ?? key, group: value.group });
  }
}

/**
 * SAP sometimes writes the code with its eight-digit prefix (20001017) or its
 * title ("1017 Stipendiat"), Excel as a number (0214 → 214); the table keys
 * are four digits.
 */
export function normalisePositionCode(raw: string): string {
  const trimmed = raw.trim();
  if (/^2000\d{4}$/.test(trimmed)) return trimmed.slice(4);
  const titled = /^(\d{4})\s+\D/.exec(trimmed);
  if (titled) return titled[1]!;
  return /^\d{1,3}$/.test(trimmed) ? trimmed.padStart(4, '0') : trimmed;
}
