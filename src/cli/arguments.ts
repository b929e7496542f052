import { InvalidArgumentError } from 'commander';
import { messages } from '../messages.js';
import { plausibleYears } from '../workspace/cells.js';

/** Parsers and option texts that several commands share, so they read and fail alike (a bad value exits 2). */

export const DATA_OPTION_HELP =
  'workspace folder (default: the current folder if it is a workspace, else the bundled samples)';

/** A report year: four digits, from 2000 to next year (the window dates in the exports have too; docs/workspace.md). */
export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError(messages.badYear(value));
  const year = Number(value);
  const { first, last } = plausibleYears();
  if (year < first || year > last) throw new InvalidArgumentError(messages.yearOutOfRange(year, first, last));
  return year;
}

/**
 * A parser for a comma-separated list out of `allowed` ("html,json" →
 * ['html', 'json']): duplicates collapse and the order is `allowed`'s, so the
 * same files are planned however the list is written.
 */
export function formatList<F extends string>(
  allowed: readonly F[],
  notAllowed: (value: string) => string,
): (value: string) => F[] {
  return (value) => {
    const asked = value
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== '');
    const unknown = asked.find((part) => !allowed.some((format) => format === part));
    if (unknown !== undefined || asked.length === 0) throw new InvalidArgumentError(notAllowed(unknown ?? value));
    return allowed.filter((format) => asked.includes(format));
  };
}
