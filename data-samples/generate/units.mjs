// The sample unit register: ten orgs (faculties, the museum, the central
// administration) and their reporting units. 71 exist in 2025, 73 in 2024,
// 74 in 2023 and 75 in 2021–2022, as in the seed report.
import { writeCsv } from './lib.mjs';

export const ORGS = [
  ['AD', 'Fakultet for arkitektur og design', 'AD'],
  ['HF', 'Det humanistiske fakultet', 'HF'],
  ['IE', 'Fakultet for informasjonsteknologi og elektroteknikk', 'IE'],
  ['IV', 'Fakultet for ingeniørvitenskap', 'IV'],
  ['MH', 'Fakultet for medisin og helsevitenskap', 'MH'],
  ['NV', 'Fakultet for naturvitenskap', 'NV'],
  ['SU', 'Fakultet for samfunns- og utdanningsvitenskap', 'SU'],
  ['ØK', 'Fakultet for økonomi', 'ØK'],
  ['VM', 'NTNU Vitenskapsmuseet', 'VM'],
  ['FA', 'Fellesadministrasjonen', 'Fellesadm.'],
];

// [id, name, org, first_year, last_year]
const REPORTING = [
  ['AD-ADM', 'Fakultetsadministrasjonen AD', 'AD'],
  ['AD-IAP', 'Institutt for arkitektur og planlegging', 'AD'],
  ['AD-IAT', 'Institutt for arkitektur og teknologi', 'AD'],
  ['AD-ID', 'Institutt for design', 'AD'],
  ['AD-KIT', 'Kunstakademiet i Trondheim', 'AD'],
  ['HF-ADM', 'Fakultetsadministrasjonen HF', 'HF'],
  ['HF-ISL', 'Institutt for språk og litteratur', 'HF'],
  ['HF-IHK', 'Institutt for historiske og klassiske studier', 'HF'],
  ['HF-IFR', 'Institutt for filosofi og religionsvitenskap', 'HF'],
  ['HF-IKM', 'Institutt for kunst- og medievitenskap', 'HF'],
  ['HF-IMU', 'Institutt for musikk', 'HF'],
  ['HF-KULT', 'Institutt for tverrfaglige kulturstudier', 'HF'],
  ['HF-IMS', 'Institutt for moderne samfunnshistorie', 'HF'],
  ['IE-ADM', 'Fakultetsadministrasjonen IE', 'IE'],
  ['IE-IDI', 'Institutt for datateknologi og informatikk', 'IE'],
  ['IE-IIK', 'Institutt for informasjonssikkerhet og kommunikasjonsteknologi', 'IE'],
  ['IE-ITK', 'Institutt for teknisk kybernetikk', 'IE'],
  ['IE-IES', 'Institutt for elektroniske systemer', 'IE'],
  ['IE-IEL', 'Institutt for elkraftteknikk', 'IE'],
  ['IE-IMF', 'Institutt for matematiske fag', 'IE'],
  ['IE-IIR', 'Institutt for IKT og realfag', 'IE'],
  ['IE-IET', 'Institutt for elektronikk og telekommunikasjon', 'IE', null, 2023],
  ['IV-ADM', 'Fakultetsadministrasjonen IV', 'IV'],
  ['IV-IBM', 'Institutt for bygg- og miljøteknikk', 'IV'],
  ['IV-IGP', 'Institutt for geovitenskap og petroleum', 'IV'],
  ['IV-EPT', 'Institutt for energi- og prosessteknikk', 'IV'],
  ['IV-MTP', 'Institutt for maskinteknikk og produksjon', 'IV'],
  ['IV-IMT', 'Institutt for marin teknikk', 'IV'],
  ['IV-IVB', 'Institutt for vareproduksjon og byggteknikk', 'IV'],
  ['IV-IHB', 'Institutt for havromsoperasjoner og byggteknikk', 'IV'],
  ['IV-KT', 'Institutt for konstruksjonsteknikk', 'IV'],
  ['IV-IGT', 'Institutt for geoteknikk', 'IV', null, 2022],
  ['MH-ADM', 'Fakultetsadministrasjonen MH', 'MH'],
  ['MH-ISB', 'Institutt for sirkulasjon og bildediagnostikk', 'MH'],
  ['MH-IKOM', 'Institutt for klinisk og molekylær medisin', 'MH'],
  ['MH-INB', 'Institutt for nevromedisin og bevegelsesvitenskap', 'MH'],
  ['MH-ISM', 'Institutt for samfunnsmedisin og sykepleie', 'MH'],
  ['MH-IHA', 'Institutt for helsevitenskap i Ålesund', 'MH'],
  ['MH-IHG', 'Institutt for helsevitenskap i Gjøvik', 'MH'],
  ['MH-KISN', 'Kavliinstitutt for nevrovitenskap', 'MH'],
  ['NV-ADM', 'Fakultetsadministrasjonen NV', 'NV'],
  ['NV-IBI', 'Institutt for biologi', 'NV'],
  ['NV-IBT', 'Institutt for bioteknologi og matvitenskap', 'NV'],
  ['NV-IKJ', 'Institutt for kjemi', 'NV'],
  ['NV-IKP', 'Institutt for kjemisk prosessteknologi', 'NV'],
  ['NV-IFY', 'Institutt for fysikk', 'NV'],
  ['NV-IMA', 'Institutt for materialteknologi', 'NV'],
  ['SU-ADM', 'Fakultetsadministrasjonen SU', 'SU'],
  ['SU-IPL', 'Institutt for pedagogikk og livslang læring', 'SU'],
  ['SU-ISS', 'Institutt for sosiologi og statsvitenskap', 'SU'],
  ['SU-IPS', 'Institutt for psykologi', 'SU'],
  ['SU-ISA', 'Institutt for sosialt arbeid', 'SU'],
  ['SU-IGL', 'Institutt for geografi', 'SU'],
  ['SU-ILU', 'Institutt for lærerutdanning', 'SU'],
  ['SU-IVM', 'Institutt for voksnes læring og rådgivningsvitenskap', 'SU'],
  ['ØK-ADM', 'Fakultetsadministrasjonen ØK', 'ØK'],
  ['ØK-IØT', 'Institutt for industriell økonomi og teknologiledelse', 'ØK'],
  ['ØK-ISØ', 'Institutt for samfunnsøkonomi', 'ØK'],
  ['ØK-NHS', 'NTNU Handelshøyskolen', 'ØK'],
  ['ØK-IIF', 'Institutt for internasjonal forretningsdrift', 'ØK'],
  ['VM-ADM', 'Administrasjonen ved NTNU Vitenskapsmuseet', 'VM'],
  ['VM-IAK', 'Institutt for arkeologi og kulturhistorie', 'VM'],
  ['VM-INH', 'Institutt for naturhistorie', 'VM'],
  ['FA-REK', 'Rektors stab', 'FA'],
  ['FA-ØKA', 'Økonomiavdelingen', 'FA'],
  ['FA-HR', 'HR- og HMS-avdelingen', 'FA'],
  ['FA-EA', 'Eiendomsavdelingen', 'FA'],
  ['FA-CS', 'Campusservice', 'FA'],
  ['FA-IT', 'IT-avdelingen', 'FA'],
  ['FA-SA', 'Studieavdelingen', 'FA'],
  ['FA-KA', 'Kommunikasjonsavdelingen', 'FA'],
  ['FA-FA', 'Forskningsavdelingen', 'FA'],
  ['FA-UB', 'Universitetsbiblioteket', 'FA'],
  ['FA-DOK', 'Dokumentasjonsforvaltning', 'FA', null, 2024],
  ['FA-CU', 'Campusutvikling', 'FA', null, 2024],
];

