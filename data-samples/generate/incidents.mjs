// The sample EQS export (incidents.xlsx, real Excel dates), occupational
// injuries (injuries.csv, UTF-8) and whistleblowing cases (whistleblowing.csv,
// Windows-1252) for 2021–2025. The counts are constructed, not drawn: 2025
// reproduces the seed report exactly (1 000 reported cases, 103
// forbedringsforslag, 772 and 42 closed, Tabell 1, the top three categories,
// 55/24/15 varslingssaker); earlier years are plausible. Avvist cases are added
// on top and carry any severity, so they can only disturb the figures if the
// tool fails to leave them out.
import { random, writeContractCsv, writeCsv } from './lib.mjs';
import { ORGS, UNITS, existsIn } from './units.mjs';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const EXPORTED = Date.UTC(2026, 0, 31);
const DAY = 86_400_000;

const LEVELS = ['Ikke valgt', 'Ingen/liten fare', 'En viss fare', 'Farlig', 'Kritisk', 'Katastrofalt'];

// Tabell 1 of the seed: per dimension, actual then potential, counts per level.
const SEVERITY_2025 = {
  person: [[21, 761, 69, 9, 0, 0], [22, 368, 306, 147, 13, 4]],
  material: [[50, 773, 34, 3, 0, 0], [50, 513, 169, 122, 3, 3]],
  environment: [[55, 800, 5, 0, 0, 0], [54, 754, 48, 3, 1, 0]],
};

// reported = uønskede hendelser + avvik (not avvist); rejected cases come on top.
const PLAN = {
  2021: { reported: 781, unwanted: 668, suggestions: 64, closed: 761, suggestionsClosed: 49, rejected: 11, rejectedSuggestions: 2 },
  2022: { reported: 846, unwanted: 724, suggestions: 71, closed: 817, suggestionsClosed: 50, rejected: 14, rejectedSuggestions: 3 },
  2023: { reported: 903, unwanted: 776, suggestions: 86, closed: 856, suggestionsClosed: 55, rejected: 9, rejectedSuggestions: 5 },
  2024: { reported: 962, unwanted: 826, suggestions: 94, closed: 871, suggestionsClosed: 51, rejected: 16, rejectedSuggestions: 2 },
  2025: { reported: 1000, unwanted: 860, suggestions: 103, closed: 772, suggestionsClosed: 42, rejected: 17, rejectedSuggestions: 4 },
};

const CATEGORIES = [
  'Klem-, kutt- og fallskader',
  'Hindringer i rømningsvei',
  'Kjemikalier',
  'Brann og eksplosjon',
  'Biologisk materiale',
  'Ergonomi',
  'Inneklima',
  'Elektriske anlegg og utstyr',
  'Laboratorieutstyr',
  'Stråling',
  'Vold og trusler',
  'Feltarbeid',
  'Avfall',
  'Bygning og uteområder',
  'Annet',
];
// Shares of the primary category; the first three lead by a wide margin every year.
const CATEGORY_WEIGHTS = [23, 17, 14, 6, 5, 5, 5, 4, 4, 3, 3, 3, 3, 3, 2];
const SUGGESTION_CATEGORIES = ['Ergonomi', 'Inneklima', 'Bygning og uteområder', 'Annet', 'Hindringer i rømningsvei'];

// Where cases are registered: laboratory-heavy orgs report most.
const ORG_WEIGHTS = { AD: 3, HF: 3, IE: 9, IV: 17, MH: 14, NV: 21, SU: 5, ØK: 2, VM: 7, FA: 19 };

/** Counts per bucket that sum exactly to total, in proportion to the weights (largest remainder). */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k][1]]++;
  return counts;
}

const expand = (counts) => counts.flatMap((n, level) => Array(n).fill(level));

/**
 * Pairs actual and potential levels with the exact marginals given, so that
 * potential is never below actual (Ikke valgt pairs with anything): rank pairing
 * first, then random swaps of potentials that keep every pair valid.
 */
function couple(rng, actualCounts, potentialCounts) {
  const actual = expand(actualCounts);
  const potential = expand(potentialCounts);
  if (actual.length !== potential.length) throw new Error('severity marginals differ in size');
  const valid = (a, p) => a === 0 || p === 0 || p >= a;
  const pairs = actual.map((a, i) => [a, potential[i]]);
  if (!pairs.every(([a, p]) => valid(a, p))) throw new Error('severity marginals cannot be paired');
  for (let step = 0; step < pairs.length * 30; step++) {
    const i = rng.int(0, pairs.length - 1);
    const j = rng.int(0, pairs.length - 1);
    if (valid(pairs[i][0], pairs[j][1]) && valid(pairs[j][0], pairs[i][1])) [pairs[i][1], pairs[j][1]] = [pairs[j][1], pairs[i][1]];
  }
  return rng.shuffle(pairs);
}

