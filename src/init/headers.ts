import type { WorkspaceTable } from '../sources/descriptor.js';
import { templateColumns } from '../workspace/rows.js';

/**
 * The header row of a table's new file, from its spec: where the contract
 * allows one of two columns (month or quarter, employee_id or persons; date
 * or year) the scaffold uses the first, which is what the raw exports hold.
 * `;` is what Excel in a Norwegian locale reads and writes; the BOM makes it
 * read æøå as UTF-8.
 */
export function headerCsv(table: WorkspaceTable): string {
  return `\ufeff${templateColumns(table.spec).join(';')}\r\n`;
}
