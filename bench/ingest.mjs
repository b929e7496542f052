// One measured ingest, in its own process so its peak memory is its own:
// reads the workspace's absence.csv as `hms-report build` does (parse,
// validate, aggregate) and prints wall and CPU seconds, peak RSS and a
// checksum as JSON.
import { Diagnostics } from '../dist/errors.js';
import { DEFAULT_CONFIG } from '../dist/sources/config.js';
import { readAbsence } from '../dist/sources/absence/read.js';
import { readUnits } from '../dist/sources/units/read.js';
import { PACKAGE_DIR } from '../dist/workspace/package.js';
import { NO_IMPORTS } from '../dist/sources/imports.js';
import { WorkspaceTables } from '../dist/sources/tables.js';
import { nodeFileSystem } from '../dist/workspace/files.js';
import { Workspace } from '../dist/workspace/workspace.js';

const workspace = new Workspace(process.argv[2], nodeFileSystem);
const diagnostics = new Diagnostics();
const tables = new WorkspaceTables(workspace, NO_IMPORTS, diagnostics);
const units = await readUnits(tables, diagnostics);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const bundled = new Workspace(PACKAGE_DIR, nodeFileSystem);
const data = await readAbsence({ workspace, bundled, tables, year: 2025, config: DEFAULT_CONFIG, units, diagnostics });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
if (diagnostics.hasErrors()) {
  console.error(diagnostics.items.slice(0, 5));
  process.exit(1);
}
const sum = (key) => Math.round(data.cells.reduce((s, c) => s + c[key], 0));
const check = { cells: data.cells.length, agreed: sum('agreed'), self: sum('self'), doctor: sum('doctor') };
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    check,
  }),
);
