import { isBlank, type Cell, type Table } from '../../workspace/table.js';

/**
 * What a Nettskjema download holds besides the answers, in its three shapes:
 * the classic download (`data-<formid>-<date>-<hhmm>-utf.txt`, tab-separated:
 * `NR`, `E-post`, `Opprettet`, `Endret`, the questions, `Svartid`), the API's
 * CSV (`;`, quoted: `$submission_id`, `$created`, the questions,
 * `$answer_time_ms`) and the XLSX report (the same columns, one sheet named
 * after the form). The CSV and XLSX readers of the workspace read all three.
 */

/** The submission's id: the API's and the report's, or the classic download's number. */
export const SUBMISSION_ID_COLUMNS = ['$submission_id', 'NR'] as const;
/** When the submission was made: `2023-06-01T20:57:15+02:00`, `09.04.2017 08:50` or an Excel date. */
export const CREATED_COLUMNS = ['$created', 'Opprettet'] as const;
/** Understood and not needed: when an answer was changed, the time it took, the respondent's e-mail. */
export const OTHER_META_COLUMNS = ['Endret', 'Svartid', 'E-post', '$answer_time_ms'] as const;

/** A download as Nettskjema names it: `data-82087-2018-09-03-1550-utf.txt`, `data-123823-2025-08-19-2249.txt`. */
export function isDownloadName(name: string): boolean {
  return /^data-\d+-.*\.(txt|csv|tsv|xlsx)$/i.test(name.slice(name.lastIndexOf('/') + 1));
}

/** The index of the first of `names` the header has (trimmed, any case); -1 when none. */
export function columnIndex(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const index = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
    if (index >= 0) return index;
  }
  return -1;
}

export function isMetaColumn(header: string): boolean {
  const key = header.trim().toLowerCase();
  return [...SUBMISSION_ID_COLUMNS, ...CREATED_COLUMNS, ...OTHER_META_COLUMNS].some((m) => m.toLowerCase() === key);
}

/**
 * The calendar year a `$created`/`Opprettet` cell is written in: the local
 * date, whatever its zone (`2026-01-01T00:30:00+01:00` is 2026), an Excel
 * date as shown in the sheet. Null when the cell is not a date.
 */
export function writtenYear(cell: Cell): number | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.getUTCFullYear();
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2958465) return null;
    return new Date(Math.round((cell - 25569) * 86_400_000)).getUTCFullYear();
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const iso = /^(\d{4})-\d{2}-\d{2}/.exec(text);
  if (iso) return Number(iso[1]);
  const norwegian = /^\d{1,2}\.\d{1,2}\.(\d{4})/.exec(text);
  return norwegian ? Number(norwegian[1]) : null;
}

/**
 * The year of a download from its submissions: the year most of them were
 * created in (on a tie the later one). Null when no row has a date.
 */
export async function yearOfSubmissions(table: Table, createdIndex: number): Promise<number | null> {
  const counts = new Map<number, number>();
  for await (const { cells } of table.rows()) {
    const cell = cells[createdIndex] ?? null;
    if (isBlank(cell)) continue;
    const year = writtenYear(cell);
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) {
    if (best === null || count > counts.get(best)! || (count === counts.get(best)! && year > best)) best = year;
  }
  return best;
}
