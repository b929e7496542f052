import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AbsenceYear, Metrics, SeverityCounts } from '../metrics/types.js';

/**
 * tables.xlsx: the data behind every table and figure of the report, one
 * sheet each, built from metrics.json (not scraped from the HTML) so it holds
 * exactly the figures the report shows, unrounded. Number formats use Excel's
 * locale-neutral codes, so Excel shows `4,5 %` and `1 744` in a Norwegian locale.
 */

type Kind = 'text' | 'count' | 'percent';

/** A suppressed sick-leave figure: shown as such, never as a number. */
const SUPPRESSED = Symbol('suppressed');

type Value = string | number | null | typeof SUPPRESSED;

interface Column {
  header: string;
  kind: Kind;
}

interface Sheet {
  name: string;
  columns: Column[];
  rows: Value[][];
}

/** Percent values are 0–100 already: a literal "%" rather than Excel's ×100 percent format. */
const PERCENT_FORMAT = '0.0 "%"';
const COUNT_FORMAT = '#,##0';
/** Text format: Excel keeps what is typed over such a cell as text too. */
const TEXT_FORMAT = '@';
const SUPPRESSED_TEXT = 'skjult';

/** Text Excel (or a CSV made from the sheet) could take for a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const text = (header: string): Column => ({ header, kind: 'text' });
const count = (header: string): Column => ({ header, kind: 'count' });
const percent = (header: string): Column => ({ header, kind: 'percent' });

function sortedYears(record: Record<string, unknown> | undefined): string[] {
  return Object.keys(record ?? {}).sort();
}

function absenceValue(value: number | null | undefined): Value {
  if (value === undefined) return null;
  return value === null ? SUPPRESSED : value;
}

function surveySheets(metrics: Metrics): Sheet[] {
  const questions = metrics.survey?.questions;
  if (!questions) return [];
  const bySection = new Map<string, [string, (typeof questions)[string]][]>();
  for (const entry of Object.entries(questions)) {
    // Gate and background questions have no row in the report, so no row here either.
    if (entry[1].report === false) continue;
    const list = bySection.get(entry[1].section) ?? [];
    list.push(entry);
    bySection.set(entry[1].section, list);
  }
  const report = String(metrics.year);
  return [...bySection].map(([section, list]) => {
    const years = [...new Set(list.flatMap(([, q]) => Object.keys(q.years)))].sort();
    return {
      name: `Undersøkelse ${section}`,
      columns: [
        text('Tema'),
        text('Id'),
        ...years.map((y) => percent(`${y} positive %`)),
        count(`${report} positive`),
        count(`${report} besvart`),
        count(`${report} ikke besvart`),
        text(`${report} lys`),
      ],
      rows: list.map(([id, q]) => {
        const now = q.years[report];
        return [
          q.theme,
          id,
          ...years.map((y) => q.years[y]?.percent ?? null),
          now?.positive ?? null,
          now?.applicable ?? null,
          now?.missing ?? null,
          now?.light ?? null,
        ];
      }),
    };
  });
}

function orgName(metrics: Metrics, id: string): string {
  return metrics.units.names?.[id] ?? '';
}

function incidentSheets(metrics: Metrics): Sheet[] {
  const incidents = metrics.incidents;
  if (!incidents) return [];
  const sheets: Sheet[] = [
    {
      name: 'Hendelser per år',
      columns: [
        text('År'),
        count('Uønskede hendelser/avvik'),
        count('Lukket'),
        count('Forbedringsforslag'),
        count('Forbedringsforslag lukket'),
        count('Avvist'),
      ],
      rows: sortedYears(incidents.years).map((y) => {
        const v = incidents.years[y]!;
        return [y, v.reported, v.closed, v.suggestions, v.suggestionsClosed, v.rejected];
      }),
    },
    {
      name: 'Hendelser per org',
      columns: [text('Org'), text('Navn'), count(`Uønskede hendelser/avvik ${metrics.year}`)],
      rows: Object.entries(incidents.byOrg).map(([id, n]) => [id, orgName(metrics, id), n]),
    },
    {
      name: 'Hendelser per kategori',
      columns: [text('Kategori'), count(`Uønskede hendelser/avvik ${metrics.year}`)],
      rows: Object.entries(incidents.byCategory).map(([category, n]) => [category, n]),
    },
  ];
  const levels: [keyof SeverityCounts, string][] = [
    ['ikke_valgt', 'Ikke valgt'],
    ['ingen_liten_fare', 'Ingen/liten fare'],
    ['en_viss_fare', 'En viss fare'],
    ['farlig', 'Farlig'],
    ['kritisk', 'Kritisk'],
    ['katastrofalt', 'Katastrofalt'],
  ];
  const dimensions: [keyof typeof incidents.severity, string][] = [
    ['person', 'Menneske'],
    ['material', 'Materiell'],
    ['environment', 'Ytre miljø'],
  ];
  if (incidents.severity) {
    sheets.push({
      name: 'Alvorlighetsgrad',
      columns: [
        text('Konsekvens'),
        ...dimensions.flatMap(([, label]) => [count(`${label} faktisk`), count(`${label} potensiell`)]),
      ],
      rows: levels.map(([level, label]) => [
        label,
        ...dimensions.flatMap(([dim]) => [
          incidents.severity[dim]?.actual[level] ?? null,
          incidents.severity[dim]?.potential[level] ?? null,
        ]),
      ]),
    });
  }
  return sheets;
}

function yearlySheet<T>(
  name: string,
  years: Record<string, T> | undefined,
  columns: [string, (v: T) => number][],
): Sheet[] {
  if (!years) return [];
  return [
    {
      name,
      columns: [text('År'), ...columns.map(([h]) => count(h))],
      rows: sortedYears(years).map((y) => [y, ...columns.map(([, get]) => get(years[y]!))]),
    },
  ];
}

function absenceSheets(metrics: Metrics): Sheet[] {
  const absence = metrics.absence;
  if (!absence) return [];
  const years = sortedYears(absence.years);
  const keysOf = (pick: (y: AbsenceYear) => Record<string, number | null>) =>
    [...new Set(years.flatMap((y) => Object.keys(pick(absence.years[y]!) ?? {})))].sort();
  const genders = keysOf((y) => y.byGender);
  const groups = keysOf((y) => y.byGroup);
  const quarters = keysOf((y) => y.byQuarter);
  const byIdPerYear = (name: string, record: Record<string, Record<string, number | null>>): Sheet => {
    const ys = sortedYears(record);
    const ids = [...new Set(ys.flatMap((y) => Object.keys(record[y]!)))];
    return {
      name,
      columns: [text('Id'), text('Navn'), ...ys.map((y) => percent(`${y} %`))],
      rows: ids.map((id) => [id, orgName(metrics, id), ...ys.map((y) => absenceValue(record[y]![id]))]),
    };
  };
  return [
    {
      name: 'Sykefravær per år',
      columns: [
        text('År'),
        percent('Totalt %'),
        percent('Egenmeldt %'),
        percent('Legemeldt %'),
        ...genders.map((g) => percent(`${g === 'K' ? 'Kvinner' : g === 'M' ? 'Menn' : g} %`)),
        ...groups.map((g) => percent(`${g} %`)),
        percent('Stipendiater %'),
      ],
      rows: years.map((y) => {
        const v = absence.years[y]!;
        return [
          y,
          absenceValue(v.total),
          absenceValue(v.self),
          absenceValue(v.doctor),
          ...genders.map((g) => absenceValue(v.byGender?.[g])),
          ...groups.map((g) => absenceValue(v.byGroup?.[g])),
          absenceValue(v.stipendiat),
        ];
      }),
    },
    {
      name: 'Sykefravær per kvartal',
      columns: [text('År'), ...quarters.map((q) => percent(`${q}. kvartal %`))],
      rows: years.map((y) => [y, ...quarters.map((q) => absenceValue(absence.years[y]!.byQuarter?.[q]))]),
    },
    byIdPerYear('Sykefravær per org', absence.byOrg ?? {}),
    byIdPerYear('Sykefravær per enhet', absence.byUnit ?? {}),
    byIdPerYear('Stipendiater per org', absence.stipendiatByOrg ?? {}),
  ];
}

function workingTimeSheets(metrics: Metrics): Sheet[] {
  const wt = metrics.workingTime;
  if (!wt) return [];
  const years = sortedYears(wt.years);
  const rules = [...new Set(years.flatMap((y) => Object.keys(wt.years[y]!.byRule)))];
  const orgs = [...new Set(years.flatMap((y) => Object.keys(wt.years[y]!.byOrg)))];
  return [
    {
      name: 'Arbeidstid per år',
      columns: [text('År'), count('Brudd totalt'), ...rules.map(count)],
      rows: years.map((y) => [y, wt.years[y]!.total, ...rules.map((r) => wt.years[y]!.byRule[r] ?? 0)]),
    },
    {
      name: 'Arbeidstid per org',
      columns: [text('Org'), text('Navn'), ...years.map((y) => count(y))],
      rows: orgs.map((id) => [id, orgName(metrics, id), ...years.map((y) => wt.years[y]!.byOrg[id] ?? 0)]),
    },
  ];
}

/** The first sheet: what the workbook is. A workbook needs a sheet even when no source was given. */
function aboutSheet(metrics: Metrics): Sheet {
  return {
    name: 'Om tabellene',
    columns: [text('Felt'), text('Verdi')],
    rows: [
      ['Institusjon', metrics.institution],
      ['Rapportår', String(metrics.year)],
      [
        'Innhold',
        'Tallene bak tabellene og figurene i HMS-rapporten, ett ark per tabell eller figur (samme tall som i metrics.json).',
      ],
      ['Prosent', 'Prosentverdier er uavrundede; rapporten avrunder ved visning.'],
      [SUPPRESSED_TEXT, 'Sykefravær for en gruppe med for få personer vises ikke (personvern).'],
    ],
  };
}

