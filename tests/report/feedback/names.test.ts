import { describe, expect, it } from 'vitest';
import { asciiFold, safeName, uniqueSafeNames } from '../../../src/report/feedback/names.js';

describe('safe file names', () => {
  it('folds Norwegian letters to ASCII and strips what is unsafe', () => {
    expect(asciiFold('Økonomi, Læring og Åpenhet')).toBe('Okonomi, Laering og Aapenhet');
    expect(safeName('ØK Fakultet for økonomi')).toBe('ok-fakultet-for-okonomi');
    expect(safeName('NV/IKJ: Kjemi <test> "x"')).toBe('nv-ikj-kjemi-test-x');
    expect(safeName('Café Müller')).toBe('cafe-muller');
    expect(safeName('CON')).toBe('con-enhet');
    expect(safeName('???')).toBe('enhet');
    expect(safeName('a'.repeat(100))).toHaveLength(60);
  });
  it('never gives two units the same name, whatever the case', () => {
    expect(uniqueSafeNames(['ØK', 'OK', 'ok', 'Øk'])).toEqual(['ok', 'ok-2', 'ok-3', 'ok-4']);
  });
});
