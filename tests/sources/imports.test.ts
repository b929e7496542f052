import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildMetrics, cli, writeWorkspace } from '../support/contract.js';
import { windows1252 } from '../support/helpers.js';

/**
 * Exports as their systems write them, read through imports.yaml, must give
 * exactly the metrics of the same facts in the contract's form. The
 * institution, its units and its labels are invented for these tests.
 */

const UNITS_CSV =
  'unit_id;name;short_name;parent_id;reporting\n' +
  'HF;Helsefakultetet;HF;;nei\n' +
  'HF-SYK;Institutt for sykepleie;SYK;HF;ja\n' +
  'HF-FYS;Institutt for fysioterapi;FYS;HF;ja\n' +
  'ADM;Fellesadministrasjonen;ADM;;ja\n';

/** The same incidents, first as the contract names them … */
const INCIDENTS_CONTRACT =
  'case_id;unit_id;registered_date;case_type;category;status;closed_date\n' +
  'A-1;HF-SYK;2025-02-03;farlig forhold;"Brann;Kjemikalier";lukket;2025-02-20\n' +
  'A-2;HF-FYS;2025-03-10;avvik;Ergonomi;under behandling;\n' +
  'A-3;ADM;2025-04-01;forbedringsforslag;;åpen;\n' +
  'A-4;HF-SYK;2024-11-30;nestenulykke;Kjemikalier;lukket;2024-12-02\n';

/** … then as the incident system exports them: Norwegian headers, labels, names, dd.mm.yyyy, Windows-1252. */
const INCIDENTS_EXPORT =
  'Saksnummer;Enhet;Registrert dato;Sakstype;Kategorier;Saksstatus;Lukket dato\n' +
  'A-1;Institutt for sykepleie;03.02.2025;Farlig forhold / observasjon;Brann, Kjemikalier;Lukket;20.02.2025\n' +
  'A-2;Institutt for fysioterapi;10.03.2025;Avvik;Ergonomi;Under behandling;\n' +
  'A-3;Fellesadministrasjonen;01.04.2025;Forslag til forbedring;;Åpen;\n' +
  'A-4;Institutt for sykepleie;30.11.2024;Nestenulykke;Kjemikalier;Lukket;02.12.2024\n';

const INCIDENTS_STANZA = `incidents:
  file: "EQS/Avviksliste*.csv"
  columns:
    case_id: Saksnummer
    unit_id: Enhet
    registered_date: Registrert dato
    case_type: Sakstype
    category: Kategorier
    status: Saksstatus
    closed_date: Lukket dato
  units: name
  separator:
    category: ", "
  values:
    case_type:
      Farlig forhold / observasjon: farlig forhold
      Avvik: avvik
      Forslag til forbedring: forbedringsforslag
      Nestenulykke: nestenulykke
      Ulykke: ulykke
    status:
      Lukket: lukket
      Under behandling: under behandling
      Åpen: åpen
      Avvist: avvist
`;

const ABSENCE_CONTRACT =
  'year;quarter;unit_id;gender;position_code;persons;agreed_days;self_certified_days;doctor_certified_days\n' +
  '2025;1;HF-SYK;K;1017;6;300;4;11\n' +
  '2025;1;HF-SYK;M;1011;5;250;2;3\n' +
  '2025;2;HF-FYS;K;1065;7;350;6;20\n' +
  '2024;1;HF-FYS;M;1011;5;260;1;0\n';

