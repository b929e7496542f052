import type { Diagnostics } from '../errors.js';
import { guardFile, type Workspace } from '../workspace/workspace.js';
import { readAbsence, type AbsenceData } from './absence.js';
import { readBenchmarks, type BenchmarksData } from './benchmarks.js';
import { DEFAULT_CONFIG, readConfig, type Config } from './config.js';
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
  // A file that cannot be used at all (a folder, a link out of the workspace) costs its source, not the run.
  const guard = <T>(read: () => Promise<T>, fallback: T) => guardFile(diagnostics, read, fallback);
  const config = await guard(() => readConfig(workspace, diagnostics), DEFAULT_CONFIG);
  const units = await guard(() => readUnits(workspace, diagnostics), null);
  if (!units) return null;
  const context: SourceContext = { workspace, year, config, units, diagnostics };
  return {
    year,
    config,
    units,
    survey: await guard(() => readSurvey(context), null),
    incidents: await guard(() => readIncidents(context), null),
    acceptanceCriteria: await guard(() => readAcceptanceCriteria(context), null),
    injuries: await guard(() => readInjuries(context), null),
    whistleblowing: await guard(() => readWhistleblowing(context), null),
    absence: await guard(() => readAbsence(context), null),
    workingTime: await guard(() => readWorkingTime(context), null),
    benchmarks: await guard(() => readBenchmarks(context), null),
    content: await guard(() => readContent(context), null),
    actionPlan: await guard(() => readActionPlan(context), null),
    facts: await guard(() => readFacts(context), null),
  };
}
