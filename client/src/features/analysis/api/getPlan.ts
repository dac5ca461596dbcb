// GET /api/analysis/plan?country=XX&goal=close_gaps|harden&budget=N: the greedy plan of ANALYSIS.md §6 (nothing is stored).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { PlanGoal, PlanResponse } from './planTypes';

export const getPlan = (country: string, goal: PlanGoal, budget: number) =>
  apiFetch<PlanResponse>(
    `/api/analysis/plan?${new URLSearchParams({ country, goal, budget: String(budget) }).toString()}`,
  );

export const planQueryOptions = (country: string, goal: PlanGoal, budget: number) =>
  queryOptions({ queryKey: analysisKeys.plan(country, goal, budget), queryFn: () => getPlan(country, goal, budget) });

export function usePlan(country: string | null, goal: PlanGoal, budget: number) {
  return useQuery({ ...planQueryOptions(country ?? '', goal, budget), enabled: country !== null });
}
