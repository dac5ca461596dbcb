// Query keys of the analyses: every analysis query starts with 'analysis', so one invalidation after
// an edit refreshes them all.
import type { WhatIfRequest } from './types';

export const analysisKeys = {
  all: () => ['analysis'] as const,
  coverage: (country: string) => ['analysis', 'coverage', country] as const,
  matrix: () => ['analysis', 'matrix'] as const,
  suggestions: (country: string) => ['analysis', 'suggestions', country] as const,
  bottlenecks: (country: string) => ['analysis', 'bottlenecks', country] as const,
  ncp: (country: string) => ['analysis', 'ncp', country] as const,
  compare: (countries: readonly string[]) => ['analysis', 'compare', ...countries] as const,
  resilience: (country: string) => ['analysis', 'resilience', country] as const,
  plan: (country: string, goal: string, budget: number) => ['analysis', 'plan', country, goal, budget] as const,
  /** A scenario: TanStack Query hashes the object, so equal scenarios share one answer. */
  whatIf: (scenario: WhatIfRequest) => ['analysis', 'what-if', scenario] as const,
};
