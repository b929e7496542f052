import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, writeWorkspace } from '../support/contract.js';

/** A second round of contract corners: what the report shows of text that comes from the data. */

async function buildHtml(dir: string, year: number): Promise<string> {
  const out = join(dir, 'ut');
  const result = await cli(['build', String(year), '--data', dir, '--out', out, '--format', 'html,json']);
  if (result.status !== 0) throw new Error(`build exited ${result.status}:\n${result.stderr}`);
  return readFileSync(join(out, String(year), 'report.html'), 'utf8');
}

const INCIDENTS_HEADER = 'case_id,unit_id,registered_date,case_type,category,status,closed_date';

describe('contract: names and categories from the data are text, never Markdown', () => {
  it('shows an institution, unit names and categories with Markdown characters as written', async () => {
    const dir = writeWorkspace({
      'hms-report.config.yaml': 'institution: "*Høgskolen* i_x_"\n',
      'units.csv':
        'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter for _data_,,ja,,\nY,Senter Y,,ja,,\n',
      'incidents.csv': `${INCIDENTS_HEADER}\nE1,X,2025-05-01,avvik,[lenke](http://e.vil);**fet**,lukket,2025-06-01\nE2,Y,2025-05-01,avvik,[lenke](http://e.vil),lukket,2025-06-01\n`,
      'working-time.csv': 'unit_id,date,rule,count\nX,2025-02-02,uke_over_48,3\nY,2025-02-02,annet,1\n',
    });
    const html = await buildHtml(dir, 2025);
    expect(html).not.toMatch(/<em>|<strong>|href="http:\/\/e\.vil"/);
    // The default narrative names the institution, the largest org of working-time breaches and the top categories.
    expect(html).toContain('*Høgskolen* i_x_');
    expect(html).toContain('Senter for _data_');
    expect(html).toContain('«[lenke](http://e.vil)»');
    expect(html).toContain('«**fet**»');
  });

  it('lists a heading that holds data once escaped in the table of contents', async () => {
    const dir = writeWorkspace({
      'hms-report.config.yaml': 'institution: "R&D <Senter>"\n',
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
    });
    const html = await buildHtml(dir, 2025);
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(toc).toContain('R&amp;D &lt;Senter&gt;');
    expect(toc).not.toContain('&amp;amp;');
    expect(toc).not.toContain('&amp;lt;');
  });
});