function severityMarginals(year, unwanted) {
  if (year === 2025) return SEVERITY_2025;
  return Object.fromEntries(Object.entries(SEVERITY_2025).map(([dimension, rows]) => [dimension, rows.map((row) => apportion(unwanted, row))]));
}

function unitPicker(rng) {
  const orgIds = ORGS.map(([id]) => id);
  const weights = orgIds.map((id) => ORG_WEIGHTS[id]);
  const total = weights.reduce((a, b) => a + b, 0);
  return (year) => {
    let r = rng.next() * total;
    let org = orgIds[orgIds.length - 1];
    for (let i = 0; i < orgIds.length; i++) {
      r -= weights[i];
      if (r < 0) {
        org = orgIds[i];
        break;
      }
    }
    if (rng.next() < 0.04) return org;
    const members = UNITS.filter((u) => u.parentId === org && existsIn(u, year));
    return rng.pick(members).id;
  };
}

const randomDate = (rng, year) => new Date(Date.UTC(year, 0, 1) + rng.int(0, (year % 4 === 0 ? 366 : 365) - 1) * DAY);

function closingDate(rng, registered) {
  const days = Math.min(240, Math.floor(Math.exp(2.6 + rng.next() * 1.2 + (rng.next() - 0.5) * 1.6)));
  const closed = registered.getTime() + days * DAY;
  return new Date(closed <= EXPORTED ? closed : registered.getTime() + rng.int(0, Math.floor((EXPORTED - registered.getTime()) / DAY)) * DAY);
}

// Spellings as exports vary them: the tool matches codes case-insensitively.
const spell = (rng, text) => {
  const r = rng.next();
  if (r < 0.05) return text.toLowerCase();
  if (r < 0.07) return text.toUpperCase();
  return text;
};
const severityCell = (rng, level) => (level === 0 ? (rng.next() < 0.5 ? '' : 'Ikke valgt') : spell(rng, LEVELS[level]));

