import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { Diagnostic } from '../errors.js';
import { messages } from '../messages.js';
import { planFeedback, type FeedbackFormat } from '../feedback.js';
import { buildContext } from '../pipeline.js';
import { systemBrowser } from '../report/pdf/index.js';
import type { Workspace } from '../workspace/workspace.js';
import { DATA_OPTION_HELP, formatList, parseYear } from './arguments.js';
import type { CliIo } from './io.js';
import { progress } from './output.js';

const FORMATS: readonly FeedbackFormat[] = ['html', 'pdf'];

/** `hms-report feedback <year>`: a short report for every org and reporting unit. */
export function registerFeedback(
  program: Command,
  io: CliIo,
  resolveWorkspace: (data: string | undefined) => Promise<Workspace>,
  printWarnings: (warnings: readonly Diagnostic[]) => void,
): void {
  program
    .command('feedback')
    .description(
      "write a short report (HTML and PDF) for every org and reporting unit: its own figures beside the institution's",
    )
    .argument('<year>', 'report year', parseYear)
    .option('--data <dir>', DATA_OPTION_HELP)
    .option('--out <dir>', 'output folder; files go to <out>/<year>/enheter/', 'out')
    .option(
      '--format <list>',
      'html, pdf or both (pdf needs Chromium)',
      formatList(FORMATS, messages.badFeedbackFormat),
      [...FORMATS],
    )
    .option(
      '--concurrency <n>',
      'PDF pages printed at once in the one browser',
      parseConcurrency,
      Math.min(8, Math.max(2, availableParallelism())),
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  hms-report feedback 2025                       out/2025/enheter/<unit>.html and .pdf',
        '  hms-report feedback 2025 --data hms --format html',
        '',
        'File names are the unit id and name folded to ASCII (æ → ae, ø → o, å → aa), e.g. ie-idi-institutt-for-datateknologi.pdf.',
      ].join('\n'),
    )
    .action(
      async (year: number, options: { data?: string; out: string; format: FeedbackFormat[]; concurrency: number }) => {
        const workspace = await resolveWorkspace(options.data);
        progress(io, messages.progressBuilding(year));
        const plan = await planFeedback(workspace, buildContext(year, io.env), {
          formats: options.format,
          browser: io.browser ?? systemBrowser,
          concurrency: options.concurrency,
          onPrinted: (done, total) => {
            if (done === total || done % 10 === 0) progress(io, messages.feedbackProgress(done, total));
          },
        });
        printWarnings(plan.warnings);
        const out = resolve(io.cwd, options.out);
        await io.writer.write(out, plan.files, { folder: `${year}/enheter` });
        io.stderr(`${messages.feedbackWrote(plan.files.length, resolve(out, String(year), 'enheter'))}\n`);
      },
    );
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(messages.badConcurrency(value));
  return n;
}
