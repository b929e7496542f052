import type { Diagnostics } from '../errors.js';
import type { Metrics } from '../metrics/types.js';
import type { ReportParts } from '../report/html.js';
import { PACKAGE_DIR } from '../workspace/package.js';
import { guardFile, Workspace } from '../workspace/workspace.js';
import { absence } from './absence/index.js';
import { acceptanceCriteria } from './acceptance-criteria/index.js';
import { actionPlan } from './action-plan/index.js';
import { benchmarks } from './benchmarks/index.js';
import { DEFAULT_CONFIG, readConfig, type Config } from './config.js';
import { readContent, readWordList, type ContentFile } from './content.js';
import { warnUnreadFiles } from './coverage.js';
import { NO_IMPORTS, readImports, type Imports } from './imports.js';
import type { TableSignature } from './recognise.js';
import { WorkspaceTables } from './tables.js';
import type { SourceContext } from './context.js';
import type { SourceDescriptor, WorkspaceTable } from './descriptor.js';
import { facts } from './facts/index.js';
import { incidents } from './incidents/index.js';
import { injuries } from './injuries/index.js';
import { survey } from './survey/index.js';
import { unitsMetrics } from './units/metrics.js';
import { readUnits, unitsSpec, type UnitRegister } from './units/read.js';
import { whistleblowing } from './whistleblowing/index.js';
import { workingTime } from './working-time/index.js';

/**
 * Every data source, in the order of the report's chapters: the order of
 * metrics.json, of tables.xlsx and of `init`'s files. Adding a source is a
 * folder beside this file and a line here (ARCHITECTURE.md).
 */
export const SOURCES: readonly SourceDescriptor[] = [
  survey,
  incidents,
  injuries,
  whistleblowing,
  acceptanceCriteria,
  absence,
  workingTime,
  benchmarks,
  actionPlan,
  facts,
];

/** The unit register every source refers to; read before them, so it is not one of them. */
export const REGISTER_TABLE: WorkspaceTable = {
  name: 'units',
  spec: unitsSpec,
  about: 'the unit register: every faculty, department and section, with its parent and the years it exists',
  origin: 'the organisation register (SAP/DFØ org. structure), kept by HR',
  columnsNote:
    'An empty `parent_id` makes a top-level organisation. `reporting` is `ja` for units that answer the survey. ' +
    '`first_year`/`last_year` may be empty (always existed / still exists). An optional `short_name` column ' +
    'gives the label figures and tables use.',
  headerHints: {
    unit_id: ['Enhetskode', 'Enhet-ID', 'Stedkode', 'Org.enhet', 'Kode'],
    name: ['Navn', 'Enhetsnavn', 'Enhet'],
    short_name: ['Kortnavn', 'Forkortelse'],
    parent_id: ['Overordnet', 'Overordnet enhet'],
    reporting: ['Rapporterer', 'Rapporterende'],
    first_year: ['Fra år', 'Første år'],
    last_year: ['Til år', 'Siste år'],
  },
  codes: { reporting: ['ja', 'nei'] },
};

/** Every table a workspace may hold, the register first, then the sources' in report order. */
export function workspaceTables(sources: readonly SourceDescriptor[] = SOURCES): WorkspaceTable[] {
  return [REGISTER_TABLE, ...sources.flatMap((source) => source.tables ?? [])];
}

/** What recognising an export by its header needs of each workspace table (recognise.ts). */
export function tableSignatures(sources: readonly SourceDescriptor[] = SOURCES): TableSignature[] {
  return workspaceTables(sources).map((table) => ({
    name: table.name,
    columns: Object.keys(table.spec.columns),
    optional: table.spec.optional ?? [],
    oneOf: table.spec.oneOf ?? [],
    hints: table.headerHints ?? {},
    codes: table.codes ?? {},
    codeHints: table.codeHints ?? {},
    multiValued: table.multiValued ?? [],
    check: (column, value) => {
      const result = table.spec.columns[column]?.safeParse(value);
      return result?.success ? result.data : null;
    },
  }));
}

/** Everything read from a workspace, validated and normalised. */
export interface Sources {
  year: number;
  config: Config;
  units: UnitRegister;
  /** The narrative of content/<year>/; null: the bundled default text. */
  content: ContentFile[] | null;
  /** The workspace's ordliste.txt: words the spelling check takes as written. */
  wordList: string;
  /** Each source's data by key; a source the workspace does not give is absent. */
  data: ReadonlyMap<string, unknown>;
}

/** One source's data, typed by its descriptor; null when the workspace does not give it. */
export function dataOf<Data>(sources: Sources, source: SourceDescriptor<Data, unknown>): Data | null {
  return (sources.data.get(source.key) ?? null) as Data | null;
}

/** The config and the unit register, read before the sources since every source refers to them. */
export interface Register {
  config: Config;
  /** imports.yaml: how the exports map onto the contract's tables. */
  imports: Imports;
  /** Null when there is no usable unit register (then no source can be read). */
  units: UnitRegister | null;
}

