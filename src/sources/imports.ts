import { z } from 'zod';
import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import type { Workspace } from '../workspace/workspace.js';
import { parseYaml } from '../workspace/yaml.js';

/**
 * imports.yaml: how the exports reach the contract's tables as they leave
 * their systems — which file, which sheet, where the header is, which header
 * is which contract column, which label is which code, how units are named.
 * Written once by the analyst and kept from year to year (docs/imports.md).
 * A wrong key or a column the contract does not have is an error at its line.
 */

export const IMPORTS_FILE = 'imports.yaml';

/** The date layouts `date_format` takes; DD.MM.YYYY and YYYY-MM-DD are read without it. */
export const DATE_FORMATS = ['DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'DD.MM.YY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How an export names the units: the register's `unit_id`, its `name` or its `short_name`. */
export const UNIT_NAMINGS = ['unit_id', 'name', 'short_name'] as const;
export type UnitNaming = (typeof UNIT_NAMINGS)[number];

const text = z.string().trim().min(1, messages.notEmpty());
const label = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const yearKey = z.string().regex(/^\d{4}$/, 'must be a year (four digits)');

function tableMappingSchema(columns: readonly string[]) {
  return z
    .object({
      file: text.optional(),
      sheet: text.optional(),
      header_row: z.number().int().min(1).optional(),
      columns: z.record(z.string(), text).optional(),
      values: z.record(z.string(), z.record(z.string(), label)).optional(),
      units: z.enum(UNIT_NAMINGS).optional(),
      separator: z.record(z.string(), z.string().min(1)).optional(),
      total_rows: z.array(text).optional(),
      date_format: z.enum(DATE_FORMATS).optional(),
    })
    .strict()
    .superRefine((stanza, ctx) => {
      // Each map is keyed by the contract's columns: a misspelt one would map nothing, unseen.
      for (const part of ['columns', 'values', 'separator'] as const) {
        for (const key of Object.keys(stanza[part] ?? {})) {
          if (!columns.includes(key))
            ctx.addIssue({ code: 'custom', path: [part, key], message: messages.importsUnknownColumn(columns) });
        }
      }
    });
}

const surveyMappingSchema = z
  .object({
    /** One glob for every year's download; each file's year comes from its submissions' dates. */
    file: text.optional(),
    /** Or the download of each year by name. */
    files: z.record(yearKey, text).optional(),
    /** The Nettskjema codebook (text or JSON): question texts and option labels onto codes. */
    codebook: text.optional(),
    codebooks: z.record(yearKey, text).optional(),
    units: z.enum(UNIT_NAMINGS).optional(),
  })
  .strict();

export type TableMapping = z.output<ReturnType<typeof tableMappingSchema>>;
export type SurveyMapping = z.output<typeof surveyMappingSchema>;

export interface Imports {
  /** The mapping of each table named in the file, by table name (`incidents`, `working-time`). */
  tables: ReadonlyMap<string, TableMapping>;
  survey: SurveyMapping | null;
  /** Globs of files the workspace keeps on purpose that are not the report's input: not warned about as unread. */
  ignore: readonly string[];
}

export const NO_IMPORTS: Imports = { tables: new Map(), survey: null, ignore: [] };

/**
 * Reads imports.yaml when the workspace has one. `tables` gives every
 * workspace table by name with its contract columns, so a mapping can be
 * checked against the columns its table really has.
 */
export async function readImports(
  workspace: Workspace,
  tables: ReadonlyMap<string, readonly string[]>,
  diagnostics: Diagnostics,
): Promise<Imports> {
  if (!(await workspace.exists(IMPORTS_FILE))) return NO_IMPORTS;
  const shape: Record<string, z.ZodType> = {
    survey: surveyMappingSchema.optional(),
    ignore: z.array(text).optional(),
  };
  for (const [name, columns] of tables) shape[name] = tableMappingSchema(columns).optional();
  const schema = z.object(shape).strict();
  const parsed = parseYaml(IMPORTS_FILE, await workspace.readText(IMPORTS_FILE), schema, diagnostics);
  if (!parsed) return NO_IMPORTS;
  const mappings = new Map<string, TableMapping>();
  for (const name of tables.keys()) if (parsed[name]) mappings.set(name, parsed[name] as TableMapping);
  return {
    tables: mappings,
    survey: (parsed.survey as SurveyMapping | undefined) ?? null,
    ignore: (parsed.ignore as string[] | undefined) ?? [],
  };
}
