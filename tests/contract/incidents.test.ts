import { beforeAll, describe, expect, it } from 'vitest';
import { BOM, buildMetrics, cp1252, writeWorkspace } from '../support/contract.js';
import { xlsxBytes } from '../support/helpers.js';

/**
 * EQS cases, injuries and whistleblowing on a workspace of other units: a
 * register given as units.xlsx with a three-level hierarchy and units that
 * begin and end, every case type and status in mixed case, several categories
 * a case, empty severities, the three date forms, an Excel export with real
 * dates, a Windows-1252 whistleblowing file and rows after the report year.
 * Expected numbers were worked out by hand from the rows.
 */

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const INCIDENTS_HEADER =
  'case_id,unit_id,registered_date,case_type,category,status,closed_date,severity_person_actual,severity_person_potential,severity_material_actual,severity_material_potential,severity_environment_actual,severity_environment_potential,Beskrivelse';

const INCIDENTS = [
  INCIDENTS_HEADER,
  'E1,HF-IFR-Lab,2025-01-10,ulykke,Fall;Kjemikalier,lukket,2025-02-01,En viss fare,Farlig,,,Ingen/liten fare,Ingen/liten fare,"Skled, falt"',
  'E2, HF-IFR ,15.02.2025,Nestenulykke,Kjemikalier,Under behandling,,ingen/liten fare,KRITISK,Ikke valgt,En viss fare,,,',
  'E3,SÆR,2025-03-05T14:30:00,FARLIG FORHOLD,"Brann;  Fall ",LUKKET,2025-03-20,,Katastrofalt,Farlig,Farlig,Kritisk,Katastrofalt,',
  'E4,SÆR,2025-04-01,avvik,Fall,Åpen,,Farlig,Farlig,,,,,',
  'E5,HF-IFR,2025-05-01,avvik,Brann,avvist,,,,,,,,',
  'E6,HF-IFR-Lab,2025-06-01,ulykke,Fall,Avvist,,Kritisk,Kritisk,,,,,',
  'E7,HF-IFR,2025-07-01,forbedringsforslag,Ergonomi,lukket,2025-07-10,,,,,,,',
  'E8,SÆR,2025-08-01,Forbedringsforslag,,åpen,,,,,,,,',
  'E9,SÆR,2025-09-01,forbedringsforslag,Fall,avvist,,,,,,,,',
  'E10,HF-IFR,31.12.2025,avvik,,lukket,,,,,,,,',
  'E11,GML-1,2022-05-05,ulykke,Fall,lukket,2022-06-01,Farlig,Farlig,,,,,',
  'E12,HF-IFR,2021-11-11,avvik,Fall,åpen,,,,,,,,',
  'E13,HF-IFR,2026-01-05,ulykke,Fall,åpen,,Farlig,Farlig,,,,,',
].join('\r\n');

// Windows-1252, tab-separated; the psychosocial topic in several spellings.
const WHISTLEBLOWING = cp1252(
  [
    'case_id\treceived_date\ttopic\tcritical',
    'V1\t2025-01-05\tPsykososialt og organisatorisk arbeidsmiljø\tja',
    'V2\t05.02.2025\t  psykososialt og organisatorisk ARBEIDSMILJØ \tNei',
    'V3\t2025-03-01T09:00:00\tØkonomi\tIkke avsluttet',
    'V4\t2025-04-01\tØkonomi\tJA',
    'V5\t2024-06-01\tpsykososialt og organisatorisk arbeidsmiljø\tnei',
    'V6\t2026-01-01\tpsykososialt og organisatorisk arbeidsmiljø\tja',
  ].join('\r\n'),
);

let metrics: Record<string, any>;

