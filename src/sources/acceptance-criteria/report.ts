import type { Component } from '../../report/component.js';
import { escapeHtml } from '../../report/html-escape.js';

/** Tabell 2: the acceptance criteria, as the editable YAML gives them. */
export const tableAcceptanceCriteria: Component = (_call, context) => {
  const criteria = context.metrics.acceptanceCriteria;
  if (!criteria) return '<p class="no-data">Akseptkriteriene er ikke gitt.</p>';
  const number = context.nextNumber('table');
  const head = criteria.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = criteria.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="criteria-table">
<caption>Tabell ${number}: ${escapeHtml(criteria.title)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
};
