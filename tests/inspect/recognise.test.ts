import { describe, expect, it } from 'vitest';
import { matchLabel, recognise } from '../../src/sources/recognise.js';
import { tableSignatures } from '../../src/sources/registry.js';

const signatures = tableSignatures();
const hints = (table: string, column: string) => signatures.find((s) => s.name === table)!.codeHints[column];
const codes = (table: string, column: string) => signatures.find((s) => s.name === table)!.codes[column]!;

describe('recognising exports', () => {
  it('tells an incident list from an injury list by its header', () => {
    const incidents = ['Saksnummer', 'Enhet', 'Registrert dato', 'Type', 'Status', 'Kategorier'];
    expect(recognise(incidents, signatures)[0]?.table).toBe('incidents');
    const injuries = ['Saksnummer', 'Enhet', 'Skadedato', 'Skadetype'];
    expect(recognise(injuries, signatures)[0]?.table).toBe('injuries');
    expect(recognise(['Fornavn', 'Etternavn', 'Telefon'], signatures)).toEqual([]);
  });

  it('matches labels onto codes by the code, its words and the source’s hints; a tie or nothing stays open', () => {
    const status = (label: string) => matchLabel(label, codes('incidents', 'status'), hints('incidents', 'status'));
    expect(status('Ferdigbehandlet')).toEqual({ code: 'lukket', how: 'words' });
    expect(status('UNDER BEHANDLING')).toEqual({ code: 'under behandling', how: 'code' });
    expect(status('Venter på svar').code).toBeNull();
    const rule = (label: string) => matchLabel(label, codes('working-time', 'rule'), hints('working-time', 'rule'));
    expect(rule('Ukentlig hvile under 35 timer').code).toBe('hvile_uke');
    expect(rule('Overtid over 200 timer per år').code).toBe('overtid_aar');
    expect(rule('Over 48 og 13 timer')).toEqual({ code: null, how: 'ambiguous', tied: ['uke_over_48', 'dag_over_13'] });
    const critical = (label: string) =>
      matchLabel(label, codes('whistleblowing', 'critical'), hints('whistleblowing', 'critical'));
    expect(critical('Ikke kritikkverdig').code).toBe('nei');
    expect(critical('Kritikkverdig forhold').code).toBe('ja');
    // A near spelling.
    expect(matchLabel('Nestenulyke', codes('incidents', 'case_type'))).toEqual({ code: 'nestenulykke', how: 'near' });
  });
});
