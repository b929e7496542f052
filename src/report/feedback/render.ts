import type { FeedbackSurveyRow, FeedbackUnit } from '../../metrics/feedback.js';
import { formatCount, formatPercent } from '../format.js';
import { escapeHtml } from '../html-escape.js';

/**
 * One unit's feedback page: a short, self-contained HTML document (inline
 * CSS, no scripts, no external resources), printed to PDF as it is.
 */

const SECTIONS: Record<string, string> = {
  '6.1.3': 'Systematisk arbeidsmåte',
  '6.1.4': 'Psykososiale og organisatoriske forhold',
  '6.1.5': 'Fysisk og ergonomisk arbeidsmiljø',
  '6.1.6': 'Kjemisk og biologisk arbeidsmiljø',
  '6.1.7': 'Andre forhold',
};

const STATUS_TEXT: Record<NonNullable<FeedbackSurveyRow['status']>, string> = {
  positive: 'Ja / positivt',
  'not-positive': 'Nei / ikke positivt',
  missing: 'Ikke besvart',
  'not-applicable': 'Gjelder ikke',
};

const CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Source Sans 3", "Source Sans Pro", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 0; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #ccc; }
h2, h3 { break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
tr { break-inside: avoid; }
.unit { font-size: 12pt; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.positive { color: #1e6b2f; }
.not-positive { color: #a11d1d; }
.muted { color: #666; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #666; }
`;

function pct(value: number | null, decimals: number): string {
  return value === null ? '–' : formatPercent(value, decimals);
}

function surveyHtml(unit: FeedbackUnit, institution: string, year: number): string {
  const survey = unit.survey;
  if (!survey) return `<p class="muted">Ingen HMS-rapportering er gitt for ${year}.</p>`;
  const intro =
    unit.kind === 'unit'
      ? survey.submitted
        ? `<p>Enhetens svar i den årlige HMS-rapporteringen ${year}, ved siden av andelen positive svar for hele ${escapeHtml(institution)}.</p>`
        : `<p>Enheten sendte ikke inn HMS-rapporteringen for ${year}. Tabellen viser tallene for hele ${escapeHtml(institution)}.</p>`
      : `<p>${formatCount(survey.responded)} av ${formatCount(survey.reporting)} rapporterende enheter svarte i ${year}. Tabellen viser andelen positive svar blant dem, ved siden av hele ${escapeHtml(institution)}.</p>`;
  const own = unit.kind === 'unit' ? 'Enhetens svar' : escapeHtml(unit.id);
  const parts: string[] = [intro];
  for (const section of [...new Set(survey.rows.map((r) => r.section))]) {
    const rows = survey.rows.filter((r) => r.section === section);
    parts.push(`<h3>${escapeHtml(SECTIONS[section] ?? section)}</h3>`);
    parts.push(
      `<table><thead><tr><th>Tema</th><th class="num">${own}</th><th class="num">${escapeHtml(institution)}</th></tr></thead><tbody>`,
    );
    for (const row of rows) {
      const mine =
        unit.kind === 'unit'
          ? row.status === null
            ? '<span class="muted">–</span>'
            : `<span class="${row.status}">${STATUS_TEXT[row.status]}</span>`
          : pct(row.percent, 0);
      parts.push(
        `<tr><td>${escapeHtml(row.theme)}</td><td class="num">${mine}</td><td class="num">${pct(row.institution, 0)}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  return parts.join('\n');
}

function incidentsHtml(unit: FeedbackUnit, institution: string, year: number): string {
  if (!unit.incidents) return `<p class="muted">Ingen data om uønskede hendelser er gitt.</p>`;
  const where = unit.kind === 'org' ? 'i organisasjonen' : 'ved enheten';
  return `<p>${formatCount(unit.incidents.reported)} uønskede hendelser og avvik ble registrert ${where} i ${year} (${escapeHtml(institution)} totalt: ${formatCount(unit.incidents.institution)}). Forbedringsforslag og avviste saker er ikke med.</p>`;
}

function absenceHtml(unit: FeedbackUnit, institution: string, year: number): string {
  if (!unit.absence)
    return `<p class="muted">Ingen sykefraværstall for ${unit.kind === 'org' ? 'organisasjonen' : 'enheten'} i ${year}.</p>`;
  const total = `${escapeHtml(institution)}: ${pct(unit.absence.institution, 1)}`;
  if (unit.absence.percent === null)
    return `<p>Sykefraværet vises ikke: gruppen har for få personer til at tallet kan vises uten å avsløre enkeltpersoner (${total}).</p>`;
  return `<p>Sykefravær ${year}: <strong>${pct(unit.absence.percent, 1)}</strong> (${total}). Andelen er regnet av summerte fraværsdagsverk og avtalte dagsverk.</p>`;
}

export function renderFeedbackHtml(unit: FeedbackUnit, context: { institution: string; year: number }): string {
  const { institution, year } = context;
  const subtitle =
    unit.kind === 'org' ? escapeHtml(unit.name) : `${escapeHtml(unit.name)} · ${escapeHtml(unit.orgName)}`;
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>HMS-tilbakemelding ${year}: ${escapeHtml(unit.name)}</title>
<meta name="author" content="${escapeHtml(institution)}">
<style>${CSS}</style>
</head>
<body>
<main>
<h1>HMS-tilbakemelding ${year}</h1>
<p class="unit">${subtitle} <span class="muted">(${escapeHtml(unit.id)})</span></p>
<h2>HMS-rapportering</h2>
${surveyHtml(unit, institution, year)}
<h2>Uønskede hendelser og avvik</h2>
${incidentsHtml(unit, institution, year)}
<h2>Sykefravær</h2>
${absenceHtml(unit, institution, year)}
<footer>Fra ${escapeHtml(institution)}s HMS-årsrapport ${year}. Tallene er de samme som i rapporten og i metrics.json.</footer>
</main>
</body>
</html>
`;
}
