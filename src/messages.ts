/**
 * Every message a user reads from the command line, in one place, so wording
 * stays consistent and can be reviewed (or translated) as a whole. Messages
 * about a cell's value live beside the cell schemas in workspace/cells.ts.
 */
/**
 * Longest user value quoted whole in a message; longer ones are
 * cut with "…" (a 10 MB cell must not become a 10 MB line).
 */
export const MAX_QUOTED = 80;

/**
 * A value from the user's files as a message shows it: trimmed,
 * cut at MAX_QUOTED characters, control characters visible.
 */
export function clip(value: string, max = MAX_QUOTED): string {
  // A character shown comes from at most two code units (CR LF,
  // a surrogate pair): the rest of a long value is never shown.
  const head = value.length > 2 * max + 2 ? value.slice(0, 2 * max + 2) : value;
  const oneLine = head
    .replace(/\r\n?|\n/g, '⏎')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const chars = [...oneLine];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

/** `"value"`, clipped. */
const q = (value: string) => `"${clip(value)}"`;

/** A path as typed on a command line: quoted when it holds a space or a shell character. */
export function quoteArg(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export const messages = {
  // reading files
  missingColumn: (column: string) => `required column ${q(column)} is missing`,
  missingOneOf: (columns: readonly string[]) =>
    `one of the columns ${columns.map((c) => `${q(c)}`).join(' or ')} is required`,
  moreProblems: (count: number) => `… and ${count} more problems in this file (fix the ones above first)`,
  bothCsvAndXlsx: (name: string) => `both a CSV and an XLSX file for ${q(name)}: keep one of them`,
  sameNameTwice: (name: string, files: readonly string[]) =>
    `${files.length} files for ${q(name)} whose names differ only in upper and lower case (${files.map(q).join(', ')}): keep one of them`,
  isAFolder: () => `is a folder, not a file: the workspace needs a file by this name (or nothing)`,
  outsideWorkspace: (target: string) =>
    `is a symbolic link to ${q(target)}, outside the workspace: files are read only from inside it (copy the file in instead)`,
  cannotReadFile: (code: string) =>
    code === 'ELOOP'
      ? `cannot be read: it is a symbolic link that leads back to itself (ELOOP)`
      : code === 'EISDIR'
        ? `is a folder, not a file: the workspace needs a file by this name (or nothing)`
        : code === 'EACCES' || code === 'EPERM'
          ? `cannot be read: permission denied (${code})`
          : `cannot be read (${code})`,
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,
  unknownYamlKey: (key: string) => `"${key}" is not a key the tool knows here (a misspelling?)`,
  yamlUnclosed: (char: string) =>
    `not valid YAML: the ${char} on this line is never closed with ${char === '{' ? '}' : ']'} (fix this first: the lines after it cannot be read)`,
  yamlTooManyAliases: (max: number) =>
    `not valid here: the file uses aliases (*name) more than ${max} times when expanded, which is how a file is made to exhaust memory; write the values out`,
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
  xlsxCellsWithoutValue: (count: number) =>
    `${count === 1 ? 'a cell has' : `${count} cells have`} no value to read (listed below): the file is not read until ${count === 1 ? 'it has' : 'they have'} one`,
  formulaWithoutValue: (formula: string) =>
    `the cell holds the formula ${q(`=${formula}`)} but no calculated value (the file was written by a program that does not calculate): open and save it in Excel, or paste the values`,
  formulaError: (formula: string, problem: string) => `the formula ${q(`=${formula}`)} gives no value: ${problem}`,
  excelError: (error: string) => `the cell holds the Excel error ${q(error)} instead of a value`,
  unreadableCell: () => `the cell holds something other than text, a number or a date`,
  notEmpty: () => `must not be empty`,
  utf16WithoutMark: () =>
    `the file looks like UTF-16 without a byte-order mark (every other byte is zero): save it as UTF-8 (in Excel: "CSV UTF-8"), or as UTF-16 with its mark`,
  mixedEncoding: (encoding: string, otherLine: number, other: string) =>
    `this line is encoded as ${encoding}, but line ${otherLine} as ${other}: a file holds one encoding (letters like æøå would come out wrong); save the whole file again as UTF-8`,
  duplicateHeader: (first: string, firstAt: number, second: string, secondAt: number) =>
    `the header has the same column twice: ${q(first)} (column ${firstAt}) and ${q(second)} (column ${secondAt}); keep one of them`,

  // cell values (the value is already clipped by the caller)
  notWholeNumber: (value: string) => `"${value}" is not a whole number`,
  notNumber: (value: string) => `"${value}" is not a number`,
  notDate: (value: string) => `"${value}" is not a date (use YYYY-MM-DD or DD.MM.YYYY)`,
  notTimestamp: (value: string) => `"${value}" is not a date or timestamp`,
  notOneOf: (value: string, list: string) => `"${value}" is not one of ${list}`,
  numberTooLarge: (value: string, largest: number) =>
    `"${value}" is not a usable number: it is infinite or beyond ±${largest.toExponential()} (check the cell)`,
  twoDecimalMarks: (value: string) =>
    `"${value}" has both a comma and a point: write one decimal mark and group digits with spaces, if at all (114 000,5)`,
  otherDecimalMark: (
    value: string,
    mark: string,
    count: number,
    first: string,
    firstRow: number,
    firstColumn: string,
  ) =>
    `"${value}" has a decimal ${mark === ',' ? 'comma' : 'point'}, but this file writes decimals with a ${mark === ',' ? 'point' : 'comma'} (${count} number${count === 1 ? '' : 's'}, the first at row ${firstRow}, column ${clip(firstColumn)}: "${clip(first)}"): a file holds one decimal convention`,
  ambiguousNumber: (value: string) =>
    `"${clip(value)}" is ambiguous: the mark may be a decimal mark or a thousands separator, and no other number in the file says which; write it without the separator (or with more or fewer decimals)`,
  implausibleDate: (date: string, first: number, last: number) =>
    `date ${date} is outside the plausible years ${first}–${last}: check the year (see "Dates and years" in docs/workspace.md)`,
  implausibleYear: (year: number, first: number, last: number) =>
    `year ${year} is outside the plausible years ${first}–${last}: check the year (see "Dates and years" in docs/workspace.md)`,

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

  // files nothing read (every file is read or named), and validate's coverage lines
  unreadLooksLike: (file: string, table: string, found: number, row: number, sheet: string | null) =>
    `not read, but it looks like an export of "${table}" (${found} of its columns in the header${sheet ? ` of sheet "${sheet}"` : ''}, row ${row}): map it in imports.yaml under "${table}:" — "hms-report inspect ${quoteArg(file)}" proposes the stanza to paste — or list it under "ignore:"`,
  unreadLooksLikeSurvey: (file: string, markers: readonly string[]) =>
    `not read, but it looks like a Nettskjema download (its columns ${markers.join(', ')}): name it in imports.yaml under "survey:" (file:) — see "hms-report inspect ${quoteArg(file)}" — or list it under "ignore:"`,
  unreadLooksLikeCodebook: () =>
    `not read: it looks like a Nettskjema codebook; name it in imports.yaml under "survey:" (codebook:)`,
  unreadUnknownTable: (file: string, row: number, header: readonly string[]) =>
    `not read: its header (row ${row}: ${clip(header.map((h) => `"${h}"`).join(', '), 100)}) matches no table the tool knows; "hms-report inspect ${quoteArg(file)}" shows what the tool sees, and imports.yaml maps it`,
  unreadEmpty: () => `not read: the file holds no rows`,
  unreadUnreadable: (detail: string) => `not read: ${detail}`,
  unreadOldExcel: () =>
    `not read: an old Excel workbook (.xls) — save it as .xlsx (Excel: File › Save As) and map it in imports.yaml`,
  unreadOtherFile: () =>
    `not read: the tool reads exports (CSV, TXT, XLSX), YAML and the narrative's Markdown, and nothing uses this file (name it under "ignore:" in imports.yaml, or move it out of the workspace)`,
  unreadFolder: (count: number, folder: string) =>
    `not read: ${count} file${count === 1 ? '' : 's'}, none of them an export (name the folder under "ignore:" in imports.yaml, for example "- ${folder}/", or move it out of the workspace)`,
  unreadNamedTable: (table: string) =>
    `not read: it has the name of the table "${table}", but nothing asked for it this time (it is read only with the source that uses it)`,
  unreadMappedElsewhere: (table: string) =>
    `not read: imports.yaml's "${table}:" stanza names another file for this table (drop one of them)`,
  unreadMatchedByImports: (key: string) => `not read although imports.yaml's ${key} names it: see the problems above`,
  coverageLine: (source: string, file: string, rows: number, read: number, skipped: readonly string[]) =>
    `Read ${file} (${source}): ${read} of ${rows} row${rows === 1 ? '' : 's'}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}`,
  coverageSum: (count: number) => `${count} sum row${count === 1 ? '' : 's'}`,
  coverageUnmapped: (count: number) => `${count} with a value imports.yaml does not map`,
  coverageErrors: (count: number) => `${count} with errors`,

  // hms-report inspect
  inspectNoFile: (file: string) => `${file}: no such file`,
  inspectUnreadable: (file: string, detail: string) => `${file} cannot be read: ${detail}`,
  inspectNotTable: (file: string) =>
    `${file} is not an export the tool reads: inspect takes a CSV, TXT or XLSX file (save an .xls workbook as .xlsx)`,
  inspectEmpty: (file: string) => `${file} holds no rows`,
  inspectFormatCsv: (encoding: string, delimiter: string) =>
    `CSV, ${encoding}, delimiter ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}`,
  inspectFormatXlsx: (sheets: readonly string[], sheet: string | null) =>
    `XLSX, sheets ${sheets.map((s) => `"${s}"`).join(', ')}${sheet ? `; the data is on "${sheet}"` : ''}`,
  inspectHeader: (row: number, titles: readonly { row: number; text: string }[]) =>
    `row ${row}${titles.length ? ` (title rows passed over: ${titles.map((t) => `${t.row} "${clip(t.text, 50)}"`).join(', ')})` : ''}`,
  inspectRows: (rows: number, totals: readonly { row: number; label: string }[]) =>
    `${rows} below the header${totals.length ? `, of which ${totals.length} sum row${totals.length === 1 ? '' : 's'} (${totals.map((t) => `row ${t.row} "${clip(t.label, 30)}"`).join(', ')}), passed over` : ''}`,
  inspectLikely: (table: string, matched: number, missing: readonly string[]) =>
    `${table} (${matched} column${matched === 1 ? '' : 's'} matched${missing.length ? `; not found: ${missing.join(', ')}` : ''})`,
  inspectSurvey: (markers: readonly string[]) =>
    `survey: a Nettskjema download (its columns ${markers.join(', ')}); the survey: stanza is described in docs/imports.md`,
  inspectNoTable: () =>
    `no table the tool knows: no header matches enough of any table's columns (see docs/data-contract.md for each table's columns)`,
  inspectAlso: (others: readonly string[]) => `also possible: ${others.join(', ')}`,
  inspectNotUsed: () => `(not used)`,
  inspectDistinct: (count: number, more: boolean) => `${more ? 'over ' : ''}${count} distinct`,
  inspectUnmapped: (column: string, label: string, count: number, row: number, nearest: string | null) =>
    `${column} "${clip(label)}" (${count} row${count === 1 ? '' : 's'}, first in row ${row})${nearest ? `; nearest code: "${nearest}"` : ''}`,
  inspectUnknownUnit: (value: string, count: number, naming: string, nearest: string | null) =>
    `unit_id "${clip(value)}" (${count} row${count === 1 ? '' : 's'}) is no ${naming} in units.csv${nearest ? `; nearest: "${nearest}"` : ''}`,
  inspectCouldNotMap: () =>
    `Could not map (left as comments in the stanza; write the code after each or fix the export):`,
  inspectOutside: (file: string) =>
    `${file} is not inside the workspace: copy it in, and file: takes its path relative to the workspace`,
  inspectStanza: () => `For imports.yaml (paste, then run "hms-report validate <year>"):`,
  inspectNoStanza: () => `No stanza: map the file by hand (docs/imports.md), or check that it is the export you meant.`,
  inspectNoRegister: () =>
    `units: guessed from the values; give --data <workspace> (one with units.csv) to check them against the register`,

  // units register
  duplicateUnit: (id: string, firstRow: number) => `unit_id ${q(id)} is already used in row ${firstRow}`,
  unknownParent: (id: string) => `parent_id ${q(id)} is not a unit_id in the register`,
  parentCycle: (id: string) => `unit ${q(id)} is its own ancestor (parent_id forms a loop)`,
  yearsReversed: (first: number, last: number) => `first_year ${first} is after last_year ${last}`,
  unknownUnit: (id: string) => `unit_id ${q(id)} is not in units.csv`,
  unitNotInYear: (id: string, year: number) =>
    `unit ${q(id)} does not exist in ${year} (see first_year/last_year in units.csv)`,
  noUnits: () => `units.csv (or units.xlsx) is missing: the workspace needs a unit register`,

  // incidents, injuries, whistleblowing
  duplicateCase: (id: string, firstRow: number) => `case_id ${q(id)} is already used in row ${firstRow}`,
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
    `scale ${q(scale)} is not defined under scales (defined: ${known.map((s) => `${q(s)}`).join(', ') || 'none'})`,
  surveyUnknownGate: (question: string) =>
    `applies_if refers to ${q(question)}, which is not another question of the catalogue`,
  surveyDuplicateQuestion: (id: string, firstIndex: number) =>
    `question id ${q(id)} is already used by question ${firstIndex + 1}`,
  surveyCodeNotInScale: (codeValue: string, scale: string) => `${q(codeValue)} is not an option of scale ${q(scale)}`,
  surveyGateNotAsked: (question: string, gate: string, column: string) =>
    `question ${q(question)} applies only to units that pass ${q(gate)}, but this export has no column ${q(column)} for it: no unit can pass, so ${q(question)} shows no data this year`,
  surveyColumnNowhere: (question: string, column: string, years: readonly number[]) =>
    `question ${q(question)}: its column ${q(column)} is in none of the survey exports (${years.join(', ')}), so it would show "ikke spurt" in every year: check the spelling against the export's header (or remove the question)`,
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
    `unit ${q(id)} answered the survey, but units.csv says it is not a reporting unit (reporting = nei): its answers are not counted`,
  surveyDuplicate: (unit: string, year: number, ids: readonly string[], kept: string) =>
    `unit ${q(unit)} submitted the ${year} survey ${ids.length} times (submissions ${ids.join(', ')}): only the latest, ${kept}, counts`,

  // sick leave, working time, benchmarks
  badPositionCode: (value: string) => `${q(value)} is not a four-digit stillingskode`,
  duplicatePositionCode: (code: string, firstRow: number) =>
    `stillingskode ${code} is already listed in row ${firstRow}`,
  unknownPositionCode: (code: string) =>
    `stillingskode ${q(code)} is not in the bundled table: add it to position-codes.csv (position_code, title, group)`,
  bothColumns: (a: string, b: string) =>
    `both ${q(a)} and ${q(b)} are given: a file uses one of them (see the data contract)`,
  absenceOverAgreed: (absence: number, agreed: number) =>
    `self_certified_days + doctor_certified_days (${absence}) exceed agreed_days (${agreed})`,
  dateYearMismatch: (date: string, year: number) => `date ${date} is not in year ${year}`,
  noDateOrYear: () => `both date and year are empty: one of them is required`,
  emptyCell: () => `is empty, but a value is required`,
  benchmarksNotRead: (problem: string) =>
    `${problem} (benchmarks.yaml is free form, but the report reads only the form in docs/workspace.md: the benchmark table is left out)`,

  // narrative content
  htmlLoads: (reference: string) =>
    `refers to ${q(reference)}, which a browser would fetch: the report loads nothing from outside (an image must be embedded as a data: URL; a link is fine)`,
  htmlTagNotAllowed: (tag: string) =>
    `<${clip(tag)}> is not allowed in the narrative: it would run, embed or load something (see "Raw HTML" in docs/content.md)`,
  htmlAttributeNotAllowed: (tag: string, attribute: string) =>
    `attribute ${q(attribute)} is not allowed on <${clip(tag)}> in the narrative (see "Raw HTML" in docs/content.md)`,
  htmlStyleNotAllowed: (declaration: string) =>
    `style ${q(declaration)} is not allowed in the narrative: only text-align, color, background-color, font-weight, font-style and text-decoration (see "Raw HTML" in docs/content.md)`,
  unknownPlaceholder: (path: string) =>
    `unknown placeholder ${q(path)}: no such figure in the metrics (check the spelling, see metrics.json)`,
  placeholderThroughNull: (path: string, missing: string) =>
    `${q(path)}: ${missing} is null, since its source file was not given; put the text inside {{#if ${missing}}} … {{/if}}`,
  unknownHelper: (name: string) => `unknown helper or component ${q(name)}`,
  placeholderSyntax: (detail: string) => `placeholder syntax error: ${detail}`,
  unknownPlaceholderIn: (placeholder: string) =>
    `unknown placeholder in ${placeholder}: an argument names no figure in the metrics (check the spelling, see metrics.json and docs/content.md)`,
  unknownName: (name: string) =>
    `unknown placeholder or component ${q(name)}: neither a figure in the metrics nor a component (check the spelling, see docs/content.md)`,
  unknownHeadingRef: (title: string) =>
    `{{ref ${q(title)}}} names no heading of the report (give a heading's title, or the part before its colon) and no figure component used in it`,
  undefinedFootnote: (label: string) =>
    `footnote [^${label}] has no text: add a line "[^${label}]: …" to the same file`,
  helperFailed: (helper: string, detail: string) => `helper ${q(helper)} cannot be used here: ${detail}`,
  actionPlanStatus: (given: string, allowed: readonly string[]) =>
    `status ${q(given)} is not one of ${allowed.map((s) => `${q(s)}`).join(', ')}`,
  actionPlanLines: () =>
    `give a text, or a list of texts for several entries (each is shown on its own line, as "deadline: [Årlig (januar), Årlig (mars)]")`,
  actionPlanDuplicateId: (id: string) => `plan id ${q(id)} is used twice`,
  actionPlanFirstRow: (column: string) =>
    `${column} is empty and there is no row above to repeat: give the ${column} here`,
  actionPlanTwice: (other: string) => `both this file and ${other} hold an action plan: keep one of them`,
  unknownActionPlan: (id: string, known: readonly string[]) =>
    `no action plan with id ${q(id)} in content/<year>/handlingsplan.yaml (plans: ${known.join(', ') || 'none'})`,
  unknownComponent: (name: string) => `unknown component ${q(name)}`,
  surveyTableNoSection: () => `survey-table needs the section of the catalogue, for example {{survey-table "6.1.3"}}`,
  surveyGateArguments: () =>
    `survey-gate needs a gate question id and a sentence, for example {{survey-gate "har_kjemikalier" "I {year} oppgir {yes} av {answered} enheter at de håndterer kjemikalier."}}`,
  actionPlanNoId: () => `action-plan needs the id of a plan, for example {{action-plan "hr-hms"}}`,
  helperNotANumber: (helper: string, value: string) => `${helper}: ${q(value)} is not a number`,
  helperNotAMap: (helper: string) => `${helper}: expects a map of figures (for example current.absenceByOrg)`,
  helperAllSuppressed: (helper: string) => `${helper}: the map has no figures that are not suppressed`,
  helperNotAQuarter: (value: string) => `quarter: ${q(value)} is not a quarter (1–4)`,
  helperWholeIsZero: (helper: string) => `${helper}: the whole is 0`,
  helperNotAList: (helper: string) => `${helper}: the first argument is not a list`,
  helperNotALight: (value: string) => `light: ${q(value)} is not green, yellow or red`,

  // command line
  usingSamples: (dir: string) =>
    `No workspace in the current folder (no units.csv, units.xlsx or hms-report.config.yaml): using the bundled samples in ${dir}`,
  notAWorkspace: (dir: string) => `${dir} is not a folder`,
  unknownKey: (key: string, known: readonly string[]) =>
    `unknown key ${q(key)} is ignored (the keys here are ${known.join(', ')})`,
  cannotWrite: (dir: string, reason: string) => `Cannot write to ${dir}: ${reason}`,
  yearOutOfRange: (year: number, first: number, last: number) =>
    `${year} is not a report year the tool makes: give a year from ${first} to ${last} (next year)`,
  badYear: (value: string) => `${q(value)} is not a year (expected four digits, for example 2025)`,
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
    `SOURCE_DATE_EPOCH is ${q(value)}: expected whole seconds since 1970-01-01 (or leave it unset to date the PDF 1 January after the report year)`,
  requestBlocked: (url: string) =>
    `the report refers to ${url}: it was not fetched (the report must be self-contained), so the PDF lacks it`,
  badFormat: (value: string) => `${q(value)} is not an output format: use a comma-separated list of html, pdf and json`,
  unexpected: (detail: string) => `Unexpected internal error: ${detail}\nPlease report this with the command you ran.`,

  // diff and init
  diffNoMetrics: (arg: string, path: string) =>
    `${q(arg)}: no metrics.json at ${path} (give a metrics.json, a folder holding one, or a year with --out)`,
  diffBadJson: (path: string, detail: string) => `${path} is not a readable metrics.json: ${detail}`,
  initExists: (files: readonly string[]) =>
    `Not overwriting existing files: ${files.join(', ')} (use --force to overwrite them)`,
  initWrote: (dir: string, count: number) =>
    `Wrote a new workspace with ${count} files to ${dir}. Fill in the exports, then run "hms-report validate <year> --data ${dir}".`,
  initNoCatalogue: (path: string) => `the bundled question catalogue is missing (${path}): the package is incomplete`,
  bundledInvalid: (file: string, problems: string) =>
    `the package's bundled ${file} is invalid: ${problems}\nPlease report this with the command you ran.`,
  bundledUnreadable: (file: string) =>
    `the package's bundled ${file} cannot be read: the package is incomplete\nPlease report this with the command you ran.`,
  progressValidating: (year: number) => `Reading and validating the workspace for ${year} …`,
  progressBuilding: (year: number) => `Reading, validating and computing ${year}, rendering the report …`,
  progressWriting: (count: number) => `Writing ${count} files …`,
  feedbackNoBrowser: (year: number) =>
    `No Chromium or Chrome was found to print the feedback PDFs (set HMS_REPORT_CHROMIUM to its path, or install chromium).\nTo write only the HTML pages: hms-report feedback ${year} --format html`,
  feedbackWrote: (count: number, dir: string) => `Wrote ${count} feedback files to ${dir}`,
  feedbackProgress: (done: number, total: number) => `Printed ${done} of ${total} feedback PDFs`,
  badConcurrency: (value: string) => `${q(value)} is not a number of pages from 1 to 64`,
  badFeedbackFormat: (value: string) => `${q(value)} is not a feedback format: use html, pdf or html,pdf`,
} as const;
