// Resilience and plans (ANALYSIS.md §6) as use cases on the analysis service: cached per store version
// like every analysis. §6 never reads the common options: always active flows, informal included, any confidence.
import { DEFAULT_OPTIONS } from '../analysis/options';
import { plan, type PlanGoal } from '../analysis/plan/plan';
import { resilience } from '../analysis/resilience/resilience';
import type { AnalysisService } from './analysis';

export function resilienceOf(analysis: AnalysisService, country: string) {
  return analysis.run('resilience', DEFAULT_OPTIONS, country, (fg) => resilience(fg, country));
}

export function planOf(analysis: AnalysisService, country: string, goal: PlanGoal, budget: number) {
  return analysis.run('plan', DEFAULT_OPTIONS, `${country}|${goal}|${budget}`, (fg) => plan(fg, country, goal, budget));
}
