/**
 * Every message a user reads from the command line, in one place, so wording
 * stays consistent and can be reviewed (or translated) as a whole. Messages
 * about a cell's value live beside the cell schemas in workspace/cells.ts.
 */
export const messages = {
  // reading files
  missingColumn: (column: string) => `required column "${column}" is missing`,
  missingOneOf: (columns: readonly string[]) => `one of the columns ${columns.map((c) => `"${c}"`).join(' or ')} is required`,
  moreProblems: (count: number) => `… and ${count} more problems in this file (fix the ones above first)`,
  bothCsvAndXlsx: (name: string) => `both a CSV and an XLSX file for "${name}": keep one of them`,
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,

  // units register
  duplicateUnit: (id: string, firstRow: number) => `unit_id "${id}" is already used in row ${firstRow}`,
  unknownParent: (id: string) => `parent_id "${id}" is not a unit_id in the register`,
  parentCycle: (id: string) => `unit "${id}" is its own ancestor (parent_id forms a loop)`,
  yearsReversed: (first: number, last: number) => `first_year ${first} is after last_year ${last}`,
  unknownUnit: (id: string) => `unit_id "${id}" is not in units.csv`,
  unitNotInYear: (id: string, year: number) => `unit "${id}" does not exist in ${year} (see first_year/last_year in units.csv)`,
  noUnits: () => `units.csv (or units.xlsx) is missing: the workspace needs a unit register`,

  // narrative content
  unknownPlaceholder: (path: string) => `unknown placeholder "${path}": no such figure in the metrics (check the spelling, see metrics.json)`,
  unknownHelper: (name: string) => `unknown helper or component "${name}"`,
  placeholderSyntax: (detail: string) => `placeholder syntax error: ${detail}`,

  // command line
  usingSamples: (dir: string) => `No workspace in the current folder (no units.csv, units.xlsx or hms-report.config.yaml): using the bundled samples in ${dir}`,
  notAWorkspace: (dir: string) => `${dir} is not a folder`,
  badYear: (value: string) => `"${value}" is not a year (expected four digits, for example 2025)`,
  invalidWorkspace: (errors: number, warnings: number) =>
    `The workspace is invalid: ${errors} problem${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. Nothing was written.`,
  valid: (year: number, warnings: number) => `The workspace is valid for ${year}${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`,
  wrote: (files: readonly string[]) => `Wrote ${files.join(', ')}`,
  unexpected: (detail: string) => `Unexpected internal error: ${detail}\nPlease report this with the command you ran.`,
} as const;
