import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnsMarkdown, withColumns } from '../../src/init/columns-doc.js';
import { workspaceTables } from '../../src/sources/registry.js';

describe("docs/workspace.md's table of columns", () => {
  it('is the one the table specs give (run `npm run docs` after changing a spec)', () => {
    const document = readFileSync(new URL('../../docs/workspace.md', import.meta.url), 'utf8');
    expect(withColumns(document, workspaceTables())).toBe(document);
  });

  it('says which columns are required, optional, alternatives or beyond the contract', () => {
    const text = columnsMarkdown(workspaceTables());
    expect(text).toContain('| `units` | `short_name` | optional (beyond the contract) |');
    expect(text).toContain('| `absence` | `month` | one of `month` or `quarter` |');
    expect(text).toContain('| `incidents` | `case_id` | required |');
    expect(text).toContain('| `working-time` | `count` | optional |');
  });
});
