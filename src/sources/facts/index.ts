import { defineSource } from '../descriptor.js';
import { readFacts } from './read.js';

/** content/<year>/facts.yaml: figures the prose cites that no export holds, read in the narrative as `facts.…`. */
export const facts = defineSource({
  key: 'facts',
  read: readFacts,
  narrative: (data) => ({ facts: data }),
});
