// The annual HMS survey: survey/questions.yaml and one Nettskjema export a
// year, 2021–2025 (2023 as XLSX, 2021, 2022 and 2024 as Nettskjema's CSV with
// the codebook on: semicolons, every field quoted; 2025 as the classic
// download with the codebook off, and its codebook). Answer counts are constructed, not drawn: each
// question/year gets exactly the number of positive answers that rounds to the
// seed report's percent, and the seeded shuffle only decides which units give them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random, SAMPLES, writeContractCsv, writeCsv, writeXlsx } from './lib.mjs';
import { existsIn, reportingUnits, UNITS } from './units.mjs';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const XLSX_YEARS = new Set([2023]);

// Options as [code, label] pairs, in the order a person reads them.
const SCALES = {
  janei: { options: [['1', 'Ja'], ['2', 'Nei'], ['-1', 'Vet ikke']], positive: ['1'] },
  grad: {
    options: [['5', 'I svært stor grad'], ['4', 'I stor grad'], ['3', 'I noen grad'], ['2', 'I liten grad'], ['1', 'I svært liten grad'], ['-1', 'Vet ikke']],
    positive: ['4', '5'],
  },
  andel: { options: [['1', '0–24 %'], ['2', '25–49 %'], ['3', '50–74 %'], ['4', '75–100 %']], positive: ['4'] },
};

