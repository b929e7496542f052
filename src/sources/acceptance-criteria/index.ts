import { defineSource } from '../descriptor.js';
import { readAcceptanceCriteria } from './read.js';
import { tableAcceptanceCriteria } from './report.js';

/** Tabell 2: the acceptance criteria, policy text carried in metrics.json because components see only the metrics. */
export const acceptanceCriteria = defineSource({
  key: 'acceptanceCriteria',
  read: readAcceptanceCriteria,
  metrics: (data) => data,
  components: { 'table-acceptance-criteria': tableAcceptanceCriteria },
});
