import type { WorkspaceTable } from '../sources/descriptor.js';
import { templateColumns } from '../workspace/rows.js';

const code = (text: string) => `\`${text}\``;
const fileRow = (table: WorkspaceTable) => `| ${code(`${table.name}.csv`)} | ${table.about} | ${table.origin} |`;
const columnsItem = (table: WorkspaceTable) =>
  `- ${code(`${table.name}.csv`)}: ${templateColumns(table.spec).map(code).join(', ')}. ${table.columnsNote}`;

/** The workspace's README: what each export is and where it comes from, and each table's columns. */
export function workspaceReadme(tables: readonly WorkspaceTable[]): string {
  return `# HMS report workspace

This folder holds the exports that \`hms-report\` turns into the annual HMS
report. Each table may be a \`.csv\` (UTF-8 or Windows-1252, separated by \`;\`,
\`,\` or tab) or an \`.xlsx\` file of the same name (first sheet, header in row 1);
keep one of the two. A table you leave out makes its chapter say that no data
was given; a table that is present must be valid. Headers are matched without
regard to case, and extra columns are ignored.

Check the workspace, then build:

    hms-report validate 2025 --data .
    hms-report build 2025 --data . --out out

Every problem is printed as \`FILE:ROW:COLUMN: message\`, ROW being the row you
see in Excel or an editor.

## Files

| file | what it is | where it comes from |
|---|---|---|
| \`hms-report.config.yaml\` | institution name, traffic-light thresholds, suppression limit | you (commented; every key optional) |
| \`survey/questions.yaml\` | the survey's question catalogue: which export column holds which question, what the answer codes mean, which answers count as positive | the HMS department; started from the sample catalogue |
| \`survey/<year>.csv\` or \`.xlsx\` | the annual HMS survey, one submission a row | Nettskjema: the form's report, exported as CSV or Excel *unchanged* |
${tables.map(fileRow).join('\n')}
| \`benchmarks.yaml\` | national and sector sick-leave figures to compare with | SSB and NAV statistics, DFØ's state-sector figures |
| \`content/<year>/\` | optional: the report's own text and action plan; without it the bundled default text is used | the HMS department |

## Columns

${tables.map(columnsItem).join('\n')}

Dates may be written \`2025-01-31\`, \`31.01.2025\` or as an ISO timestamp;
decimals with a comma or a point.

See the user guide (docs/ in the hms-report package) for how every figure is computed.
`;
}
