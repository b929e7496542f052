import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../src/cli/main.js';
import { Diagnostics, formatDiagnostic } from '../../src/errors.js';
import { validateWorkspace, buildContext } from '../../src/pipeline.js';
import { loadTemplates } from '../../src/report/templates.js';
import { readConfig } from '../../src/sources/config.js';
import { nodeFileSystem } from '../../src/workspace/files.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { memoryWorkspace, sampleWorkspace } from '../support/helpers.js';

const NB = '\u00a0';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function html(dir: string, env: Record<string, string | undefined> = {}): Promise<string> {
  const result = await validateWorkspace(
    new Workspace(dir, nodeFileSystem),
    buildContext(2025, env),
    await loadTemplates(nodeFileSystem),
  );
  expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return result.report!.html.html;
}

/** The part of the document between two markers. */
function between(text: string, start: string, end: string): string {
  return text.slice(text.indexOf(start), text.indexOf(end, text.indexOf(start)));
}

describe('the cover and the colophon', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('show the samples’ logo, publisher, date, contact, case number and where the report was considered', async () => {
    const page = await html(SAMPLES_DIR);
    const cover = between(page, '<header class="cover', '</header>');
    expect(cover).toMatch(
      /<img class="cover-logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/]+(&#x3D;|=)*" alt="NTNU">/,
    );
    expect(cover).toContain('HMS-årsrapport 2025');
    expect(cover).toContain('NTNU, HR- og HMS-avdelingen');
    expect(cover).toContain(`<time datetime="2026-03-19">19.${NB}mars 2026</time>`);
    const colophon = between(page, '<footer class="colophon"', '</footer>');
    expect(colophon).toContain('<dt>Utgitt av</dt><dd>NTNU, HR- og HMS-avdelingen</dd>');
    expect(colophon).toContain('<dt>Kontakt</dt><dd>Seksjon for HMS, hms@example.org</dd>');
    expect(colophon).toContain('<dt>Saksnummer</dt><dd>2026/4127</dd>');
    expect(colophon).toContain(`<dt>Behandlet i</dt><dd>Arbeidsmiljøutvalget (AMU), 5.${NB}mars 2026</dd>`);
    expect(colophon).toContain(`<dd>Styret, 19.${NB}mars 2026</dd>`);
    expect(colophon).toMatch(/<dt>Laget med<\/dt><dd>hms-report \d+\.\d+\.\d+/);
    // The sources the report was made from, as given.
    expect(colophon).toContain('sykefravær (lønns- og personalsystemet)');
  });

  it('set a workspace without a logo in type, dated from the build (SOURCE_DATE_EPOCH, else 1 January after the year), never the clock', async () => {
    const dir = sampleWorkspace({
      only: ['units.csv'],
      files: { 'hms-report.config.yaml': 'institution: Høgskolen i Eksempel\n' },
    });
    dirs.push(dir);
    const page = await html(dir);
    const cover = between(page, '<header class="cover', '</header>');
    expect(cover).toContain('cover-no-logo');
    expect(cover).not.toContain('<img');
    expect(cover).toContain('<p class="cover-institution">Høgskolen i Eksempel</p>');
    expect(cover).toContain(`<time datetime="2026-01-01">1.${NB}januar 2026</time>`);
    const colophon = between(page, '<footer class="colophon"', '</footer>');
    expect(colophon).toContain('<dt>Utgitt av</dt><dd>Høgskolen i Eksempel</dd>');
    expect(colophon).not.toContain('Saksnummer');
    expect(colophon).not.toContain('Behandlet i');
    const dated = await html(dir, { SOURCE_DATE_EPOCH: '1772755200' });
    expect(dated).toContain(`<time datetime="2026-03-06">6.${NB}mars 2026</time>`);
  });

  it('leave out, with a warning, a logo outside the workspace, of another kind, or that is not what its name says', async () => {
    const problems = async (logo: string, files: Record<string, string | Uint8Array> = {}) => {
      const diagnostics = new Diagnostics();
      const workspace = memoryWorkspace({ 'hms-report.config.yaml': `publication:\n  logo: ${logo}\n`, ...files });
      const config = await readConfig(workspace, diagnostics, []);
      return { messages: diagnostics.items.map(formatDiagnostic), logo: config.logo };
    };
    expect((await problems('../logo.svg')).messages).toEqual([
      expect.stringMatching(
        /hms-report\.config\.yaml.*warning.*publication\.logo.*inside the workspace.*without a logo/,
      ),
    ]);
    expect((await problems('/etc/logo.svg')).messages[0]).toMatch(/inside the workspace/);
    expect((await problems('logo.gif', { 'logo.gif': 'GIF89a' })).messages[0]).toMatch(
      /SVG \(\.svg\) or PNG \(\.png\)/,
    );
    expect((await problems('logo.png', { 'logo.png': '<svg></svg>' })).messages[0]).toMatch(/not a PNG image/);
    expect((await problems('mangler.svg')).messages[0]).toMatch(/no such file/);
    const png = await problems('grafikk/logo.png', { 'grafikk/logo.png': PNG });
    expect(png.messages).toEqual([]);
    expect(png.logo?.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('refuse a publication date that is not a day', async () => {
    const diagnostics = new Diagnostics();
    await readConfig(
      memoryWorkspace({ 'hms-report.config.yaml': 'publication:\n  date: 2026-02-30\n' }),
      diagnostics,
      [],
    );
    expect(diagnostics.items.map(formatDiagnostic).join('\n')).toMatch(/hms-report\.config\.yaml:2.*not a day/);
  });
});
