// Regenerates every file of data-samples/ from fixed seeds: `npm run samples`.
// Each generator writes its own files; the outputs are committed.
import { generateSurvey } from './survey.mjs';
import { generateUnits } from './units.mjs';

const generators = [generateUnits, generateSurvey];
for (const generate of generators) await generate();
