// The map view: a country's graph or the whole region's, with filters, search, layouts, export, the
// legend, the stakeholder list and flows table, and the details of the selected stakeholder or flow.
// Everything a person chooses here is in the URL, so a view can be shared as a link. In edit mode
// (`edit=1`) the map is also where items are added, changed and deleted, flows drawn by dragging, and
// an interview's findings entered (`interview=<id>`: new flows cite it). Edit mode is offered only to
// those who may edit this country (features/auth/permissions.ts), and items only where they may.
import { useEffect, useMemo, useRef } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { sortCountries } from '../../../components/CountryPicker';
import { useFirstInTransition } from '../../../lib/useFirstInTransition';
import { useSearchParams } from '../../../lib/useSearchParams';
import { useGraph } from '../../../graph/api/getGraph';
import { useRegionGraph } from '../../../graph/api/getRegionGraph';
import type { CountrySummary } from '../../../graph/api/types';
import type { Scope } from '../../../graph/elements';
import '../map.css';
import { staleSelection } from '../selection';
import { MAP_PARAMS, MapScreen } from './MapScreen';

/** The map of one country or of the whole region: loading and error states around the map screen. */
export function MapView({ country, countries }: { country: string; countries: CountrySummary[] | undefined }) {
  const [params, setParams] = useSearchParams(MAP_PARAMS);
  const scope: Scope = params.scope === 'region' ? 'region' : 'country';
  const countryGraph = useGraph(scope === 'country' ? country : null);
  const regionGraph = useRegionGraph(scope === 'region');
  const summary = countries?.find((c) => c.code === country);
  const countryNames = useMemo(() => new Map(sortCountries(countries ?? []).map((c) => [c.code, c.name])), [countries]);
  const query = scope === 'region' ? regionGraph : countryGraph;
  // The region's boxes are titled with country names: wait for them rather than draw the map twice.
  const waiting = query.isPending || (scope === 'region' && !countries);
  const countryName = summary?.name ?? country;

  // The selection in the URL follows the map: once the map of a newly chosen country is shown, a stakeholder
  // or flow left from the previous one is cleared (replacing the history entry, so Back still restores it).
  const shownCountry = useRef<string | null>(null);
  const graph = query.data && !waiting ? query.data : undefined;
  // The map screen is first built in slices (its lists, then the map itself once drawn), not in one long task.
  const shown = useFirstInTransition(graph);
  useEffect(() => {
    if (!graph) return;
    // Back/Forward update the country and the map's parameters one after the other: act once both agree with the URL.
    const url = new URLSearchParams(window.location.search);
    if (
      (url.get('country')?.toUpperCase() ?? country) !== country ||
      url.get('selected') !== params.selected ||
      url.get('flow') !== params.flow
    )
      return;
    const switched = scope === 'country' && shownCountry.current !== null && shownCountry.current !== country;
    shownCountry.current = country;
    const patch = staleSelection(graph, { selected: params.selected, flow: params.flow }, switched ? country : null);
    if (patch) setParams(patch, { replace: true });
  }, [graph, scope, country, params.selected, params.flow, setParams]);

  return (
    <>
      {(waiting || (graph && !shown)) && !query.isError && (
        <Loading>Loading the map of {scope === 'region' ? 'the whole region' : countryName}…</Loading>
      )}
      {query.isError && (
        <ErrorMessage
          title={
            scope === 'region'
              ? 'Could not open the map of the whole region'
              : `Could not open the map for "${country}"`
          }
          error={query.error}
          onRetry={() => void query.refetch()}
        >
          {scope === 'country' && countries && !summary && (
            <p>There is no map for the country code {country}. Choose a country from the list above.</p>
          )}
        </ErrorMessage>
      )}
      {shown && (
        <MapScreen
          graph={shown}
          scope={scope}
          country={country}
          countryName={countryName}
          countryNames={countryNames}
          countries={countries}
          params={params}
          setParams={setParams}
        />
      )}
    </>
  );
}
