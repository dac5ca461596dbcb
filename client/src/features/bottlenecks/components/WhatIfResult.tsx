// The answer to a what-if scenario: which indicators change status, and the NCP's position before and after.
import { HiddenBeside } from '../../../components/HiddenNotice';
import { ErrorMessage } from '../../../components/States';
import type { WhatIfResponse } from '../../analysis/api/types';
import { STATUS_WORDS, isCovered } from '../../analysis/coverageText';

interface Props {
  empty: boolean;
  pending: boolean;
  error: Error | null;
  data: WhatIfResponse | undefined;
  indicatorNames: ReadonlyMap<string, string>;
  onReset: () => void;
  onRetry: () => void;
  /** What the scenario does, in words. */
  summary: string;
}

const fmt = (n: number | null | undefined, digits = 3) => (n === null || n === undefined ? '—' : n.toFixed(digits));
const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n * 100)} %`);

export function WhatIfResult({ empty, pending, error, data, indicatorNames, onReset, onRetry, summary }: Props) {
  return (
    <section className="what-if" aria-labelledby="what-if-heading">
      <div className="what-if-head">
        <h2 id="what-if-heading">What if…</h2>
        <button type="button" className="map-button" onClick={onReset} disabled={empty}>
          Reset
        </button>
      </div>
      {empty ? (
        <p className="muted">
          Tick stakeholders or flows on the right to remove them, or suggested flows to add them: the coverage of the
          NCP is recomputed at once. Nothing is stored.
        </p>
      ) : (
        <p className="what-if-summary">{summary}</p>
      )}
      {!empty && pending && (
        <p className="bn-pending" role="status">
          <span className="spinner" aria-hidden="true" /> Recomputing coverage…
        </p>
      )}
      {!empty && error && <ErrorMessage title="Could not compute the scenario" error={error} onRetry={onRetry} />}
      {!empty && data && !pending && <Changes data={data} indicatorNames={indicatorNames} />}
    </section>
  );
}

function Changes({ data, indicatorNames }: { data: WhatIfResponse; indicatorNames: ReadonlyMap<string, string> }) {
  const lost = data.changed.filter((c) => isCovered(c.from) && !isCovered(c.to)).length;
  const gained = data.changed.filter((c) => !isCovered(c.from) && isCovered(c.to)).length;
  const before = data.ncp.before;
  const after = data.ncp.after;
  return (
    <div className="what-if-body" aria-live="polite">
      <div>
        <h3 id="what-if-changes">
          {data.changed.length === 0
            ? 'No indicator changes status'
            : `${data.changed.length} indicator${data.changed.length === 1 ? '' : 's'} change${data.changed.length === 1 ? 's' : ''}` +
              (lost || gained
                ? ` (${[lost ? `${lost} lost` : '', gained ? `${gained} gained` : ''].filter(Boolean).join(', ')})`
                : '')}
        </h3>
        {data.changed.length > 0 && (
          <ul className="bn-changes" aria-labelledby="what-if-changes">
            {data.changed.map((c) => (
              <li key={c.indicator} className={isCovered(c.to) ? 'gain' : isCovered(c.from) ? 'loss' : undefined}>
                <strong>{c.indicator}</strong>: {STATUS_WORDS[c.from]} → {STATUS_WORDS[c.to]}
                {indicatorNames.get(c.indicator) && <span className="muted"> · {indicatorNames.get(c.indicator)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <table className="ncp-metrics">
        <caption>The NCP, before → after</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Coverage ratio</th>
            <td>{pct(data.before.coverageRatio)}</td>
            <td>{pct(data.after.coverageRatio)}</td>
          </tr>
          {before.status === 'ok' && (
            <>
              <tr>
                <th scope="row">In-degree</th>
                <Degree n={before.inDegree} hidden={before.hidden?.inDegree} />
                {after.status === 'ok' ? <Degree n={after.inDegree} hidden={after.hidden?.inDegree} /> : <td>—</td>}
              </tr>
              <tr>
                <th scope="row">Out-degree</th>
                <Degree n={before.outDegree} hidden={before.hidden?.outDegree} />
                {after.status === 'ok' ? <Degree n={after.outDegree} hidden={after.hidden?.outDegree} /> : <td>—</td>}
              </tr>
              <tr>
                <th scope="row">Betweenness</th>
                <td>
                  {fmt(before.betweenness)} (rank {before.betweennessRank})
                </td>
                <td>{after.status === 'ok' ? `${fmt(after.betweenness)} (rank ${after.betweennessRank})` : '—'}</td>
              </tr>
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A degree of the NCP as the user may see it (for a viewer, less what only hidden flows join), the hidden number beside. */
function Degree({ n, hidden }: { n: number; hidden: number | undefined }) {
  return (
    <td>
      {n - (hidden ?? 0)}
      <HiddenBeside count={hidden} />
    </td>
  );
}
