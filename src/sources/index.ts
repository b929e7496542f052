import type { Diagnostics } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { readAbsence, type AbsenceData } from './absence.js';
import { readBenchmarks, type BenchmarksData } from './benchmarks.js';
import { readConfig, type Config } from './config.js';
import type { SourceContext } from './context.js';
import { readContent } from './content.js';
import { readActionPlan, type ActionPlanData } from './action-plan.js';
import { readFacts, type Facts } from './facts.js';
import type { ContentFile } from '../report/content.js';
import { readAcceptanceCriteria, readIncidents, type AcceptanceCriteria, type IncidentsData } from './incidents.js';
import { readInjuries, type InjuriesData } from './injuries.js';
import { readSurvey, type SurveyData } from './survey.js';
import { readUnits, type UnitRegister } from './units.js';
import { readWhistleblowing, type WhistleblowingData } from './whistleblowing.js';
import { readWorkingTime, type WorkingTimeData } from './working-time.js';

/** Everything read from a workspace, validated and normalised. A source not given is null. */
export interface Sources {
  year: number;
  config: Config;
  units: UnitRegister;
  survey: SurveyData | null;
  incidents: IncidentsData | null;
  /** Tabell 2: content/<year>/akseptkriterier.yaml, else the bundled default; null only when the workspace's file is invalid. */
  acceptanceCriteria: AcceptanceCriteria | null;
  injuries: InjuriesData | null;
  whistleblowing: WhistleblowingData | null;
  absence: AbsenceData | null;
  workingTime: WorkingTimeData | null;
  benchmarks: BenchmarksData | null;
  /** The narrative of content/<year>/; null: the bundled default text. */
  content: ContentFile[] | null;
  /** content/<year>/handlingsplan.yaml (seed §6.4). */
  actionPlan: ActionPlanData | null;
  /** content/<year>/facts.yaml: figures the prose cites that no export holds. */
  facts: Facts | null;
}

/**
 * Reads every source of the workspace for a report year. Problems go to
 * `diagnostics`; the caller decides whether they stop the build. Returns null
 * only when there is no usable unit register, since every source refers to it.
 */
export async function readSources(
  workspace: Workspace,
  year: number,
  diagnostics: Diagnostics,
): Promise<Sources | null> {
  const config = await readConfig(workspace, diagnostics);
  const units = await readUnits(workspace, diagnostics);
  if (!units) return null;
  const context: SourceContext = { workspace, year, config, units, diagnostics };
  return {
    year,
    config,
    units,
    survey: await readSurvey(context),
    incidents: await readIncidents(context),
    acceptanceCriteria: await readAcceptanceCriteria(context),
    injuries: await readInjuries(context),
    whistleblowing: await readWhistleblowing(context),
    absence: await readAbsence(context),
    workingTime: await readWorkingTime(context),
    benchmarks: await readBenchmarks(context),
    content: await readContent(context),
    actionPlan: await readActionPlan(context),
    facts: await readFacts(context),
  };
}
