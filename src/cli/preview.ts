import { InvalidArgumentError, type Command } from 'commander';
import { UsageError, type Diagnostic } from '../errors.js';
import { messages } from '../messages.js';
import { buildContext } from '../pipeline.js';
import { systemBrowser } from '../report/pdf/index.js';
import type { Workspace } from '../workspace/workspace.js';
import { DATA_OPTION_HELP, parseYear } from './arguments.js';
import type { CliIo } from './io.js';

const DEFAULT_PORT = 4173;

/** `hms-report preview <year>`: the report served on 127.0.0.1, rebuilt and reloaded on every save. */
export function registerPreview(
  program: Command,
  io: CliIo,
  resolveWorkspace: (data: string | undefined) => Promise<Workspace>,
  printDiagnostics: (diagnostics: readonly Diagnostic[]) => void,
): void {
  program
    .command('preview')
    .description(
      'serve the report on 127.0.0.1 and rebuild it, and reload the page, whenever a file of the workspace is saved',
    )
    .argument('<year>', 'report year', parseYear)
    .option('--data <dir>', DATA_OPTION_HELP)
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--open', 'open the page in the default browser')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  hms-report preview 2025 --data hms-2025',
        '  hms-report preview 2025 --port 8080 --open',
        '',
        'Saving a narrative file re-renders the page from the figures already computed; saving an export',
        're-reads that export alone. While the workspace is invalid the page keeps the last valid report and',
        'lists the problems (FILE:ROW:COLUMN) over it. The "PDF" link prints the report as it is now.',
      ].join('\n'),
    )
    .action(async (year: number, options: { data?: string; port: number; open?: boolean }) => {
      const workspace = await resolveWorkspace(options.data);
      // Loaded here: the other commands never pay for the server.
      const { startPreview, nodeFolderWatcher } = await import('../preview/index.js');
      const preview = await startPreview({
        root: workspace.root,
        context: buildContext(year, io.env),
        fs: io.fs,
        watch: io.watch ?? nodeFolderWatcher,
        browser: io.browser ?? systemBrowser,
        port: options.port,
        rebuilt: (result, session) => {
          printDiagnostics(session.diagnostics);
          const errors = session.diagnostics.filter((d) => d.severity === 'error').length;
          io.stderr(`${messages.previewRebuilt(result.parts, result.milliseconds, errors)}\n`);
        },
        failed: (error) =>
          io.stderr(
            `${messages.unexpected(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
          ),
      }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
          throw new UsageError(messages.previewPortInUse(options.port));
        throw error;
      });
      io.stdout(`${messages.previewListening(year, preview.url)}\n`);
      if (options.open) io.openUrl?.(preview.url);
      await (io.interrupted ?? waitForSignal)();
      await preview.close();
      io.stderr(`${messages.previewStopped()}\n`);
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new InvalidArgumentError(messages.badPort(value));
  return n;
}

/** Ctrl-C (or a TERM from a process manager) stops the preview. */
function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