describe('contract: an output folder that cannot be written', () => {
  it('is a usage error naming the folder, not an internal error, and leaves nothing behind', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
    });
    const out = join(dir, 'units.csv', 'ut');
    const result = await cli(['build', '2025', '--data', dir, '--out', out, '--format', 'html,json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Cannot write to ${out}: ENOTDIR`);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('contract: the default sick-leave chapter with few persons or equal rates', () => {
  const UNITS = 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\nY,Senter Y,,ja,,\n';
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

  it('compares women and men with "som" when their rounded rates are equal', async () => {
    // Women 18/600 = 3,0 %, men 21/700 = 3,0 %, six and seven persons a quarter.
    const rows = [1, 2, 3, 4].flatMap((q) => [`2025,${q},X,K,1017,6,600,6,12`, `2025,${q},Y,M,1011,7,700,7,14`]);
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'absence.csv': `year,quarter,unit_id,gender,position_code,persons,agreed_days,self_certified_days,doctor_certified_days\n${rows.join('\n')}\n`,
    });
    expect(text(await buildHtml(dir, 2025))).toContain(
      'Sykefraværet er like høyt blant kvinner (3,0 %) som blant menn (3,0 %) i 2025.',
    );
  });

  it('leaves out a comparison whose one side is suppressed instead of comparing a hidden figure', async () => {
    // Teknisk-administrative: nobody; women: three persons, hidden (and men with them, as their complement).
    const rows = [1, 2, 3, 4].flatMap((q) => [`2025,${q},X,K,1017,3,300,3,6`, `2025,${q},Y,M,1011,7,700,7,14`]);
    const dir = writeWorkspace({
      'units.csv': UNITS,
      'absence.csv': `year,quarter,unit_id,gender,position_code,persons,agreed_days,self_certified_days,doctor_certified_days\n${rows.join('\n')}\n`,
    });
    const shown = text(await buildHtml(dir, 2025));
    expect(shown).toContain('Totalt sykefravær ved Institusjonen var 3,0 % i 2025.');
    expect(shown).not.toMatch(/blant kvinner|i teknisk-administrative stillinger \(/);
    expect(shown).not.toMatch(/Sykefraværet er \[skjult/);
  });
});

describe('contract: survey sections the default narrative does not name', () => {
  it('gives every section of the catalogue a table, also sections such as "A" and "7.2"', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\nY,Senter Y,,ja,,\n',
      'survey/questions.yaml':
        'unit_column: enhet\nscales:\n  jn: {options: {"1": Ja, "2": Nei}, positive: ["1"]}\nquestions:\n  - {id: a1, section: "A", theme: Brannøvelse, scale: jn}\n  - {id: b1, section: "7.2", theme: Verneombud valgt, scale: jn}\n  - {id: c1, section: "6.1.4", theme: Rusrutiner, scale: jn}\n',
      'survey/2025.csv':
        '$submission_id,$created,enhet,a1,b1,c1\n1,2025-03-01T10:00:00Z,X,1,2,1\n2,2025-03-01T10:00:00Z,Y,2,2,1\n',
    });
    const html = (await buildHtml(dir, 2025)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // Brannøvelse: one of two units, 50 %; Verneombud valgt: none, 0 %; Rusrutiner in its own seed section.
    expect(html).toMatch(/Tema i del A .*Brannøvelse \S* ?50 % gult/);
    expect(html).toMatch(/Tema i del 7\.2 .*Verneombud valgt \S* ?0 % rødt/);
    expect(html).toMatch(/Psykososiale og organisatoriske forhold .*Rusrutiner \S* ?100 % grønt/);
    expect(html).not.toContain('Tema i del 6.1.4');
    // A catalogue without the seed's gates gets no sentence about "these units".
    expect(html).not.toMatch(/gjelder bare (disse enhetene|dem)/);
    // One survey year is a year, not a period from 2025 to 2025.
    expect(html).toContain(
      'årlige HMS-rapportering i 2025. Antall rapporterende enheter var 2; i 2025 svarte 2 av 2 enheter.',
    );
    expect(html).not.toContain('2025–2025');
  });
});

describe('contract: a sick-leave file without rows in the three report years', () => {
  it('says the file has no rows for those years, not that no file was given', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
      'absence.csv':
        'year,quarter,unit_id,gender,position_code,persons,agreed_days,self_certified_days,doctor_certified_days\n2020,1,X,K,1017,6,600,6,12\n',
    });
    const html = await buildHtml(dir, 2025);
    expect(html.replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1')).toContain(
      'Sykefraværsdataene har ingen rader for 2023–2025.',
    );
    expect(html).not.toContain('Det er ikke gitt data om sykefravær');
  });
});

describe('contract: hms-report.config.yaml with a misspelt setting', () => {
  it('builds with the defaults and warns about each setting it ignores', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
      'hms-report.config.yaml': 'instituton: NTNU\nthresholds: {green: 85}\nsuppression: {minpersons: 10}\n',
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('hms-report.config.yaml'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^hms-report\.config\.yaml:1: warning: unknown key "instituton"/);
    expect(warnings[1]).toMatch(/^hms-report\.config\.yaml:3: warning: unknown key "suppression\.minpersons"/);
  });
});

