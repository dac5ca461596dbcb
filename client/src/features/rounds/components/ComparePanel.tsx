// Compare two rounds, or a round with now: two pickers (the URL's `from` and `to`, so a comparison can
// be shared), then the summary counts, the map of the difference, the changes per kind and the change
// in the analyses.
import { useId, useMemo } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { formatDateTime } from '../../../lib/dates';
import { useGraph } from '../../../graph/api/getGraph';
import { useAllStakeholders } from '../api/getAllStakeholders';
import { useRoundComparison } from '../api/getRoundComparison';
import { COMPARED_KINDS, NOW, type CompareSide, type RoundComparison, type RoundSummary } from '../api/types';
import { AnalysisChanges } from './AnalysisChanges';
import { ChangeTables, KIND_TITLES } from './ChangeTables';
import { DiffMap } from './DiffMap';

interface Props {
  country: string;
  countryName: string;
  rounds: readonly RoundSummary[];
  from: string | null;
  to: string | null;
  onChange: (sides: { from?: string; to?: string }) => void;
}

export function roundOptionLabel(r: RoundSummary): string {
  return `${r.name} (${formatDateTime(r.createdAt)}${r.country ? '' : ', whole region'})`;
}

function sideName(side: CompareSide): string {
  return side.id === NOW ? 'Now' : side.name;
}

export function ComparePanel({ country, countryName, rounds, from, to, onChange }: Props) {
  const ids = { from: useId(), to: useId() };
  const same = from !== null && from === to;
  const comparison = useRoundComparison(country, same ? null : from, same ? null : to);
  const unknown = (side: string | null) => side !== null && side !== NOW && !rounds.some((r) => r.id === side);

  const options = (
    <>
      <option value={NOW}>Now (the current map)</option>
      {rounds.map((r) => (
        <option key={r.id} value={r.id}>
          {roundOptionLabel(r)}
        </option>
      ))}
    </>
  );

  return (
    <section className="page-section compare-rounds" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Compare</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.from}>From</label>
          <select id={ids.from} value={from ?? ''} onChange={(e) => onChange({ from: e.target.value })}>
            {from === null && <option value="">Choose…</option>}
            {unknown(from) && (
              <option value={from ?? ''} disabled>
                {from} (no such round)
              </option>
            )}
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.to}>To</label>
          <select id={ids.to} value={to ?? ''} onChange={(e) => onChange({ to: e.target.value })}>
            {to === null && <option value="">Choose…</option>}
            {unknown(to) && (
              <option value={to ?? ''} disabled>
                {to} (no such round)
              </option>
            )}
            {options}
          </select>
        </div>
        <button
          type="button"
          className="btn"
          disabled={from === null || to === null}
          onClick={() => onChange({ from: to ?? undefined, to: from ?? undefined })}
        >
          Swap
        </button>
      </div>
      {same && (
        <p className="notice notice-warn">Both sides are the same; choose two different rounds (or a round and now).</p>
      )}
      {comparison.isPending && comparison.fetchStatus !== 'idle' && <Loading>Comparing…</Loading>}
      {comparison.isError && (
        <ErrorMessage title="Could not compare" error={comparison.error} onRetry={() => void comparison.refetch()} />
      )}
      {comparison.data && <ComparisonResult comparison={comparison.data} country={country} countryName={countryName} />}
    </section>
  );
}

function ComparisonResult({
  comparison,
  country,
  countryName,
}: {
  comparison: RoundComparison;
  country: string;
  countryName: string;
}) {
  const graph = useGraph(country);
  const all = useAllStakeholders();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of all.data?.items ?? []) map.set(s.id, s.name);
    for (const s of graph.data?.stakeholders ?? []) map.set(s.id, s.name);
    const d = comparison.kinds.stakeholders;
    for (const x of [...(d?.added ?? []), ...(d?.removed ?? [])])
      if (typeof x.item.name === 'string') map.set(x.key, x.item.name);
    for (const c of d?.changed ?? []) if (typeof c.after.name === 'string') map.set(c.key, c.after.name);
    return map;
  }, [all.data, graph.data, comparison]);
  const fromName = sideName(comparison.from);
  const toName = sideName(comparison.to);
  const { added, removed, changed } = comparison.counts;
  const title = `the changes in ${countryName} from ${fromName} to ${toName}`;
  return (
    <div className="comparison" data-from={comparison.from.id} data-to={comparison.to.id}>
      <h4 className="comparison-title">
        {countryName}: from {fromName}
        {comparison.from.id !== NOW && (
          <span className="muted"> ({formatDateTime(comparison.from.createdAt)})</span>
        )} to {toName}
        {comparison.to.id !== NOW && <span className="muted"> ({formatDateTime(comparison.to.createdAt)})</span>}
      </h4>
      <p className="comparison-summary" data-added={added} data-removed={removed} data-changed={changed}>
        <strong>{added}</strong> added, <strong>{removed}</strong> removed, <strong>{changed}</strong> changed.
      </p>
      <div className="page-table-scroll">
        <table className="page-table summary-table">
          <caption>Changes per kind of item</caption>
          <thead>
            <tr>
              <th scope="col">Items</th>
              <th scope="col" className="num">
                Added
              </th>
              <th scope="col" className="num">
                Removed
              </th>
              <th scope="col" className="num">
                Changed
              </th>
            </tr>
          </thead>
          <tbody>
            {COMPARED_KINDS.map((k) => {
              const d = comparison.kinds[k];
              return (
                <tr key={k} data-kind={k}>
                  <th scope="row">{KIND_TITLES[k]}</th>
                  <td className="num">{d?.added.length ?? 0}</td>
                  <td className="num">{d?.removed.length ?? 0}</td>
                  <td className="num">{d?.changed.length ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h4>Map of the difference</h4>
      <DiffMap comparison={comparison} country={country} title={title} />

      <h4>What changed</h4>
      <ChangeTables comparison={comparison} names={names} />

      <h4>Change in the analyses</h4>
      <AnalysisChanges comparison={comparison} fromName={fromName} toName={toName} />
    </div>
  );
}
