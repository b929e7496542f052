/**
 * Every message a user reads from the command line, in one place, so wording
 * stays consistent and can be reviewed (or translated) as a whole. Messages
 * about a cell's value live beside the cell schemas in workspace/cells.ts.
 */
/** A quoted value cut to a readable length: a 10 MB cell must not become a 10 MB message. */
export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const messages = {
  // reading files
  missingColumn: (column: string) => `required column "${column}" is missing`,
  missingOneOf: (columns: readonly string[]) =>
    `one of the columns ${columns.map((c) => `"${c}"`).join(' or ')} is required`,
  moreProblems: (count: number) => `… and ${count} more problems in this file (fix the ones above first)`,
  bothCsvAndXlsx: (name: string) => `both a CSV and an XLSX file for "${name}": keep one of them`,
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,
  unknownYamlKey: (key: string) => `"${key}" is not a key the tool knows here (a misspelling?)`,
  emptyFile: () => `the file is empty: it has no header row`,
  notCsv: (detail: string) => `the file is not valid CSV: ${detail}`,
  notXlsx: () => `the file is not an Excel workbook (.xlsx)`,
  noSheet: () => `the workbook has no sheet`,
  noXlsxHeader: (row = 1) => `the sheet has no header in row ${row}`,
  noSuchSheet: (sheet: string, names: readonly string[]) =>
    `the workbook has no sheet "${sheet}" (its sheets: ${names.map((n) => `"${n}"`).join(', ')})`,
  noHeaderFound: (sheets: readonly string[], rows: number) =>
    `no header row with the columns imports.yaml names was found in the first ${rows} rows of ${sheets.length === 1 ? `sheet "${sheets[0]}"` : `the sheets ${sheets.map((n) => `"${n}"`).join(', ')}`}: give header_row (and sheet) in imports.yaml`,
  noCsvHeaderFound: (rows: number) =>
    `no header row with the columns imports.yaml names was found in the first ${rows} lines: give header_row in imports.yaml`,
  notEmpty: () => `must not be empty`,

  // imports.yaml
  importsUnknownColumn: (columns: readonly string[]) =>
    `is not a column of this table (its columns: ${columns.map((c) => `"${c}"`).join(', ')})`,
  importsColumnNotInFile: (written: string, key: string, header: readonly string[]) =>
    `imports.yaml names the column "${written}" (${key}), but the file has no such column (its columns: ${clip(header.map((h) => `"${h}"`).join(', '))})`,
  importsNoFile: (pattern: string) => `"${pattern}" matches no file of the workspace`,
  importsManyFiles: (pattern: string, files: readonly string[]) =>
    `"${pattern}" matches ${files.length} files (${clip(files.join(', '))}): name one`,
  importsTotalRow: (label: string) => `a sum row ("${clip(label)}") is passed over, not counted`,
  importsUnknownValue: (value: string, count: number, stanza: string, column: string, nearest: string | null) =>
    `"${clip(value)}" (${count} row${count === 1 ? '' : 's'}, first here) is not one imports.yaml maps for ${stanza} ${column}${nearest ? `; nearest known: "${clip(nearest)}"` : ''}: add it under ${column === 'unit_id' ? `values.unit_id (or check units:)` : `values.${column}`}`,

  // units register
  duplicateUnit: (id: string, firstRow: number) => `unit_id "${id}" is already used in row ${firstRow}`,
  unknownParent: (id: string) => `parent_id "${id}" is not a unit_id in the register`,
  parentCycle: (id: string) => `unit "${id}" is its own ancestor (parent_id forms a loop)`,
  yearsReversed: (first: number, last: number) => `first_year ${first} is after last_year ${last}`,
  unknownUnit: (id: string) => `unit_id "${id}" is not in units.csv`,
  unitNotInYear: (id: string, year: number) =>
    `unit "${id}" does not exist in ${year} (see first_year/last_year in units.csv)`,
  noUnits: () => `units.csv (or units.xlsx) is missing: the workspace needs a unit register`,

  // incidents, injuries, whistleblowing
  duplicateCase: (id: string, firstRow: number) => `case_id "${id}" is already used in row ${firstRow}`,
  closedBeforeRegistered: (closed: string, registered: string) =>
    `closed_date ${closed} is before registered_date ${registered}: the case counts, but its closed_date is not used`,
  criteriaRowWidth: (cells: number, columns: number) =>
    `this row has ${cells} cells, but "kolonner" names ${columns}: give one cell per column`,
  incidentColumnAbsent: (column: 'category' | 'closed_date') =>
    column === 'category'
      ? `column "category" is missing: no case has a category, so the figure per category stays empty`
      : `column "closed_date" is missing: the time from registration to closing cannot be computed`,
  noSeverityColumns: () => `the severity_* columns are missing: Tabell 1 counts every uønsket hendelse as "Ikke valgt"`,

  // survey
  surveyNoCatalogue: (exports: number) =>
    `the survey catalogue is missing, but ${exports} survey export${exports === 1 ? ' is' : 's are'} given: the catalogue says what the answer codes mean`,
  surveyUnknownScale: (scale: string, known: readonly string[]) =>
    `scale "${scale}" is not defined under scales (defined: ${known.map((s) => `"${s}"`).join(', ') || 'none'})`,
  surveyUnknownGate: (question: string) =>
    `applies_if refers to "${question}", which is not another question of the catalogue`,
  surveyDuplicateQuestion: (id: string, firstIndex: number) =>
    `question id "${id}" is already used by question ${firstIndex + 1}`,
  surveyCodeNotInScale: (codeValue: string, scale: string) => `"${codeValue}" is not an option of scale "${scale}"`,
  surveyGateNotAsked: (question: string, gate: string, column: string) =>
    `question "${question}" applies only to units that pass "${gate}", but this export has no column "${column}" for it: no unit can pass, so "${question}" shows no data this year`,
  surveyMisnamedExport: () =>
    `not read: a survey export is named by its year, as survey/<year>.csv or survey/<year>.xlsx (for example survey/2025.csv), or as Nettskjema names a download (data-<formid>-….txt); any other name is read through the survey stanza of imports.yaml (file: "survey/*.csv")`,
  surveyNotInStanza: () =>
    `not read: the survey stanza of imports.yaml names the survey downloads, and this file is not one of them (file:, files:)`,
  surveyNoYear: (columns: string) =>
    `cannot tell which year this download is: no submission has a date in ${columns}; name it under survey.files in imports.yaml ({2025: "…"})`,
  surveyTwoDownloads: (year: number, other: string) =>
    `this download is the ${year} survey, and so is ${other}: name each year's download under survey.files in imports.yaml`,
  surveyNoQuestionFound: (year: number, questions: number, hadTexts: boolean, columns: readonly string[]) =>
    `none of the catalogue's ${questions} questions of ${year} is a column of this download, so it gives no answers: ${
      hadTexts
        ? `name the questions by their text for this year (texts: {${year}: "…"} in survey/questions.yaml), or put the form's codebook beside the download`
        : `its columns are question texts (the codebook was off in Nettskjema): put the form's codebook beside the download (codebook-<formid>.txt or .json) or name each question's text (text: / texts:) in survey/questions.yaml`
    } (its columns: ${columns.length === 0 ? "none besides the unit and Nettskjema's own" : clip(columns.map((c) => `"${c}"`).join(', '), 200)})`,
  surveyQuestionsMissing: (year: number, missing: readonly { id: string; nearest: string | null }[], total: number) =>
    `${missing.length} of the catalogue's ${total} questions of ${year} ${missing.length === 1 ? 'is' : 'are'} not in this download and show${missing.length === 1 ? 's' : ''} no data: ${clip(
      missing.map((q) => (q.nearest ? `${q.id} (nearest unread column: "${clip(q.nearest, 60)}")` : q.id)).join('; '),
      400,
    )}; give the text of ${year} (texts: {${year}: "…"}) or, if not asked that year, columns: {${year}: null}`,
  surveyUnknownLabel: (
    value: string,
    count: number,
    question: string,
    scale: string,
    nearest: string | null,
    offScale: string | null,
  ) =>
    `"${clip(value)}" (${count} row${count === 1 ? '' : 's'}, first here) is not an answer option of question "${question}"${
      offScale !== null
        ? `: the codebook gives it the code "${offScale}", which scale "${scale}" does not have`
        : ` (scale "${scale}")${nearest ? `; nearest known: "${clip(nearest)}"` : ''}: add the label to the scale's options or to the codebook`
    }`,
  surveyUnknownUnit: (value: string, count: number, naming: string, nearest: string | null) =>
    `"${clip(value)}" (${count} row${count === 1 ? '' : 's'}, first here) is not ${naming} of units.csv${nearest ? `; nearest known: "${clip(nearest)}"` : ''}: correct the register (or units: in the survey stanza of imports.yaml)`,
  surveyCodebookUnreadable: () =>
    `not a Nettskjema codebook: expected the text codebook ("* Variabel<TAB>Etikett" and the variables below it) or the JSON of the form's elements`,
  surveyCodebookNotJson: (detail: string) => `the codebook is not valid JSON: ${clip(detail)}`,
  surveyUnitNotReporting: (id: string) =>
    `unit "${id}" answered the survey, but units.csv says it is not a reporting unit (reporting = nei): its answers are not counted`,
  surveyDuplicate: (unit: string, year: number, ids: readonly string[], kept: string) =>
    `unit "${unit}" submitted the ${year} survey ${ids.length} times (submissions ${ids.join(', ')}): only the latest, ${kept}, counts`,

  // sick leave, working time, benchmarks
  badPositionCode: (value: string) => `"${value}" is not a four-digit stillingskode`,
  duplicatePositionCode: (code: string, firstRow: number) =>
    `stillingskode ${code} is already listed in row ${firstRow}`,
  unknownPositionCode: (code: string) =>
    `stillingskode "${code}" is not in the bundled table: add it to position-codes.csv (position_code, title, group)`,
  bothColumns: (a: string, b: string) =>
    `both "${a}" and "${b}" are given: a file uses one of them (see the data contract)`,
  absenceOverAgreed: (absence: number, agreed: number) =>
    `self_certified_days + doctor_certified_days (${absence}) exceed agreed_days (${agreed})`,
  dateYearMismatch: (date: string, year: number) => `date ${date} is not in year ${year}`,
  noDateOrYear: () => `both date and year are empty: one of them is required`,
  emptyCell: () => `is empty, but a value is required`,
  benchmarksNotRead: (problem: string) =>
    `${problem} (benchmarks.yaml is free form, but the report reads only the form in docs/workspace.md: the benchmark table is left out)`,

  // narrative content
  unknownPlaceholder: (path: string) =>
    `unknown placeholder "${path}": no such figure in the metrics (check the spelling, see metrics.json)`,
  placeholderThroughNull: (path: string, missing: string) =>
    `"${path}": ${missing} is null, since its source file was not given; put the text inside {{#if ${missing}}} … {{/if}}`,
  unknownHelper: (name: string) => `unknown helper or component "${name}"`,
  placeholderSyntax: (detail: string) => `placeholder syntax error: ${detail}`,
  unknownPlaceholderIn: (placeholder: string) =>
    `unknown placeholder in ${placeholder}: an argument names no figure in the metrics (check the spelling, see metrics.json and docs/content.md)`,
  unknownName: (name: string) =>
    `unknown placeholder or component "${name}": neither a figure in the metrics nor a component (check the spelling, see docs/content.md)`,
  unknownHeadingRef: (title: string) =>
    `{{ref "${title}"}} names no heading of the report (give a heading's title, or the part before its colon) and no figure component used in it`,
  undefinedFootnote: (label: string) =>
    `footnote [^${label}] has no text: add a line "[^${label}]: …" to the same file`,
  helperFailed: (helper: string, detail: string) => `helper "${helper}" cannot be used here: ${detail}`,
  actionPlanStatus: (given: string, allowed: readonly string[]) =>
    `status "${given}" is not one of ${allowed.map((s) => `"${s}"`).join(', ')}`,
  actionPlanDuplicateId: (id: string) => `plan id "${id}" is used twice`,
  actionPlanFirstRow: (column: string) =>
    `${column} is empty and there is no row above to repeat: give the ${column} here`,
  actionPlanTwice: (other: string) => `both this file and ${other} hold an action plan: keep one of them`,
  unknownActionPlan: (id: string, known: readonly string[]) =>
    `no action plan with id "${id}" in content/<year>/handlingsplan.yaml (plans: ${known.join(', ') || 'none'})`,
  unknownComponent: (name: string) => `unknown component "${name}"`,
  surveyTableNoSection: () => `survey-table needs the section of the catalogue, for example {{survey-table "6.1.3"}}`,
  surveyGateArguments: () =>
    `survey-gate needs a gate question id and a sentence, for example {{survey-gate "har_kjemikalier" "I {year} oppgir {yes} av {answered} enheter at de håndterer kjemikalier."}}`,
  actionPlanNoId: () => `action-plan needs the id of a plan, for example {{action-plan "hr-hms"}}`,
  helperNotANumber: (helper: string, value: string) => `${helper}: "${value}" is not a number`,
  helperNotAMap: (helper: string) => `${helper}: expects a map of figures (for example current.absenceByOrg)`,
  helperAllSuppressed: (helper: string) => `${helper}: the map has no figures that are not suppressed`,
  helperNotAQuarter: (value: string) => `quarter: "${value}" is not a quarter (1–4)`,
  helperWholeIsZero: (helper: string) => `${helper}: the whole is 0`,
  helperNotAList: (helper: string) => `${helper}: the first argument is not a list`,
  helperNotALight: (value: string) => `light: "${value}" is not green, yellow or red`,

  // command line
  usingSamples: (dir: string) =>
    `No workspace in the current folder (no units.csv, units.xlsx or hms-report.config.yaml): using the bundled samples in ${dir}`,
  notAWorkspace: (dir: string) => `${dir} is not a folder`,
  unknownKey: (key: string, known: readonly string[]) =>
    `unknown key "${key}" is ignored (the keys here are ${known.join(', ')})`,
  cannotWrite: (dir: string, reason: string) => `Cannot write to ${dir}: ${reason}`,
  badYear: (value: string) => `"${value}" is not a year (expected four digits, for example 2025)`,
  invalidWorkspace: (errors: number, warnings: number) =>
    `The workspace is invalid: ${errors} problem${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. Nothing was written.`,
  valid: (year: number, warnings: number) =>
    `The workspace is valid for ${year}${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`,
  wrote: (files: readonly string[]) => `Wrote ${files.join(', ')}`,
  // PDF
  noBrowser: (explicit: { variable: string; path: string } | undefined, year: number) =>
    `${explicit ? `${explicit.variable} is set to ${explicit.path}, which is not a file.` : "No Chromium or Chrome was found to print report.pdf (looked at HMS_REPORT_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, the Google Chrome paths and puppeteer's cache)."}
Install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium), or set HMS_REPORT_CHROMIUM to the path of a Chromium or Chrome executable.
To write only the HTML and metrics.json: hms-report build ${year} --format html,json`,
  browserFailed: (path: string, detail: string, year: number) =>
    `Chromium at ${path} could not be started: ${detail}
Check that it runs (${path} --version), or set HMS_REPORT_CHROMIUM to another Chromium or Chrome.
To write only the HTML and metrics.json: hms-report build ${year} --format html,json`,
  printFailed: (path: string, detail: string, document = 'report.pdf') =>
    `Chromium at ${path} failed while printing ${document}: ${detail}`,
  // preview
  previewListening: (year: number, url: string) =>
    `Preview of the ${year} report at ${url} (watching the workspace and the templates; Ctrl-C stops it)`,
  previewRebuilt: (parts: readonly string[], milliseconds: number, problems: number) =>
    `${problems ? `The workspace is invalid (${problems} problem${problems === 1 ? '' : 's'}): the page keeps the last valid report` : 'Updated the report'} (${parts.join(', ')}; ${Math.round(milliseconds)} ms)`,
  previewNoReport: () => 'There is no valid report to print yet: fix the problems the page lists first.',
  previewPortInUse: (port: number) =>
    `Port ${port} on 127.0.0.1 is in use: choose another with --port N (--port 0 takes any free port)`,
  previewStopped: () => 'Preview stopped.',
  badPort: (value: string) => `"${value}" is not a port: use a number from 0 to 65535 (0 takes any free port)`,
  nothingWritten: () => 'Nothing was written.',
  pdfLeftOut: () =>
    'report.pdf was left out; the other files were written (ask for --format pdf to write nothing without it).',
  badSourceDateEpoch: (value: string) =>
    `SOURCE_DATE_EPOCH is "${value}": expected whole seconds since 1970-01-01 (or leave it unset to date the PDF 1 January after the report year)`,
  requestBlocked: (url: string) =>
    `the report refers to ${url}: it was not fetched (the report must be self-contained), so the PDF lacks it`,
  badFormat: (value: string) => `"${value}" is not an output format: use a comma-separated list of html, pdf and json`,
  unexpected: (detail: string) => `Unexpected internal error: ${detail}\nPlease report this with the command you ran.`,

  // diff and init
  diffNoMetrics: (arg: string, path: string) =>
    `"${arg}": no metrics.json at ${path} (give a metrics.json, a folder holding one, or a year with --out)`,
  diffBadJson: (path: string, detail: string) => `${path} is not a readable metrics.json: ${detail}`,
  initExists: (files: readonly string[]) =>
    `Not overwriting existing files: ${files.join(', ')} (use --force to overwrite them)`,
  initWrote: (dir: string, count: number) =>
    `Wrote a new workspace with ${count} files to ${dir}. Fill in the exports, then run "hms-report validate <year> --data ${dir}".`,
  initNoCatalogue: (path: string) => `the bundled question catalogue is missing (${path}): the package is incomplete`,
  progressValidating: (year: number) => `Reading and validating the workspace for ${year} …`,
  progressBuilding: (year: number) => `Reading, validating and computing ${year}, rendering the report …`,
  progressWriting: (count: number) => `Writing ${count} files …`,
  feedbackNoBrowser: (year: number) =>
    `No Chromium or Chrome was found to print the feedback PDFs (set HMS_REPORT_CHROMIUM to its path, or install chromium).\nTo write only the HTML pages: hms-report feedback ${year} --format html`,
  feedbackWrote: (count: number, dir: string) => `Wrote ${count} feedback files to ${dir}`,
  feedbackProgress: (done: number, total: number) => `Printed ${done} of ${total} feedback PDFs`,
  badConcurrency: (value: string) => `"${value}" is not a number of pages from 1 to 64`,
  badFeedbackFormat: (value: string) => `"${value}" is not a feedback format: use html, pdf or html,pdf`,
} as const;
