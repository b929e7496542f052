import { describe, expect, it } from 'vitest';
import { abbreviationKey } from '../../src/report/figure.js';
import type { ComponentContext } from '../../src/report/component.js';
import type { Metrics } from '../../src/metrics/types.js';
import { DEFAULT_CONFIG } from '../../src/sources/config.js';

describe('the key to abbreviated unit labels', () => {
  const context = (): ComponentContext => ({
    metrics: { units: { names: { AD: 'AD', FA: 'Fellesadm.', HR: 'HR-avdelingen' } } } as unknown as Metrics,
    config: DEFAULT_CONFIG,
    nextNumber: () => 1,
    sourceData: () => null,
    unitName: (id) =>
      ({ AD: 'Fakultet for arkitektur og design', FA: 'Fellesadministrasjonen', HR: 'HR-avdelingen' })[id] ?? id,
    expanded: new Map(),
  });

  it('expands only labels that are not the full name, and nothing when none is abbreviated', () => {
    const c = context();
    expect(abbreviationKey(['AD', 'HR', 'FA'], c, 2)).toBe(
      '<p class="figure-note">Forkortelser: AD: Fakultet for arkitektur og design; Fellesadm.: Fellesadministrasjonen.</p>\n',
    );
    expect(abbreviationKey(['HR'], c, 3)).toBe('');
  });

  it('refers labels an earlier figure expanded to it, and expands the new ones', () => {
    const c = context();
    abbreviationKey(['AD'], c, 2);
    expect(abbreviationKey(['AD', 'FA'], c, 5)).toBe(
      '<p class="figure-note">Forkortelser: Fellesadm.: Fellesadministrasjonen; ellers som i <a href="#figur-2">figur 2</a>.</p>\n',
    );
    // A table (no number) refers to figures, and is never referred to.
    expect(abbreviationKey(['AD', 'FA'], c)).toBe(
      '<p class="figure-note">Forkortelser: som i <a href="#figur-2">figur 2</a> og <a href="#figur-5">figur 5</a>.</p>\n',
    );
  });
});
