import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * dist/ brought up to date with src/ for the tests that run the compiled tool
 * (the process tests, the worker threads). Each source newer than its output
 * is emitted again on its own, as tsc emits it: tsconfig.json has
 * isolatedModules, so no file's output depends on another's. The JSON a
 * source imports is copied; a tsconfig.json newer than an output makes it
 * stale too. The type check is `npm run typecheck`'s: a whole
 * `tsc` here cost about 9 core-seconds after every edit, this a few
 * hundredths a file. Like tsc, it leaves the output of a removed source.
 * Returns the sources it emitted, relative to src/.
 */
export async function refreshDist(root: string): Promise<string[]> {
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  // A changed tsconfig.json may change every file's output.
  const configChanged = statSync(join(root, 'tsconfig.json')).mtimeMs;
  const stale = sources(src).filter((file) => {
    const output = join(dist, outputOf(file));
    return !existsSync(output) || Math.max(configChanged, statSync(join(src, file)).mtimeMs) > statSync(output).mtimeMs;
  });
  if (stale.length === 0) return [];
  const { default: ts } = await import('typescript');
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`${root}/tsconfig.json could not be read`);
  // NodeNext takes a file's module format from package.json, which a single file's emit cannot see: the package is
  // ESM ("type": "module"), and ESNext gives the same output as NodeNext does for it.
  const compilerOptions = {
    ...config.options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  for (const file of stale) {
    const output = join(dist, outputOf(file));
    mkdirSync(dirname(output), { recursive: true });
    if (file.endsWith('.json')) {
      copyFileSync(join(src, file), output);
      continue;
    }
    const emitted = ts.transpileModule(readFileSync(join(src, file), 'utf8'), {
      compilerOptions,
      fileName: join(src, file),
    });
    if (emitted.sourceMapText !== undefined) writeFileSync(`${output}.map`, emitted.sourceMapText);
    writeFileSync(output, emitted.outputText);
  }
  return stale;
}

function outputOf(file: string): string {
  return file.endsWith('.ts') ? file.replace(/\.ts$/, '.js') : file;
}

/** The TypeScript and JSON files under a folder, relative to it. */
function sources(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.json$|(?<!\.d)\.ts$/.test(entry.name)) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found;
}