// Units in the register that do not answer the survey.
const NOT_REPORTING = [['FA-TTO', 'NTNU Technology Transfer', 'FA', 2023, null]];

export const UNITS = [
  ...ORGS.map(([id, name, short]) => ({ id, name, shortName: short, parentId: null, reporting: false, firstYear: null, lastYear: null })),
  ...REPORTING.map(([id, name, org, first = null, last = null]) => ({ id, name, shortName: name, parentId: org, reporting: true, firstYear: first, lastYear: last })),
  ...NOT_REPORTING.map(([id, name, org, first, last]) => ({ id, name, shortName: name, parentId: org, reporting: false, firstYear: first, lastYear: last })),
];

export const existsIn = (unit, year) => (unit.firstYear === null || unit.firstYear <= year) && (unit.lastYear === null || year <= unit.lastYear);
export const reportingUnits = (year) => UNITS.filter((u) => u.reporting && existsIn(u, year));
export const orgOf = (unitId) => UNITS.find((u) => u.id === unitId).parentId ?? unitId;

export function generateUnits() {
  writeCsv(
    'units.csv',
    ['unit_id', 'name', 'short_name', 'parent_id', 'reporting', 'first_year', 'last_year'],
    UNITS.map((u) => [u.id, u.name, u.shortName, u.parentId ?? '', u.reporting ? 'ja' : 'nei', u.firstYear ?? '', u.lastYear ?? '']),
    { delimiter: ',', encoding: 'utf-8-bom' },
  );
}
