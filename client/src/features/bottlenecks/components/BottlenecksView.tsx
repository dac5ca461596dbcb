// The bottlenecks view: who the country's flows depend on (betweenness, single points of failure,
// critical flows, fragile coverage) on the country map, and a what-if scenario that removes
// stakeholders or flows, or adds suggested flows, and shows at once what the NCP would lose or gain.
// The scenario is in the URL (`remove`, `removeFlows`, `add`).
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useSearchParams } from '../../../lib/useSearchParams';
import { useBottlenecks } from '../../analysis/api/getBottlenecks';
import { useSuggestions } from '../../analysis/api/getSuggestions';
import { useWhatIf } from '../../analysis/api/postWhatIf';
import type { BottlenecksResponse } from '../../analysis/api/types';
import { useGraph } from '../../../graph/api/getGraph';
import { useReference } from '../../../graph/api/getReference';
import type { GraphResponse, GraphStakeholder } from '../../../graph/api/types';
import { GraphCanvas, type GraphCanvasHandle } from '../../../graph/GraphCanvas';
import { ZoomControls } from '../../../graph/ZoomControls';
import type { ExtraFlow } from '../../../graph/elements';
import { ADDED_COLOR, MARK_COLOR } from '../../../graph/styles';
import '../../map/map.css';
import '../bottlenecks.css';
import {
  isEmpty, proposedFlow, SCENARIO_PARAMS, scenarioFromParams, suggestionKey, toggled, toRequest, type Scenario, type Suggestion,
} from '../scenario';
import { PlanLinks } from '../../plan/components/PlanLinks';
import { ResilienceSection } from './ResilienceSection';
import { WhatIfResult } from './WhatIfResult';

const SPOF_SUFFIX = ' · SPOF';
const SUGGESTIONS_SHOWN = 12;
/** Indicator chips shown per stakeholder in the table; the single points of failure list names them all. */
const SPOF_CHIPS = 4;

const REASON_WORDS: Record<BottlenecksResponse['fragile'][number]['reasons'][number], string> = {
  informal: 'every path to the NCP includes an informal flow',
  person_dependent: 'every path to the NCP includes a flow that rests on one person',
  informal_or_person_dependent: 'every path has an informal flow or one that rests on one person',
  unconfirmed: 'every path rests on reported or assumed evidence only, none confirmed',
};

const KIND_WORDS: Record<Suggestion['kind'], string> = {
  direct: 'new direct flow',
  join_route: 'new flow joining a route',
  extend_flow: 'add to an existing flow',
};

/** 1 + the number of stakeholders with strictly higher betweenness (ties share a rank). */
function ranks(values: ReadonlyArray<{ id: string; value: number }>): Map<string, number> {
  const sorted = values.map((v) => v.value).sort((a, b) => b - a);
  return new Map(values.map((v) => [v.id, 1 + sorted.filter((x) => x > v.value).length]));
}

export function BottlenecksView({ country }: { country: string }) {
  const bottlenecks = useBottlenecks(country);
  const graph = useGraph(country);
  const name = graph.data?.country.name ?? country;
  if (bottlenecks.isPending || graph.isPending) return <Loading>Finding the bottlenecks of {name}…</Loading>;
  if (bottlenecks.isError || graph.isError) {
    const error = (bottlenecks.error ?? graph.error)!;
    return (
      <ErrorMessage
        title={`Could not analyse the bottlenecks of "${country}"`}
        error={error}
        onRetry={() => {
          void bottlenecks.refetch();
          void graph.refetch();
        }}
      />
    );
  }
  return <Bottlenecks key={country} country={country} countryName={name} data={bottlenecks.data} graph={graph.data} />;
}

interface Props {
  country: string;
  countryName: string;
  data: BottlenecksResponse;
  graph: GraphResponse;
}

