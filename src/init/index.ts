import type { OutputFile } from '../output.js';
import { CONFIG_YAML } from './config.js';
import { headerCsv, TABLE_HEADERS } from './headers.js';
import { workspaceReadme } from './readme.js';

export interface InitSources {
  /** The samples' survey/questions.yaml, copied as it is so it stays in sync with the samples. */
  catalogue: string;
  /** The samples' benchmarks.yaml when they have one: a working example to edit. */
  benchmarks: string | null;
}

/** Every file of a new workspace, as data (paths relative to the workspace, forward slashes). */
export function planWorkspace(sources: InitSources): OutputFile[] {
  const files: OutputFile[] = [
    { path: 'README.md', contents: workspaceReadme() },
    { path: 'hms-report.config.yaml', contents: CONFIG_YAML },
    ...Object.entries(TABLE_HEADERS).map(([path, columns]) => ({ path, contents: headerCsv(columns) })),
    { path: 'survey/questions.yaml', contents: sources.catalogue },
  ];
  if (sources.benchmarks !== null) files.push({ path: 'benchmarks.yaml', contents: sources.benchmarks });
  return files;
}

export { TABLE_HEADERS } from './headers.js';
