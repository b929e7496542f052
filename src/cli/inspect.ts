import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { inspectFile } from '../inspect/index.js';
import { renderInspection } from '../inspect/render.js';
import { messages } from '../messages.js';
import { Workspace } from '../workspace/workspace.js';
import type { CliIo } from './io.js';

const WORKSPACE_MARKERS = ['units.csv', 'units.xlsx', 'hms-report.config.yaml', 'imports.yaml'];

/** `hms-report inspect <file>`: what the tool sees in one export, and a stanza for imports.yaml. */
export function registerInspect(program: Command, io: CliIo): void {
  program
    .command('inspect')
    .description('show what the tool sees in one export and propose its stanza for imports.yaml')
    .argument('<file>', 'the export (CSV, TXT or XLSX)')
    .option(
      '--data <dir>',
      'the workspace it belongs to: file: is written relative to it, and its units.csv decides how units are named (default: the current folder if it is a workspace)',
    )
    .option('--json', 'print everything found as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  hms-report inspect "eksport/Hendelser 2025.csv"',
        '  hms-report inspect hms-2025/Sykefravær.xlsx --data hms-2025',
        '  hms-report inspect Arbeidstid.csv --json',
        '',
        'It ends with a stanza for imports.yaml: paste it there, then run "hms-report validate <year>".',
      ].join('\n'),
    )
    .action(async (file: string, options: { data?: string; json?: boolean }) => {
      const path = resolve(io.cwd, file);
      let workspace: Workspace | null = null;
      if (options.data !== undefined) {
        const root = resolve(io.cwd, options.data);
        if (!(await io.fs.isDirectory(root))) throw new UsageError(messages.notAWorkspace(root));
        workspace = new Workspace(root, io.fs);
      } else {
        for (const marker of WORKSPACE_MARKERS)
          if (await io.fs.isFile(resolve(io.cwd, marker))) workspace = new Workspace(io.cwd, io.fs);
      }
      const inspection = await inspectFile({ fs: io.fs, path, given: file, workspace });
      if (options.json) {
        io.stdout(`${JSON.stringify(inspection, null, 2)}\n`);
        return;
      }
      io.stdout(renderInspection(inspection));
    });
}
