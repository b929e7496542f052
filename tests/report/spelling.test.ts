import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { validateWorkspace, buildContext } from '../../src/pipeline.js';
import { checkSpelling } from '../../src/report/spelling.js';
import { loadTemplates } from '../../src/report/templates.js';
import { nodeFileSystem } from '../../src/workspace/files.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { sampleWorkspace } from '../support/helpers.js';

async function unknown(text: string, words: string[] = [], yaml = false): Promise<string[]> {
  return (await checkSpelling([{ file: 'content/2025/01.md', text, yaml }], words)).map(formatDiagnostic);
}

describe('the spelling check of the narrative', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('warns at FILE:LINE about a word the bokmål dictionary does not know, with its suggestions', async () => {
    const found = await unknown('## Roller\n\nTydligere styring i linjen.\nResultatene i en trafikklysmoell.');
    expect(found).toEqual([
      expect.stringMatching(/^content\/2025\/01\.md:3: warning: "Tydligere" .*"tydeligere"/),
      expect.stringMatching(/^content\/2025\/01\.md:4: warning: "trafikklysmoell" .*"trafikklysmodell"/),
    ]);
  });

  it('checks the same text again with the same result, and a changed text or word list anew', async () => {
    const text = 'Tydligere styring.';
    const first = await unknown(text);
    expect(first).toHaveLength(1);
    expect(await unknown(text)).toEqual(first);
    expect(await unknown(text, ['tydligere'])).toEqual([]);
    expect(await unknown('Tydligere styring.\nEn trafikklysmoell.')).toHaveLength(2);
    expect(await unknown(text)).toEqual(first);
  });

  it('finds the typos of the seed text that are no words (a typo that is a word or a compound of words is not found)', async () => {
    const text = ['I varslings saker er det avgjørende.', 'Dette er Tydligere.', 'Trafikklysmoellens formål.'].join(
      '\n',
    );
    expect((await unknown(text)).map((line) => /"([^"]+)"/.exec(line)![1])).toEqual([
      'varslings',
      'Tydligere',
      'Trafikklysmoellens',
    ]);
  });

  it('accepts compounds of dictionary words, suspended compounds, abbreviations, acronyms and the word list', async () => {
    const text = [
      'Sykefraværsoppfølging og arbeidsmiljømål i HMS-arbeidet ved NTNU og LAMU.',
      'Lærings- og arbeidsmiljø, HR- og HMS-avdelingen, jf. kap. 6.4 og bl.a. 1017 stipendiater.',
      'Vitenskapsmuseet og Innsida.',
    ].join('\n');
    expect(await unknown(text, ['Vitenskapsmuseet', 'innsida', 'kap', 'jf', 'bl'])).toEqual([]);
  });

  it('reads only the prose: placeholders, links’ targets, tags, footnote labels, addresses and file names are left out', async () => {
    const text = [
      'Sykefraværet var {{percent current.absence.total 1}} i {{year}}.[^fotnoteetikett]',
      '[Arbeidsmiljøloven]({{{facts.links.aml_3_1}}}) og <span class="xyzzy">tekst</span>.',
      '{{survey-gate "har_stralekilder" "I {year} oppgir {yes} enheter at de har strålekilder."}}',
      'Se https://www.example.org/qwerty eller skriv til hms@example.org, fila incidents.csv eller survey/<år>.xlsx.',
      '[^fotnoteetikett]: Dette er en fotnote.',
    ].join('\n');
    expect(await unknown(text)).toEqual([]);
  });

  it('in handlingsplan.yaml reads the values, not the keys or ids', async () => {
    const yaml = [
      'plans:',
      '  - id: hr-hms-xyzzy',
      '    title: Overordnet HMS-handlingsplan',
      '    groups:',
      '      - title: Styrke det systematiske HMS-arbeidet',
      '        measures:',
      '          - {description: [Utvikle grunnkurs.], responsible: Seksjon for HMS, deadline: Juni 2025}',
      '          - comment: Veiledning til enkeltheterr.',
    ].join('\n');
    expect(await unknown(yaml, [], true)).toEqual([expect.stringMatching(/:8: warning: "enkeltheterr"/)]);
  });

  it('runs in validate over the workspace’s narrative and handlingsplan.yaml, with the workspace’s ordliste.txt; warnings never stop it', async () => {
    const dir = sampleWorkspace({ only: ['units.csv', 'hms-report.config.yaml', 'logo.svg'] });
    dirs.push(dir);
    mkdirSync(join(dir, 'content', '2025'), { recursive: true });
    writeFileSync(
      join(dir, 'content', '2025', '01-innledning.md'),
      '# Innledning\n\nHalvårsrapporten fra Qwertyfabrikken er tydligere.\n',
    );
    const validate = async () =>
      (
        await validateWorkspace(
          new Workspace(dir, nodeFileSystem),
          buildContext(2025),
          await loadTemplates(nodeFileSystem),
        )
      ).diagnostics;
    const first = await validate();
    expect(first.map(formatDiagnostic)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/2025\/01-innledning\.md:3: warning: "Qwertyfabrikken"/),
        expect.stringMatching(/^content\/2025\/01-innledning\.md:3: warning: "tydligere"/),
      ]),
    );
    expect(first.some((d) => d.severity === 'error')).toBe(false);
    writeFileSync(join(dir, 'ordliste.txt'), '# navn\nQwertyfabrikken\n');
    const second = (await validate()).map(formatDiagnostic).filter((line) => line.includes('content/2025'));
    expect(second).toEqual([expect.stringMatching(/"tydligere"/)]);
  });

  it('finds nothing in the bundled samples’ narrative and action plan', async () => {
    const templates = await loadTemplates(nodeFileSystem);
    const { SAMPLES_DIR } = await import('../../src/cli/main.js');
    const result = await validateWorkspace(new Workspace(SAMPLES_DIR, nodeFileSystem), buildContext(2025), templates);
    expect(result.diagnostics.filter((d) => d.message.includes('bokmål dictionary')).map(formatDiagnostic)).toEqual([]);
  });
});
