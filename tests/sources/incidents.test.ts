import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import type { IncidentMetrics, Metrics } from '../../src/metrics/types.js';
import { DEFAULT_CONFIG } from '../../src/sources/config.js';
import { incidents } from '../../src/sources/incidents/index.js';
import { computeMetrics, dataOf, readSources } from '../../src/sources/registry.js';
import { tableAcceptanceCriteria } from '../../src/sources/acceptance-criteria/report.js';
import { figureIncidentsCategory, tableSeverity } from '../../src/sources/incidents/report.js';
import type { ComponentContext } from '../../src/report/component.js';
import { lines, memoryWorkspace, xlsxBytes } from '../support/helpers.js';

// Two orgs (F, G); A and O belong to F, B to G; O was closed down after 2023.
const UNITS = [
  'unit_id;name;short_name;parent_id;reporting;first_year;last_year',
  'F;Fakultet F;F;;nei;;',
  'G;Fakultet G;G;;nei;;',
  'A;Enhet A;A;F;ja;;',
  'B;Enhet B;B;G;ja;;',
  'O;Nedlagt;O;F;ja;;2023',
].join('\n');

const HEADER = [
  'case_id',
  'unit_id',
  'registered_date',
  'case_type',
  'category',
  'status',
  'closed_date',
  'severity_person_actual',
  'severity_person_potential',
  'severity_material_actual',
  'severity_material_potential',
  'severity_environment_actual',
  'severity_environment_potential',
];

type Case = Partial<Record<(typeof HEADER)[number], string>>;

