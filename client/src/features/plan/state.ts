// The plan view's state in the URL (`goal`, `budget`, `map`), like the other views' filters, and the
// links it hands to the what-if panel: one proposed flow per indicator of each step, named as the
// bottlenecks view names a suggested flow (`from>to:indicator`).
import type { PlanGoal, PlanResponse } from '../analysis/api/planTypes';

export const PLAN_PARAMS = ['goal', 'budget', 'map'] as const;
export type PlanParam = (typeof PLAN_PARAMS)[number];

export const GOALS: readonly PlanGoal[] = ['close_gaps', 'harden'];
export const DEFAULT_GOAL: PlanGoal = 'close_gaps';
/** ANALYSIS.md §6: budget 1-20, default 5. */
export const MIN_BUDGET = 1;
export const MAX_BUDGET = 20;
export const DEFAULT_BUDGET = 5;

export interface PlanState {
  goal: PlanGoal;
  budget: number;
  /** Whether the proposed flows are drawn on the map. */
  map: boolean;
}

/** The state the URL names; anything unknown or out of range falls back to the default. */
export function planStateFromParams(values: Record<PlanParam, string | null>): PlanState {
  const goal = GOALS.find((g) => g === values.goal) ?? DEFAULT_GOAL;
  const n = values.budget !== null && /^\d{1,2}$/.test(values.budget) ? Number(values.budget) : NaN;
  const budget = n >= MIN_BUDGET && n <= MAX_BUDGET ? n : DEFAULT_BUDGET;
  return { goal, budget, map: values.map === '1' };
}

/** The URL parameters of a state; defaults are left out, so that a plain link and the default state are one URL. */
export function planParams(state: PlanState): Record<PlanParam, string | null> {
  return {
    goal: state.goal === DEFAULT_GOAL ? null : state.goal,
    budget: state.budget === DEFAULT_BUDGET ? null : String(state.budget),
    map: state.map ? '1' : null,
  };
}

/** The `add` list of the bottlenecks view for a plan: every step's flow, once per indicator, in step order. */
export function whatIfKeys(steps: PlanResponse['steps']): string[] {
  const keys = steps.flatMap((s) => s.action.indicators.map((code) => `${s.action.from}>${s.action.to}:${code}`));
  return [...new Set(keys)];
}
