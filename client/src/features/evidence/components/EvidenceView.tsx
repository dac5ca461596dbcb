// Interviews of a country and the flows still to confirm (placeholder until the evidence feature lands).
export function EvidenceView({ country }: { country: string }) {
  return <p className="state">Evidence for {country} is not available yet.</p>;
}
