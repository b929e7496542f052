import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import {
  BrowserError,
  EXIT_INTERNAL,
  EXIT_INVALID,
  EXIT_NO_BROWSER,
  EXIT_OK,
  EXIT_USAGE,
  HmsError,
  InvalidWorkspaceError,
  UsageError,
  type Diagnostic,
} from '../errors.js';
import { messages } from '../messages.js';
import { buildContext, planBuild, reportSet, validateWorkspace } from '../pipeline.js';
import { OUTPUT_FORMATS, systemBrowser, type OutputFormat } from '../report/pdf/index.js';
import { loadTemplates } from '../report/templates.js';
import { coverageText } from '../sources/coverage.js';
import { Workspace } from '../workspace/workspace.js';
import { DATA_OPTION_HELP, formatList, parseYear } from './arguments.js';
import { processIo, type CliIo } from './io.js';
import { registerDiff } from './diff.js';
import { registerInit } from './init.js';
import { registerInspect } from './inspect.js';
import { registerFeedback } from './feedback.js';
import { registerPreview } from './preview.js';
import { diagnosticLine, progress, summaryJson } from './output.js';

/** The samples that ship with the package, used when the current folder is not a workspace. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../data-samples/', import.meta.url));

const WORKSPACE_MARKERS = ['units.csv', 'units.xlsx', 'hms-report.config.yaml'];

/** Runs the command line and returns the exit status; never throws for a user's mistake. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let status = EXIT_OK;
  // The workspace in use, so diagnostics (relative to it) can be annotated with a path GitHub can link.
  let workspaceRoot: string | undefined;
  const program = new Command('hms-report')
    .description('Turns a year of HR/HMS exports into the annual HMS report (HTML, PDF, metrics.json).')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run "hms-report --help" for usage)')
    .addHelpText('after', HELP_FOOTER);

  program
    .command('validate')
    .description('check the workspace for a year without writing anything')
    .argument('<year>', 'report year', parseYear)
    .option('--data <dir>', DATA_OPTION_HELP)
    .option('--json', 'print a machine-readable summary (ok, errors, warnings) on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  hms-report validate 2025\n  hms-report validate 2025 --data ./eksport-2025\n  hms-report validate 2025 --json > validation.json',
    )
    .action(async (year: number, options: { data?: string; json?: boolean }) => {
      const workspace = await resolveWorkspace(options.data, io);
      workspaceRoot = workspace.root;
      progress(io, messages.progressValidating(year));
      const result = await validateWorkspace(workspace, buildContext(year, io.env), await loadTemplates(io.fs));
      printDiagnostics(result.diagnostics, io, workspaceRoot);
      for (const line of result.coverage) io.stderr(`${coverageText(line)}\n`);
      if (options.json)
        io.stdout(
          summaryJson(
            {
              command: 'validate',
              year,
              ok: result.ok,
              diagnostics: result.diagnostics,
              files: [],
              coverage: result.coverage,
            },
            io,
          ),
        );
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = result.diagnostics.length - errors;
      if (!result.ok) {
        io.stderr(`${messages.invalidWorkspace(errors, warnings)}\n`);
        status = EXIT_INVALID;
      } else {
        io.stderr(`${messages.valid(year, warnings)}\n`);
      }
    });

  program
    .command('build')
    .description('read, validate and compute the workspace for a year and write the report')
    .argument('<year>', 'report year', parseYear)
    .option('--data <dir>', DATA_OPTION_HELP)
    .option('--out <dir>', 'output folder; files go to <out>/<year>/', 'out')
    .option(
      '--format <list>',
      'files to write, comma-separated: html, pdf, json (pdf needs Chromium; default: all three)',
      formatList(OUTPUT_FORMATS, messages.badFormat),
    )
    .option('--json', 'print a machine-readable summary (ok, errors, warnings, files written) on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  hms-report build 2025\n  hms-report build 2025 --data ./eksport-2025 --out ./rapporter\n  hms-report build 2025 --json > build.json\n  hms-report build 2025 --format html,json   (no PDF, no Chromium needed)',
    )
    .action(async (year: number, options: { data?: string; out: string; json?: boolean; format?: OutputFormat[] }) => {
      const workspace = await resolveWorkspace(options.data, io);
      workspaceRoot = workspace.root;
      const templates = await loadTemplates(io.fs);
      progress(io, messages.progressBuilding(year));
      // Without --format the user asked for "everything there is": a missing or failing
      // Chromium costs the PDF, not the HTML and metrics.json. Exit 3 still tells CI.
      const plan = await planBuild(workspace, buildContext(year, io.env), templates, {
        formats: options.format ?? OUTPUT_FORMATS,
        browser: io.browser ?? systemBrowser,
        pdfOptional: !options.format,
      }).catch((error: unknown) => {
        if (options.json && error instanceof HmsError)
          io.stdout(
            summaryJson(
              {
                command: 'build',
                year,
                ok: false,
                diagnostics: error.diagnostics,
                files: [],
                message: error.diagnostics.length ? undefined : error.message,
              },
              io,
            ),
          );
        throw error;
      });
      printDiagnostics(plan.warnings, io, workspaceRoot);
      progress(io, messages.progressWriting(plan.files.length));
      const written = await io.writer.write(resolve(io.cwd, options.out), plan.files, reportSet(year));
      io.stderr(`${messages.wrote(written)}\n`);
      if (plan.pdfProblem) {
        io.stderr(`${plan.pdfProblem.message}\n${messages.pdfLeftOut()}\n`);
        status = EXIT_NO_BROWSER;
      }
      if (options.json)
        io.stdout(
          summaryJson(
            {
              command: 'build',
              year,
              ok: !plan.pdfProblem,
              diagnostics: plan.warnings,
              files: written,
              message: plan.pdfProblem?.message,
            },
            io,
          ),
        );
    });

  registerDiff(program, io, (code) => {
    status = code;
  });
  registerInit(program, io, SAMPLES_DIR);
  registerInspect(program, io);
  // The commands registered from their own modules resolve the workspace and print problems as build does.
  const workspaceOf = async (data: string | undefined) => {
    const workspace = await resolveWorkspace(data, io);
    workspaceRoot = workspace.root;
    return workspace;
  };
  const print = (diagnostics: readonly Diagnostic[]) => printDiagnostics(diagnostics, io, workspaceRoot);
  registerFeedback(program, io, workspaceOf, print);
  registerPreview(program, io, workspaceOf, print);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof HmsError) {
      printDiagnostics(error.diagnostics, io, workspaceRoot);
      if (error instanceof InvalidWorkspaceError && error.diagnostics.length > 0) {
        const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
        io.stderr(`${messages.invalidWorkspace(errors, error.diagnostics.length - errors)}\n`);
      } else {
        io.stderr(`${error.message}\n${error instanceof BrowserError ? `${messages.nothingWritten()}\n` : ''}`);
      }
      return error.exitCode;
    }
    io.stderr(`${messages.unexpected(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return EXIT_INTERNAL;
  }
}

async function resolveWorkspace(data: string | undefined, io: CliIo): Promise<Workspace> {
  if (data !== undefined) {
    const root = resolve(io.cwd, data);
    if (!(await io.fs.isDirectory(root))) throw new UsageError(messages.notAWorkspace(root));
    return new Workspace(root, io.fs);
  }
  for (const marker of WORKSPACE_MARKERS) {
    if (await io.fs.isFile(resolve(io.cwd, marker))) return new Workspace(io.cwd, io.fs);
  }
  io.stderr(`${messages.usingSamples(SAMPLES_DIR)}\n`);
  return new Workspace(SAMPLES_DIR, io.fs);
}

function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo, workspaceRoot: string | undefined): void {
  for (const d of diagnostics) io.stderr(`${diagnosticLine(d, io, workspaceRoot)}\n`);
}

const HELP_FOOTER = [
  '',
  'Examples:',
  '  hms-report init hms-2025                       start a workspace',
  '  hms-report validate 2025 --data hms-2025       check it',
  '  hms-report build 2025 --data hms-2025          write out/2025/report.html, report.pdf, metrics.json, tables.xlsx',
  '  hms-report diff out/2024 out/2025              what changed since last year',
  '  hms-report inspect eksport/Hendelser.csv       what the tool sees in an export, and its stanza for imports.yaml',
  '  hms-report feedback 2025 --data hms-2025       a short report for every org and unit in out/2025/enheter/',
  '  hms-report preview 2025 --data hms-2025        the report in the browser, updated on every save',
  '',
  'Run "hms-report <command> --help" for a command\'s options and examples.',
  'Colour only on a terminal and never with NO_COLOR set; GitHub Actions annotations when GITHUB_ACTIONS=true.',
].join('\n');
