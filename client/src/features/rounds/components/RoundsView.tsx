// Mapping rounds of a country: freeze, compare (placeholder until the rounds feature lands).
export function RoundsView({ country }: { country: string }) {
  return <p className="state">Rounds for {country} are not available yet.</p>;
}