beforeAll(async () => {
  const units = await xlsxBytes([
    ['unit_id', 'name', 'parent_id', 'reporting', 'first_year', 'last_year'],
    ['HF', 'Humaniora', null, 'nei', null, null],
    ['HF-IFR', 'Filosofi', 'HF', 'ja', null, null],
    [' HF-IFR-Lab ', 'Språklab', 'HF-IFR', 'ja', null, null],
    ['SÆR', 'Særskilt senter', null, 'ja', 2023, null],
    ['GML', 'Nedlagt fakultet', null, 'nei', null, 2022],
    ['GML-1', 'Nedlagt institutt', 'GML', 'ja', null, 2022],
  ]);
  const injuries = await xlsxBytes([
    ['case_id', 'unit_id', 'date', 'kind'],
    ['I1', 'HF-IFR', day(2025, 3, 3), 'yrkesskade'],
    ['I2', 'SÆR', day(2025, 4, 4), 'Yrkessykdom'],
    ['I3', 'HF-IFR-Lab', day(2025, 5, 5), 'YRKESSKADE'],
    ['I4', 'GML-1', day(2022, 2, 2), 'yrkesskade'],
    ['I5', 'HF-IFR', day(2026, 1, 1), 'yrkesskade'],
  ]);
  const dir = writeWorkspace({
    'units.xlsx': units,
    'incidents.csv': BOM + INCIDENTS,
    'injuries.xlsx': injuries,
    'whistleblowing.csv': WHISTLEBLOWING,
  });
  ({ metrics } = await buildMetrics(dir, 2025));
});

