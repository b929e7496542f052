import type { WorkspaceTable } from '../sources/descriptor.js';

/** Where docs/workspace.md holds the generated table of columns (`npm run docs` rewrites what lies between). */
export const COLUMNS_BEGIN = '<!-- columns: generated from the table specs by `npm run docs`; do not edit -->';
export const COLUMNS_END = '<!-- end of columns -->';

/**
 * Every table's columns as the tool reads them, from the specs themselves:
 * required, optional, one of a group, or read beyond the contract.
 */
export function columnsMarkdown(tables: readonly WorkspaceTable[]): string {
  const rows = tables.flatMap((table) => {
    const { spec } = table;
    const groups = spec.oneOf ?? [];
    return Object.keys(spec.columns).map((column) => {
      const group = groups.find((g) => g.includes(column));
      const need = group
        ? `one of ${group.map((c) => `\`${c}\``).join(' or ')}`
        : spec.extensions?.includes(column)
          ? 'optional (beyond the contract)'
          : spec.optional?.includes(column)
            ? 'optional'
            : 'required';
      return `| \`${table.name}\` | \`${column}\` | ${need} |`;
    });
  });
  return [COLUMNS_BEGIN, '', '| table | column | |', '|---|---|---|', ...rows, '', COLUMNS_END].join('\n');
}

/** The document with its generated part replaced (or appended when it has none). */
export function withColumns(document: string, tables: readonly WorkspaceTable[]): string {
  const start = document.indexOf(COLUMNS_BEGIN);
  const end = document.indexOf(COLUMNS_END);
  const generated = columnsMarkdown(tables);
  if (start < 0 || end < 0) return `${document.trimEnd()}\n\n${generated}\n`;
  return document.slice(0, start) + generated + document.slice(end + COLUMNS_END.length);
}
