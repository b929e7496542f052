// Sick leave from SAP, aggregated form (unit × quarter × gender × stillingskode,
// with persons), 2023–2025. The figures of the seed report (issue 3) are
// constructed, not hoped for: the staff and their agreed days are drawn from
// a seeded random source, then the absence days of every cell are solved by
// iterative proportional fitting so that each margin the report shows
// (quarter, gender, position group, org, stipendiat by org) has exactly its
// target rate. FA-TTO has three persons: its rate is suppressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { random, SAMPLES, writeContractCsv, writeWorkbook } from './lib.mjs';
import { ORGS, UNITS, existsIn } from './units.mjs';

const YEARS = [2023, 2024, 2025];
const QUARTERS = [1, 2, 3, 4];

// Targets per year, in percent. `orgs`/`stipendiatOrgs` fix the lowest and
// highest org; the others keep their drawn order and are scaled to the total.
const TARGETS = {
  2023: { total: 4.5, self: 1.0, quarters: [4.5, 4.3, 4.2, 4.9], women: 6.4, ta: 6.3, stipendiat: 5.0, orgs: [2.8, 7.3], stipendiatOrgs: [3.0, 9.4] },
  2024: { total: 4.6, self: 1.0, quarters: [4.6, 4.4, 4.3, 4.95], women: 6.4, ta: 6.3, stipendiat: 5.1, orgs: [3.0, 7.2], stipendiatOrgs: [3.2, 9.8] },
  2025: { total: 4.5, self: 1.1, quarters: [4.5, 4.35, 4.25, 4.7], women: 6.3, ta: 6.2, stipendiat: 5.3, orgs: [2.9, 7.1], stipendiatOrgs: [3.4, 10.3] },
};

const TA_CODES = ['1065', '1363', '1364', '1434', '1408', '1087', '1181', '1085'];
const VIT_CODES = ['1013', '1011', '1017', '1352', '1009'];

/** Staff of a unit: [positionCode, gender, persons]. Administrations and FA are all TA; institutes mostly vit. */
function staff(unit, rng) {
  const out = [];
  const add = (code, women, men) => {
    if (women > 0) out.push([code, 'K', women]);
    if (men > 0) out.push([code, 'M', men]);
  };
  if (unit.id === 'FA-TTO') {
    add('1065', 2, 1);
    return out;
  }
  const admin = unit.id.endsWith('-ADM') || unit.parentId === 'FA';
  const size = admin ? rng.int(unit.parentId === 'FA' ? 30 : 14, unit.parentId === 'FA' ? 90 : 30) : rng.int(45, 110);
  if (admin) {
    for (const code of TA_CODES.slice(0, 5)) {
      const n = Math.max(2, Math.round((size / 5) * (0.6 + rng.next() * 0.8)));
      const women = Math.round(n * (0.5 + rng.next() * 0.12));
      add(code, women, n - women);
    }
    return out;
  }
  const shares = { 1013: 0.2, 1011: 0.2, 1017: 0.3, 1352: 0.1, 1009: 0.05 };
  for (const code of VIT_CODES) {
    const n = Math.max(code === '1017' ? 6 : 1, Math.round(size * shares[code] * (0.7 + rng.next() * 0.6)));
    const women = Math.round(n * (0.36 + rng.next() * 0.2));
    add(code, women, n - women);
  }
  for (const code of ['1087', '1181', '1434']) {
    const n = rng.int(7, 17);
    const women = Math.round(n * (0.35 + rng.next() * 0.25));
    add(code, women, n - women);
  }
  return out;
}

const isTa = (code) => TA_CODES.includes(code);

/** Scales the cells of each part so that Σ absence = rate × Σ agreed; repeated over all margins until it settles. */
function fit(cells, margins) {
  for (let round = 0; round < 200; round++) {
    let worst = 0;
    for (const margin of margins) {
      for (const [key, rate] of margin.targets) {
        const part = cells.filter((c) => margin.key(c) === key);
        const agreed = part.reduce((s, c) => s + c.agreed, 0);
        const absence = part.reduce((s, c) => s + c.absence, 0);
        const factor = (rate / 100) * agreed / absence;
        worst = Math.max(worst, Math.abs(factor - 1));
        for (const c of part) c.absence *= factor;
      }
    }
    if (worst < 1e-10) return;
  }
  throw new Error('absence targets did not converge');
}

