// Query keys of the gaps feature's own calls.
export const gapsKeys = {
  stakeholder: (id: string) => ['stakeholders', id] as const,
};
