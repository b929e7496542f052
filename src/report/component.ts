import type { Config } from '../sources/config.js';
import type { Metrics } from '../metrics/types.js';
import type { ComponentCall } from './content.js';

/** What a component sees: the metrics, the config, the running caption numbers and the sources' narrative data. */
export interface ComponentContext {
  metrics: Metrics;
  config: Config;
  /** Next number for a caption of this kind, in document order: "Figur 3", "Tabell 1". */
  nextNumber(kind: 'figure' | 'table'): number;
  /**
   * A source's validated data by its key, for text that is content
   * rather than figures (the action plan); null when not given.
   */
  sourceData(key: string): unknown;
  /**
   * A unit's or org's full name from the register (its id when the
   * register has none): what a figure's abbreviations stand for.
   */
  unitName(id: string): string;
  /** The system the component's source comes from, for its "Kilde:" line; absent for content the analysts write. */
  system?: string;
  /** Abbreviated unit labels already expanded under a figure, with its number: a later figure refers to that one. */
  expanded?: Map<string, number>;
}

export type Component = (call: ComponentCall, context: ComponentContext) => Promise<string> | string;