const rateOf = (cells) => (100 * cells.reduce((s, c) => s + c.absence, 0)) / cells.reduce((s, c) => s + c.agreed, 0);
const agreedOf = (cells) => cells.reduce((s, c) => s + c.agreed, 0);

/**
 * Rates for the parts of a margin: the lowest and highest parts (by their
 * drawn rate) get the given extremes, the others keep their drawn rates scaled
 * so that the whole has `total`.
 */
function spread(parts, extremes, total) {
  const ordered = [...parts].sort((a, b) => a.drawn - b.drawn);
  const low = ordered[0];
  const high = ordered[ordered.length - 1];
  const middle = ordered.slice(1, -1);
  const all = agreedOf(parts.flatMap((p) => p.cells));
  const fixed = extremes[0] * agreedOf(low.cells) + extremes[1] * agreedOf(high.cells);
  const middleDrawn = middle.reduce((s, p) => s + p.drawn * agreedOf(p.cells), 0);
  const scale = (total * all - fixed) / middleDrawn;
  const out = new Map([[low.key, extremes[0]], [high.key, extremes[1]]]);
  for (const p of middle) {
    const rate = p.drawn * scale;
    // Keep the extremes the extremes after scaling.
    out.set(p.key, Math.min(Math.max(rate, extremes[0] + 0.15), extremes[1] - 0.15));
  }
  return out;
}

function buildYear(year, people, rng) {
  const target = TARGETS[year];
  const cells = [];
  for (const [unit, rows] of people) {
    if (!existsIn(unit, year)) continue;
    for (const [code, gender, persons] of rows) {
      for (const quarter of QUARTERS) {
        // Staff changes a little from quarter to quarter.
        const n = Math.max(1, persons + (rng.next() < 0.2 ? rng.int(-1, 1) : 0));
        const agreed = Math.round(n * (60 + rng.int(-2, 2)) * 0.95 * 10) / 10;
        const drawn = (gender === 'K' ? 1.6 : 0.8) * (isTa(code) ? 1.5 : 0.8) * (0.6 + rng.next() * 0.8);
        cells.push({ year, quarter, unit: unit.id, org: unit.parentId ?? unit.id, gender, code, persons: n, agreed, absence: agreed * drawn * 0.045 });
      }
    }
  }
  const total = target.total;
  const quarterAgreed = QUARTERS.map((q) => agreedOf(cells.filter((c) => c.quarter === q)));
  // Quarter targets: Q4 as given, the others scaled so that the year has its total.
  const q4 = target.quarters[3];
  const restDrawn = [0, 1, 2].reduce((s, i) => s + target.quarters[i] * quarterAgreed[i], 0);
  const restScale = (total * agreedOf(cells) - q4 * quarterAgreed[3]) / restDrawn;
  const quarterRates = new Map(QUARTERS.map((q, i) => [q, i === 3 ? q4 : target.quarters[i] * restScale]));

  const share = (pred) => agreedOf(cells.filter(pred)) / agreedOf(cells);
  const w = share((c) => c.gender === 'K');
  const t = share((c) => isTa(c.code));
  const genderRates = new Map([['K', target.women], ['M', (total - target.women * w) / (1 - w)]]);
  const groupRates = new Map([['TA', target.ta], ['VIT', (total - target.ta * t) / (1 - t)]]);

  const orgParts = ORGS.map(([id]) => id).filter((org) => cells.some((c) => c.org === org)).map((org) => {
    const part = cells.filter((c) => c.org === org);
    return { key: org, cells: part, drawn: rateOf(part) };
  });
  const orgRates = spread(orgParts, target.orgs, total);
  const stipendiat = cells.filter((c) => c.code === '1017');
  const stipParts = [...new Set(stipendiat.map((c) => c.org))].map((org) => {
    const part = stipendiat.filter((c) => c.org === org);
    return { key: org, cells: part, drawn: rateOf(part) };
  });
  const stipRates = spread(stipParts, target.stipendiatOrgs, target.stipendiat);
  const stipAbsence = [...stipRates].reduce((s, [org, rate]) => s + rate * agreedOf(stipendiat.filter((c) => c.org === org)), 0);
  const rest = cells.filter((c) => c.code !== '1017');
  stipRates.set('rest', (total * agreedOf(cells) - stipAbsence) / agreedOf(rest));

  fit(cells, [
    { key: (c) => c.quarter, targets: quarterRates },
    { key: (c) => c.gender, targets: genderRates },
    { key: (c) => (isTa(c.code) ? 'TA' : 'VIT'), targets: groupRates },
    { key: (c) => c.org, targets: orgRates },
    { key: (c) => (c.code === '1017' ? c.org : 'rest'), targets: stipRates },
  ]);
  const selfShare = target.self / total;
  return cells.map((c) => {
    // Egenmeldt is a larger share of short winter absences: a little more in Q1 and Q4, less in Q2 and Q3, the year's share unchanged.
    const tilt = c.quarter === 1 || c.quarter === 4 ? 1.06 : 0.94;
    const self = c.absence * selfShare * tilt;
    return { ...c, self, doctor: c.absence - self };
  });
}