describe('contract: survey/questions.yaml with a misspelt key', () => {
  it('warns at its line, since a gate spelt applies-if would silently count every unit', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
      'survey/questions.yaml': [
        'unit_column: enhet',
        'scales:',
        '  jn: {options: {"1": Ja, "2": Nei}, positive: ["1"], postive: ["2"]}',
        'questions:',
        '  - {id: g, section: "A", theme: Gate, scale: jn, report: false}',
        '  - id: a1',
        '    section: "A"',
        '    theme: Tema',
        '    scale: jn',
        '    applies-if: {question: g, in: ["1"]}',
        '    columns: {2021: q7}',
        '',
      ].join('\n'),
      'survey/2025.csv': '$submission_id,$created,enhet,g,a1\n1,2025-01-01T00:00:00Z,X,2,1\n',
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('survey/questions.yaml'));
    expect(warnings).toEqual([
      expect.stringMatching(/^survey\/questions\.yaml:3: warning: unknown key "scales\.jn\.postive"/),
      expect.stringMatching(/^survey\/questions\.yaml:10: warning: unknown key "questions\.1\.applies-if"/),
    ]);
  });
});

describe('contract: a working-time file without breaches', () => {
  it('says no breach was registered instead of drawing an empty chart, and shows no share of nothing', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
      'working-time.csv': 'unit_id,year,rule,count\nX,2024,annet,0\nX,2025,uke_over_48,0\n',
    });
    const html = await buildHtml(dir, 2025);
    expect(html.replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1')).toContain(
      '<p class="no-data">Det er ikke registrert brudd på arbeidstidsbestemmelsene i 2024–2025.</p>',
    );
    expect(html).not.toMatch(/Brudd på arbeidstidsbestemmelsene, pr\. regel/);
    const table = /<table class="working-time-table">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toMatch(
      /<tr class="total"><th scope="row">Totalt<\/th><td class="num">0<\/td><td class="num">0<\/td><td class="num">–<\/td><\/tr>/,
    );
  });
});

describe('contract: a narrative that reads a source the workspace does not give', () => {
  it('names the placeholder and the missing source, and how to guard the text', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
      'content/2025/01-tekst.md':
        '# Hendelser\n\nDet ble registrert {{count current.incidents.reported}} saker, mot {{count previous.incidents.reported}}.\n',
    });
    const result = await cli(['validate', '2025', '--data', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'content/2025/01-tekst.md:3: "current.incidents.reported": current.incidents is null, since its source file was not given; put the text inside {{#if current.incidents}} … {{/if}}',
    );
  });
});

describe('contract: a narrative link whose target is a placeholder', () => {
  it('keeps the address whole, with & and = as written', async () => {
    const dir = writeWorkspace({
      'units.csv': 'unit_id,name,parent_id,reporting,first_year,last_year\nX,Senter X,,ja,,\n',
      'content/2025/facts.yaml': 'lenke: "https://example.org/sok_side-(1).html?a=1&b=2"\n',
      'content/2025/01-tekst.md': '# Tekst\n\nSe [retningslinjen]({{facts.lenke}}).\n',
    });
    const html = await buildHtml(dir, 2025);
    expect(html).toContain('<a href="https://example.org/sok_side-(1).html?a=1&amp;b=2">retningslinjen</a>');
  });
});

describe('contract: a table saved as Excel\'s "Unicode text" (UTF-16 with its byte-order mark)', () => {
  it('reads it, æøå included, and matches its ids with the same ids in a UTF-8 file', async () => {
    const utf16le = (text: string) => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    const dir = writeWorkspace({
      'units.csv': utf16le(
        'unit_id\tname\tparent_id\treporting\tfirst_year\tlast_year\r\nØK\tØkonomiavdelingen\t\tja\t\t\r\n',
      ),
      'injuries.csv': 'case_id,unit_id,date,kind\nS1,ØK,2025-01-01,yrkesskade\n',
    });
    const out = join(dir, 'ut');
    const result = await cli(['build', '2025', '--data', dir, '--out', out, '--format', 'json']);
    expect(result.stderr).not.toMatch(/error|missing/);
    const metrics = JSON.parse(readFileSync(join(out, '2025', 'metrics.json'), 'utf8')) as {
      units: { names: Record<string, string> };
      injuries: { years: Record<string, unknown> };
    };
    expect(metrics.units.names).toEqual({ ØK: 'Økonomiavdelingen' });
    expect(metrics.injuries.years['2025']).toEqual({ yrkesskade: 1, yrkessykdom: 0 });
  });
});
