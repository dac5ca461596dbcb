// The map view: the country's graph with its legend and stakeholder list, and the details of the
// selected stakeholder.
import { useCallback, useMemo, useRef, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useGraph } from '../api/getGraph';
import { useReference } from '../api/getReference';
import type { CountrySummary, GraphResponse } from '../api/types';
import { DetailsPanel } from './DetailsPanel';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';
import { StakeholderList } from './StakeholderList';

/** The map of one country: loading and error states around the graph, legend, list and details. */
export function MapView({ country, countries }: { country: string; countries: CountrySummary[] | undefined }) {
  const graph = useGraph(country);
  const summary = countries?.find((c) => c.code === country);
  return (
    <>
      {graph.isPending && <Loading>Loading the map of {summary?.name ?? country}…</Loading>}
      {graph.isError && (
        <ErrorMessage title={`Could not open the map for "${country}"`} error={graph.error} onRetry={() => void graph.refetch()}>
          {countries && !summary && <p>There is no map for the country code {country}. Choose a country from the list above.</p>}
        </ErrorMessage>
      )}
      {graph.data && <CountryMap key={graph.data.country.code} graph={graph.data} />}
    </>
  );
}

function CountryMap({ graph }: { graph: GraphResponse }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const reference = useReference();
  const indicatorNames = useMemo(
    () => new Map((reference.data?.indicators ?? []).map((i) => [i.code, i.name])),
    [reference.data],
  );
  const selected = graph.stakeholders.find((s) => s.id === selectedId);
  const close = useCallback(() => setSelectedId(null), []);
  const own = graph.stakeholders.filter((s) => !s.external).length;

  return (
    <div className="map-layout">
      <div className="graph-area">
        <p className="graph-summary">
          {graph.country.name}: {own} stakeholders, {graph.stakeholders.length - own} foreign, {graph.flows.length} flows
        </p>
        {graph.stakeholders.length === 0 ? (
          <p className="state">This map has no stakeholders yet.</p>
        ) : (
          <GraphCanvas graph={graph} selectedId={selectedId} onSelect={setSelectedId} overlayRef={panelRef} />
        )}
        {selected && (
          <DetailsPanel
            ref={panelRef}
            graph={graph}
            stakeholder={selected}
            indicatorNames={indicatorNames}
            onSelect={setSelectedId}
            onClose={close}
          />
        )}
      </div>
      <div className="sidebar">
        <Legend />
        <StakeholderList stakeholders={graph.stakeholders} selectedId={selectedId} onSelect={setSelectedId} />
      </div>
    </div>
  );
}
