import type { OutputFile } from '../output.js';
import type { SourceDescriptor } from '../sources/descriptor.js';
import { SOURCES, workspaceTables } from '../sources/registry.js';
import { configYaml } from './config.js';
import { headerCsv } from './headers.js';
import { workspaceReadme } from './readme.js';

export interface InitSources {
  /** The samples' survey/questions.yaml, copied as it is so it stays in sync with the samples. */
  catalogue: string;
  /** The samples' benchmarks.yaml when they have one: a working example to edit. */
  benchmarks: string | null;
}

const WORD_LIST = `# Names and terms of your narrative that the bokmål dictionary does not list
# (units, systems, abbreviations): validate warns about any other word it does
# not know. One word a line.
`;

/** Every file of a new workspace, as data (paths relative to the workspace, forward slashes). */
export function planWorkspace(files: InitSources, sources: readonly SourceDescriptor[] = SOURCES): OutputFile[] {
  const tables = workspaceTables(sources);
  const planned: OutputFile[] = [
    { path: 'README.md', contents: workspaceReadme(tables) },
    { path: 'hms-report.config.yaml', contents: configYaml(sources) },
    ...tables.map((table) => ({ path: `${table.name}.csv`, contents: headerCsv(table) })),
    { path: 'survey/questions.yaml', contents: files.catalogue },
    { path: 'ordliste.txt', contents: WORD_LIST },
  ];
  if (files.benchmarks !== null) planned.push({ path: 'benchmarks.yaml', contents: files.benchmarks });
  return planned;
}
