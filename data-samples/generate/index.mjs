// Regenerates every file of data-samples/ from fixed seeds: `npm run samples`.
// Each generator writes its own files; the outputs are committed.
import { generateIncidents, generateInjuries, generateWhistleblowing } from './incidents.mjs';
import { generateSurvey } from './survey.mjs';
import { generateUnits } from './units.mjs';
import { generateAbsence } from './absence.mjs';
import { generateWorkingTime } from './working-time.mjs';

const generators = [generateUnits, generateSurvey, generateIncidents, generateInjuries, generateWhistleblowing, generateAbsence, generateWorkingTime];
for (const generate of generators) await generate();