// Percent per year, 2025 first as in the report's tables; null: not asked that year.
// `missing`: units that left the question empty, by year. Seed figures: see issue 2.
const QUESTIONS = [
  { id: 'hms_politikk', section: '6.1.3', theme: 'Kjennskap til NTNUs HMS-politikk', scale: 'janei', column: 'hms_politikk_kjent', percent: [86, 84, 81, 79, 73] },
  { id: 'hms_mal', section: '6.1.3', theme: 'HMS-/arbeidsmiljømål', scale: 'janei', column: 'hms_maal', columns: { 2021: 'q07', 2022: 'q07' }, percent: [73, 70, 68, 64, 60] },
  { id: 'risiko_generelt', section: '6.1.3', theme: 'Risikovurderinger generelt', scale: 'janei', column: 'risiko_gen', percent: [79, 75, 74, 69, 65] },
  { id: 'risiko_psykososialt', section: '6.1.3', theme: 'Risikovurderinger – psykososialt og organisatorisk arbeidsmiljø', scale: 'janei', column: 'risiko_psyk', percent: [78, 73, 69, 63, 55], missing: { 2025: 2 } },
  { id: 'risiko_omstilling', section: '6.1.3', theme: 'Risikovurdering – omstilling', scale: 'janei', column: 'risiko_omst', percent: [68, 60, 52, 45, 36], missing: { 2023: 1 } },
  { id: 'risiko_trakassering', section: '6.1.3', theme: 'Risikovurdering – trakassering, vold, trusler (gjennomført siste to år)', scale: 'janei', column: 'risiko_trak', percent: [53, null, null, null, null], missing: { 2025: 1 } },
  { id: 'risiko_trakassering_planlagt', section: '6.1.3', theme: 'Risikovurdering – trakassering, vold, trusler (planlagt eller igangsatt)', scale: 'janei', column: 'risiko_trak_plan', percent: [null, 81, null, null, null] },
  { id: 'handlingsplan', section: '6.1.3', theme: 'Handlingsplan for HMS/arbeidsmiljø', scale: 'janei', column: 'handlingsplan', percent: [82, 81, 77, 73, 69] },
  { id: 'hms_runde', section: '6.1.3', theme: 'HMS-runde gjennomføres årlig', scale: 'janei', column: 'hms_runde', percent: [90, 88, 85, 83, 79] },
  { id: 'delegering', section: '6.1.3', theme: 'HMS-oppgaver delegeres skriftlig', scale: 'janei', column: 'deleg_skriftlig', percent: [85, 82, 78, 72, 65] },
  { id: 'samarbeidsmoter', section: '6.1.3', theme: 'Samarbeidsmøter leder – verneombud', scale: 'janei', column: 'samarb_vo', percent: [89, 88, 86, 85, 81] },
  { id: 'verneombud_kurs', section: '6.1.3', theme: 'Verneombud har obligatorisk kurs', scale: 'janei', column: 'vo_kurs', percent: [83, 81, 78, 77, 76] },
  { id: 'medvirkning', section: '6.1.3', theme: 'Medarbeidere involveres i planlegging og gjennomføring av arbeidsmiljøtiltak', scale: 'grad', column: 'medvirk', percent: [87, 85, 84, 81, 77] },
  { id: 'hms_agenda', section: '6.1.3', theme: 'HMS/arbeidsmiljø er regelmessig på agendaen i ledermøter og personalmøter', scale: 'grad', column: 'agenda_ledermote', percent: [77, 75, 72, 69, 68], missing: { 2025: 1 } },
  { id: 'ark_tiltak', section: '6.1.4', theme: 'Gjennomføring av tiltak etter siste arbeidsmiljøundersøkelse', scale: 'grad', column: 'ark_tiltak', percent: [75, 72, 70, 68, 64], missing: { 2024: 2 } },
  { id: 'rus_retningslinjer', section: '6.1.4', theme: 'Ansatte er gjort kjent med retningslinjene om rus, spill og avhengighet', scale: 'janei', column: 'rus_kjent', percent: [58, 52, 47, 41, 37], missing: { 2022: 1 } },
  { id: 'mss_opplaering', section: '6.1.5', theme: 'Opplæring og informasjon om risikofaktorer for arbeidsrelaterte muskel- og skjelettplager, og forebygging av dette', scale: 'janei', column: 'mss_oppl', percent: [78, 74, 70, 65, 61], missing: { 2025: 2 } },
  { id: 'tilpasset_utstyr', section: '6.1.5', theme: 'Ansatte får tilgang til spesielt tilpasset utstyr ved avdekket behov', scale: 'janei', column: 'tilp_utstyr', percent: [92, 90, 89, 87, 85] },
  { id: 'straling', section: '6.1.5', theme: 'Rutiner for sikkert arbeid med strålekilder', scale: 'janei', column: 'straling_rutiner', gate: 'har_stralekilder', percent: [100, 100, 96, 92, 88] },
  { id: 'kjemikalier', section: '6.1.6', theme: 'Rutiner for håndtering og bruk av kjemikalier og gasser', scale: 'janei', column: 'kjem_rutiner', gate: 'har_kjemikalier', percent: [89, 87, 85, 83, 78] },
  { id: 'biologisk', section: '6.1.6', theme: 'Rutiner for håndtering og bruk av biologiske faktorer', scale: 'janei', column: 'bio_rutiner', gate: 'har_biologisk', percent: [88, 88, 81, 76, 76] },
  { id: 'sykefravaer_oversikt', section: '6.1.7', theme: 'Oversikt over arbeidsrelatert sykefravær', scale: 'janei', column: 'sf_oversikt', percent: [93, 92, 89, 88, 85] },
  { id: 'sykefravaer_verktoy', section: '6.1.7', theme: 'Opplevelse av om man har gode verktøy til sykefraværsoppfølging', scale: 'grad', column: 'sf_verktoy', percent: [66, null, null, null, null] },
  { id: 'medarbeidersamtaler', section: '6.1.7', theme: 'Gjennomføring av medarbeidersamtale (andel enheter med 75–100 % gjennomførte samtaler)', scale: 'andel', column: 'mas_andel', columns: { 2021: 'medarbsamtaler' }, percent: [59, 49, 69, 59, 49] },
];

