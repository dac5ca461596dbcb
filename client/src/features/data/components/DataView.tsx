// Import and export of map documents and spreadsheets (placeholder until the feature lands).
import type { CountrySummary } from '../../map/api/types';

export function DataView({ country }: { country: string | null; countries: CountrySummary[] | undefined }) {
  return <p className="state">Import and export{country ? ` for ${country}` : ''} are not available yet.</p>;
}
