// Query keys of the evidence feature: shared by its queries and by the edits that change what they show.
export const evidenceKeys = {
  all: () => ['to-confirm'] as const,
  toConfirm: (country: string) => ['to-confirm', country] as const,
};
