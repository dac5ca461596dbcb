// Query keys of the rounds feature: queries and mutations share this one factory.
export const roundKeys = {
  all: () => ['rounds'] as const,
  list: (country: string) => ['rounds', 'list', country] as const,
  stakeholders: () => ['rounds', 'stakeholders'] as const,
  detail: (id: string) => ['rounds', 'detail', id] as const,
  compare: (country: string, from: string, to: string) => ['rounds', 'compare', country, from, to] as const,
};
