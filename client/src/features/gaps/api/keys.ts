// Query keys of the gaps feature's own calls.
export const gapsKeys = {
  /** Every single stakeholder asked for. */
  stakeholders: () => ['stakeholders'] as const,
  stakeholder: (id: string) => ['stakeholders', id] as const,
};
