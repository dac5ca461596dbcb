export function BottlenecksView({ country }: { country: string }) {
  return <p className="state">Bottlenecks for {country}</p>;
}
