// The map explorer: header with the country picker, the illustrative notice, the graph with its
// legend and stakeholder list, and the details of the selected stakeholder.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { IllustrativeBanner } from '../../../components/IllustrativeBanner';
import { ErrorMessage, Loading } from '../../../components/States';
import { useSearchParam } from '../../../lib/useSearchParam';
import { useCountries } from '../api/getCountries';
import { useGraph } from '../api/getGraph';
import { useReference } from '../api/getReference';
import type { GraphResponse } from '../api/types';
import { CountryPicker, defaultCountry } from './CountryPicker';
import { DetailsPanel } from './DetailsPanel';
import { GraphCanvas } from './GraphCanvas';
import { Legend } from './Legend';
import { StakeholderList } from './StakeholderList';

export function MapView() {
  const [param, setParam] = useSearchParam('country');
  const countries = useCountries();
  const fallback = countries.data ? defaultCountry(countries.data.countries) : null;
  const country = param ? param.toUpperCase() : fallback;

  // With no country in the URL, open the default one and write it to the URL (no extra history entry).
  useEffect(() => {
    if (!param && fallback) setParam(fallback, { replace: true });
  }, [param, fallback, setParam]);

  const graph = useGraph(country);
  const summary = countries.data?.countries.find((c) => c.code === country);
  const illustrative = graph.data?.country.illustrative ?? summary?.illustrative ?? false;

  return (
    <div className="app">
      <header className="app-header">
        <h1>Flow Atlas</h1>
        <p className="tagline">Who passes information on child trafficking to whom, Baltic Sea Region</p>
        <div className="header-controls">
          {countries.data && (
            <CountryPicker
              countries={countries.data.countries}
              value={country}
              onChange={(code) => setParam(code)}
            />
          )}
          {countries.isPending && <Loading>Loading countries…</Loading>}
        </div>
      </header>
      {illustrative && <IllustrativeBanner />}
      <main className="app-main">
        {countries.isError && (
          <ErrorMessage title="Could not load the list of countries" error={countries.error} onRetry={() => void countries.refetch()} />
        )}
        {countries.isSuccess && country === null && (
          <p className="state">No country maps yet. Import a map document to start.</p>
        )}
        {country !== null && graph.isPending && <Loading>Loading the map of {summary?.name ?? country}…</Loading>}
        {country !== null && graph.isError && (
          <ErrorMessage
            title={`Could not open the map for "${country}"`}
            error={graph.error}
            onRetry={() => void graph.refetch()}
          >
            {countries.data && !summary && (
              <p>
                There is no map for the country code {country}. Choose a country from the list above.
              </p>
            )}
          </ErrorMessage>
        )}
        {graph.data && <CountryMap key={graph.data.country.code} graph={graph.data} />}
      </main>
    </div>
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
