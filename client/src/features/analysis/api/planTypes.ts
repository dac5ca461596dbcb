// Types of the resilience and plan answers (ANALYSIS.md §6), inferred from the server's zod schemas (type-only: no zod in the bundle).
import type { PlanResponse } from '@model/api-analysis';

export type { PlanResponse, ResilienceResponse } from '@model/api-analysis';
export type PlanGoal = PlanResponse['goal'];
export type PlanStep = PlanResponse['steps'][number];
