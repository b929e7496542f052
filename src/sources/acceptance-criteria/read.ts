import { z } from 'zod';
import { Diagnostics, formatDiagnostic, InternalError } from '../../errors.js';
import { messages } from '../../messages.js';
import { parseYaml } from '../../workspace/yaml.js';
import type { SourceContext } from '../context.js';

/**
 * Tabell 2, the acceptance criteria: policy text that changes without a new
 * release, so it is content. The bundled templates/acceptance-criteria.yaml is
 * the default; content/<year>/akseptkriterier.yaml in the workspace replaces it.
 */
export interface AcceptanceCriteria {
  /** Where the text came from, relative to the workspace or the package. */
  file: string;
  title: string;
  columns: string[];
  rows: string[][];
}

const nonEmpty = z.string().trim().min(1, messages.notEmpty());
const criteriaSchema = z
  .object({
    tittel: nonEmpty,
    kolonner: z.array(nonEmpty).min(2, 'needs at least two columns: the level and one consequence'),
    rader: z.array(z.array(z.union([nonEmpty, z.number().transform(String)]))).min(1, 'needs at least one row'),
  })
  .superRefine((value, ctx) => {
    value.rader.forEach((row, index) => {
      if (row.length !== value.kolonner.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rader', index],
          message: messages.criteriaRowWidth(row.length, value.kolonner.length),
        });
      }
    });
  });

const DEFAULT_CRITERIA_FILE = 'templates/acceptance-criteria.yaml';

export async function readAcceptanceCriteria({
  workspace,
  bundled,
  year,
  diagnostics,
}: SourceContext): Promise<AcceptanceCriteria | null> {
  const override = `content/${year}/akseptkriterier.yaml`;
  if (await workspace.exists(override)) return parseCriteria(override, await workspace.readText(override), diagnostics);
  if (!(await bundled.exists(DEFAULT_CRITERIA_FILE)))
    throw new InternalError(messages.bundledUnreadable(DEFAULT_CRITERIA_FILE));
  return defaultAcceptanceCriteria(await bundled.readText(DEFAULT_CRITERIA_FILE));
}

/** The bundled default; a broken default is a defect of the package, so it throws. */
function defaultAcceptanceCriteria(source: string): AcceptanceCriteria {
  const problems = new Diagnostics();
  const criteria = parseCriteria(DEFAULT_CRITERIA_FILE, source, problems);
  if (!criteria)
    throw new InternalError(
      messages.bundledInvalid(DEFAULT_CRITERIA_FILE, problems.items.map(formatDiagnostic).join('; ')),
    );
  return criteria;
}

function parseCriteria(file: string, source: string, diagnostics: Diagnostics): AcceptanceCriteria | null {
  const parsed = parseYaml(file, source, criteriaSchema, diagnostics);
  return parsed && { file, title: parsed.tittel, columns: parsed.kolonner, rows: parsed.rader };
}
