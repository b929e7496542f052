import type { UnitRegister } from '../units/read.js';
import { WORKING_TIME_RULES, type WorkingTimeData, type WorkingTimeRule } from './read.js';
import type { WorkingTimeMetrics, WorkingTimeSummary } from '../../metrics/types.js';
import { yearRange } from '../../metrics/years.js';
import { idRecord } from '../../json.js';

/** How the report names each rule (Norwegian, lower case so it fits inside a sentence). */
export const RULE_LABELS: Record<WorkingTimeRule, string> = {
  uke_over_48: 'arbeid over 48 timer per uke',
  dag_over_13: 'arbeid over 13 timer per dag',
  hvile_dogn: 'døgnhvile under 11 timer',
  hvile_uke: 'ukehvile under 35 timer',
  overtid_uke: 'overtid over ukegrensen',
  overtid_4uker: 'overtid over grensen for fire uker',
  overtid_aar: 'overtid over årsgrensen',
  annet: 'andre brudd',
};

/** Breaches of the working-time rules per year (as far back as the data go), by rule and by org. */
export function workingTimeMetrics(data: WorkingTimeData, units: UnitRegister, reportYear: number): WorkingTimeMetrics {
  // As incidents: every year from the first in the data to the report year, so a year without breaches shows as 0.
  const years = yearRange(
    data.rows.map((r) => r.year).filter((y) => y <= reportYear),
    reportYear,
  );
  const orgOrder = units.orgUnits().map((u) => u.id);
  const metrics: WorkingTimeMetrics = { years: {} };
  for (const year of years) {
    const rows = data.rows.filter((r) => r.year === year);
    const byRule = Object.fromEntries(WORKING_TIME_RULES.map((rule) => [rule, 0])) as Record<string, number>;
    const orgCounts = new Map<string, number>();
    let total = 0;
    for (const row of rows) {
      total += row.count;
      byRule[row.rule]! += row.count;
      orgCounts.set(row.orgId, (orgCounts.get(row.orgId) ?? 0) + row.count);
    }
    const byOrg = idRecord(orgOrder.filter((org) => orgCounts.has(org)).map((org) => [org, orgCounts.get(org)!]));
    metrics.years[String(year)] = { total, byRule, byOrg };
  }
  metrics.summary = summary(metrics, units, reportYear);
  return metrics;
}

function summary(metrics: WorkingTimeMetrics, units: UnitRegister, reportYear: number): WorkingTimeSummary {
  const now = metrics.years[String(reportYear)];
  const rules = now
    ? WORKING_TIME_RULES.filter((r) => now.byRule[r]! > 0).sort(
        (a, b) => now.byRule[b]! - now.byRule[a]! || WORKING_TIME_RULES.indexOf(a) - WORKING_TIME_RULES.indexOf(b),
      )
    : [];
  let largestOrg: string | null = null;
  for (const [org, count] of Object.entries(now?.byOrg ?? {}))
    if (largestOrg === null || count > now!.byOrg[largestOrg]!) largestOrg = org;
  return {
    year: reportYear,
    total: now?.total ?? null,
    previousTotal: metrics.years[String(reportYear - 1)]?.total ?? null,
    firstTotal: metrics.years[String(reportYear - 2)]?.total ?? null,
    rules,
    topRule: rules[0] ?? null,
    topRuleLabel: rules[0] ? RULE_LABELS[rules[0]] : null,
    secondRule: rules[1] ?? null,
    secondRuleLabel: rules[1] ? RULE_LABELS[rules[1]] : null,
    largestOrg,
    largestOrgName: largestOrg === null ? null : (units.get(largestOrg)?.name ?? largestOrg),
    largestOrgShare: largestOrg === null || !now || now.total === 0 ? null : (100 * now.byOrg[largestOrg]!) / now.total,
  };
}
