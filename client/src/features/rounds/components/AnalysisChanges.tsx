// The change in the analyses between the two sides: the NCP's coverage statuses that changed, and the
// NCP's metrics side by side with the change.
import { STATUS_WORDS, type CoverageStatus } from '../../analysis/coverageText';
import type { RoundComparison } from '../api/types';
import { signedChange } from '../diff';

function statusWords(status: string | null): string {
  if (status === null) return '—';
  return STATUS_WORDS[status as CoverageStatus] ?? status;
}

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

export function AnalysisChanges({
  comparison,
  fromName,
  toName,
}: {
  comparison: RoundComparison;
  fromName: string;
  toName: string;
}) {
  const { coverage, ncp } = comparison.analysis;
  return (
    <div className="analysis-changes">
      <section aria-labelledby="coverage-changes-heading" className="coverage-changes">
        <h4 id="coverage-changes-heading">Coverage statuses that changed ({coverage.length})</h4>
        {coverage.length === 0 ? (
          <p>No indicator changed its coverage status: what reaches the NCP is the same on both sides.</p>
        ) : (
          <div className="page-table-scroll">
            <table className="page-table">
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">{fromName}</th>
                  <th scope="col">{toName}</th>
                </tr>
              </thead>
              <tbody>
                {coverage.map((c) => (
                  <tr
                    key={c.indicator}
                    data-indicator={c.indicator}
                    data-before={c.before ?? ''}
                    data-after={c.after ?? ''}
                  >
                    <th scope="row">
                      {c.indicator} <span className="muted">{c.name}</span>
                    </th>
                    <td>{statusWords(c.before)}</td>
                    <td>{statusWords(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="ncp-changes-heading" className="ncp-changes">
        <h4 id="ncp-changes-heading">The NCP’s metrics</h4>
        {ncp.length === 0 ? (
          <p>Neither side has an NCP, so there are no NCP metrics.</p>
        ) : (
          <div className="page-table-scroll">
            <table className="page-table">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col" className="num">
                    {fromName}
                  </th>
                  <th scope="col" className="num">
                    {toName}
                  </th>
                  <th scope="col" className="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {ncp.map((m) => {
                  const change = signedChange(m.before, m.after);
                  return (
                    <tr
                      key={m.metric}
                      data-metric={m.metric}
                      className={change !== null && change !== '0' ? 'moved' : undefined}
                    >
                      <th scope="row">{m.label}</th>
                      <td className="num">{formatNumber(m.before)}</td>
                      <td className="num">{formatNumber(m.after)}</td>
                      <td className="num">{change ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