/** The report centre's workbook: a front sheet, then title rows above the header, labels and a sum row. */
async function absenceWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const front = workbook.addWorksheet('Forside');
  front.addRow(['Sykefraværsstatistikk']);
  front.addRow(['Utvalg: alle enheter, 2024–2025']);
  const data = workbook.addWorksheet('Data');
  data.addRow(['Sykefravær per kvartal']);
  data.addRow(['Kilde: rapportsenteret, uttrekk 15.01.2026']);
  data.addRow([]);
  data.addRow([
    'År',
    'Kvartal',
    'Organisasjonsenhet',
    'Kjønn',
    'Stilling',
    'Antall personer',
    'Avtalte dagsverk',
    'Egenmeldte fraværsdagsverk',
    'Legemeldte fraværsdagsverk',
  ]);
  data.addRow([2025, 1, 'SYK', 'Kvinne', '1017 Stipendiat', 6, 300, 4, 11]);
  data.addRow([2025, 1, 'SYK', 'Mann', '20001011', 5, 250, 2, 3]);
  data.addRow([2025, 2, 'FYS', 'Kvinne', '1065 Konsulent', 7, 350, 6, 20]);
  data.addRow([2024, 1, 'FYS', 'Mann', '1011 Førsteamanuensis', 5, 260, 1, 0]);
  data.addRow(['Sum', null, null, null, null, 23, 1160, 13, 34]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const ABSENCE_STANZA = `absence:
  file: Rapportsenter/sykefravær.xlsx
  sheet: Data
  columns:
    year: År
    quarter: Kvartal
    unit_id: Organisasjonsenhet
    gender: Kjønn
    position_code: Stilling
    persons: Antall personer
    agreed_days: Avtalte dagsverk
    self_certified_days: Egenmeldte fraværsdagsverk
    doctor_certified_days: Legemeldte fraværsdagsverk
  units: short_name
`;

const WORKING_TIME_CONTRACT =
  'unit_id;date;rule;count\nHF-SYK;2025-03-02;uke_over_48;2\nADM;2025-05-05;dag_over_13;1\nADM;2025-06-01;annet;1\n';
const WORKING_TIME_EXPORT =
  'Enhet\tDato\tBrudd\n' +
  'SYK\t02.03.2025\tArbeidstid over 48 timer i uken\n' +
  'SYK\t02.03.2025\tArbeidstid over 48 timer i uken\n' +
  'ADM\t05.05.2025\tArbeidstid over 13 timer i døgnet\n' +
  'ADM\t01.06.2025\tBrudd på fleksitidsavtalen\n';
const WORKING_TIME_STANZA = `working-time:
  file: tid/brudd.txt
  columns: { unit_id: Enhet, date: Dato, rule: Brudd }
  units: short_name
  values:
    rule:
      Arbeidstid over 48 timer i uken: uke_over_48
      Arbeidstid over 13 timer i døgnet: dag_over_13
      Brudd på fleksitidsavtalen: annet
`;

describe('imports.yaml', () => {
  it('reads exports as their systems write them to the same metrics as the contract form', async () => {
    const contract = writeWorkspace({
      'units.csv': UNITS_CSV,
      'incidents.csv': INCIDENTS_CONTRACT,
      'absence.csv': ABSENCE_CONTRACT,
      'working-time.csv': WORKING_TIME_CONTRACT,
    });
    const exported = writeWorkspace({
      'units.csv': UNITS_CSV,
      'EQS/Avviksliste 2026-01-15.csv': windows1252(INCIDENTS_EXPORT),
      'Rapportsenter/sykefravær.xlsx': await absenceWorkbook(),
      'tid/brudd.txt': WORKING_TIME_EXPORT,
      'imports.yaml': `${INCIDENTS_STANZA}${ABSENCE_STANZA}${WORKING_TIME_STANZA}`,
    });
    const expected = await buildMetrics(contract, 2025);
    const actual = await buildMetrics(exported, 2025);
    expect(actual.metrics).toEqual(expected.metrics);
    expect(actual.metrics.incidents.years['2025'].reported).toBe(2);
    expect(actual.metrics.workingTime.years['2025'].total).toBe(4);
    // The sum row is said, not counted.
    expect(actual.result.stderr).toContain(
      'Rapportsenter/sykefravær.xlsx:9: warning: a sum row ("Sum") is passed over, not counted',
    );
  });

  it('names each unknown label once, with its count, first position and the nearest known label', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS_CSV,
      'EQS/Avviksliste.csv':
        INCIDENTS_EXPORT.replace('Avvik;Ergonomi', 'Avvikk;Ergonomi') +
        'A-5;Institutt for sykepleie;01.05.2025;Avvikk;;Lukket;02.05.2025\n',
      'imports.yaml': INCIDENTS_STANZA,
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'EQS/Avviksliste.csv:3:Sakstype: "Avvikk" (2 rows, first here) is not one imports.yaml maps for incidents case_type; nearest known: "Avvik"',
    );
    expect(result.stderr.match(/Avvikk/g)).toHaveLength(1);
  });

  it('names a unit name the register does not have', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS_CSV,
      'EQS/Avviksliste.csv': INCIDENTS_EXPORT.replace('Institutt for fysioterapi', 'Inst. for fysioterapi'),
      'imports.yaml': INCIDENTS_STANZA,
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'EQS/Avviksliste.csv:3:Enhet: "Inst. for fysioterapi" (1 row, first here) is not one imports.yaml maps for incidents unit_id; nearest known: "Institutt for fysioterapi"',
    );
  });

  it('finds the header below title rows in a CSV too', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS_CSV,
      'tid/brudd.txt': `Brudd på arbeidstidsbestemmelsene\nUttrekk 15.01.2026\n\n${WORKING_TIME_EXPORT}`,
      'imports.yaml': WORKING_TIME_STANZA,
    });
    const { metrics } = await buildMetrics(dir, 2025);
    expect(metrics.workingTime.years['2025']).toMatchObject({ total: 4, byRule: { uke_over_48: 2, dag_over_13: 1 } });
  });

  it('refuses a mapping to a column the contract does not have, and a key it does not know, at their lines', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS_CSV,
      'tid/brudd.txt': WORKING_TIME_EXPORT,
      'imports.yaml': `working-time:\n  file: tid/brudd.txt\n  columns:\n    unit: Enhet\n  header: 2\n`,
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/imports\.yaml:4:working-time\.columns\.unit: is not a column of this table/);
    expect(result.stderr).toContain('imports.yaml:5:working-time.header: "header" is not a key the tool knows here');
  });

  it('says which column the file lacks, and when a pattern matches no file', async () => {
    const dir = writeWorkspace({
      'units.csv': UNITS_CSV,
      'tid/brudd.txt': WORKING_TIME_EXPORT.replace('Brudd', 'Regel'),
      'imports.yaml': `${WORKING_TIME_STANZA.replace('header_row', 'x')}incidents:\n  file: "EQS/*.csv"\n`,
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('imports.yaml:incidents.file: "EQS/*.csv" matches no file of the workspace');
    expect(result.stderr).toContain('no header row with the columns imports.yaml names was found');
    const header = writeWorkspace({
      'units.csv': UNITS_CSV,
      'tid/brudd.txt': WORKING_TIME_EXPORT.replace('Brudd', 'Regel'),
      'imports.yaml': WORKING_TIME_STANZA.replace('  units:', '  header_row: 1\n  units:'),
    });
    const second = await cli(['validate', '2025', '--data', header]);
    expect(second.stderr).toContain(
      'tid/brudd.txt:1:Brudd: imports.yaml names the column "Brudd" (working-time.columns.rule), but the file has no such column',
    );
  });
});