/** The config, imports.yaml and the unit register, read before the sources since every source refers to them. */
export async function readRegister(
  workspace: Workspace,
  diagnostics: Diagnostics,
  sources: readonly SourceDescriptor[] = SOURCES,
): Promise<Register> {
  // A file that cannot be used at all (a folder, a link out of the workspace) costs its source, not the run.
  const guard = <T>(read: () => Promise<T>, fallback: T) => guardFile(diagnostics, read, fallback);
  const systems = sources.filter((source) => source.system).map((source) => source.key);
  const config = await guard(() => readConfig(workspace, diagnostics, systems), DEFAULT_CONFIG);
  const contractColumns = new Map(
    workspaceTables(sources).map((table) => [table.name, Object.keys(table.spec.columns)] as const),
  );
  const imports = await guard(() => readImports(workspace, contractColumns, diagnostics), NO_IMPORTS);
  const units = await guard(() => readUnits(new WorkspaceTables(workspace, imports, diagnostics), diagnostics), null);
  return { config, imports, units };
}

/**
 * What a source's reader gets, its problems going to `diagnostics`; the
 * bundled defaults are read through the workspace's own file system.
 */
export function sourceContext(
  workspace: Workspace,
  year: number,
  { config, imports, units }: Register & { units: UnitRegister },
  diagnostics: Diagnostics,
): SourceContext {
  const bundled = new Workspace(PACKAGE_DIR, workspace.fs);
  const tables = new WorkspaceTables(workspace, imports, diagnostics);
  return { workspace, bundled, year, config, units, diagnostics, tables };
}

/**
 * Reads every source of the workspace for a report year. Problems go to
 * `diagnostics`; the caller decides whether they stop the build. Returns null
 * only when there is no usable unit register, since every source refers to it.
 */
export async function readSources(
  workspace: Workspace,
  year: number,
  diagnostics: Diagnostics,
  sources: readonly SourceDescriptor[] = SOURCES,
): Promise<Sources | null> {
  const register = await readRegister(workspace, diagnostics, sources);
  const { config, imports, units } = register;
  // Every file is read or named in a warning, whatever stops the reading.
  const unread = () => warnUnreadFiles(workspace, year, tableSignatures(sources), imports, diagnostics);
  // Each table file's coverage line names the source that read it.
  const attribute = (key: string) => {
    for (const coverage of workspace.coverage()) coverage.source ??= key;
  };
  attribute('units');
  if (!units) {
    await unread();
    return null;
  }
  const guard = <T>(read: () => Promise<T>, fallback: T) => guardFile(diagnostics, read, fallback);
  const context = sourceContext(workspace, year, { ...register, units }, diagnostics);
  const data = new Map<string, unknown>();
  for (const source of sources) {
    const value = await guard(() => source.read(context), null);
    attribute(source.key);
    if (value !== null) data.set(source.key, value);
  }
  const content = await guard(() => readContent(context), null);
  const wordList = await guard(() => readWordList(context), '');
  await unread();
  return { year, config, units, content, wordList, data };
}

/**
 * Every figure of the report, computed from the sources alone (pure: no I/O,
 * no clock). A source not given leaves its key out.
 */
export function computeMetrics(read: Sources, sources: readonly SourceDescriptor[] = SOURCES): Metrics {
  const { year, units, config } = read;
  let responded: ReadonlyMap<number, number> = new Map();
  for (const source of sources) {
    const data = read.data.get(source.key);
    if (data !== undefined && source.respondents) responded = source.respondents(data, year);
  }
  const metrics: Metrics & Record<string, unknown> = {
    schemaVersion: 1,
    year,
    institution: config.institution,
    units: unitsMetrics(units, year, responded),
  };
  for (const source of sources) {
    const data = read.data.get(source.key);
    if (data !== undefined && source.metrics) metrics[source.key] = source.metrics(data, { year, units, config });
  }
  return metrics;
}

/** What the sources give the narrative: their components, their data for placeholders and components. */
export function reportParts(
  read: Sources,
  metrics: Metrics,
  sources: readonly SourceDescriptor[] = SOURCES,
): ReportParts {
  const components: ReportParts['components'] = {};
  const narrative: Record<string, unknown> = {};
  for (const source of sources) {
    const system = systemOf(source, read.config);
    for (const [name, component] of Object.entries(source.components ?? {})) {
      if (name in components) throw new Error(`two sources define the component "${name}"`);
      components[name] = system ? (call, context) => component(call, { ...context, system }) : component;
    }
  }
  const fullNames = new Map(read.units.units.map((unit) => [unit.id, unit.name]));
  for (const source of sources) {
    Object.assign(narrative, source.narrative?.(read.data.get(source.key) ?? null, metrics));
  }
  return {
    components,
    sourceKeys: sources.map((source) => source.key),
    narrative,
    yearView: (year) => Object.assign({}, ...sources.map((source) => source.yearView?.(metrics, String(year)))),
    sourceData: (key) => read.data.get(key) ?? null,
    unitName: (id) => fullNames.get(id) ?? id,
    colophon: sources.flatMap((source) =>
      source.colophon && (metrics as unknown as Record<string, unknown>)[source.key] != null ? [source.colophon] : [],
    ),
  };
}

/**
 * How a source's "Kilde:" line names its system: as the config
 * names it, else the institution and the descriptor's words.
 */
function systemOf(source: SourceDescriptor, config: Config): string | undefined {
  const named = Object.hasOwn(config.sources, source.key) ? config.sources[source.key] : undefined;
  return named ?? (source.system ? `${config.institution}, ${source.system}` : undefined);
}

/** The sheets of tables.xlsx the sources give, in report order. */
export function reportSheets(metrics: Metrics, sources: readonly SourceDescriptor[] = SOURCES) {
  return sources.flatMap((source) => source.sheets?.(metrics) ?? []);
}
