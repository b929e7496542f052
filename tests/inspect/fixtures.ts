import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { windows1252 } from '../support/helpers.js';

/**
 * Exports of an invented institution, Nordfjell universitet, in the shapes
 * real systems hand them out (docs: /work/shared/spec/real-exports.md): an
 * incident list with Norwegian headers in Windows-1252, a sick-leave
 * workbook from a report centre and a breach list from a time system.
 */

export const UNITS = [
  'unit_id;name;short_name;parent_id;reporting;first_year;last_year',
  'NU;Nordfjell universitet;NU;;nei;;',
  'NU-HF;Det humanistiske fakultet;HF;NU;nei;;',
  'NU-HF-IFI;Institutt for filosofi;IFI;NU-HF;ja;;',
  'NU-HF-ISP;Institutt for språk;ISP;NU-HF;ja;;',
  'NU-ADM;Fellesadministrasjonen;ADM;NU;ja;;',
  '',
].join('\r\n');

export const UNIT_NAMES = ['Institutt for filosofi', 'Institutt for språk', 'Fellesadministrasjonen'];

const TYPES = ['Farlig forhold / observasjon', 'Nestenulykke', 'Ulykke', 'Forslag til forbedring', 'Avvik'];
const STATUSES = ['Under behandling', 'Lukket', 'Ny', 'Avvist'];
const CATEGORIES = ['Brann / branntilløp', 'Bygg / teknisk / materiell', 'Kjemikalier', 'Psykososialt'];

/** The incident list: two title lines, then `;`-separated rows, dd.mm.yyyy dates, Windows-1252. */
export function incidentsCsv(options: { extraStatus?: string } = {}): Uint8Array {
  const lines = [
    'Rapport: Hendelser og avvik;;;;;;;',
    'Uttrekk fra EQS 05.01.2026;;;;;;;',
    'Saksnummer;Enhet;Registrert dato;Type;Kategorier;Status;Lukket dato;Meldingens overskrift',
  ];
  for (let i = 0; i < 24; i++) {
    const status = options.extraStatus && i === 5 ? options.extraStatus : STATUSES[i % STATUSES.length]!;
    const day = String((i % 27) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const categories = i % 3 === 0 ? `${CATEGORIES[i % 4]}, ${CATEGORIES[(i + 1) % 4]}` : CATEGORIES[i % 4]!;
    const closed = status === 'Lukket' ? `${day}.12.2025` : '';
    lines.push(
      [
        `NU-${2025}-${String(i + 1).padStart(3, '0')}`,
        UNIT_NAMES[i % 3],
        `${day}.${month}.2025`,
        TYPES[i % TYPES.length],
        categories,
        status,
        closed,
        `Hendelse nr. ${i + 1} på lab`,
      ].join(';'),
    );
  }
  return windows1252(lines.join('\r\n') + '\r\n');
}

/** The sick-leave workbook: a front sheet, then title rows, the header, quarterly rows and a Sum row. */
export async function absenceXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const front = workbook.addWorksheet('Forside');
  front.addRow(['Sykefraværsstatistikk']);
  front.addRow(['Nordfjell universitet']);
  front.addRow(['Kilde: SAP rapportsenter']);
  const data = workbook.addWorksheet('Sykefravær');
  data.addRow(['Sykefravær per enhet, kjønn og stillingskode']);
  data.addRow(['Periode: 2025']);
  data.addRow([]);
  data.addRow([
    'År',
    'Kvartal',
    'Enhet',
    'Kjønn',
    'Stillingskode',
    'Antall personer',
    'Avtalte dagsverk',
    'Egenmeldte fraværsdagsverk',
    'Legemeldte fraværsdagsverk',
  ]);
  const codes = ['1017 Stipendiat', '1011 Førsteamanuensis', '1065 Konsulent'];
  let total = 0;
  for (let quarter = 1; quarter <= 4; quarter++) {
    UNIT_NAMES.forEach((unit, u) => {
      ['Kvinne', 'Mann'].forEach((gender, g) => {
        const agreed = 600 + 10 * quarter + 7 * u + g;
        total += agreed;
        data.addRow([2025, quarter, unit, gender, codes[(u + g) % 3], 10 + u, agreed, 6 + g, 20 + u + quarter]);
      });
    });
  }
  data.addRow(['Sum', null, null, null, null, null, total, null, null]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const RULES = [
  'Arbeidstid over 48 timer i uken',
  'Mer enn 13 timer på en dag',
  'Brudd på daglig hviletid',
  'Brudd på fleksitidsavtalen',
];

/** The breach list: rules in words, units by name, UTF-8 with `,`. */
export function workingTimeCsv(): string {
  const lines = ['Enhet,Dato,Brudd,Antall'];
  for (let i = 0; i < 16; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push([UNIT_NAMES[i % 3], `${day}.${month}.2025`, RULES[i % 4], String((i % 3) + 1)].join(','));
  }
  return lines.join('\n') + '\n';
}

export const FILES = {
  incidents: 'eksport/Hendelser 2025.csv',
  absence: 'eksport/Sykefravær 2025.xlsx',
  workingTime: 'Arbeidstidsbrudd.csv',
} as const;

/** A workspace on disk with the register and the three exports, no imports.yaml; returns its folder. */
export async function exportsWorkspace(options: { extraStatus?: string } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hms-exports-'));
  const write = (path: string, contents: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  };
  write('units.csv', UNITS);
  write(FILES.incidents, incidentsCsv(options));
  write(FILES.absence, await absenceXlsx());
  write(FILES.workingTime, workingTimeCsv());
  return dir;
}
