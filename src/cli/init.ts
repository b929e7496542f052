import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InternalError, UsageError } from '../errors.js';
import { planWorkspace } from '../init/index.js';
import { messages } from '../messages.js';
import type { CliIo } from './io.js';

/** `hms-report init DIR`: a new workspace with every file's header, a commented config and a README. */
export function registerInit(program: Command, io: CliIo, samplesDir: string): void {
  program
    .command('init')
    .description("create a workspace: every export's header, a commented config, the question catalogue and a README")
    .argument('<dir>', 'folder to create (or fill)')
    .option('--force', 'overwrite files that already exist')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  hms-report init hms-2025',
        '  hms-report init . --force        rewrite the scaffold files in the current folder',
        '',
        'Exit status: 0 written, 2 a file already exists (nothing is written; use --force).',
      ].join('\n'),
    )
    .action(async (dir: string, options: { force?: boolean }) => {
      const root = resolve(io.cwd, dir);
      const files = planWorkspace({
        catalogue: await readBundled(io, join(samplesDir, 'survey/questions.yaml')),
        benchmarks: (await io.fs.isFile(join(samplesDir, 'benchmarks.yaml')))
          ? await readBundled(io, join(samplesDir, 'benchmarks.yaml'))
          : null,
      });
      if (!options.force) {
        const existing: string[] = [];
        for (const file of files) if (await io.fs.isFile(join(root, file.path))) existing.push(file.path);
        if (existing.length > 0) throw new UsageError(messages.initExists(existing));
      }
      await io.writer.write(root, files);
      io.stderr(`${messages.initWrote(dir, files.length)}\n`);
    });
}

async function readBundled(io: CliIo, path: string): Promise<string> {
  if (!(await io.fs.isFile(path))) throw new InternalError(messages.initNoCatalogue(path));
  return new TextDecoder().decode(await io.fs.readFile(path));
}
