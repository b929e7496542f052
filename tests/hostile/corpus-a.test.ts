import { runCorpus } from './corpus-run.js';

// The hostile-input corpus (tests/hostile/corpus.ts), first half; corpus-b runs the other, in a second worker.
runCorpus(0, 2);
