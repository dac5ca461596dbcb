export function NcpView({ country }: { country: string }) {
  return <p className="state">NCP of {country}</p>;
}
