// The bottlenecks view: who the country's flows depend on (betweenness, single points of failure,
// critical flows, fragile coverage) on the country map, and a what-if scenario that removes
// stakeholders or flows, or adds suggested flows, and shows at once what the NCP would lose or gain.
// The scenario is in the URL (`remove`, `removeFlows`, `add`; useScenario.ts).
import { CountryHiddenNotice } from '../../../components/HiddenNotice';
import { useMemo, useRef } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useBottlenecks } from '../../analysis/api/getBottlenecks';
import { useSuggestions } from '../../analysis/api/getSuggestions';
import type { BottlenecksResponse } from '../../analysis/api/types';
import { useGraph } from '../../../graph/api/getGraph';
import { useReference } from '../../../graph/api/getReference';
import type { GraphResponse } from '../../../graph/api/types';
import { GraphCanvas, type GraphCanvasHandle } from '../../../graph/GraphCanvas';
import { ZoomControls } from '../../../graph/ZoomControls';
import { ADDED_COLOR, MARK_COLOR } from '../../../graph/styles';
import '../../map/map.css';
import '../bottlenecks.css';
import { toggled } from '../scenario';
import { scenarioSummary, useScenario } from '../useScenario';
import { PlanLinks } from '../../plan/components/PlanLinks';
import { BetweennessTable } from './BetweennessTable';
import { CriticalFlows, FragileCoverage, SpofList } from './DependencyLists';
import { ResilienceSection } from './ResilienceSection';
import { SuggestedFlows } from './SuggestedFlows';
import { WhatIfResult } from './WhatIfResult';

const SPOF_SUFFIX = ' · SPOF';

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
  const reference = useReference();
  const indicatorNames = useMemo(
    () => new Map((reference.data?.indicators ?? []).map((i) => [i.code, i.name])),
    [reference.data],
  );
  const ncp = graph.stakeholders.find((s) => s.ncp && !s.external);
  const suggestions = useSuggestions(ncp ? country : null);
  const { scenario, empty, added, chosen, setScenario, resetScenario, answer, pending } = useScenario(
    country,
    graph,
    suggestions.data?.suggestions ?? null,
    ncp !== undefined,
  );

  const byId = useMemo(() => new Map(graph.stakeholders.map((s) => [s.id, s])), [graph]);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const sizeBy = useMemo(() => Object.fromEntries(data.betweenness.map((b) => [b.id, b.value])), [data.betweenness]);
  const marked = useMemo(() => data.singlePointsOfFailure.map((s) => s.id), [data.singlePointsOfFailure]);
  const summary = scenarioSummary(scenario, chosen.length, added.length, nameOf);

  return (
    <div className="bottlenecks-layout">
      <div className="bottlenecks-map">
        <div className="bn-canvas">
          <p className="graph-summary bn-summary">
            {countryName}: node size = betweenness;{' '}
            <span style={{ color: MARK_COLOR, fontWeight: 700 }}>vermillion ring</span> = single point of failure
            {!empty && (
              <>
                ; faded = removed; <span style={{ color: ADDED_COLOR, fontWeight: 700 }}>green dashed</span> = added
              </>
            )}
          </p>
          <CountryHiddenNotice
            country={country}
            counts="Betweenness and single points of failure are computed over every flow, the hidden ones too; the lists of flows leave them out, the hidden number beside."
          />
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
            pending={pending}
            error={answer.error}
            data={answer.data}
            indicatorNames={indicatorNames}
            onReset={resetScenario}
            onRetry={() => void answer.refetch()}
            summary={`Scenario: ${countryName} ${summary}.`}
          />
        )}
      </div>

      <div className="bottlenecks-panel">
        {!ncp && (
          <div className="map-notice map-notice-warn" role="note">
            <strong>{countryName} has no national contact point (NCP) mapped.</strong> Betweenness below still shows who
            brokers its flows, but single points of failure, critical flows and what-if changes are all about what
            reaches an NCP, so there are none to show here.
          </div>
        )}
        {ncp && <PlanLinks country={country} />}
        <BetweennessTable
          data={data}
          countryName={countryName}
          byId={byId}
          indicatorNames={indicatorNames}
          removed={ncp ? scenario.removeStakeholders : null}
          onToggle={(id) => setScenario({ removeStakeholders: toggled(scenario.removeStakeholders, id) })}
        />
        {ncp && (
          <>
            <SpofList data={data} nameOf={nameOf} />
            <ResilienceSection country={country} nameOf={nameOf} indicatorNames={indicatorNames} />
            <CriticalFlows
              data={data}
              graph={graph}
              nameOf={nameOf}
              removed={scenario.removeFlows}
              onToggle={(id) => setScenario({ removeFlows: toggled(scenario.removeFlows, id) })}
            />
            <FragileCoverage data={data} indicatorNames={indicatorNames} />
            <SuggestedFlows
              suggestions={suggestions}
              added={scenario.add}
              onToggle={(key) => setScenario({ add: toggled(scenario.add, key) })}
              nameOf={nameOf}
            />
          </>
        )}
        <p className="bn-hint">
          Computed from store version {data.computedFrom.storeVersion}:{' '}
          {data.computedFrom.options.includeStatuses.join(', ')} flows, informal ones{' '}
          {data.computedFrom.options.includeInformal ? 'included' : 'left out'}.
        </p>
      </div>
    </div>
  );
}
