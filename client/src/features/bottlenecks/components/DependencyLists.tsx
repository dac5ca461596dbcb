// The bottlenecks view's lists about what reaches the NCP: single points of failure, critical flows
// (each with a box to remove it in the what-if scenario, and the other flows behind a disclosure), and
// fragile coverage.
import { useMemo, useState } from 'react';
import { HiddenBeside } from '../../../components/HiddenNotice';
import type { BottlenecksResponse } from '../../analysis/api/types';
import type { GraphResponse } from '../../../graph/api/types';

const REASON_WORDS: Record<BottlenecksResponse['fragile'][number]['reasons'][number], string> = {
  informal: 'every path to the NCP includes an informal flow',
  person_dependent: 'every path to the NCP includes a flow that rests on one person',
  informal_or_person_dependent: 'every path has an informal flow or one that rests on one person',
  unconfirmed: 'every path rests on reported or assumed evidence only, none confirmed',
};

export function SpofList({ data, nameOf }: { data: BottlenecksResponse; nameOf: (id: string) => string }) {
  const spofs = useMemo(() => {
    const betweenness = new Map(data.betweenness.map((b) => [b.id, b.value]));
    const value = (id: string) => betweenness.get(id) ?? 0;
    return [...data.singlePointsOfFailure].sort(
      (a, b) => b.indicators.length - a.indicators.length || value(b.id) - value(a.id) || a.id.localeCompare(b.id),
    );
  }, [data.singlePointsOfFailure, data.betweenness]);
  return (
    <section aria-labelledby="spof-heading">
      <h2 id="spof-heading">Single points of failure ({spofs.length})</h2>
      {spofs.length === 0 ? (
        <p className="muted">None: every indicator that reaches the NCP has more than one way in.</p>
      ) : (
        <ol className="spof-list">
          {spofs.map((s) => (
            <li key={s.id}>
              <strong>{nameOf(s.id)}</strong>: if it disappeared, {s.indicators.length} indicator
              {s.indicators.length === 1 ? '' : 's'} would stop reaching the NCP{' '}
              <span className="muted">({s.indicators.join(', ')})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface FlowsProps {
  data: BottlenecksResponse;
  graph: GraphResponse;
  nameOf: (id: string) => string;
  removed: readonly string[];
  onToggle: (flowId: string) => void;
}

/** Above this many, the other flows' boxes are made only once their disclosure is opened (thousands on a large map). */
const OTHER_FLOWS_AT_ONCE = 200;

export function CriticalFlows({ data, graph, nameOf, removed, onToggle }: FlowsProps) {
  const [othersOpen, setOthersOpen] = useState(false);
  const edgeValue = new Map(data.edgeBetweenness.map((e) => [e.id, e.value]));
  const critical = new Set(data.criticalFlows.map((c) => c.id));
  const otherFlows = graph.flows
    .filter((f) => !critical.has(f.id) && edgeValue.has(f.id))
    .sort((a, b) => (edgeValue.get(b.id) ?? 0) - (edgeValue.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const flowById = new Map(graph.flows.map((f) => [f.id, f]));
  const flowLabel = (id: string) => {
    const f = flowById.get(id);
    return f ? `${nameOf(f.from)} → ${nameOf(f.to)}` : id;
  };
  const box = (id: string) => (
    <input
      type="checkbox"
      aria-label={`Remove the flow ${flowLabel(id)} (${id})`}
      checked={removed.includes(id)}
      onChange={() => onToggle(id)}
    />
  );
  const value = (id: string) => (edgeValue.get(id) ?? 0).toFixed(3);
  return (
    <section aria-labelledby="critical-heading">
      <h2 id="critical-heading">
        Critical flows ({data.criticalFlows.length}
        <HiddenBeside count={data.hidden?.criticalFlows} within />)
      </h2>
      <p className="bn-hint">Flows whose loss alone would cut an indicator off from the NCP.</p>
      {data.criticalFlows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="bn-check-list">
          {data.criticalFlows.map((c) => (
            <li key={c.id}>
              <label>
                {box(c.id)}
                <span>
                  Remove <strong>{flowLabel(c.id)}</strong>{' '}
                  <span className="muted">
                    ({c.id}, edge betweenness {value(c.id)}): cuts {c.indicators.join(', ')}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {otherFlows.length > 0 && (
        <details className="other-flows" onToggle={(e) => setOthersOpen(e.currentTarget.open)}>
          <summary>Remove other flows ({otherFlows.length})</summary>
          {(othersOpen || otherFlows.length <= OTHER_FLOWS_AT_ONCE) && (
            <ul className="bn-check-list">
              {otherFlows.map((f) => (
                <li key={f.id}>
                  <label>
                    {box(f.id)}
                    <span>
                      {flowLabel(f.id)}{' '}
                      <span className="muted">
                        ({f.id}, {value(f.id)})
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </section>
  );
}

export function FragileCoverage({
  data,
  indicatorNames,
}: {
  data: BottlenecksResponse;
  indicatorNames: ReadonlyMap<string, string>;
}) {
  return (
    <section aria-labelledby="fragile-heading">
      <h2 id="fragile-heading">Fragile coverage ({data.fragile.length})</h2>
      {data.fragile.length === 0 ? (
        <p className="muted">
          None: every indicator that reaches the NCP has a formal, confirmed route that does not rest on one person.
        </p>
      ) : (
        <ul className="fragile-list">
          {data.fragile.map((f) => (
            <li key={f.indicator}>
              <strong>{f.indicator}</strong>
              {indicatorNames.get(f.indicator) && (
                <span className="muted"> · {indicatorNames.get(f.indicator)}</span>
              )}{' '}
              reaches the NCP, but {f.reasons.map((r) => REASON_WORDS[r]).join('; and ')}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
