import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import type { Table } from '../workspace/table.js';
import type { Workspace } from '../workspace/workspace.js';
import { IMPORTS_FILE, type Imports } from './imports.js';
import { mapTable, normalText } from './mapped-table.js';
import type { UnitRegister } from './units/read.js';

/**
 * Opens the workspace's tables by name: as the contract names them
 * (`incidents.csv`), or through their stanza of imports.yaml, which names
 * the export, its sheet and header and maps it onto the contract's table.
 */
export class WorkspaceTables {
  constructor(
    private readonly workspace: Workspace,
    readonly imports: Imports,
    private readonly diagnostics: Diagnostics,
  ) {}

  /** The table, or null when the workspace does not give it (or it cannot be read: an error says why). */
  async open(name: string, units: UnitRegister | null): Promise<Table | null> {
    const table = await this.openTable(name, units);
    if (table?.coverage) table.coverage.source ??= name;
    return table;
  }

  private async openTable(name: string, units: UnitRegister | null): Promise<Table | null> {
    const mapping = this.imports.tables.get(name);
    if (!mapping) return this.workspace.table(name, this.diagnostics);
    const file = mapping.file
      ? await this.single(`${name}.file`, mapping.file)
      : await this.workspace.locate(name, this.diagnostics);
    if (!file) return null;
    const written = Object.values(mapping.columns ?? {}).map(normalText);
    const table = await this.workspace.open(file, this.diagnostics, {
      sheet: mapping.sheet,
      headerRow: mapping.header_row,
      // The header is the first row that holds every column the stanza names: title rows above it are passed over.
      isHeader:
        written.length > 0 ? (cells) => written.every((w) => cells.some((c) => normalText(c) === w)) : undefined,
    });
    return table && mapTable(table, name, mapping, units, this.diagnostics);
  }

  /** The one file a stanza's pattern names; none or several is an error at imports.yaml. */
  async single(key: string, pattern: string): Promise<string | null> {
    const found = await this.workspace.glob(pattern);
    if (found.length === 1) return found[0]!;
    this.diagnostics.error(
      IMPORTS_FILE,
      found.length === 0 ? messages.importsNoFile(pattern) : messages.importsManyFiles(pattern, found),
      undefined,
      key,
    );
    return null;
  }
}
