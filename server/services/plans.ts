// Resilience and plans (ANALYSIS.md §6) as use cases on the analysis service: cached per store version
// like every analysis. §6 never reads the common options: always active flows, informal included, any confidence.
import { DEFAULT_OPTIONS } from '../analysis/options';
import { plan, type PlanGoal } from '../analysis/plan/plan';
import { resilience } from '../analysis/resilience/resilience';
import { seesPersonalData } from '../auth/personal-data';
import type { SessionUser } from '../model/roles';
import type { AnalysisService } from './analysis';
import { planForViewer } from './hidden';

export function resilienceOf(analysis: AnalysisService, country: string) {
  return analysis.run('resilience', DEFAULT_OPTIONS, country, (fg) => resilience(fg, country));
}

/**
 * The plan; for a user who may not see personal data, without the steps that extend a flow carrying it and with
 * `hidden`, how many were left out (hidden.ts: the plan itself is made over every flow, as for everyone).
 */
export async function planOf(
  analysis: AnalysisService,
  country: string,
  goal: PlanGoal,
  budget: number,
  user?: SessionUser,
) {
  const answer = await planOverEveryFlow(analysis, country, goal, budget);
  if (!user || seesPersonalData(user)) return answer;
  const key = `${country}|${goal}|${budget}|${answer.computedFrom.storeVersion}`;
  return analysis.run('plan-viewer', DEFAULT_OPTIONS, key, (fg) => planForViewer(fg, answer));
}

/**
 * close_gaps starts from the suggestions answer, cached too (the Gaps view has usually asked for it
 * already). Should a write land between reading it and planning, the plan is made again from scratch.
 */
async function planOverEveryFlow(analysis: AnalysisService, country: string, goal: PlanGoal, budget: number) {
  const key = `${country}|${goal}|${budget}`;
  const fromScratch = () => analysis.run('plan', DEFAULT_OPTIONS, key, (fg) => plan(fg, country, goal, budget));
  if (goal !== 'close_gaps') return fromScratch();
  const known = await analysis.suggestions(DEFAULT_OPTIONS, country);
  const version = known.computedFrom.storeVersion;
  const answer = await analysis.run('plan', DEFAULT_OPTIONS, `${key}|${version}`, (fg) =>
    plan(fg, country, goal, budget, known.suggestions),
  );
  return answer.computedFrom.storeVersion === version ? answer : fromScratch();
}
