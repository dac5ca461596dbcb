// The bottlenecks view's ranking: stakeholders by betweenness, with the indicators each is the single
// point of failure for, and (with an NCP) a box to remove each in the what-if scenario.
import { useMemo, useState } from 'react';
import type { BottlenecksResponse } from '../../analysis/api/types';
import type { GraphStakeholder } from '../../../graph/api/types';

/** Indicator chips shown per stakeholder in the table; the single points of failure list names them all. */
const SPOF_CHIPS = 4;

/** A large country's table shows its first rows until asked for all (a thousand rows take long to draw, again on each what-if change). */
export const BETWEENNESS_ROWS_AT_ONCE = 200;

/** 1 + the number of stakeholders with strictly higher betweenness (ties share a rank). */
function ranks(values: ReadonlyArray<{ id: string; value: number }>): Map<string, number> {
  const sorted = values.map((v) => v.value).sort((a, b) => b - a);
  const rank = new Map<number, number>();
  sorted.forEach((value, i) => {
    if (!rank.has(value)) rank.set(value, i + 1);
  });
  return new Map(values.map((v) => [v.id, rank.get(v.value)!]));
}

interface Props {
  data: BottlenecksResponse;
  countryName: string;
  byId: ReadonlyMap<string, GraphStakeholder>;
  indicatorNames: ReadonlyMap<string, string>;
  /** The stakeholders removed in the scenario, and how to toggle one; absent without an NCP (no scenario). */
  removed: readonly string[] | null;
  onToggle: (id: string) => void;
}

export function BetweennessTable({ data, countryName, byId, indicatorNames, removed, onToggle }: Props) {
  const rank = useMemo(() => ranks(data.betweenness), [data.betweenness]);
  const [all, setAll] = useState(false);
  // Rows beyond the first ones of a large table are shown on request; removed stakeholders always are.
  const shown =
    all || data.betweenness.length <= BETWEENNESS_ROWS_AT_ONCE + 50
      ? data.betweenness
      : data.betweenness.filter((b, i) => i < BETWEENNESS_ROWS_AT_ONCE || (removed?.includes(b.id) ?? false));
  const spofIndicators = new Map(data.singlePointsOfFailure.map((s) => [s.id, s.indicators]));
  return (
    <section aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">Stakeholders by betweenness</h2>
      <p className="bn-hint">
        How often a stakeholder lies on the shortest routes between others in {countryName} (0 to 1).
      </p>
      {/* Focusable, so the table can be scrolled from the keyboard when it has no checkboxes (no NCP). */}
      <div className="map-scroll-box bn-table" tabIndex={0} role="group" aria-labelledby="ranking-heading">
        <table aria-labelledby="ranking-heading">
          <thead>
            <tr>
              {removed && <th scope="col">Remove</th>}
              <th scope="col">Rank</th>
              <th scope="col">Stakeholder</th>
              <th scope="col" className="num">
                Betweenness
              </th>
              <th scope="col">Single point of failure for</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => {
              const s = byId.get(b.id);
              const isRemoved = removed?.includes(b.id) ?? false;
              return (
                <tr key={b.id} className={isRemoved ? 'removed' : undefined}>
                  {removed && (
                    <td>
                      {s?.ncp ? (
                        <span
                          className="muted"
                          title="The NCP itself cannot be removed in a scenario about what reaches it"
                        >
                          NCP
                        </span>
                      ) : (
                        <input
                          type="checkbox"
                          checked={isRemoved}
                          aria-label={`Remove ${s?.name ?? b.id}`}
                          onChange={() => onToggle(b.id)}
                        />
                      )}
                    </td>
                  )}
                  <td>{rank.get(b.id)}</td>
                  <th scope="row">
                    {s?.name ?? b.id}
                    {s?.ncp && <span className="badge badge-ncp">NCP</span>}
                  </th>
                  <td className="num">{b.value.toFixed(3)}</td>
                  <td>
                    <SpofChips codes={spofIndicators.get(b.id) ?? []} indicatorNames={indicatorNames} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length < data.betweenness.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {data.betweenness.length.toLocaleString('en')} stakeholders ({shown.length} shown)
        </button>
      )}
    </section>
  );
}

function SpofChips({
  codes,
  indicatorNames,
}: {
  codes: readonly string[];
  indicatorNames: ReadonlyMap<string, string>;
}) {
  if (codes.length === 0) return <span className="muted">—</span>;
  return (
    <span className="indicators">
      {codes.slice(0, SPOF_CHIPS).map((code) => (
        <abbr key={code} className="chip chip-spof" title={indicatorNames.get(code) ?? code}>
          {code}
        </abbr>
      ))}
      {codes.length > SPOF_CHIPS && (
        <abbr className="chip" title={codes.slice(SPOF_CHIPS).join(', ')}>
          +{codes.length - SPOF_CHIPS} more
        </abbr>
      )}
    </span>
  );
}