// Gate questions: how many reporting units have the hazard each year (2025 first).
// Lab-heavy units come first in the order the "yes" units are taken from, so the sets stay stable across years.
const GATES = [
  { id: 'har_stralekilder', theme: 'Enheten har strålekilder', column: 'straling_har', yes: [23, 23, 23, 24, 24], orgs: ['NV', 'MH', 'IV', 'IE'] },
  { id: 'har_kjemikalier', theme: 'Enheten håndterer kjemikalier og/eller gasser', column: 'kjem_har', yes: [38, 39, 39, 40, 40], orgs: ['NV', 'MH', 'IV', 'IE', 'AD', 'VM'] },
  { id: 'har_biologisk', theme: 'Enheten håndterer biologiske faktorer', column: 'bio_har', yes: [16, 16, 16, 17, 17], orgs: ['NV', 'MH', 'VM'] },
];

// One unit submits the 2024 survey twice; the later submission is the one that counts.
const DUPLICATE = { year: 2024, unit: 'HF-IMU' };

const yearIndex = (year) => YEARS.length - 1 - YEARS.indexOf(year);

/** The number of positive answers out of n that rounds to the target whole percent. */
function positivesFor(target, n) {
  for (const p of [Math.round((target * n) / 100), Math.round((target * n) / 100) + 1, Math.round((target * n) / 100) - 1]) {
    if (p >= 0 && p <= n && Math.round((100 * p) / n) === target) return p;
  }
  throw new Error(`no count of ${n} rounds to ${target} %`);
}

function catalogueYaml() {
  const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [
    '# Question catalogue of the annual HMS survey (Nettskjema). Each question names',
    '# its column in the export (its codebook code), per year where the code changed.',
    'unit_column: enhet',
    'scales:',
  ];
  for (const [id, scale] of Object.entries(SCALES)) {
    lines.push(`  ${id}:`);
    lines.push(`    options: {${scale.options.map(([c, label]) => `${quote(c)}: ${quote(label)}`).join(', ')}}`);
    lines.push(`    positive: [${scale.positive.map(quote).join(', ')}]`);
  }
  lines.push('questions:');
  for (const q of QUESTIONS) {
    lines.push(`  - id: ${q.id}`, `    section: ${quote(q.section)}`, `    theme: ${quote(q.theme)}`, `    scale: ${q.scale}`, `    column: ${q.column}`);
    // A year that did not ask the question says so (null): imports.yaml names every year's file, and a question
    // a named file lacks is otherwise reported as missing.
    const notAsked = Object.fromEntries(YEARS.filter((y) => q.percent[yearIndex(y)] === null).map((y) => [y, null]));
    const columns = { ...q.columns, ...notAsked };
    if (Object.keys(columns).length) lines.push(`    columns: {${Object.entries(columns).map(([y, c]) => `${y}: ${c}`).join(', ')}}`);
    if (q.gate) lines.push(`    applies_if: {question: ${q.gate}, in: ["1"]}`);
    lines.push('    report: true');
  }
  lines.push('  # Gates: whether a unit has the hazard at all. No row in the report.');
  for (const g of GATES) {
    lines.push(`  - id: ${g.id}`, `    section: "6.1"`, `    theme: ${quote(g.theme)}`, '    scale: janei', `    column: ${g.column}`, '    report: false');
  }
  return lines.join('\n') + '\n';
}

/** Answers for one year: unit id → question/gate id → code or ''. */
function answersFor(year, rng, gateOrder) {
  const units = reportingUnits(year).map((u) => u.id);
  const answers = new Map(units.map((id) => [id, {}]));
  for (const gate of GATES) {
    const yes = new Set(gateOrder.get(gate.id).filter((id) => answers.has(id)).slice(0, gate.yes[yearIndex(year)]));
    for (const id of units) answers.get(id)[gate.id] = yes.has(id) ? '1' : '2';
  }
  for (const q of QUESTIONS) {
    const target = q.percent[yearIndex(year)];
    if (target === null) continue;
    const eligible = rng.shuffle(units.filter((id) => !q.gate || answers.get(id)[q.gate] === '1'));
    const missing = q.missing?.[year] ?? 0;
    const answering = eligible.slice(missing);
    const positive = positivesFor(target, answering.length);
    for (const id of eligible.slice(0, missing)) answers.get(id)[q.id] = '';
    answering.forEach((id, i) => {
      answers.get(id)[q.id] = i < positive ? positiveCode(q.scale, rng) : negativeCode(q.scale, rng);
    });
    // Units outside the gate may still answer (Nettskjema does not hide the question): they must not count.
    if (q.gate) for (const id of units) if (!(q.id in answers.get(id))) answers.get(id)[q.id] = rng.next() < 0.3 ? '2' : '';
  }
  return answers;
}