describe('contract: incidents on an unseen workspace', () => {
  it('counts reported, closed, suggestions and rejected cases of every year from the first in the data', () => {
    const zero = { reported: 0, closed: 0, suggestions: 0, suggestionsClosed: 0, rejected: 0 };
    expect(Object.keys(metrics.incidents.years)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(metrics.incidents.years['2021']).toMatchObject({ ...zero, reported: 1 });
    expect(metrics.incidents.years['2022']).toMatchObject({ ...zero, reported: 1, closed: 1 });
    expect(metrics.incidents.years['2023']).toMatchObject(zero);
    expect(metrics.incidents.years['2024']).toMatchObject(zero);
    // Reported: E1 E2 E3 E4 E10; closed E1 E3 E10 (E10 without closed_date); suggestions E7 E8 (E9 avvist);
    // rejected: the avvist reported cases E5 E6.
    expect(metrics.incidents.years['2025']).toMatchObject({
      reported: 5,
      closed: 3,
      suggestions: 2,
      suggestionsClosed: 1,
      rejected: 2,
    });
  });

  it('counts the report year by org (top-level ancestor) and by category, a case once in each of its categories', () => {
    expect(metrics.incidents.byOrg.HF).toBe(3);
    expect(metrics.incidents.byOrg['SÆR']).toBe(2);
    expect(metrics.incidents.byOrg.GML ?? 0).toBe(0);
    expect(
      Object.keys(metrics.incidents.byOrg)
        .filter((k) => metrics.incidents.byOrg[k] !== 0)
        .sort(),
    ).toEqual(['HF', 'SÆR']);
    expect(metrics.incidents.byCategory).toEqual({ Fall: 3, Kjemikalier: 2, Brann: 1 });
  });

  it('fills Tabell 1 from the uønskede hendelser of the report year, empty severities as Ikke valgt', () => {
    const c = (values: Partial<Record<string, number>>) => ({
      ikke_valgt: 0,
      ingen_liten_fare: 0,
      en_viss_fare: 0,
      farlig: 0,
      kritisk: 0,
      katastrofalt: 0,
      ...values,
    });
    expect(metrics.incidents.severity).toEqual({
      person: {
        actual: c({ ikke_valgt: 1, ingen_liten_fare: 1, en_viss_fare: 1 }),
        potential: c({ farlig: 1, kritisk: 1, katastrofalt: 1 }),
      },
      material: {
        actual: c({ ikke_valgt: 2, farlig: 1 }),
        potential: c({ ikke_valgt: 1, en_viss_fare: 1, farlig: 1 }),
      },
      environment: {
        actual: c({ ikke_valgt: 1, ingen_liten_fare: 1, kritisk: 1 }),
        potential: c({ ikke_valgt: 1, ingen_liten_fare: 1, katastrofalt: 1 }),
      },
    });
  });
});

describe('contract: injuries and whistleblowing on an unseen workspace', () => {
  it('counts injuries per year from an Excel file with real dates', () => {
    expect(metrics.injuries.years).toEqual({
      '2022': { yrkesskade: 1, yrkessykdom: 0 },
      '2023': { yrkesskade: 0, yrkessykdom: 0 },
      '2024': { yrkesskade: 0, yrkessykdom: 0 },
      '2025': { yrkesskade: 2, yrkessykdom: 1 },
    });
  });

  it('counts received, critical and psychosocial cases from a Windows-1252 file', () => {
    expect(Object.keys(metrics.whistleblowing.years)).toEqual(['2024', '2025']);
    expect(metrics.whistleblowing.years['2024']).toMatchObject({ received: 1, critical: 0, psychosocial: 1 });
    expect(metrics.whistleblowing.years['2025']).toMatchObject({ received: 4, critical: 2, psychosocial: 2 });
  });
});

describe('contract: an EQS export given as Excel', () => {
  it('reads real Excel dates, empty closed dates and years from registered_date', async () => {
    const header = INCIDENTS_HEADER.split(',').slice(0, 13);
    const none = ['', '', '', '', '', ''];
    const incidents = await xlsxBytes([
      header,
      ['X1', 'A-1', day(2024, 12, 31), 'avvik', 'Støy', 'lukket', day(2025, 1, 2), ...none],
      ['X2', 'A-1', day(2025, 1, 1), 'Ulykke', 'Støy', 'lukket', day(2025, 1, 3), 'Farlig', 'Kritisk', '', '', '', ''],
      ['X3', 'A', day(2025, 6, 30), 'farlig forhold', 'Støy;Lys', 'åpen', null, ...none],
      ['X4', 'A', day(2025, 7, 1), 'forbedringsforslag', null, 'Lukket', day(2025, 7, 2), ...none],
    ]);
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nA,Fakultet A,,nei,,\nA-1,Institutt,A,ja,,\n',
      'incidents.xlsx': incidents,
    });
    const { metrics: m } = await buildMetrics(dir, 2025);
    expect(m.incidents.years['2024']).toMatchObject({
      reported: 1,
      closed: 1,
      suggestions: 0,
      suggestionsClosed: 0,
      rejected: 0,
    });
    expect(m.incidents.years['2025']).toMatchObject({
      reported: 2,
      closed: 1,
      suggestions: 1,
      suggestionsClosed: 1,
      rejected: 0,
    });
    expect(m.incidents.byOrg).toEqual({ A: 2 });
    expect(m.incidents.byCategory).toEqual({ Støy: 2, Lys: 1 });
    expect(m.incidents.severity.person.actual).toMatchObject({ farlig: 1, ikke_valgt: 1 });
    expect(m.incidents.severity.person.potential).toMatchObject({ kritisk: 1, ikke_valgt: 1 });
    // No injuries or whistleblowing file: not an error, and no figures.
    expect(m.injuries).toBeUndefined();
    expect(m.whistleblowing).toBeUndefined();
  });
});

describe('contract: rules the contract does not make', () => {
  it('counts a case closed before it was registered, with a warning, rather than refusing the workspace', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nA,Fakultet A,,ja,,\n',
      'incidents.csv': `${INCIDENTS_HEADER}\nK1,A,2025-03-01,avvik,Fall,lukket,2025-02-01,,,,,,,\nK2,A,2025-03-01,avvik,Fall,lukket,2025-03-02,,,,,,,\n`,
    });
    const { metrics: m, result } = await buildMetrics(dir, 2025);
    expect(result.stderr).toMatch(/^incidents\.csv:2:closed_date: warning: /m);
    expect(m.incidents.years['2025']).toMatchObject({ reported: 2, closed: 2 });
  });
});
