// Query keys of the history view: every audit query starts with 'audit'.
import type { AuditFilters } from '../filters';

export const auditKeys = {
  all: () => ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
  actors: () => ['audit', 'actors'] as const,
};
