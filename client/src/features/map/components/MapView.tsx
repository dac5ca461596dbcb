// The map view: a country's graph or the whole region's, with filters, search, layouts, export, the
// legend, the stakeholder list and flows table, and the details of the selected stakeholder or flow.
// Everything a person chooses here is in the URL, so a view can be shared as a link. In edit mode
// (`edit=1`) the map is also where items are added, changed and deleted, flows drawn by dragging, and
// an interview's findings entered (`interview=<id>`: new flows cite it). Edit mode is offered only to
// those who may edit this country (features/auth/permissions.ts), and items only where they may.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useSearchParams, type SetSearchParams } from '../../../lib/useSearchParams';
import { useCoverage } from '../../analysis/api/getCoverage';
import { useMe } from '../../auth/api/getMe';
import { can, canEditItem, readOnlyReason } from '../../auth/permissions';
import { Editor, type EditOutcome, type EditRequest } from '../../edit/components/Editor';
import { editContextOf } from '../../edit/context';
import { describeCounts } from '../../edit/kinds';
import { useGraph } from '../../../graph/api/getGraph';
import { useReference } from '../../../graph/api/getReference';
import { useRegionGraph } from '../../../graph/api/getRegionGraph';
import type { CountrySummary, MapGraph } from '../../../graph/api/types';
import { download } from '../download';
import type { Scope } from '../../../graph/elements';
import { activeFilterCount, applyFilters, FILTER_PARAMS, filtersFromParams, filtersToParams, type MapFilters } from '../filters';
import { LAYOUTS, layoutOf, type LayoutName } from '../../../graph/layouts';
import '../map.css';
import { staleSelection } from '../selection';
import { sortCountries } from '../../../components/CountryPicker';
import { DetailsPanel } from './DetailsPanel';
import { EditBar } from './EditBar';
import { FilterPanel } from './FilterPanel';
import { FlowDetails } from './FlowDetails';
import { FlowsTable } from './FlowsTable';
import { GraphCanvas, type GraphCanvasHandle } from '../../../graph/GraphCanvas';
import { IndicatorNotice } from './IndicatorNotice';
import { Legend } from './Legend';
import { SearchBox } from './SearchBox';
import { StakeholderList } from './StakeholderList';
import { ZoomControls } from '../../../graph/ZoomControls';

