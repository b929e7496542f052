import { runCorpus } from './corpus-run.js';

// The hostile-input corpus (tests/hostile/corpus.ts), second half.
runCorpus(1, 2);
