// Breaches of the working-time rules from SAP's time registration, 2023–2025:
// one row per unit, month and rule with a count. Totals, the order of the
// rules and Fellesadministrasjonen's share are those of the seed report; the
// split below them is drawn from a seeded random source and apportioned
// exactly (largest remainder), so every total is hit to the breach.
import { random, writeCsv } from './lib.mjs';
import { ORGS, UNITS, existsIn } from './units.mjs';

const TOTALS = { 2023: 3165, 2024: 2293, 2025: 1744 };
/** Fellesadministrasjonen's share of each year's breaches. */
const FA_SHARE = { 2023: 0.36, 2024: 0.35, 2025: 0.335 };
const RULES = [
  ['uke_over_48', 0.44],
  ['dag_over_13', 0.26],
  ['hvile_dogn', 0.12],
  ['hvile_uke', 0.06],
  ['overtid_uke', 0.05],
  ['overtid_4uker', 0.03],
  ['overtid_aar', 0.02],
  ['annet', 0.02],
];

/** Splits a whole number by weights, exactly, by largest remainder (ties by position). */
export function apportion(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => [v - Math.floor(v), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

export function workingTimeRows() {
  const rng = random(3_1744);
  const rows = [];
  for (const [yearText, total] of Object.entries(TOTALS)) {
    const year = Number(yearText);
    const fa = Math.round(total * FA_SHARE[year]);
    const otherOrgs = ORGS.map(([id]) => id).filter((id) => id !== 'FA');
    const orgCounts = [fa, ...apportion(total - fa, otherOrgs.map(() => 0.5 + rng.next()))];
    ['FA', ...otherOrgs].forEach((org, i) => {
      const units = UNITS.filter((u) => u.parentId === org && existsIn(u, year));
      const unitCounts = apportion(orgCounts[i], units.map(() => 0.3 + rng.next()));
      units.forEach((unit, j) => {
        const ruleCounts = apportion(unitCounts[j], RULES.map(([, share]) => share * (0.8 + rng.next() * 0.4)));
        RULES.forEach(([rule], k) => {
          const months = apportion(ruleCounts[k], [...Array(12)].map(() => rng.next()));
          months.forEach((count, m) => {
            if (count === 0) return;
            const last = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
            rows.push([unit.id, `${String(last).padStart(2, '0')}.${String(m + 1).padStart(2, '0')}.${year}`, rule, count]);
          });
        });
      });
    });
  }
  return rows;
}

export function generateWorkingTime() {
  writeCsv('working-time.csv', ['unit_id', 'date', 'rule', 'count'], workingTimeRows(), { delimiter: ',', encoding: 'utf-8' });
}
