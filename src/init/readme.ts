import { TABLE_HEADERS } from './headers.js';

const columns = (file: string) => TABLE_HEADERS[file]!.map((c) => `\`${c}\``).join(', ');

/** The workspace's README: what each export is and where it comes from. */
export function workspaceReadme(): string {
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
| \`units.csv\` | the unit register: every faculty, department and section, with its parent and the years it exists | the organisation register (SAP/DFØ org. structure), kept by HR |
| \`survey/questions.yaml\` | the survey's question catalogue: which export column holds which question, what the answer codes mean, which answers count as positive | the HMS department; started from the sample catalogue |
| \`survey/<year>.csv\` or \`.xlsx\` | the annual HMS survey, one submission a row | Nettskjema: the form's report, exported as CSV or Excel *unchanged* |
| \`incidents.csv\` | unwanted incidents, non-conformities and improvement suggestions, all years | EQS (the deviation system): case export |
| \`injuries.csv\` | occupational injuries and diseases, all years | the NAV reports (yrkesskademelding) registered by HR |
| \`whistleblowing.csv\` | whistleblowing cases, without units or names | the whistleblowing secretariat's case list |
| \`absence.csv\` | sick leave, one row per person and month (or aggregated) | SAP/DFØ absence statistics (the same basis as NAV/SSB's sick-leave statistics) |
| \`working-time.csv\` | breaches of the working-time rules | the time-recording system (SAP/DFØ) |
| \`position-codes.csv\` | optional: stillingskoder missing from the bundled table, and their group | HR (DBH's grouping of the state's stillingskoder) |
| \`benchmarks.yaml\` | national and sector sick-leave figures to compare with | SSB and NAV statistics, DFØ's state-sector figures |
| \`content/<year>/\` | optional: the report's own text and action plan; without it the bundled default text is used | the HMS department |

## Columns

- \`units.csv\`: ${columns('units.csv')}. An empty \`parent_id\` makes a
  top-level organisation. \`reporting\` is \`ja\` for units that answer the
  survey. \`first_year\`/\`last_year\` may be empty (always existed / still exists).
- \`incidents.csv\`: ${columns('incidents.csv')}. \`case_type\` is one of
  \`ulykke\`, \`nestenulykke\`, \`farlig forhold\`, \`avvik\`, \`forbedringsforslag\`;
  \`status\` one of \`åpen\`, \`under behandling\`, \`lukket\`, \`avvist\`; several
  categories are separated by \`;\`; severities are \`Ikke valgt\`,
  \`Ingen/liten fare\`, \`En viss fare\`, \`Farlig\`, \`Kritisk\` or
  \`Katastrofalt\` (empty: \`Ikke valgt\`).
- \`injuries.csv\`: ${columns('injuries.csv')}. \`kind\` is \`yrkesskade\` or \`yrkessykdom\`.
- \`whistleblowing.csv\`: ${columns('whistleblowing.csv')}. \`critical\` is
  \`ja\`, \`nei\` or \`ikke avsluttet\`.
- \`absence.csv\`: ${columns('absence.csv')}. Give \`quarter\` (1–4) instead of
  \`month\` and \`persons\` instead of \`employee_id\` for an export that is
  already aggregated. \`gender\` is \`K\` or \`M\`; days are avtalte dagsverk and
  fraværsdagsverk.
- \`working-time.csv\`: ${columns('working-time.csv')}. \`date\` may be replaced
  by \`year\`; \`count\` may be left out (1). \`rule\` is one of \`uke_over_48\`,
  \`dag_over_13\`, \`hvile_dogn\`, \`hvile_uke\`, \`overtid_uke\`, \`overtid_4uker\`,
  \`overtid_aar\`, \`annet\`.
- \`position-codes.csv\`: ${columns('position-codes.csv')}. \`group\` is
  \`vitenskapelig\` or \`teknisk-administrativ\`.

Dates may be written \`2025-01-31\`, \`31.01.2025\` or as an ISO timestamp;
decimals with a comma or a point.

See the user guide (docs/ in the hms-report package) for how every figure is computed.
`;
}
