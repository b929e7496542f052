import { z } from 'zod';
import type { SourceContext } from '../context.js';
import { parseYaml } from '../../workspace/yaml.js';
import { Diagnostics } from '../../errors.js';
import { messages } from '../../messages.js';

const BENCHMARKS_FILE = 'benchmarks.yaml';

export const BENCHMARK_SCOPES = ['national', 'sector', 'institution'] as const;
export const BENCHMARK_MEASURES = ['total', 'self', 'doctor', 'women', 'men'] as const;

/**
 * benchmarks.yaml: reference figures for sick leave from outside the
 * institution (contract §3 leaves the form free; this is the tool's form):
 *
 * ```yaml
 * benchmarks:
 *   - id: norge_total              # stable key in metrics.json
 *     label: Norge                 # the row label in the report
 *     scope: national              # national | sector | institution (the institution in the same source)
 *     measure: total               # total | self | doctor | women | men
 *     year: 2025
 *     value: 6.6                   # percent, or a range: {min: 8.2, max: 8.5}
 *     source: SSB og NAV
 *     period: 1.–3. kvartal, sesongjustert
 *     seasonallyAdjusted: true     # the report then warns that quarters are not an annual figure
 *     note: optional free text
 * ```
 */
/** Free text; a YAML author writing `period: 2025` means the text "2025". */
const text = () =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1));

const benchmarkSchema = z
  .strictObject({
    id: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}_-]+$/u, 'use letters, digits, _ and - only'),
    label: text(),
    scope: z.enum(BENCHMARK_SCOPES),
    measure: z.enum(BENCHMARK_MEASURES),
    year: z.number().int().min(1900).max(2999),
    value: z.number().min(0).max(100).optional(),
    range: z
      .strictObject({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
      .refine((r) => r.min <= r.max, { message: 'range.min must not be above range.max' })
      .optional(),
    source: text(),
    period: text(),
    seasonallyAdjusted: z.boolean().default(false),
    note: text().optional(),
  })
  .refine((b) => (b.value === undefined) !== (b.range === undefined), {
    message: 'give either value or range (not both)',
  });

const fileSchema = z.strictObject({ benchmarks: z.array(benchmarkSchema) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.benchmarks.forEach((b, index) => {
    if (seen.has(b.id))
      ctx.addIssue({ code: 'custom', message: `id "${b.id}" is used twice`, path: ['benchmarks', index, 'id'] });
    seen.add(b.id);
  });
});

export type Benchmark = z.output<typeof benchmarkSchema>;

export interface BenchmarksData {
  file: string;
  benchmarks: Benchmark[];
}

export async function readBenchmarks(context: SourceContext): Promise<BenchmarksData | null> {
  const { workspace, diagnostics } = context;
  if (!(await workspace.exists(BENCHMARKS_FILE))) return null;
  // The contract leaves the file's form free: one the tool cannot read costs the table, not the build.
  const problems = new Diagnostics();
  const parsed = parseYaml(BENCHMARKS_FILE, await workspace.readText(BENCHMARKS_FILE), fileSchema, problems);
  for (const p of problems.items) diagnostics.warning(p.file, messages.benchmarksNotRead(p.message), p.row, p.column);
  return parsed ? { file: BENCHMARKS_FILE, benchmarks: parsed.benchmarks } : null;
}