export async function generateIncidents() {
  const rng = random(2025_3_5);
  const pickUnit = unitPicker(rng);
  const cases = [];
  for (const year of YEARS) {
    const plan = PLAN[year];
    const margins = severityMarginals(year, plan.unwanted);
    const pairs = Object.fromEntries(Object.entries(margins).map(([dimension, [a, p]]) => [dimension, couple(rng, a, p)]));
    const primaries = rng.shuffle(expand(apportion(plan.reported, CATEGORY_WEIGHTS)));
    const closedFlags = rng.shuffle([...Array(plan.closed).fill(true), ...Array(plan.reported - plan.closed).fill(false)]);
    for (let i = 0; i < plan.reported; i++) {
      const unwanted = i < plan.unwanted;
      const severity = unwanted
        ? { person: pairs.person[i], material: pairs.material[i], environment: pairs.environment[i] }
        : { person: [0, rng.pick([0, 0, 1])], material: [0, 0], environment: [0, 0] };
      // Harm that happened is an ulykke; near misses and hazards make up the rest.
      const harmed = severity.person[0] >= 2 || severity.material[0] >= 2 || severity.environment[0] >= 2;
      const type = !unwanted ? 'avvik' : harmed ? 'ulykke' : rng.pick(['ulykke', 'nestenulykke', 'nestenulykke', 'farlig forhold', 'farlig forhold']);
      cases.push({ year, type, severity, primary: CATEGORIES[primaries[i]], closed: closedFlags[i], rejected: false });
    }
    const suggestionClosed = rng.shuffle([...Array(plan.suggestionsClosed).fill(true), ...Array(plan.suggestions - plan.suggestionsClosed).fill(false)]);
    for (let i = 0; i < plan.suggestions; i++) {
      const primary = rng.next() < 0.4 ? null : rng.pick(SUGGESTION_CATEGORIES);
      cases.push({ year, type: 'forbedringsforslag', severity: { person: [0, 0], material: [0, 0], environment: [0, 0] }, primary, closed: suggestionClosed[i], rejected: false });
    }
    for (let i = 0; i < plan.rejected + plan.rejectedSuggestions; i++) {
      const level = () => rng.int(0, 5);
      cases.push({
        year,
        type: i < plan.rejected ? rng.pick(['ulykke', 'nestenulykke', 'farlig forhold', 'avvik']) : 'forbedringsforslag',
        severity: { person: [level(), level()], material: [level(), level()], environment: [level(), level()] },
        primary: rng.pick(CATEGORIES),
        closed: false,
        rejected: true,
      });
    }
  }

  for (const c of cases) {
    c.unit = pickUnit(c.year);
    c.registered = randomDate(rng, c.year);
    c.categories = c.primary ? [c.primary] : [];
    const r = rng.next();
    // A few cases carry a second category (from the less common ones), or repeat their own in another spelling.
    if (c.primary && r < 0.12) c.categories.push(rng.pick(CATEGORIES.slice(3).filter((x) => x !== c.primary)));
    else if (c.primary && r < 0.14) c.categories.push(c.primary.toLowerCase());
    if (c.rejected) c.status = 'Avvist';
    else if (c.closed) c.status = 'Lukket';
    else c.status = rng.next() < 0.35 ? 'Åpen' : 'Under behandling';
    c.closedDate = c.closed ? closingDate(rng, c.registered) : c.rejected && rng.next() < 0.7 ? closingDate(rng, c.registered) : null;
  }
  cases.sort((a, b) => a.registered - b.registered);
  const perYear = new Map();
  for (const c of cases) {
    perYear.set(c.year, (perYear.get(c.year) ?? 0) + 1);
    c.id = `EQS-${c.year}-${String(perYear.get(c.year)).padStart(4, '0')}`;
  }
  // The first spelling of a category is the one the report shows: make it the proper one.
  const seen = new Set();
  for (const c of cases) {
    for (const [i, name] of c.categories.entries()) {
      const key = name.toLowerCase();
      if (!seen.has(key)) c.categories[i] = CATEGORIES.find((x) => x.toLowerCase() === key);
      seen.add(key);
    }
  }

  checkTopCategories(cases);

  const iso = (date) => date.toISOString().slice(0, 10);
  writeContractCsv(
    'incidents.csv',
    ['case_id', 'unit_id', 'registered_date', 'case_type', 'category', 'status', 'closed_date',
      ...['person', 'material', 'environment'].flatMap((d) => [`severity_${d}_actual`, `severity_${d}_potential`])],
    cases.map((c) => [c.id, c.unit, iso(c.registered), c.type, c.categories.join(';'), c.status.toLowerCase(), c.closedDate ? iso(c.closedDate) : '',
      ...['person', 'material', 'environment'].flatMap((d) => [LEVELS[c.severity[d][0]] ?? '', LEVELS[c.severity[d][1]] ?? ''])]),
    { delimiter: ';', encoding: 'utf-8' },
  );
  // As the incident system exports its case list: Norwegian headers, display labels, units by name,
  // categories in one cell separated by ", ", dates dd.mm.yyyy, Windows-1252 (imports.yaml maps it).
  const dimensions = [['person', 'menneske'], ['material', 'materiell'], ['environment', 'ytre miljø']];
  const unitName = new Map(UNITS.map((u) => [u.id, u.name]));
  writeCsv(
    'EQS/EQS-eksport 2026-01-15.csv',
    ['Saksnummer', 'Meldingens overskrift', 'Enhet meldingen gjelder', 'Registrert dato', 'Meldingstype', 'Kategorier', 'Saksstatus', 'Lukket dato',
      ...dimensions.flatMap(([, label]) => [`Konsekvens ${label} – faktisk`, `Konsekvens ${label} – potensiell`]), 'Kilde'],
    cases.map((c) => [
      c.id,
      `${cap(c.type)}: ${c.primary ?? 'forslag'}`,
      unitName.get(c.unit),
      norwegianDate(c.registered),
      spell(rng, TYPE_LABELS[c.type]),
      categoryCell(rng, c.categories),
      spell(rng, c.status),
      c.closedDate ? norwegianDate(c.closedDate) : '',
      ...dimensions.flatMap(([d]) => [severityCell(rng, c.severity[d][0]), severityCell(rng, c.severity[d][1])]),
      'EQS',
    ]),
    { delimiter: ';', encoding: 'windows-1252' },
  );
}

/** The incident system's display label of each case type. */
const TYPE_LABELS = {
  ulykke: 'Ulykke',
  nestenulykke: 'Nestenulykke',
  'farlig forhold': 'Farlig forhold / observasjon',
  avvik: 'Avvik',
  forbedringsforslag: 'Forslag til forbedring',
};