export function absenceCells() {
  const rng = random(3_2025);
  const people = UNITS.filter((u) => u.parentId !== null).map((unit) => [unit, staff(unit, rng)]);
  const cells = YEARS.flatMap((year) => buildYear(year, people, rng));
  // Self rows are balanced per year by a final scale, so the tilt above leaves the annual egenmeldt rate at its target.
  for (const year of YEARS) {
    const yearCells = cells.filter((c) => c.year === year);
    const selfTarget = (TARGETS[year].self / 100) * agreedOf(yearCells);
    const factor = selfTarget / yearCells.reduce((s, c) => s + c.self, 0);
    for (const c of yearCells) {
      c.self *= factor;
      c.doctor = c.absence - c.self;
    }
  }
  return cells;
}

/**
 * The sick leave as the report centre hands it out: a workbook with a front
 * sheet, then the data sheet with title rows above the header, Norwegian
 * headers, units by name, Kvinne/Mann, stillingskoder with their titles, and
 * a sum row at the bottom (imports.yaml maps it).
 */
export async function generateAbsence() {
  const cells = absenceCells();
  const round2 = (v) => Math.round(v * 100) / 100;
  const names = new Map(UNITS.map((u) => [u.id, u.name]));
  const titles = positionTitles();
  const header = ['År', 'Kvartal', 'Organisasjonsenhet', 'Kjønn', 'Stillingskode', 'Antall personer', 'Avtalte dagsverk', 'Egenmeldte fraværsdagsverk', 'Legemeldte fraværsdagsverk'];
  const rows = cells.map((c) => [c.year, c.quarter, names.get(c.unit), c.gender === 'K' ? 'Kvinne' : 'Mann', `${c.code} ${titles.get(c.code) ?? ''}`.trim(), c.persons, round2(c.agreed), round2(c.self), round2(c.doctor)]);
  const total = (i) => round2(rows.reduce((s, r) => s + r[i], 0));
  const comma = (v) => v.toFixed(2).replace('.', ',');
  writeContractCsv(
    'absence.csv',
    ['year', 'quarter', 'unit_id', 'gender', 'position_code', 'persons', 'agreed_days', 'self_certified_days', 'doctor_certified_days'],
    cells.map((c) => [c.year, c.quarter, c.unit, c.gender, c.code, c.persons, comma(round2(c.agreed)), comma(round2(c.self)), comma(round2(c.doctor))]),
    { delimiter: ';', encoding: 'windows-1252' },
  );
  await writeWorkbook('Rapportsenter/Sykefravær 2023–2025.xlsx', [
    { name: 'Forside', rows: [['Sykefraværsstatistikk'], ['Utvalg: alle enheter, 1.–4. kvartal 2023–2025'], ['Uttrekk: 15.01.2026']] },
    {
      name: 'Sykefravær',
      rows: [['Sykefravær per kvartal, enhet, kjønn og stillingskode'], ['Kilde: rapportsenteret (SAP)'], [], header, ...rows, ['Sum', null, null, null, null, total(5), total(6), total(7), total(8)]],
    },
  ]);
}

/** The titles of the bundled stillingskoder, as SAP writes a code with its title ("1017 Stipendiat"). */
function positionTitles() {
  const text = readFileSync(join(SAMPLES, '..', 'templates', 'position-codes.csv'), 'utf8');
  return new Map(text.split(/\r?\n/).slice(1).filter(Boolean).map((line) => line.split(/[;,]/)).map(([code, title]) => [code, title]));
}
