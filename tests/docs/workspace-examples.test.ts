import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspaceTables } from '../../src/sources/registry.js';

/**
 * docs/workspace.md shows each table as a CSV a person would write, and lists
 * its codes in prose. Those parts are written by hand, so this holds them to
 * the specs the reader uses: an example header names only the table's columns
 * and every one it needs, and every code of a coded column is written out.
 * (The table of columns itself is generated: tests/init/columns-doc.test.ts.)
 */
const document = readFileSync(new URL('../../docs/workspace.md', import.meta.url), 'utf8');

/** The text of the section about `<name>.csv`, up to the next section. */
function section(name: string): string {
  const start = document.search(new RegExp(`^## ${name}\\.csv\\b`, 'm'));
  if (start < 0) return '';
  const next = document.slice(start + 1).search(/^## /m);
  return next < 0 ? document.slice(start) : document.slice(start, start + 1 + next);
}

describe("docs/workspace.md's examples and codes", () => {
  it.each(workspaceTables().map((table) => [table.name, table] as const))(
    '%s: the example header has the columns of the spec, and every code is listed',
    (name, table) => {
      const text = section(name);
      expect(text, `a section "## ${name}.csv"`).not.toBe('');
      const example = /```\n([^\n]*)\n/.exec(text)?.[1];
      expect(example, `an example under "## ${name}.csv"`).toBeDefined();
      const header = example!.split(';');
      const columns = Object.keys(table.spec.columns);
      expect(header.filter((column) => !columns.includes(column))).toEqual([]);
      const alternatives = (table.spec.oneOf ?? []).flat();
      const needed = columns.filter((c) => !(table.spec.optional ?? []).includes(c) && !alternatives.includes(c));
      expect(needed.filter((column) => !header.includes(column))).toEqual([]);
      for (const set of table.spec.oneOf ?? [])
        expect(
          set.some((column) => header.includes(column)),
          `${set}`,
        ).toBe(true);
      for (const [column, codes] of Object.entries(table.codes ?? {}))
        for (const code of codes) expect(text, `${column} code ${code}`).toContain(`\`${code}\``);
    },
  );
});
