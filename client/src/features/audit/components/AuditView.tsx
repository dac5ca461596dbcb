// The audit log: who changed what and when (placeholder until the feature lands).
import type { CountrySummary } from '../../map/api/types';

export function AuditView({ country }: { country: string | null; countries: CountrySummary[] | undefined }) {
  return <p className="state">History{country ? ` for ${country}` : ''} is not available yet.</p>;
}