function positiveCode(scale, rng) {
  return rng.pick(SCALES[scale].positive);
}

/** Not positive: mostly the scale's lower options, about one in four "Vet ikke" where the scale has it. */
function negativeCode(scale, rng) {
  const options = SCALES[scale].options.map(([c]) => c).filter((c) => !SCALES[scale].positive.includes(c));
  const known = options.filter((c) => c !== '-1');
  return options.includes('-1') && rng.next() < 0.25 ? '-1' : rng.pick(known);
}

function exportRows(year, answers, rng) {
  const asked = QUESTIONS.filter((q) => q.percent[yearIndex(year)] !== null);
  const columnOf = (q) => q.columns?.[year] ?? q.column;
  const header = ['$submission_id', '$created', '$answer_time_ms', 'enhet', ...GATES.map((g) => g.column), ...asked.map(columnOf), 'kommentar'];
  const submissions = rng.shuffle([...answers.keys()]).map((unit) => ({ unit, answers: answers.get(unit) }));
  if (year === DUPLICATE.year) {
    // A first attempt, abandoned half-way: earlier, with fewer answers and some of them different.
    const final = answers.get(DUPLICATE.unit);
    const draft = Object.fromEntries(Object.entries(final).map(([k, v], i) => [k, i % 3 === 0 ? '' : v === '1' ? '2' : v]));
    submissions.unshift({ unit: DUPLICATE.unit, answers: draft });
  }
  let time = Date.UTC(year, 10, 14, 8, 0, 0);
  let id = 1_800_000 + (year - 2021) * 250_000;
  const rows = submissions.map((s) => {
    time += rng.int(5, 600) * 60_000 + rng.int(0, 59) * 1000;
    id += rng.int(1, 40);
    const comment = rng.next() < 0.15 ? rng.pick(['Besvart i samarbeid med verneombud.', 'Se også handlingsplanen; "HMS-dag" i mars.', 'Ny leder fra høsten.']) : '';
    return [id, new Date(time), rng.int(300_000, 3_600_000), s.unit, ...GATES.map((g) => s.answers[g.id]), ...asked.map((q) => s.answers[q.id]), comment];
  });
  return { header, rows };
}

const stamp = (date) => date.toISOString().slice(0, 19).replace('T', ' ');

/**
 * The 2025 survey as Nettskjema hands it out with the codebook off (its
 * default): the classic download, tab-separated, headed by the questions'
 * texts and answered with the options' labels and the units' names, and the
 * form's codebook beside it, which the tool uses to read it.
 */
const DOWNLOAD_YEAR = 2025;
const FORM = { id: 284411, name: 'Årlig HMS-rapportering 2025', downloaded: '01.12.2025 10:15' };

