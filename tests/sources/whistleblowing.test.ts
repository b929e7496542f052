import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { computeMetrics, readSources } from '../../src/sources/registry.js';
import { lines, memoryWorkspace, windows1252 } from '../support/helpers.js';

const UNITS = 'unit_id,name,parent_id,reporting\nF,Fakultet,,nei\n';

async function load(file: string | Uint8Array, year = 2025) {
  const diagnostics = new Diagnostics();
  const sources = await readSources(
    memoryWorkspace({ 'units.csv': UNITS, 'whistleblowing.csv': file }),
    year,
    diagnostics,
  );
  return { sources, errors: lines(diagnostics) };
}

describe('whistleblowing', () => {
  it('counts received, critical and psychosocial cases per year from a Windows-1252 export', async () => {
    const csv = [
      'case_id;received_date;topic;critical',
      'V1;03.02.2024;Psykososialt og organisatorisk arbeidsmiljø;Ja',
      'V2;2025-01-10;psykososialt  og organisatorisk ARBEIDSMILJØ ;nei',
      'V3;2025-02-10;Økonomiske misligheter;JA',
      'V4;2025-03-10;;Ikke avsluttet',
      'V5;2025-04-10;Psykososialt arbeidsmiljø;ja',
      'V6;2026-01-03;Psykososialt og organisatorisk arbeidsmiljø;ja',
    ].join('\r\n');
    const { sources, errors } = await load(windows1252(csv));
    expect(errors).toEqual([]);
    const m = computeMetrics(sources!).whistleblowing!;
    expect(m.years).toEqual({
      '2024': { received: 1, critical: 1, psychosocial: 1, notConcluded: 0, notCritical: 0 },
      '2025': { received: 4, critical: 2, psychosocial: 1, notConcluded: 1, notCritical: 1 },
    });
    // Topics match in any case and spacing; the first spelling in the file (2024's) is the one shown.
    expect(m.byTopic).toEqual({
      '(uten tema)': 1,
      'Psykososialt arbeidsmiljø': 1,
      'Psykososialt og organisatorisk arbeidsmiljø': 1,
      'Økonomiske misligheter': 1,
    });
  });

  it('reports a bad critical code, a bad date and a repeated case id', async () => {
    const csv = [
      'case_id,received_date,topic,critical',
      'V1,2025-01-01,Annet,nei',
      'V2,1.1.25,Annet,nei',
      'V3,2025-01-02,Annet,kanskje',
      'v1,2025-01-02,Annet,nei',
    ].join('\n');
    const { errors } = await load(csv);
    expect(errors).toEqual([
      'whistleblowing.csv:3:received_date: "1.1.25" is not a date (use YYYY-MM-DD or DD.MM.YYYY)',
      'whistleblowing.csv:4:critical: "kanskje" is not one of "ja", "nei", "ikke avsluttet"',
      'whistleblowing.csv:5:case_id: case_id "v1" is already used in row 2',
    ]);
  });
});