function Bottlenecks({ country, countryName, data, graph }: Props) {
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const [params, setParams] = useSearchParams(SCENARIO_PARAMS);
  const [allSuggestions, setAllSuggestions] = useState(false);
  const reference = useReference();
  const indicatorNames = useMemo(() => new Map((reference.data?.indicators ?? []).map((i) => [i.code, i.name])), [reference.data]);
  const ncp = graph.stakeholders.find((s) => s.ncp && !s.external);
  const suggestions = useSuggestions(ncp ? country : null);
  const whatIf = useWhatIf();
  const { mutate, reset } = whatIf;

  const byId = useMemo(() => new Map(graph.stakeholders.map((s) => [s.id, s])), [graph]);
  const flowById = useMemo(() => new Map(graph.flows.map((f) => [f.id, f])), [graph]);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const { remove, removeFlows, add } = params;
  const scenario: Scenario = useMemo(
    () => scenarioFromParams({ remove, removeFlows, add }, graph),
    [remove, removeFlows, add, graph],
  );
  const empty = isEmpty(scenario);
  const suggestionList = useMemo(() => suggestions.data?.suggestions ?? [], [suggestions.data]);
  const request = useMemo(
    () => (suggestions.isPending && scenario.add.length > 0 ? null : toRequest(country, scenario, suggestionList, graph)),
    [country, scenario, suggestionList, suggestions.isPending, graph],
  );
  const requestKey = JSON.stringify(request);

  // Every change of the scenario asks again; the mutation shows the answer to the latest request.
  // requestKey stands for the request (a new object on each render of the same scenario).
  useEffect(() => {
    if (empty) reset();
    else if (request) mutate(request);
  }, [requestKey, empty]); // eslint-disable-line react-hooks/exhaustive-deps

  const setScenario = (next: Partial<Scenario>) =>
    setParams({
      ...(next.removeStakeholders ? { remove: next.removeStakeholders } : {}),
      ...(next.removeFlows ? { removeFlows: next.removeFlows } : {}),
      ...(next.add ? { add: next.add } : {}),
    });
  const resetScenario = () => setParams({ remove: null, removeFlows: null, add: null });

  const rank = useMemo(() => ranks(data.betweenness), [data.betweenness]);
  const sizeBy = useMemo(() => Object.fromEntries(data.betweenness.map((b) => [b.id, b.value])), [data.betweenness]);
  const spofs = useMemo(
    () => [...data.singlePointsOfFailure].sort((a, b) => b.indicators.length - a.indicators.length || (sizeBy[b.id] ?? 0) - (sizeBy[a.id] ?? 0) || a.id.localeCompare(b.id)),
    [data.singlePointsOfFailure, sizeBy],
  );
  const spofIndicators = new Map(data.singlePointsOfFailure.map((s) => [s.id, s.indicators]));
  const marked = useMemo(() => data.singlePointsOfFailure.map((s) => s.id), [data.singlePointsOfFailure]);
  const edgeValue = new Map(data.edgeBetweenness.map((e) => [e.id, e.value]));
  const critical = new Set(data.criticalFlows.map((c) => c.id));
  const otherFlows = graph.flows
    .filter((f) => !critical.has(f.id) && edgeValue.has(f.id))
    .sort((a, b) => (edgeValue.get(b.id) ?? 0) - (edgeValue.get(a.id) ?? 0) || a.id.localeCompare(b.id));

  const chosenSuggestions = suggestionList.filter((s) => scenario.add.includes(suggestionKey(s)));
  const added: ExtraFlow[] = useMemo(() => {
    const byKey = new Map(suggestionList.map((x) => [suggestionKey(x), x]));
    return scenario.add.flatMap((key, i) => {
      const s = proposedFlow(key, byKey);
      return s ? [{ id: `proposed-${i + 1}`, from: s.from, to: s.to, label: `+ ${s.indicator}` }] : [];
    });
  }, [scenario.add, suggestionList]);
  // Flows a plan loaded here that are not suggestions (harden steps): listed so that they can be seen and reset.
  const planned = added.length - chosenSuggestions.length;

  const summary = [
    scenario.removeStakeholders.length ? `without ${scenario.removeStakeholders.map(nameOf).join(', ')}` : '',
    scenario.removeFlows.length ? `without ${scenario.removeFlows.length} flow${scenario.removeFlows.length === 1 ? '' : 's'}` : '',
    chosenSuggestions.length ? `with ${chosenSuggestions.length} suggested flow${chosenSuggestions.length === 1 ? '' : 's'} added` : '',
    planned > 0 ? `with ${planned} flow${planned === 1 ? '' : 's'} from the plan added` : '',
  ]
    .filter(Boolean)
    .join('; ');

  const flowLabel = (id: string) => {
    const f = flowById.get(id);
    return f ? `${nameOf(f.from)} → ${nameOf(f.to)}` : id;
  };
  const shownSuggestions = allSuggestions
    ? suggestionList
    : [...chosenSuggestions, ...suggestionList.filter((s) => !chosenSuggestions.includes(s))].slice(0, Math.max(SUGGESTIONS_SHOWN, chosenSuggestions.length));

  return (
    <div className="bottlenecks-layout">
      <div className="bottlenecks-map">
        <div className="bn-canvas">
          <p className="graph-summary bn-summary">
            {countryName}: node size = betweenness; <span style={{ color: MARK_COLOR, fontWeight: 700 }}>vermillion ring</span> = single point of
            failure{!empty && <>; faded = removed; <span style={{ color: ADDED_COLOR, fontWeight: 700 }}>green dashed</span> = added</>}
          </p>
          <GraphCanvas
            ref={canvasRef}
            graph={graph}
            title={`${countryName} (bottlenecks)`}
            hookId={country}
            view="bottlenecks"
            sizeBy={sizeBy}
            marked={marked}
            markSuffix={SPOF_SUFFIX}
            removedNodes={scenario.removeStakeholders}
            removedFlows={scenario.removeFlows}
            addedFlows={added}
          />
          <ZoomControls canvasRef={canvasRef} />
        </div>
        {ncp && (
          <WhatIfResult
            empty={empty}
            pending={whatIf.isPending || (!empty && request === null)}
            error={whatIf.error}
            data={whatIf.data}
            indicatorNames={indicatorNames}
            onReset={resetScenario}
            onRetry={() => request && mutate(request)}
            summary={`Scenario: ${countryName} ${summary}.`}
          />
        )}
      </div>

      <div className="bottlenecks-panel">
        {!ncp && (
          <div className="map-notice map-notice-warn" role="note">
            <strong>{countryName} has no national contact point (NCP) mapped.</strong> Betweenness below still shows who brokers its
            flows, but single points of failure, critical flows and what-if changes are all about what reaches an NCP, so there are
            none to show here.
          </div>
        )}

        {ncp && <PlanLinks country={country} />}

        <section aria-labelledby="ranking-heading">
          <h2 id="ranking-heading">Stakeholders by betweenness</h2>
          <p className="bn-hint">How often a stakeholder lies on the shortest routes between others in {countryName} (0 to 1).</p>
          {/* Focusable, so the table can be scrolled from the keyboard when it has no checkboxes (no NCP). */}
          <div className="map-scroll-box bn-table" tabIndex={0} role="group" aria-labelledby="ranking-heading">
            <table aria-labelledby="ranking-heading">
              <thead>
                <tr>
                  {ncp && <th scope="col">Remove</th>}
                  <th scope="col">Rank</th>
                  <th scope="col">Stakeholder</th>
                  <th scope="col" className="num">
                    Betweenness
                  </th>
                  <th scope="col">Single point of failure for</th>
                </tr>
              </thead>
              <tbody>
                {data.betweenness.map((b) => {
                  const s: GraphStakeholder | undefined = byId.get(b.id);
                  const removed = scenario.removeStakeholders.includes(b.id);
                  const spof = spofIndicators.get(b.id) ?? [];
                  return (
                    <tr key={b.id} className={removed ? 'removed' : undefined}>
                      {ncp && (
                        <td>
                          {s?.ncp ? (
                            <span className="muted" title="The NCP itself cannot be removed in a scenario about what reaches it">
                              NCP
                            </span>
                          ) : (
                            <input
                              type="checkbox"
                              checked={removed}
                              aria-label={`Remove ${s?.name ?? b.id}`}
                              onChange={() => setScenario({ removeStakeholders: toggled(scenario.removeStakeholders, b.id) })}
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
                        {spof.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <span className="indicators">
                            {spof.slice(0, SPOF_CHIPS).map((code) => (
                              <abbr key={code} className="chip chip-spof" title={indicatorNames.get(code) ?? code}>
                                {code}
                              </abbr>
                            ))}
                            {spof.length > SPOF_CHIPS && (
                              <abbr className="chip" title={spof.slice(SPOF_CHIPS).join(', ')}>
                                +{spof.length - SPOF_CHIPS} more
                              </abbr>
                            )}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>

        {ncp && (
          <section aria-labelledby="spof-heading">
            <h2 id="spof-heading">Single points of failure ({spofs.length})</h2>
            {spofs.length === 0 ? (
              <p className="muted">None: every indicator that reaches the NCP has more than one way in.</p>
            ) : (
              <ol className="spof-list">
                {spofs.map((s) => (
                  <li key={s.id}>
                    <strong>{nameOf(s.id)}</strong>: if it disappeared, {s.indicators.length} indicator{s.indicators.length === 1 ? '' : 's'} would
                    stop reaching the NCP <span className="muted">({s.indicators.join(', ')})</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}

        {ncp && <ResilienceSection country={country} nameOf={nameOf} indicatorNames={indicatorNames} />}

        {ncp && (
          <section aria-labelledby="critical-heading">
            <h2 id="critical-heading">Critical flows ({data.criticalFlows.length})</h2>
            <p className="bn-hint">Flows whose loss alone would cut an indicator off from the NCP.</p>
            {data.criticalFlows.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="bn-check-list">
                {data.criticalFlows.map((c) => (
                  <li key={c.id}>
                    <label>
                      <input
                        type="checkbox"
                        aria-label={`Remove the flow ${flowLabel(c.id)} (${c.id})`}
                        checked={scenario.removeFlows.includes(c.id)}
                        onChange={() => setScenario({ removeFlows: toggled(scenario.removeFlows, c.id) })}
                      />
                      <span>
                        Remove <strong>{flowLabel(c.id)}</strong>{' '}
                        <span className="muted">
                          ({c.id}, edge betweenness {(edgeValue.get(c.id) ?? 0).toFixed(3)}): cuts {c.indicators.join(', ')}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {otherFlows.length > 0 && (
              <details className="other-flows">
                <summary>Remove other flows ({otherFlows.length})</summary>
                <ul className="bn-check-list">
                  {otherFlows.map((f) => (
                    <li key={f.id}>
                      <label>
                        <input
                          type="checkbox"
                          aria-label={`Remove the flow ${flowLabel(f.id)} (${f.id})`}
                          checked={scenario.removeFlows.includes(f.id)}
                          onChange={() => setScenario({ removeFlows: toggled(scenario.removeFlows, f.id) })}
                        />
                        <span>
                          {flowLabel(f.id)} <span className="muted">({f.id}, {(edgeValue.get(f.id) ?? 0).toFixed(3)})</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        )}

        {ncp && (
          <section aria-labelledby="fragile-heading">
            <h2 id="fragile-heading">Fragile coverage ({data.fragile.length})</h2>
            {data.fragile.length === 0 ? (
              <p className="muted">None: every indicator that reaches the NCP has a formal, confirmed route that does not rest on one person.</p>
            ) : (
              <ul className="fragile-list">
                {data.fragile.map((f) => (
                  <li key={f.indicator}>
                    <strong>{f.indicator}</strong>
                    {indicatorNames.get(f.indicator) && <span className="muted"> · {indicatorNames.get(f.indicator)}</span>} reaches the NCP, but{' '}
                    {f.reasons.map((r) => REASON_WORDS[r]).join('; and ')}.
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {ncp && (
          <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">Suggested flows to add{suggestions.data ? ` (${suggestionList.length})` : ''}</h2>
            {suggestions.isPending && <Loading>Loading suggestions…</Loading>}
            {suggestions.isError && (
              <ErrorMessage title="Could not load the suggestions" error={suggestions.error} onRetry={() => void suggestions.refetch()} />
            )}
            {suggestions.data && suggestionList.length === 0 && <p className="muted">None: no indicator is collected here without reaching the NCP.</p>}
            {suggestionList.length > 0 && (
              <>
                <ul className="bn-check-list suggestions">
                  {shownSuggestions.map((s) => {
                    const key = suggestionKey(s);
                    return (
                      <li key={key}>
                        <label>
                          <input
                            type="checkbox"
                            checked={scenario.add.includes(key)}
                            onChange={() => setScenario({ add: toggled(scenario.add, key) })}
                          />
                          <span>
                            Add <strong>{nameOf(s.from)} → {nameOf(s.to)}</strong> carrying <strong>{s.indicator}</strong>{' '}
                            <span className="muted">
                              ({KIND_WORDS[s.kind]}
                              {s.flow ? ` ${s.flow}` : ''}, peer score {Math.round(s.peerScore * 100)} %)
                            </span>
                            <span className="explanation">{s.explanation}</span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
                {suggestionList.length > SUGGESTIONS_SHOWN && (
                  <button type="button" className="map-button-quiet" onClick={() => setAllSuggestions((v) => !v)}>
                    {allSuggestions ? 'Show fewer' : `Show all ${suggestionList.length}`}
                  </button>
                )}
              </>
            )}
          </section>
        )}
        <p className="bn-hint">
          Computed from store version {data.computedFrom.storeVersion}: {data.computedFrom.options.includeStatuses.join(', ')} flows,
          informal ones {data.computedFrom.options.includeInformal ? 'included' : 'left out'}.
        </p>
      </div>
    </div>
  );
}
