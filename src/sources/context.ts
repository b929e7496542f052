import type { Diagnostics } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Config } from './config.js';
import type { WorkspaceTables } from './tables.js';
import type { UnitRegister } from './units/read.js';

/** What every source reader gets: the workspace, the report year and what was read before it. */
export interface SourceContext {
  workspace: Workspace;
  /** The package folder, for the bundled defaults in templates/ (read through the same file system). */
  bundled: Workspace;
  year: number;
  config: Config;
  units: UnitRegister;
  diagnostics: Diagnostics;
  /** The workspace's tables by name, as the contract names them or as imports.yaml maps an export onto them. */
  tables: WorkspaceTables;
}
