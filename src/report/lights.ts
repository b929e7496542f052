import type { Light } from '../metrics/types.js';

/**
 * The report's status signals: the survey's traffic lights (chapter 6.1) and
 * the action plan's statuses (6.4) share one look. A signal is never told by
 * colour alone: it has a shape of its own, drawn by report.css (`.light-<signal>
 * .light-symbol`), so it reads in greyscale print, and always comes with a
 * written word, so it reads to a screen reader, which skips the symbol.
 */
export type Signal = Light | 'neutral';

/** The shape of each signal, as a character (kept in the markup; report.css draws it, since the font lacks it). */
export const SIGNAL_SYMBOLS: Record<Signal, string> = { green: '●', yellow: '◆', red: '▲', neutral: '○' };

/** A signal's symbol, hidden from screen readers: the word beside it says the same. */
export function signalSymbol(signal: Signal): string {
  return `<span class="light-symbol" aria-hidden="true">${SIGNAL_SYMBOLS[signal]}</span>`;
}
