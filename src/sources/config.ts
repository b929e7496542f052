import { posix } from 'node:path';
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
    /** The systems the sources come from as the institution names them, by source key: the "Kilde:" lines. */
    sources: z.record(z.string(), z.string().trim().min(1)).default({}),
    /** The cover and the colophon: who publishes the report, when, and where it was considered. All optional. */
    publication: z
      .object({
        /** A file in the workspace, SVG or PNG, shown on the cover. */
        logo: z.string().trim().min(1).optional(),
        publisher: z.string().trim().min(1).optional(),
        contact: z.string().trim().min(1).optional(),
        /** The date of publication, YYYY-MM-DD; without it, the build's report date. */
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'publication.date must be a date written YYYY-MM-DD' })
          .refine(
            (iso) =>
              !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) &&
              new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso),
            {
              message: 'publication.date is not a day of the calendar',
            },
          )
          .optional(),
        caseNumber: z.string().trim().min(1).optional(),
        /** "Behandlet i": the bodies that considered the report, with their meeting. */
        reviewedIn: z
          .union([z.string().trim().min(1), z.array(z.string().trim().min(1))])
          .transform((value) => (typeof value === 'string' ? [value] : value))
          .optional(),
      })
      .default({}),
  })
  .loose();

export type Config = z.output<typeof configSchema> & {
  /** The cover logo read from publication.logo, as a data: URL; absent without one. */
  logo?: { file: string; dataUrl: string };
};

export const DEFAULT_CONFIG: Config = configSchema.parse({});

/** The optional config file; its absence gives the contract's defaults. `sourceKeys`: the keys `sources:` may name. */
export async function readConfig(
  workspace: Workspace,
  diagnostics: Diagnostics,
  sourceKeys: readonly string[],
): Promise<Config> {
  if (!(await workspace.exists(CONFIG_FILE))) return DEFAULT_CONFIG;
  const text = await workspace.readText(CONFIG_FILE);
  const config = parseYaml(CONFIG_FILE, text, configSchema, diagnostics);
  if (!config) return DEFAULT_CONFIG;
  const logo = config.publication.logo ? await readLogo(workspace, config.publication.logo, diagnostics) : undefined;
  warnUnknownKeys(
    CONFIG_FILE,
    text,
    (path) =>
      path.length === 1 && path[0] === 'sources'
        ? sourceKeys
        : path.length <= 1
          ? (KNOWN_SETTINGS[path.join('')] ?? null)
          : null,
    diagnostics,
  );
  return logo ? { ...config, logo } : config;
}

const LOGO_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * The cover logo: an SVG or PNG file inside the workspace, embedded as a
 * data: URL so the report stays one self-contained file. A logo that cannot
 * be used (outside the workspace, missing, of another kind) is a warning.
 */
async function readLogo(
  workspace: Workspace,
  file: string,
  diagnostics: Diagnostics,
): Promise<{ file: string; dataUrl: string } | undefined> {
  // A logo that cannot be used costs the logo, not the report: a warning, and the cover is set in type.
  const fail = (message: string) => {
    diagnostics.warning(CONFIG_FILE, `${message}; the cover is set without a logo`, undefined, 'publication.logo');
    return undefined;
  };
  const normalised = posix.normalize(file.replace(/\\/g, '/'));
  if (posix.isAbsolute(normalised) || /^[a-zA-Z]:/.test(normalised) || normalised.startsWith('..'))
    return fail(`publication.logo "${file}" must be a file inside the workspace, named relative to it`);
  const type = LOGO_TYPES[posix.extname(normalised).toLowerCase()];
  if (!type) return fail(`publication.logo "${file}" must be an SVG (.svg) or PNG (.png) file`);
  if (!(await workspace.exists(normalised))) return fail(`publication.logo "${file}": no such file in the workspace`);
  const bytes = Buffer.from(await workspace.readBytes(normalised));
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isSvg = /<svg[\s>]/.test(bytes.subarray(0, 4096).toString('utf8'));
  if (type === 'image/png' ? !isPng : !isSvg)
    return fail(`publication.logo "${file}" is not ${type === 'image/png' ? 'a PNG image' : 'an SVG image'}`);
  return { file: normalised, dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
}

/** The settings the tool reads, by section. */
const KNOWN_SETTINGS: Record<string, readonly string[]> = {
  '': ['institution', 'thresholds', 'suppression', 'sources', 'publication'],
  publication: ['logo', 'publisher', 'contact', 'date', 'caseNumber', 'reviewedIn'],
  thresholds: ['green', 'red'],
  suppression: ['minPersons'],
};
