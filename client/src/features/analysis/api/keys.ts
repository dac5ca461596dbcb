// Query keys of the analyses: every analysis query starts with 'analysis', so one invalidation after
// an edit refreshes them all.
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
};
