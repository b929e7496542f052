/**
 * The severity levels alone, without the reader: metrics/types.ts names them,
 * and the JSON Schema generator then reads this file instead of the reader's
 * imports (tests/metrics/schema.test.ts).
 */

/** Tabell 1's levels, from none chosen to catastrophic, with each one's label in EQS's spelling. */
export type SeverityLevel = 'ikke_valgt' | 'ingen_liten_fare' | 'en_viss_fare' | 'farlig' | 'kritisk' | 'katastrofalt';

export const SEVERITY_LABELS: Record<SeverityLevel, string> = {
  ikke_valgt: 'Ikke valgt',
  ingen_liten_fare: 'Ingen/liten fare',
  en_viss_fare: 'En viss fare',
  farlig: 'Farlig',
  kritisk: 'Kritisk',
  katastrofalt: 'Katastrofalt',
};
export const SEVERITY_LEVELS = Object.keys(SEVERITY_LABELS) as SeverityLevel[];
