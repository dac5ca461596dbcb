// Query keys of the map feature: queries and (later) mutations share this one factory.
export const mapKeys = {
  countries: () => ['countries'] as const,
  reference: () => ['reference'] as const,
  /** Every graph: each country's and the whole region's. */
  graphs: () => ['graph'] as const,
  graph: (country: string) => ['graph', country] as const,
  region: () => ['graph', '*region*'] as const,
};
