import { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { parseYaml, warnUnknownKeys } from '../workspace/yaml.js';

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
  warnUnknownKeys(
    CONFIG_FILE,
    text,
    (path) => (path.length <= 1 ? (KNOWN_SETTINGS[path.join('')] ?? null) : null),
    diagnostics,
  );
  return config;
}

/** The settings the tool reads, by section. */
const KNOWN_SETTINGS: Record<string, readonly string[]> = {
  '': ['institution', 'thresholds', 'suppression'],
  thresholds: ['green', 'red'],
  suppression: ['minPersons'],
};
