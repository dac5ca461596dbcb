export function GapsView({ country }: { country: string | null }) {
  return <p className="state">Gaps for {country}</p>;
}
