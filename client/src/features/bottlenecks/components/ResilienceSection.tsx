// The bottlenecks view's resilience section (ANALYSIS.md §6): how many independent routes bring each
// reaching indicator to the NCP, and the single point of failure of those with only one.
import { ErrorMessage, Loading } from '../../../components/States';
import { useResilience } from '../../analysis/api/getResilience';
import { byFewestRoutes, routesWords } from '../../plan/resilience';

interface Props {
  country: string;
  nameOf: (id: string) => string;
  indicatorNames: ReadonlyMap<string, string>;
}

export function ResilienceSection({ country, nameOf, indicatorNames }: Props) {
  const resilience = useResilience(country);
  const rows = resilience.data ? byFewestRoutes(resilience.data.indicators) : [];
  const s = resilience.data?.summary;
  return (
    <section aria-labelledby="resilience-heading">
      <h2 id="resilience-heading">Resilience{resilience.data ? ` (${rows.length} indicators reach the NCP)` : ''}</h2>
      <p className="bn-hint">
        Independent routes: how many routes from the holders to the NCP share no institution, so how many institutions
        must drop out before the indicator stops reaching the NCP.
      </p>
      {resilience.isPending && <Loading>Counting independent routes…</Loading>}
      {resilience.isError && (
        <ErrorMessage
          title="Could not load the resilience"
          error={resilience.error}
          onRetry={() => void resilience.refetch()}
        />
      )}
      {s && (
        <p className="bn-resilience-summary">
          One route only: <strong>{s.one}</strong> · two: <strong>{s.two}</strong> · three or more:{' '}
          <strong>{s.threeOrMore}</strong> · with a single holder: <strong>{s.singleHolder}</strong> · held by the NCP:{' '}
          {s.held} · gaps: {s.gaps}
        </p>
      )}
      {rows.length > 0 && (
        <div className="map-scroll-box bn-table" tabIndex={0} role="group" aria-labelledby="resilience-heading">
          <table aria-label="Independent routes to the NCP, fewest first">
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Independent routes</th>
                <th scope="col">Single point of failure</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicator} data-indicator={r.indicator}>
                  <th scope="row">
                    <abbr title={indicatorNames.get(r.indicator) ?? r.indicator}>{r.indicator}</abbr>
                  </th>
                  <td>{routesWords(r.resilience)}</td>
                  <td>
                    {r.resilience === 1 ? (
                      <>
                        {r.cut.map(nameOf).join(', ')}
                        {r.singleHolder && <span className="muted"> (only holder)</span>}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
