import { parse } from 'yaml';
import { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import type { Workspace } from '../workspace/workspace.js';
import { parseYaml } from '../workspace/yaml.js';

const CONFIG_FILE = 'hms-report.config.yaml';

const configSchema = z
  .object({
    institution: z.string().trim().min(1).default('Institusjonen'),
    thresholds: z
      .object({ green: z.number().min(0).max(100).default(80), red: z.number().min(0).max(100).default(50) })
      .refine((t) => t.red <= t.green, { message: 'thresholds.red must not be above thresholds.green' })
      .default({ green: 80, red: 50 }),
    suppression: z.object({ minPersons: z.number().int().min(1).default(5) }).default({ minPersons: 5 }),
  })
  .loose();

export type Config = z.output<typeof configSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});

/** The optional config file; its absence gives the contract's defaults. */
export async function readConfig(workspace: Workspace, diagnostics: Diagnostics): Promise<Config> {
  if (!(await workspace.exists(CONFIG_FILE))) return DEFAULT_CONFIG;
  const text = await workspace.readText(CONFIG_FILE);
  const config = parseYaml(CONFIG_FILE, text, configSchema, diagnostics);
  if (!config) return DEFAULT_CONFIG;
  warnUnknownSettings(parse(text) as unknown, diagnostics);
  return config;
}

/** The settings the tool reads, by section ('' the top level). */
const KNOWN_SETTINGS: Record<string, readonly string[]> = { '': ['institution', 'thresholds', 'suppression'], thresholds: ['green', 'red'], suppression: ['minPersons'] };

/**
 * Other settings are ignored, as extra columns are, but with a warning: a
 * misspelt `minpersons` would otherwise leave the default suppression in force unseen.
 */
function warnUnknownSettings(raw: unknown, diagnostics: Diagnostics): void {
  const keysOf = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
  for (const [section, known] of Object.entries(KNOWN_SETTINGS)) {
    const value = section === '' ? raw : (raw as Record<string, unknown> | null)?.[section];
    for (const key of keysOf(value)) {
      if (!known.includes(key)) diagnostics.warning(CONFIG_FILE, messages.unknownSetting(section ? `${section}.${key}` : key, known));
    }
  }
}