function writeDownload(header, rows) {
  const byColumn = new Map([
    ...QUESTIONS.map((q) => [q.column, { text: q.theme, options: SCALES[q.scale].options }]),
    ...GATES.map((g) => [g.column, { text: g.theme, options: SCALES.janei.options }]),
  ]);
  const unitNames = reportingUnits(DOWNLOAD_YEAR).map((u, i) => [String(i + 1), u.name]);
  byColumn.set('enhet', { text: 'Hvilken enhet svarer skjemaet for?', options: unitNames });
  byColumn.set('kommentar', { text: 'Kommentarer til årets rapportering', options: [] });
  const nameOf = new Map(UNITS.map((u) => [u.id, u.name]));
  const variables = header.slice(3);
  const pad = (n) => String(n).padStart(2, '0');
  const local = (date) => `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const lines = [['NR', 'Opprettet', 'Endret', ...variables.map((v) => byColumn.get(v).text), 'Svartid']];
  for (const [id, created, answerMs, ...answers] of rows) {
    const labels = answers.map((value, i) => {
      const variable = variables[i];
      if (variable === 'enhet') return nameOf.get(value);
      return byColumn.get(variable).options.find(([code]) => code === value)?.[1] ?? value;
    });
    lines.push([id, local(created), local(created), ...labels, `${Math.max(1, Math.round(answerMs / 60_000))} minutt`]);
  }
  const [d, t] = FORM.downloaded.split(' ');
  const [dd, mm, yyyy] = d.split('.');
  write(`survey/data-${FORM.id}-${yyyy}-${mm}-${dd}-${t.replace(':', '')}-utf.txt`, lines.map((l) => l.join('\t')).join('\n') + '\n');
  const codebook = [`* ${FORM.name} (id ${FORM.id}) - ${FORM.downloaded}`, '', '* Variabel\tEtikett'];
  for (const variable of variables) {
    const { text, options } = byColumn.get(variable);
    codebook.push('', '', `${variable}\t${text}`);
    if (options.length) codebook.push('', ...options.map(([code, label]) => `${code}\t${label}`));
  }
  write(`survey/codebook-${FORM.id}-${yyyy}-${mm}-${dd}.txt`, codebook.join('\n') + '\n');
}

function write(relative, text) {
  writeFileSync(join(SAMPLES, relative), text);
}

export async function generateSurvey() {
  mkdirSync(join(SAMPLES, 'survey'), { recursive: true });
  writeFileSync(join(SAMPLES, 'survey', 'questions.yaml'), catalogueYaml());
  const order = random(6101);
  const gateOrder = new Map(
    GATES.map((g) => {
      const all = UNITS.filter((u) => u.reporting);
      const inOrgs = order.shuffle(all.filter((u) => g.orgs.includes(u.parentId) && !u.id.endsWith('-ADM')));
      const rest = order.shuffle(all.filter((u) => !inOrgs.includes(u)));
      // Units that exist every year first, so the count of "yes" units is stable as units come and go.
      const stable = (u) => existsIn(u, YEARS[0]) && existsIn(u, YEARS.at(-1));
      return [g.id, [...inOrgs.filter(stable), ...inOrgs.filter((u) => !stable(u)), ...rest].map((u) => u.id)];
    }),
  );
  for (const year of YEARS) {
    const rng = random(610_000 + year);
    const { header, rows } = exportRows(year, answersFor(year, rng, gateOrder), rng);
    if (year === DOWNLOAD_YEAR) {
      writeDownload(header, rows);
      writeContractCsv(`survey/${year}.csv`, header, rows.map((r) => r.map((v) => (v instanceof Date ? stamp(v) : v))), { delimiter: ';', quoteAll: true, encoding: 'utf-8' });
    } else if (XLSX_YEARS.has(year)) {
      // Nettskjema's Excel report: numbers as numbers, the timestamp as a real date.
      const numeric = rows.map((r) => r.map((v, i) => (i >= 4 && i < r.length - 1 && v !== '' ? Number(v) : v === '' ? null : v)));
      await writeXlsx(`survey/${year}.xlsx`, header, numeric, { dateFormat: 'yyyy-mm-dd hh:mm:ss', sheet: 'Svar' });
    } else {
      writeCsv(`survey/${year}.csv`, header, rows.map((r) => r.map((v) => (v instanceof Date ? stamp(v) : v))), { delimiter: ';', quoteAll: true, encoding: 'utf-8' });
    }
  }
}