/** Every sheet, in the order of the report's chapters. */
function tableSheets(metrics: Metrics): Sheet[] {
  return [
    aboutSheet(metrics),
    ...surveySheets(metrics),
    ...incidentSheets(metrics),
    ...yearlySheet('Yrkesskader', metrics.injuries?.years, [
      ['Yrkesskader', (v) => v.yrkesskade],
      ['Yrkessykdommer', (v) => v.yrkessykdom],
    ]),
    ...yearlySheet('Varsling', metrics.whistleblowing?.years, [
      ['Mottatt', (v) => v.received],
      ['Kritikkverdig', (v) => v.critical],
      ['Psykososialt', (v) => v.psychosocial],
    ]),
    ...absenceSheets(metrics),
    ...workingTimeSheets(metrics),
  ];
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

function writeCell(cell: ExcelJS.Cell, value: Value, kind: Kind): void {
  if (value === null) return;
  if (value === SUPPRESSED) {
    cell.value = SUPPRESSED_TEXT;
    cell.alignment = { horizontal: 'right' };
    return;
  }
  if (typeof value === 'number') {
    cell.value = value;
    cell.numFmt = kind === 'percent' ? PERCENT_FORMAT : Number.isInteger(value) ? COUNT_FORMAT : '0.0';
    return;
  }
  // A string is written as a shared-string cell, never as a formula; text that
  // looks like one also gets the text format, so editing the cell keeps it text.
  cell.value = value;
  if (looksLikeFormula(value)) cell.numFmt = TEXT_FORMAT;
}

/**
 * The workbook's bytes. Deterministic: the document dates are 1 January
 * after the report year (as the PDF's), and the zip is rewritten with fixed
 * entry dates, since exceljs stamps each entry with the current time.
 */
export async function tablesXlsx(metrics: Metrics): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const date = new Date(Date.UTC(metrics.year + 1, 0, 1));
  workbook.creator = 'hms-report';
  workbook.lastModifiedBy = 'hms-report';
  workbook.created = date;
  workbook.modified = date;
  for (const sheet of tableSheets(metrics)) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.getRow(1);
    sheet.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      writeCell(cell, column.header, 'text');
      cell.font = { bold: true };
      ws.getColumn(i + 1).width = Math.min(
        60,
        Math.max(
          10,
          column.header.length + 2,
          ...sheet.rows.map((r) => (typeof r[i] === 'string' ? (r[i] as string).length + 2 : 0)),
        ),
      );
    });
    sheet.rows.forEach((row, r) => {
      const target = ws.getRow(r + 2);
      row.forEach((value, c) => writeCell(target.getCell(c + 1), value, sheet.columns[c]!.kind));
    });
  }
  const raw = await workbook.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    fixed.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
