import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatPercent, formatPointChange, round } from '../../src/report/format.js';

describe('Norwegian typography', () => {
  it('writes percent with a decimal comma and a no-break space', () => {
    expect(formatPercent(4.5, 1)).toBe('4,5\u00a0%');
    expect(formatPercent(73.239, 0)).toBe('73\u00a0%');
  });
  it('groups thousands with a no-break space', () => {
    expect(formatCount(1744)).toBe('1\u00a0744');
    expect(formatCount(3165)).toBe('3\u00a0165');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1\u00a0234\u00a0567');
  });
  it('rounds half away from zero without binary artefacts', () => {
    expect(round(4.45, 1)).toBe(4.5);
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-0.25, 1)).toBe(-0.3);
  });
  it('signs percentage-point changes with a true minus', () => {
    expect(formatPointChange(0.1)).toBe('+0,1');
    expect(formatPointChange(-0.2)).toBe('\u22120,2');
    expect(formatPointChange(0.04)).toBe('0,0');
  });
  it('writes dates the Norwegian way', () => {
    expect(formatDate('2025-01-05')).toBe('5. januar 2025');
    expect(formatDate('2026-12-31')).toBe('31. desember 2026');
  });
});
