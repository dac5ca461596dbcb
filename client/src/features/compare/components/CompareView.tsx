export function CompareView() {
  return <p className="state">Compare</p>;
}
