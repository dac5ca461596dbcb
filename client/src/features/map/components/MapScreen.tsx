// The map screen (MapView draws it once a graph is in): toolbar, edit bar, the graph with what is
// said above it, the details of the selected stakeholder or flow, the flows table, and the sidebar
// (filters, legend, stakeholder list). Its state is the URL's (MapView's parameters).
import { Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { SetSearchParams } from '../../../lib/useSearchParams';
import { useMe } from '../../auth/api/getMe';
import { can, readOnlyReason } from '../../auth/permissions';
import { editContextOf } from '../../edit/context';
import { useReference } from '../../../graph/api/getReference';
import type { CountrySummary, MapGraph } from '../../../graph/api/types';
import type { Scope } from '../../../graph/elements';
import type { GraphCanvasHandle } from '../../../graph/GraphCanvas';
import { useAfterPaint } from '../../../lib/useAfterPaint';
import { LazyEditor, LazyGraphCanvas } from '../lazyParts';
import { layoutOf } from '../../../graph/layouts';
import { ZoomControls } from '../../../graph/ZoomControls';
import { FILTER_PARAMS, filtersToParams } from '../filters';
import { useMapEdit } from '../useMapEdit';
import { useMapFilters } from '../useMapFilters';
import { EditBar } from './EditBar';
import { FlowsTable } from './FlowsTable';
import { GraphInfo } from './GraphInfo';
import { MapSidebar } from './MapSidebar';
import { MapToolbar } from './MapToolbar';
import { SelectionDetails } from './SelectionDetails';
import { useMapExport } from '../useMapExport';
import { GROUP_PARAMS, useMapGroups } from '../useMapGroups';
import { GroupDetails } from './GroupDetails';
import { GroupList } from './GroupList';
import { useLiveMarks } from '../../live/useLiveMarks';

export const MAP_PARAMS = [
  'scope',
  'layout',
  'q',
  'selected',
  'flow',
  'edit',
  'interview',
  ...FILTER_PARAMS,
  ...GROUP_PARAMS,
] as const;
type MapParam = (typeof MAP_PARAMS)[number];

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

/** Where the canvas will be, while its code loads (the same box: nothing moves when it comes). */
const CANVAS_LOADING = <div className="graph-canvas" data-layout="loading" />;

export function MapScreen({
  graph,
  scope,
  country,
  countryName,
  countryNames,
  countries: countryList,
  params,
  setParams,
}: ScreenProps) {
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const panelRef = useRef<HTMLElement>(null);
  const [showTable, setShowTable] = useState(false);
  const reference = useReference();
  const user = useMe();
  // On the whole region, an NCP may edit its own countries' items: edit mode is offered, items decide.
  const mayEdit = can(user, 'edit', scope === 'region' ? undefined : country);
  const editMode = params.edit === '1' && mayEdit;
  const close = useCallback(() => setParams({ selected: null, flow: null }), [setParams]);
  const edit = useMapEdit(params.interview, (kind, id) => {
    if ((kind === 'stakeholder' && id === params.selected) || (kind === 'flow' && id === params.flow)) close();
  });
  const { request, setRequest, linkPreset } = edit;
  const editContext = useMemo(
    () => editContextOf(graph, country, reference.data, countryList),
    [graph, country, reference.data, countryList],
  );
  const {
    indicatorNames,
    filters,
    result,
    filtered,
    coverage,
    cell,
    highlightNodes,
    highlightFlows,
    visibleFlows,
    focus,
    focusKey,
  } = useMapFilters(graph, country, params, reference.data);
  const layout = layoutOf(params.layout);
  // Grouped by sector or type: a stakeholder or flow chosen inside a collapsed group opens it.
  const groups = useMapGroups(graph, scope, params, setParams, result);
  const { reveal } = groups;
  const stakeholderById = useMemo(() => new Map(graph.stakeholders.map((s) => [s.id, s])), [graph]);
  const select = useCallback(
    (id: string | null) => setParams({ selected: id, flow: null, ...reveal(id) }),
    [setParams, reveal],
  );
  const selectFlow = useCallback(
    (id: string) => {
      const f = graph.flows.find((x) => x.id === id);
      setParams({ flow: id, selected: null, ...reveal(f?.from ?? null, f?.to ?? null) });
    },
    [graph, setParams, reveal],
  );
  const live = useLiveMarks(graph);

  const selected = graph.stakeholders.find((s) => s.id === params.selected);
  const selectedFlow = selected ? undefined : graph.flows.find((f) => f.id === params.flow);
  const readOnly = user?.role === 'ncp' ? readOnlyReason(user, 'edit', country, countryNames) : null;

  // The canvas's code (Cytoscape) is asked for once this screen has been painted (lazyParts.ts).
  const painted = useAfterPaint();
  const { exportError, exportAs } = useMapExport(canvasRef, `flow-atlas-${scope === 'region' ? 'region' : country}`);

  return (
    <div className="map-layout">
      <div className="map-main">
        <MapToolbar
          scope={scope}
          onScope={(next) => setParams({ scope: next === 'region' ? 'region' : null })}
          countryName={countryName}
          layout={layout}
          onLayout={(next) => setParams({ layout: next === 'fcose' ? null : next })}
          groupBy={scope === 'country' ? (groups.by ?? 'none') : null}
          onGroupBy={(by) => setParams({ group: by, open: null, selectedGroup: null })}
          stakeholders={graph.stakeholders}
          query={params.q ?? ''}
          onQuery={(q) => setParams({ q: q || null }, { replace: true })}
          onPick={(id) => {
            setParams({ selected: id, flow: null, ...reveal(id) });
            canvasRef.current?.centreOn(id);
          }}
          showTable={showTable}
          onToggleTable={() => setShowTable((v) => !v)}
          mayEdit={mayEdit}
          editMode={editMode}
          onToggleEdit={() => {
            edit.setStatus(null);
            setParams({ edit: editMode ? null : '1' });
          }}
          readOnly={readOnly}
          onExport={(kind) => void exportAs(kind)}
        />
        {editMode && (
          <EditBar
            graph={graph}
            interviewId={params.interview}
            onAddStakeholder={() => setRequest({ type: 'create', kind: 'stakeholder', preset: { country } })}
            onNewFlow={() =>
              setRequest({
                type: 'create',
                kind: 'flow',
                preset: { ...(selected ? { from: selected.id } : {}), ...linkPreset },
              })
            }
            onEndInterview={() => setParams({ interview: null })}
          />
        )}
        {exportError && (
          <p className="map-toolbar-error" role="alert">
            {exportError}
          </p>
        )}
        <div className="graph-area">
          <GraphInfo
            graph={graph}
            scope={scope}
            country={country}
            countryName={countryName}
            layout={layout}
            shownFlows={filtered ? result.flows.size : null}
            indicator={
              filters.indicator
                ? {
                    code: filters.indicator,
                    name: indicatorNames.get(filters.indicator),
                    cell,
                    loading: coverage.isPending,
                    error: coverage.error,
                  }
                : null
            }
            editStatus={edit.status}
          />
          <div className="graph-stage">
            {graph.stakeholders.length === 0 ? (
              <p className="state">This map has no stakeholders yet.</p>
            ) : painted ? (
              <Suspense fallback={CANVAS_LOADING}>
                <LazyGraphCanvas
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
                  focus={groups.canvas ? undefined : focus}
                  grouping={groups.canvas}
                  refitOn={focusKey}
                  overlayRef={panelRef}
                  drawMode={editMode}
                  onDrawFlow={edit.drawFlow}
                  live={live}
                />
              </Suspense>
            ) : (
              CANVAS_LOADING
            )}
            <ZoomControls canvasRef={canvasRef} />
          </div>
          <SelectionDetails
            panelRef={panelRef}
            graph={graph}
            stakeholder={selected}
            flow={selectedFlow}
            indicatorNames={indicatorNames}
            onSelect={select}
            onSelectFlow={selectFlow}
            onClose={close}
            onEditRequest={setRequest}
            linkPreset={linkPreset}
            editMode={editMode}
            user={user}
            country={country}
            countryNames={countryNames}
          />
          {groups.selectedGroup && groups.by && !selected && !selectedFlow && (
            <GroupDetails
              ref={panelRef}
              group={groups.selectedGroup}
              by={groups.by}
              byId={stakeholderById}
              hiddenFlows={graph.hidden?.flows}
              filtered={filtered}
              onToggle={groups.setOpen}
              onSelect={select}
              onClose={() => groups.selectGroup(null)}
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
      {request && (
        <Suspense fallback={null}>
          <LazyEditor
            request={request}
            context={editContext}
            onClose={(next) => setRequest(next ?? null)}
            onDone={edit.onEdited}
          />
        </Suspense>
      )}
      <MapSidebar
        groupList={
          groups.grouped && (
            <GroupList
              groups={groups.grouped.groups}
              selectedKey={groups.selectedGroup?.key ?? null}
              onSelect={groups.pickGroup}
            />
          )
        }
        loading={reference.isPending}
        reference={reference.data}
        filters={filters}
        onFilters={(next) => setParams(filtersToParams(next))}
        region={scope === 'region'}
        path={highlightFlows.length > 0}
        stakeholders={graph.stakeholders}
        selectedId={selected?.id ?? null}
        onSelect={select}
      />
    </div>
  );
}