const norwegianDate = (date) =>
  `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;

function categoryCell(rng, categories) {
  const text = categories.join(', ');
  // Stray separators, as hand-edited exports have them.
  return rng.next() < 0.03 ? ` ${text} ,` : text;
}

function checkTopCategories(cases) {
  const counts = new Map();
  for (const c of cases) {
    if (c.year !== 2025 || c.rejected || c.type === 'forbedringsforslag') continue;
    for (const name of new Set(c.categories.map((x) => x.toLowerCase()))) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name]) => name);
  const expected = CATEGORIES.slice(0, 3).map((x) => x.toLowerCase());
  if (top.join('|') !== expected.join('|')) throw new Error(`2025's top categories came out as ${top.join(', ')}`);
}

const cap = (text) => text.charAt(0).toUpperCase() + text.slice(1);

// Yrkesskader and yrkessykdommer reported to NAV per year.
const INJURIES = { 2021: [13, 2], 2022: [9, 1], 2023: [16, 3], 2024: [11, 2], 2025: [14, 1] };

export function generateInjuries() {
  const rng = random(2025_3_52);
  const pickUnit = unitPicker(rng);
  const rows = [];
  for (const year of YEARS) {
    const [injuries, diseases] = INJURIES[year];
    const kinds = [...Array(injuries).fill('yrkesskade'), ...Array(diseases).fill('yrkessykdom')];
    const dated = kinds.map((kind) => ({ kind, date: randomDate(rng, year), unit: pickUnit(year) })).sort((a, b) => a.date - b.date);
    dated.forEach((d, i) => rows.push([`YS-${year}-${String(i + 1).padStart(2, '0')}`, d.unit, d.date.toISOString().slice(0, 10), d.kind === 'yrkesskade' ? 'Yrkesskade' : 'Yrkessykdom']));
  }
  writeCsv('injuries.csv', ['case_id', 'unit_id', 'date', 'kind'], rows, { delimiter: ',', encoding: 'utf-8' });
}

// Varslingssaker per year: received, concluded critical, psychosocial topic, still open.
const WHISTLEBLOWING = {
  2021: { received: 31, critical: 12, psychosocial: 9, open: 0 },
  2022: { received: 38, critical: 15, psychosocial: 11, open: 0 },
  2023: { received: 46, critical: 19, psychosocial: 13, open: 1 },
  2024: { received: 49, critical: 21, psychosocial: 14, open: 2 },
  2025: { received: 55, critical: 24, psychosocial: 15, open: 7 },
};
const PSYCHOSOCIAL = 'Psykososialt og organisatorisk arbeidsmiljø';
const OTHER_TOPICS = [
  'Forskningsetikk og redelighet',
  'Økonomiske misligheter',
  'Brudd på lover, regler og rutiner',
  'Sikkerhet og fysisk arbeidsmiljø',
  'Læringsmiljø',
  'Annet',
];

export function generateWhistleblowing() {
  const rng = random(2025_3_54);
  const rows = [];
  for (const year of YEARS) {
    const plan = WHISTLEBLOWING[year];
    const outcomes = rng.shuffle([
      ...Array(plan.critical).fill('Ja'),
      ...Array(plan.open).fill('Ikke avsluttet'),
      ...Array(plan.received - plan.critical - plan.open).fill('Nei'),
    ]);
    const topics = rng.shuffle([...Array(plan.psychosocial).fill(PSYCHOSOCIAL), ...Array(plan.received - plan.psychosocial).fill(null)]).map((t) => t ?? rng.pick(OTHER_TOPICS));
    const cases = outcomes.map((critical, i) => ({ critical, topic: topics[i], date: randomDate(rng, year) })).sort((a, b) => a.date - b.date);
    cases.forEach((c, i) => {
      const d = c.date;
      const topic = c.topic === PSYCHOSOCIAL && rng.next() < 0.25 ? ` ${PSYCHOSOCIAL.toLowerCase().replace(' og ', '  og ')} ` : c.topic;
      rows.push([`V-${year}-${String(i + 1).padStart(3, '0')}`, `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${year}`, topic, c.critical]);
    });
  }
  writeCsv('whistleblowing.csv', ['case_id', 'received_date', 'topic', 'critical'], rows, { delimiter: ';', encoding: 'windows-1252' });
}

const pad = (n) => String(n).padStart(2, '0');
