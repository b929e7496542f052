import type { MetricsContext } from '../metrics/context.js';
import type { Metrics } from '../metrics/types.js';
import type { Component } from '../report/component.js';
import type { Sheet } from '../report/sheets.js';
import type { TableSpec } from '../workspace/rows.js';
import type { SourceContext } from './context.js';

/**
 * One data source, from the file to the report: what it reads, what it adds
 * to metrics.json, and what it gives the report, tables.xlsx, `init` and
 * `diff`. Every part but `key` and `read` is optional. The registry
 * (registry.ts) lists every source; nothing else names one.
 */
export interface SourceDescriptor<Data = unknown, Part = unknown> {
  /** Its key in metrics.json and in the narrative's data (`absence`, `current.absence`). */
  key: string;
  /** The workspace tables it reads, by name without extension; `init` writes each one's header. */
  tables?: readonly WorkspaceTable[];
  /** Reads and validates its files; null when the workspace does not give the source. */
  read(context: SourceContext): Promise<Data | null>;
  /** Its part of metrics.json; a source without one adds only narrative data. */
  metrics?(data: Data, context: MetricsContext): Part;
  /** Per year, how many reporting units answered: the survey says who responded. */
  respondents?(data: Data, year: number): ReadonlyMap<number, number>;
  /** How the report's colophon names the source when it was given ("sykefravær (lønns- og personalsystemet)"). */
  colophon?: string;
  /**
   * The system its numbers come from, for the source line under each of its
   * figures and tables ("Kilde: NTNU, avvikssystemet"); the config's
   * `sources.<key>` names it as the institution does ("EQS").
   */
  system?: string;
  /** The components a narrative may call, by name (`{{figure-absence-org}}`). */
  components?: Readonly<Record<string, Component>>;
  /** Keys it adds to the narrative's top level (`facts`, `questions`); data is null when the source is not given. */
  narrative?(data: Data | null, metrics: Metrics): Record<string, unknown>;
  /** Keys it adds to each year's view (`current.absence`, `previous.incidents`). */
  yearView?(metrics: Metrics, year: string): Record<string, unknown>;
  /** Its sheets of tables.xlsx, in report order. */
  sheets?(metrics: Metrics): Sheet[];
  /** How `hms-report diff` reads its part of metrics.json. */
  diff?: DiffRules;
}

export interface WorkspaceTable {
  /** The file's name without extension: `working-time` for working-time.csv or working-time.xlsx. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table's columns
  spec: TableSpec<any>;
  /** For the workspace README that `init` writes: what the table is, */
  about: string;
  /** where it comes from, */
  origin: string;
  /** and what its columns hold (Markdown, after the list of columns). */
  columnsNote: string;
  /**
   * How exports head each contract column, in the words of the systems they
   * come from (`Saksnummer` for `case_id`): how a file nothing read is
   * recognised, and how `hms-report inspect` proposes `columns:`.
   */
  headerHints?: Readonly<Record<string, readonly string[]>>;
  /** The codes a coded column takes (`case_type`: `ulykke` …): what `inspect` maps an export's labels onto. */
  codes?: Readonly<Record<string, readonly string[]>>;
  /** Words an export's label of a code may hold (`rule` `uke_over_48`: `48 timer`), beyond the code itself. */
  codeHints?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Columns whose cell may hold several values (`category`): `inspect` looks for their separator. */
  multiValued?: readonly string[];
}

/** What `diff` must know of a source's figures beyond their values. */
export interface DiffRules {
  /**
   * A four-digit key this many keys below the source's own is a
   * year, besides keys under `years`: 2 for absence.byOrg.<year>.
   */
  yearKeyDepth?: number;
  /** Whether the number at this path is a percentage, its changes shown in percentage points. */
  isPercentage?(keys: readonly string[]): boolean;
  /** Whether null here means a group suppressed for privacy. */
  suppressible?: boolean;
}

/** Declares a source with its data and metrics types kept. */
export function defineSource<Data, Part>(descriptor: SourceDescriptor<Data, Part>): SourceDescriptor<Data, Part> {
  return descriptor;
}
