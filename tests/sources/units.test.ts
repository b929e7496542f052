import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/errors.js';
import { NO_IMPORTS } from '../../src/sources/imports.js';
import { WorkspaceTables } from '../../src/sources/tables.js';
import { readUnits } from '../../src/sources/units/read.js';
import { lines, memoryWorkspace } from '../support/helpers.js';

const HEADER = 'unit_id;name;parent_id;reporting;first_year;last_year\n';

describe('units register', () => {
  it('finds each unit’s org and the reporting units of a year', async () => {
    const ws = memoryWorkspace({
      'units.csv':
        HEADER +
        'F;Fakultet;;nei;;\nI1;Institutt 1;F;ja;;\nI2;Institutt 2;F;JA;;2023\nS;Seksjon;I1;Ja;2024;\nT;Top;;ja;;\n',
    });
    const d = new Diagnostics();
    const units = (await readUnits(new WorkspaceTables(ws, NO_IMPORTS, d), d))!;
    expect(lines(d)).toEqual([]);
    expect(units.orgOf('S')).toBe('F');
    expect(units.orgOf('T')).toBe('T');
    expect(units.reportingUnits(2023).map((u) => u.id)).toEqual(['I1', 'I2', 'T']);
    expect(units.reportingUnits(2024).map((u) => u.id)).toEqual(['I1', 'S', 'T']);
  });

  it('checks references from other files by existence and year', async () => {
    const ws = memoryWorkspace({ 'units.csv': HEADER + 'F;Fakultet;;nei;;\nI1;Institutt;F;ja;2022;2023\n' });
    const d0 = new Diagnostics();
    const units = (await readUnits(new WorkspaceTables(ws, NO_IMPORTS, d0), d0))!;
    const d = new Diagnostics();
    expect(units.check('i1', 2022, { file: 'x.csv', row: 2, column: 'unit_id' }, d)).toBe(true);
    expect(units.check('I1', 2024, { file: 'x.csv', row: 3, column: 'unit_id' }, d)).toBe(false);
    expect(units.check('NOPE', 2024, { file: 'x.csv', row: 4, column: 'unit_id' }, d)).toBe(false);
    expect(lines(d)).toEqual([
      'x.csv:3:unit_id: unit "I1" does not exist in 2024 (see first_year/last_year in units.csv)',
      'x.csv:4:unit_id: unit_id "NOPE" is not in units.csv',
    ]);
  });

  it('reports duplicates, unknown parents, loops and reversed years, all at once', async () => {
    const ws = memoryWorkspace({
      'units.csv': HEADER + 'A;A;B;ja;;\nB;B;A;ja;;\nA;A igjen;;ja;;\nC;C;X;ja;;\nD;D;;kanskje;2025;2020\n',
    });
    const d = new Diagnostics();
    await readUnits(new WorkspaceTables(ws, NO_IMPORTS, d), d);
    expect(lines(d)).toEqual([
      'units.csv:4:unit_id: unit_id "A" is already used in row 2',
      'units.csv:6:reporting: "kanskje" is not one of "ja", "nei"',
      'units.csv:5:parent_id: parent_id "X" is not a unit_id in the register',
      'units.csv:2:parent_id: unit "A" is its own ancestor (parent_id forms a loop)',
      'units.csv:3:parent_id: unit "B" is its own ancestor (parent_id forms a loop)',
    ]);
  });

  it('says so when the register is missing', async () => {
    const d = new Diagnostics();
    expect(
      await readUnits(new WorkspaceTables(memoryWorkspace({ 'other.csv': 'a\n1\n' }), NO_IMPORTS, d), d),
    ).toBeNull();
    expect(lines(d)).toEqual(['units.csv: units.csv (or units.xlsx) is missing: the workspace needs a unit register']);
  });
});