const MAP_PARAMS = ['scope', 'layout', 'q', 'selected', 'flow', 'edit', 'interview', ...FILTER_PARAMS] as const;
type MapParam = (typeof MAP_PARAMS)[number];
const EMPTY: readonly string[] = [];

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
  useEffect(() => {
    if (!graph) return;
    // Back/Forward update the country and the map's parameters one after the other: act once both agree with the URL.
    const url = new URLSearchParams(window.location.search);
    if ((url.get('country')?.toUpperCase() ?? country) !== country || url.get('selected') !== params.selected || url.get('flow') !== params.flow) return;
    const switched = scope === 'country' && shownCountry.current !== null && shownCountry.current !== country;
    shownCountry.current = country;
    const patch = staleSelection(graph, { selected: params.selected, flow: params.flow }, switched ? country : null);
    if (patch) setParams(patch, { replace: true });
  }, [graph, scope, country, params.selected, params.flow, setParams]);

  return (
    <>
      {waiting && !query.isError && <Loading>Loading the map of {scope === 'region' ? 'the whole region' : countryName}…</Loading>}
      {query.isError && (
        <ErrorMessage
          title={scope === 'region' ? 'Could not open the map of the whole region' : `Could not open the map for "${country}"`}
          error={query.error}
          onRetry={() => void query.refetch()}
        >
          {scope === 'country' && countries && !summary && <p>There is no map for the country code {country}. Choose a country from the list above.</p>}
        </ErrorMessage>
      )}
      {query.data && !waiting && (
        <MapScreen
          graph={query.data}
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

interface ScreenProps {
  graph: MapGraph;
  scope: Scope;
  country: string;
  countryName: string;
  countryNames: ReadonlyMap<string, string>;
  countries: CountrySummary[] | undefined;
  params: Record<MapParam, string | null>;
  setParams: SetSearchParams<MapParam>;
}

/** What a saved edit did, in a sentence for the status line. */
function outcomeText(o: EditOutcome): string {
  if (o.action === 'deleted') {
    const others = { ...(o.result?.deleted ?? {}) };
    if (others[o.kind]) others[o.kind] = (others[o.kind] ?? 1) - 1;
    const also = describeCounts(others);
    const updated = describeCounts(o.result?.updated ?? {});
    return `Deleted ${o.title}${also ? ` and ${also}` : ''}${updated ? `; updated ${updated}` : ''}.`;
  }
  return `${o.action === 'created' ? 'Added' : 'Saved'} ${o.title}.`;
}

function MapScreen({ graph, scope, country, countryName, countryNames, countries: countryList, params, setParams }: ScreenProps) {
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const panelRef = useRef<HTMLElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const reference = useReference();
  const user = useMe();
  // On the whole region, an NCP may edit its own countries' items: edit mode is offered, items decide.
  const mayEdit = can(user, 'edit', scope === 'region' ? undefined : country);
  const editMode = params.edit === '1' && mayEdit;
  const interviewId = params.interview;
  const [request, setRequest] = useState<EditRequest | null>(null);
  const [editStatus, setEditStatus] = useState<string | null>(null);
  const editContext = useMemo(() => editContextOf(graph, country, reference.data, countryList), [graph, country, reference.data, countryList]);
  // With an interview active, new flows and reporting lines cite it; a flow reported in an interview is "reported".
  const linkPreset = useMemo(() => (interviewId ? { evidence: [interviewId], confidence: 'reported' } : {}), [interviewId]);
  const drawFlow = useCallback(
    (from: string, to: string) =>
      setRequest({ type: 'create', kind: 'flow', preset: { from, to, ...linkPreset }, note: 'Drawn on the map: choose what it carries and on which basis.' }),
    [linkPreset],
  );
  const indicatorNames = useMemo(() => new Map((reference.data?.indicators ?? []).map((i) => [i.code, i.name])), [reference.data]);
  const indicatorThemes = useMemo(() => new Map((reference.data?.indicators ?? []).map((i) => [i.code, i.themes])), [reference.data]);

  // Recomputed when a filter parameter changes, not on every keystroke in the search box.
  const { theme, indicator, sector, basis, status, confidence } = params;
  const filters = useMemo(
    () => filtersFromParams({ theme, indicator, sector, basis, status, confidence }),
    [theme, indicator, sector, basis, status, confidence],
  );
  const result = useMemo(() => applyFilters(graph, filters, indicatorThemes), [graph, filters, indicatorThemes]);
  const filtered = activeFilterCount(filters) > 0;
  const layout = layoutOf(params.layout);

  const coverage = useCoverage(filters.indicator ? country : null);
  const cell = coverage.data?.cells.find((c) => c.indicator === filters.indicator);
  const highlightNodes = cell?.status === 'reaches_ncp' || cell?.status === 'held_by_ncp' ? (cell.path ?? EMPTY) : EMPTY;
  const highlightFlows = cell?.status === 'reaches_ncp' ? (cell.flows ?? EMPTY) : EMPTY;

  const selected = graph.stakeholders.find((s) => s.id === params.selected);
  const selectedFlow = selected ? undefined : graph.flows.find((f) => f.id === params.flow);
  const countryOf = (id: string) => graph.stakeholders.find((s) => s.id === id)?.country;
  const editSelected = editMode && selected !== undefined && canEditItem(user, [selected.country]);
  const editSelectedFlow = editMode && selectedFlow !== undefined && canEditItem(user, [countryOf(selectedFlow.from), countryOf(selectedFlow.to)]);
  const readOnly = user?.role === 'ncp' ? readOnlyReason(user, 'edit', country, countryNames) : null;

  const select = useCallback((id: string | null) => setParams({ selected: id, flow: null }), [setParams]);
  const selectFlow = useCallback((id: string) => setParams({ flow: id, selected: null }), [setParams]);
  const close = useCallback(() => setParams({ selected: null, flow: null }), [setParams]);
  const onEdited = (o: EditOutcome) => {
    setEditStatus(outcomeText(o));
    if (o.action !== 'deleted') return;
    if ((o.kind === 'stakeholder' && o.item.id === params.selected) || (o.kind === 'flow' && o.item.id === params.flow)) close();
  };
  const setFilters = (next: MapFilters) => setParams(filtersToParams(next));

  const visibleFlows = useMemo(() => graph.flows.filter((f) => result.flows.has(f.id)), [graph, result]);
  // With filters on, the view frames what they leave: the drawn flows' ends, the holders, the NCP.
  const focus = useMemo(() => {
    if (!filtered) return undefined;
    const ids = new Set([...result.holders, ...highlightNodes]);
    for (const f of visibleFlows) {
      ids.add(f.from);
      ids.add(f.to);
    }
    for (const s of graph.stakeholders) if (s.ncp && s.country === country && !s.external) ids.add(s.id);
    return ids;
  }, [filtered, result, visibleFlows, highlightNodes, graph, country]);
  const own = graph.stakeholders.filter((s) => !s.external).length;
  const crossBorder = useMemo(() => {
    const countryOf = new Map(graph.stakeholders.map((s) => [s.id, s.country]));
    return graph.flows.filter((f) => countryOf.get(f.from) !== countryOf.get(f.to)).length;
  }, [graph]);
  const countries = new Set(graph.stakeholders.map((s) => s.country)).size;
  const fileStem = `flow-atlas-${scope === 'region' ? 'region' : country}`;
  const hasNcp = graph.stakeholders.some((s) => s.ncp && !s.external && s.country === country);

  async function exportAs(kind: 'png' | 'svg') {
    setExportError(null);
    try {
      const canvas = canvasRef.current;
      if (!canvas) throw new Error('The map is not drawn yet.');
      download(await (kind === 'png' ? canvas.png() : canvas.svg()), `${fileStem}.${kind}`);
    } catch (err) {
      setExportError(`Could not export the map: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="map-layout">
      <div className="map-main">
        <div className="map-toolbar">
          <div className="scope-switch" role="group" aria-label="Map of">
            <button type="button" aria-pressed={scope === 'country'} onClick={() => setParams({ scope: null })}>
              {countryName}
            </button>
            <button type="button" aria-pressed={scope === 'region'} onClick={() => setParams({ scope: 'region' })}>
              Whole region
            </button>
          </div>
          <label className="map-toolbar-field">
            <span>Layout</span>
            <select value={layout} onChange={(e) => setParams({ layout: e.target.value === 'fcose' ? null : (e.target.value as LayoutName) })}>
              {LAYOUTS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <SearchBox
            stakeholders={graph.stakeholders}
            query={params.q ?? ''}
            onQuery={(q) => setParams({ q: q || null }, { replace: true })}
            onPick={(id) => {
              setParams({ selected: id, flow: null });
              canvasRef.current?.centreOn(id);
            }}
          />
          <button type="button" className="map-button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
            Show flows as a table
          </button>
          {mayEdit && (
            <button
              type="button"
              className="map-button map-edit-toggle"
              aria-pressed={editMode}
              data-edit-return
              onClick={() => {
                setEditStatus(null);
                setParams({ edit: editMode ? null : '1' });
              }}
            >
              Edit mode
            </button>
          )}
          {!mayEdit && readOnly && <p className="read-only-note map-read-only">{readOnly}</p>}
          <div className="map-toolbar-end" role="group" aria-label="Download the map">
            <button type="button" className="map-button" aria-label="Download the map as PNG" title="Download the map as PNG" onClick={() => void exportAs('png')}>
              ↓ PNG
            </button>
            <button type="button" className="map-button" aria-label="Download the map as SVG" title="Download the map as SVG" onClick={() => void exportAs('svg')}>
              ↓ SVG
            </button>
          </div>
        </div>
        {editMode && (
          <EditBar
            graph={graph}
            interviewId={interviewId}
            onAddStakeholder={() => setRequest({ type: 'create', kind: 'stakeholder', preset: { country } })}
            onNewFlow={() => setRequest({ type: 'create', kind: 'flow', preset: { ...(selected ? { from: selected.id } : {}), ...linkPreset } })}
            onEndInterview={() => setParams({ interview: null })}
          />
        )}
        {exportError && (
          <p className="map-toolbar-error" role="alert">
            {exportError}
          </p>
        )}
        <div className="graph-area">
          <div className="graph-info">
            <p className="graph-summary">
              {scope === 'region'
                ? `Whole region: ${countries} countries, ${graph.stakeholders.length} stakeholders, ${graph.flows.length} flows of which ${crossBorder} cross-border`
                : `${countryName}: ${own} stakeholders, ${graph.stakeholders.length - own} foreign, ${graph.flows.length} flows`}
              {filtered && ` · showing ${result.flows.size} flows`}
            </p>
            {filters.indicator && (
              <IndicatorNotice
                indicator={filters.indicator}
                indicatorName={indicatorNames.get(filters.indicator)}
                countryName={countryName}
                cell={cell}
                loading={coverage.isPending}
                error={coverage.error}
                graph={graph}
                countryMap={scope === 'country'}
              />
            )}
            {editStatus && (
              <p className="map-notice edit-status" role="status">
                {editStatus}
              </p>
            )}
            {layout === 'ncp' && !hasNcp && (
              <p className="map-notice map-notice-warn" role="status">
                {countryName} has no NCP mapped: nothing is at the centre{scope === 'region' ? ' of its box' : ''}, every stakeholder is on one ring.
              </p>
            )}
          </div>
          <div className="graph-stage">
            {graph.stakeholders.length === 0 ? (
              <p className="state">This map has no stakeholders yet.</p>
            ) : (
              <GraphCanvas
                ref={canvasRef}
                graph={graph}
                title={scope === 'region' ? 'the whole region' : countryName}
                hookId={scope === 'region' ? 'region' : country}
                scope={scope}
                layout={layout}
                countryNames={scope === 'region' ? countryNames : undefined}
                selectedId={selected?.id ?? null}
                selectedFlowId={selectedFlow?.id ?? null}
                onSelect={select}
                onSelectFlow={selectFlow}
                visibleNodes={result.nodes}
                visibleFlows={result.flows}
                mutedNodes={result.muted}
                holders={result.holders}
                highlightNodes={highlightNodes}
                highlightFlows={highlightFlows}
                focus={focus}
                overlayRef={panelRef}
                drawMode={editMode}
                onDrawFlow={drawFlow}
              />
            )}
            <ZoomControls canvasRef={canvasRef} />
          </div>
          {selected && (
            <DetailsPanel
              ref={panelRef}
              graph={graph}
              stakeholder={selected}
              indicatorNames={indicatorNames}
              onSelect={select}
              onSelectFlow={selectFlow}
              onClose={close}
              onEditRequest={editSelected ? setRequest : undefined}
              linkPreset={linkPreset}
              readOnlyNote={editMode && !editSelected ? readOnlyReason(user, 'edit', selected.country, countryNames) : null}
            />
          )}
          {selectedFlow && (
            <FlowDetails
              ref={panelRef}
              graph={graph}
              flow={selectedFlow}
              indicatorNames={indicatorNames}
              onSelect={select}
              onClose={close}
              onEditRequest={editSelectedFlow ? setRequest : undefined}
              readOnlyNote={editMode && !editSelectedFlow ? readOnlyReason(user, 'edit', countryOf(selectedFlow.from) ?? country, countryNames) : null}
            />
          )}
        </div>
        {showTable && (
          <FlowsTable
            flows={visibleFlows}
            total={graph.flows.length}
            stakeholders={graph.stakeholders}
            indicatorNames={indicatorNames}
            selectedFlowId={selectedFlow?.id ?? null}
            onSelectFlow={selectFlow}
          />
        )}
      </div>
      {request && <Editor request={request} context={editContext} onClose={(next) => setRequest(next ?? null)} onDone={onEdited} />}
      <div className="sidebar">
        {/* The theme filters come with the reference lists: the sidebar waits for them, so nothing in it moves when they arrive. */}
        {reference.isPending ? (
          <Loading>Loading the filters…</Loading>
        ) : (
          <>
            <FilterPanel filters={filters} reference={reference.data} onChange={setFilters} />
            <Legend
              extras={{
                countryBoxes: scope === 'region',
                holders: filters.indicator,
                path: highlightFlows.length > 0,
              }}
            />
            <StakeholderList stakeholders={graph.stakeholders} selectedId={selected?.id ?? null} onSelect={select} region={scope === 'region'} />
          </>
        )}
      </div>
    </div>
  );
}