function row(c: Case): string {
  const defaults: Case = {
    unit_id: 'A',
    registered_date: '2025-03-01',
    case_type: 'ulykke',
    category: 'Kjemikalier',
    status: 'lukket',
    closed_date: '',
  };
  return HEADER.map((h) => {
    const value = c[h] ?? defaults[h] ?? '';
    return /[;"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(';');
}

let nextId = 0;
function csv(cases: Case[]): string {
  return [HEADER.join(';'), ...cases.map((c) => row({ case_id: c.case_id ?? `C-${++nextId}`, ...c }))].join('\n');
}

async function load(files: Record<string, string | Uint8Array>, year = 2025) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(memoryWorkspace({ 'units.csv': UNITS, ...files }), year, diagnostics);
  return { sources, diagnostics, errors: lines(diagnostics) };
}

async function metricsOf(cases: Case[], year = 2025): Promise<IncidentMetrics> {
  const { sources, errors } = await load({ 'incidents.csv': csv(cases) }, year);
  expect(errors).toEqual([]);
  return computeMetrics(sources!).incidents!;
}

describe('incident counting rules', () => {
  it('leaves avvist cases out of every count but rejected, which counts only reported (not suggestion) cases', async () => {
    const m = await metricsOf([
      { case_type: 'ulykke', status: 'lukket', severity_person_actual: 'Farlig' },
      { case_type: 'avvik', status: 'åpen' },
      { case_type: 'nestenulykke', status: 'avvist', severity_person_actual: 'Katastrofalt', category: 'Brann' },
      { case_type: 'avvik', status: 'Avvist' },
      { case_type: 'forbedringsforslag', status: 'avvist' },
    ]);
    expect(m.years['2025']).toMatchObject({
      reported: 2,
      closed: 1,
      suggestions: 0,
      suggestionsClosed: 0,
      rejected: 2,
    });
    expect(m.byCategory).toEqual({ Kjemikalier: 2 });
    expect(m.severity.person.actual.katastrofalt).toBe(0);
    expect(m.severity.person.actual.farlig).toBe(1);
    expect(m.byOrg).toEqual({ F: 2, G: 0 });
  });

  it('counts forbedringsforslag as suggestions, never as reported cases', async () => {
    const m = await metricsOf([
      { case_type: 'Forbedringsforslag', status: 'lukket', category: 'Ergonomi' },
      { case_type: 'forbedringsforslag', status: 'under behandling', category: '' },
      { case_type: 'farlig forhold', status: 'LUKKET' },
      { case_type: 'avvik', status: 'under behandling' },
    ]);
    expect(m.years['2025']).toMatchObject({
      reported: 2,
      closed: 1,
      suggestions: 2,
      suggestionsClosed: 1,
      rejected: 0,
    });
    expect(m.years['2025']!.byType).toEqual({ ulykke: 0, nestenulykke: 0, farlig_forhold: 1, avvik: 1 });
    expect(m.byCategory).toEqual({ Kjemikalier: 2 });
  });

  it('counts a case once in each of its categories, matching them in any case and showing the first spelling', async () => {
    const m = await metricsOf([
      { category: 'Kjemikalier; Brann' },
      { category: ' kjemikalier ;KJEMIKALIER; ;Stråling;' },
      { category: 'brann' },
      { category: '' },
    ]);
    expect(m.byCategory).toEqual({ Kjemikalier: 2, Brann: 2, Stråling: 1 });
    expect(Object.keys(m.byCategory)).toEqual(['Brann', 'Kjemikalier', 'Stråling']);
    expect(m.summary.topCategories).toEqual([
      { name: 'Brann', count: 2 },
      { name: 'Kjemikalier', count: 2 },
      { name: 'Stråling', count: 1 },
    ]);
    expect(m.summary.uncategorised).toBe(1);
  });

  it('counts severity for uønskede hendelser only, empty as Ikke valgt, levels in any case', async () => {
    const m = await metricsOf([
      {
        case_type: 'ulykke',
        severity_person_actual: 'en viss fare',
        severity_person_potential: 'KRITISK',
        severity_material_actual: 'Ingen/liten fare',
      },
      {
        case_type: 'nestenulykke',
        severity_person_actual: '',
        severity_person_potential: 'Ikke valgt',
        severity_environment_potential: 'Katastrofalt',
      },
      { case_type: 'farlig forhold', severity_person_actual: 'Ingen/liten fare', severity_person_potential: 'farlig' },
      { case_type: 'avvik', severity_person_actual: 'Farlig', severity_person_potential: 'Katastrofalt' },
      { case_type: 'forbedringsforslag', severity_person_actual: 'Farlig' },
    ]);
    expect(m.severity.person.actual).toEqual({
      ikke_valgt: 1,
      ingen_liten_fare: 1,
      en_viss_fare: 1,
      farlig: 0,
      kritisk: 0,
      katastrofalt: 0,
    });
    expect(m.severity.person.potential).toEqual({
      ikke_valgt: 1,
      ingen_liten_fare: 0,
      en_viss_fare: 0,
      farlig: 1,
      kritisk: 1,
      katastrofalt: 0,
    });
    expect(m.severity.material.actual).toMatchObject({ ikke_valgt: 2, ingen_liten_fare: 1 });
    expect(m.severity.environment.potential).toMatchObject({ ikke_valgt: 2, katastrofalt: 1 });
    expect(m.summary.unwanted).toBe(3);
    expect(m.summary.lowActualPersonPercent).toBeCloseTo(100 / 3, 10);
    expect(m.summary.mostLowActualPerson).toBe(false);
    expect(m.summary.seriousPotentialPerson).toBe(2);
  });

  it('covers every year from the first in the data to the report year, and ignores later years', async () => {
    const m = await metricsOf([
      { registered_date: '2022-05-01', unit_id: 'O' },
      { registered_date: '2025-01-01' },
      { registered_date: '2026-01-02', status: 'åpen' },
    ]);
    expect(Object.keys(m.years)).toEqual(['2022', '2023', '2024', '2025']);
    expect(m.years['2023']).toMatchObject({ reported: 0, closed: 0, closedPercent: null, medianDaysToClose: null });
    expect(m.years['2025']!.reported).toBe(1);
  });

  it('gives the share closed, the median days to closing and the cases open at year end', async () => {
    const m = await metricsOf([
      { registered_date: '2025-01-01', closed_date: '2025-01-11' },
      { registered_date: '2025-02-01', closed_date: '2025-02-05' },
      { registered_date: '2025-12-01', closed_date: '2026-01-15' },
      { registered_date: '2025-06-01', closed_date: '' },
      { registered_date: '2025-06-01', status: 'apen' },
      { registered_date: '2024-06-01', status: 'under behandling' },
      { registered_date: '2025-06-01', status: 'avvist' },
    ]);
    const y = m.years['2025']!;
    expect(y).toMatchObject({ reported: 5, closed: 4, closedPercent: 80, openAtYearEnd: 3 });
    // 10, 4 and 45 days; the closed case without a date is left out.
    expect(y.medianDaysToClose).toBe(10);
    expect(m.years['2024']!.openAtYearEnd).toBe(1);
  });
});

describe('incident validation', () => {
  it('reports bad codes, dates and units at file, row and column', async () => {
    const { errors } = await load({
      'incidents.csv': csv([
        { case_id: 'X1', case_type: 'uhell' },
        { case_id: 'X2', registered_date: '31.02.2025' },
        { case_id: 'X3', unit_id: 'ZZ' },
        { case_id: 'X4', unit_id: 'O', registered_date: '2025-01-05' },
        { case_id: 'X5', status: 'ferdig', severity_material_potential: 'Middels' },
        { case_id: 'X6', registered_date: '2025-03-01', closed_date: '2025-02-01' },
      ]),
    });
    expect(errors).toEqual([
      'incidents.csv:2:case_type: "uhell" is not one of "ulykke", "nestenulykke", "farlig forhold", "avvik", "forbedringsforslag"',
      'incidents.csv:3:registered_date: "31.02.2025" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
      'incidents.csv:4:unit_id: unit_id "ZZ" is not in units.csv',
      'incidents.csv:5:unit_id: unit "O" does not exist in 2025 (see first_year/last_year in units.csv)',
      'incidents.csv:6:status: "ferdig" is not one of "åpen", "under behandling", "lukket", "avvist"',
      'incidents.csv:6:severity_material_potential: "Middels" is not one of "Ikke valgt", "Ingen/liten fare", "En viss fare", "Farlig", "Kritisk", "Katastrofalt"',
      'incidents.csv:7:closed_date: warning: closed_date 2025-02-01 is before registered_date 2025-03-01: the case counts, but its closed_date is not used',
    ]);
  });

  it('reports a repeated case_id (in any case) at the repeat, naming the first row', async () => {
    const { errors } = await load({
      'incidents.csv': csv([{ case_id: 'EQS-1' }, { case_id: 'EQS-2' }, { case_id: 'eqs-1' }]),
    });
    expect(errors).toEqual(['incidents.csv:4:case_id: case_id "eqs-1" is already used in row 2']);
  });

  it('names a missing column', async () => {
    const header = HEADER.filter((h) => h !== 'severity_environment_actual').join(';');
    const { errors } = await load({ 'incidents.csv': `${header}\n` });
    expect(errors).toEqual([
      'incidents.csv:1:severity_environment_actual: required column "severity_environment_actual" is missing',
    ]);
  });

  it('accepts an export without category, closed_date and severity columns, warning what is lost', async () => {
    const file = [
      'case_id;unit_id;registered_date;case_type;status',
      'A1;A;2025-01-01;ulykke;lukket',
      'A2;B;2025-01-02;avvik;åpen',
    ].join('\n');
    const { sources, diagnostics } = await load({ 'incidents.csv': file });
    expect(diagnostics.errors).toEqual([]);
    expect(lines(diagnostics)).toEqual([
      'incidents.csv:1:category: warning: column "category" is missing: no case has a category, so the figure per category stays empty',
      'incidents.csv:1:closed_date: warning: column "closed_date" is missing: the time from registration to closing cannot be computed',
      'incidents.csv:1: warning: the severity_* columns are missing: Tabell 1 counts every uønsket hendelse as "Ikke valgt"',
    ]);
    const m = computeMetrics(sources!).incidents!;
    expect(m.years['2025']).toMatchObject({ reported: 2, closed: 1, medianDaysToClose: null });
    expect(m.severity.person.actual.ikke_valgt).toBe(1);
  });

  it('leaves the chapter without data when the export is not given', async () => {
    const { sources, errors } = await load({});
    expect(errors).toEqual([]);
    const metrics = computeMetrics(sources!);
    expect(metrics.incidents).toBeUndefined();
    expect(
      await tableSeverity({ name: 'table-severity', args: [], options: {}, file: 'x.md' }, context(metrics)),
    ).toContain('class="no-data"');
  });
});

describe('the EQS export as XLSX', () => {
  it('reads real Excel dates, headers in any case, extra columns and categories with several values', async () => {
    const bytes = await xlsxBytes([
      [
        'Case_ID',
        'Tittel',
        'UNIT_ID',
        'Registered_Date',
        'Case_Type',
        'Category',
        'Status',
        'Closed_Date',
        'Severity_Person_Actual',
        'Severity_Person_Potential',
        'Severity_Material_Actual',
        'Severity_Material_Potential',
        'Severity_Environment_Actual',
        'Severity_Environment_Potential',
      ],
      [
        'E-1',
        'Kutt',
        'A',
        new Date(Date.UTC(2024, 11, 30)),
        'Ulykke',
        'Klem-, kutt- og fallskader;Kjemikalier',
        'Lukket',
        new Date(Date.UTC(2025, 0, 9)),
        'En viss fare',
        'Farlig',
        null,
        null,
        null,
        null,
      ],
      [
        'E-2',
        'Søl',
        'B',
        new Date(Date.UTC(2025, 0, 2)),
        'Farlig forhold',
        'Kjemikalier',
        'Åpen',
        null,
        'Ingen/liten fare',
        'En viss fare',
        null,
        null,
        null,
        null,
      ],
      ['E-3', 'Forslag', 'b', 45700, 'Forbedringsforslag', null, 'Lukket', 45710, null, null, null, null, null, null],
    ]);
    const { sources, errors } = await load({ 'incidents.xlsx': bytes });
    expect(errors).toEqual([]);
    const m = computeMetrics(sources!).incidents!;
    expect(m.years['2024']).toMatchObject({ reported: 1, closed: 1, medianDaysToClose: 10, openAtYearEnd: 1 });
    expect(m.years['2025']).toMatchObject({
      reported: 1,
      closed: 0,
      suggestions: 1,
      suggestionsClosed: 1,
      openAtYearEnd: 1,
    });
    expect(m.byOrg).toEqual({ F: 0, G: 1 });
    expect(m.byCategory).toEqual({ Kjemikalier: 1 });
    expect(dataOf(sources!, incidents)!.cases.map((c) => [c.id, c.registered, c.unitId])).toEqual([
      ['E-1', '2024-12-30', 'A'],
      ['E-2', '2025-01-02', 'B'],
      ['E-3', '2025-02-12', 'B'],
    ]);
  });
});

describe('acceptance criteria (Tabell 2)', () => {
  const call = { name: 'table-acceptance-criteria', args: [], options: {}, file: 'x.md' };

  it('uses the bundled default: five levels for Menneske, Ytre miljø and Materiell', async () => {
    const { sources } = await load({});
    const criteria = computeMetrics(sources!).acceptanceCriteria!;
    expect(criteria.file).toBe('templates/acceptance-criteria.yaml');
    expect(criteria.columns).toEqual(['Konsekvens', 'Menneske', 'Ytre miljø', 'Materiell']);
    expect(criteria.rows.map((r) => r[0])).toEqual([
      'Ingen/liten fare',
      'En viss fare',
      'Farlig',
      'Kritisk',
      'Katastrofalt',
    ]);
  });

  it("takes the workspace's content/<year>/akseptkriterier.yaml instead, and numbers its caption", async () => {
    const yaml =
      'tittel: Våre kriterier\nkolonner: [Nivå, Menneske]\nrader:\n  - [Lav, Ingen skade <i>i det hele tatt</i>]\n';
    const { sources, errors } = await load({ 'content/2025/akseptkriterier.yaml': yaml });
    expect(errors).toEqual([]);
    const html = await tableAcceptanceCriteria(call, context(computeMetrics(sources!), 1));
    expect(html).toContain('<caption>Tabell 2: Våre kriterier</caption>');
    expect(html).toContain('<th scope="row">Lav</th><td>Ingen skade &lt;i&gt;i det hele tatt&lt;/i&gt;</td>');
  });

  it('reports a row whose cells do not match the columns at its line', async () => {
    const yaml = 'tittel: Kriterier\nkolonner: [Nivå, Menneske]\nrader:\n  - [Lav, Ingen]\n  - [Høy]\n';
    const { errors } = await load({ 'content/2025/akseptkriterier.yaml': yaml });
    expect(errors).toEqual([
      'content/2025/akseptkriterier.yaml:5:rader.1: this row has 1 cells, but "kolonner" names 2: give one cell per column',
    ]);
  });
});

describe('incident components', () => {
  it('sorts Figur 9 by count and says the top categories in its text alternative', async () => {
    const { sources } = await load({
      'incidents.csv': csv([
        { category: 'Brann' },
        { category: 'Kjemikalier;Brann' },
        { category: 'Støy' },
        { category: 'Brann' },
      ]),
    });
    const html = await figureIncidentsCategory(
      { name: 'figure-incidents-category', args: [], options: {}, file: 'x.md' },
      context(computeMetrics(sources!)),
    );
    expect(html).toContain('Figur 1: Totalt antall uønskede hendelser og avvik pr. kategori, 2025');
    expect(html).toContain('Flest gjaldt Brann (3), Kjemikalier (1) og Støy (1).');
    expect(html.indexOf('<th scope="row">Brann</th>')).toBeLessThan(html.indexOf('<th scope="row">Kjemikalier</th>'));
    expect(html).toContain('<svg');
  });
});

function context(metrics: Metrics, tablesBefore = 0): ComponentContext {
  const counters = { figure: 0, table: tablesBefore };
  return {
    metrics,
    config: DEFAULT_CONFIG,
    nextNumber: (kind) => ++counters[kind],
    sourceData: () => null,
    unitName: (id) => id,
  };
}
