// One Cytoscape instance of GraphCanvas: made for a graph, scope and layout, laid out (keeping the
// stakeholders' places after an edit), fitted, listened to, published to the test hook; and taken down.
// What React state draws onto it afterwards (classes, sizes, proposed flows) is GraphCanvas's job.
import cytoscape from 'cytoscape';
import { rendererOption } from '../lib/renderer';
import type { MapGraph } from './api/types';
import { STATE_CLASSES, type DrawnClasses } from './canvasClasses';
import { canvasTestHook } from './canvasTestHook';
import { attachLabels, LOADING, refreshLabels } from './canvasLabels';
import { LAYOUT_ASKED_EARLY, presetPositions, runLayout, WORKER_LAYOUT_ABOVE } from './canvasLayout';
import { fitView } from './canvasViewport';
import { attachFlowDrawing } from './drawFlow';
import { edgeId, toElements, type ExtraFlow, type Scope } from './elements';
import { attachGroupClicks, positionsOf, type GroupedLive } from './canvasGroups';
import { groupStylesheet } from './groupStyles';
import { positionsFrom, saveLayout, type SavedLayout } from './keepPositions';
import { attachEdgeDetail, sketched } from './edgeDetail';
import { loadLargeMap } from './largeMapLoad';
import { attachBoxFollow } from './plainBoxes';
import { layoutAsked, layoutOf } from './layoutWorker';
import type { LayoutName } from './layouts';
import { largeMapStylesheet, mapStylesheet, SIZE_MAX, SIZE_MIN } from './styles';
import { flagOf, setFlag } from './canvasFlags';

/** Above this many elements the map trades drawing detail during pan and zoom for smoothness. */
const LARGE_MAP_ELEMENTS = 3000;
/** Flag (canvasFlags.ts) set once the state of the moment has been drawn onto an instance. */
export const STYLED = '_flowAtlasStyled';

export interface CanvasSpec {
  graph: MapGraph;
  scope: Scope;
  layout: LayoutName;
  countryNames: ReadonlyMap<string, string> | undefined;
  countryOrder: readonly string[];
  hookId: string;
  view: 'map' | 'bottlenecks' | 'plan' | 'rounds';
}

/** What the instance reads from the component as it is at the moment of each event. */
export interface CanvasLive {
  sizeBy: () => Readonly<Record<string, number>> | undefined;
  focus: () => ReadonlySet<string> | undefined;
  drawMode: () => boolean;
  /** While true, the view is fitted again when the canvas changes size; a wheel or a press sets it false. */
  autoFit: { current: boolean };
  onSelect: (id: string | null) => void;
  onSelectFlow: (flowId: string) => void;
  onDrawFlow: (from: string, to: string) => void;
  onLaidOut: () => void;
  /** A grouped map (useCanvasGrouping.ts): drawn from its elements, at their places. */
  grouping?: GroupedLive;
}

export interface MountedCanvas {
  cy: cytoscape.Core;
  /** True when it took over the view of the instance it replaced (its first layout is not followed by a fit). */
  keptView: boolean;
  /** Takes the instance down; answers where the stakeholders were if it had been laid out. */
  destroy: () => SavedLayout | null;
}

/** Node sizes from values: square-root scale from SIZE_MIN (0) to SIZE_MAX (the largest value). */
function sizer(sizeBy: Readonly<Record<string, number>>): (id: string) => number {
  const max = Math.max(0, ...Object.values(sizeBy));
  return (id) => Math.round(SIZE_MIN + (max > 0 ? Math.sqrt((sizeBy[id] ?? 0) / max) : 0) * (SIZE_MAX - SIZE_MIN));
}

/** The stakeholders' definitions with their sizes (a large map is sized before it is added, not restyled after). */
function withSizes(
  elements: readonly cytoscape.ElementDefinition[],
  sizeBy: Readonly<Record<string, number>> | undefined,
): cytoscape.ElementDefinition[] {
  if (!sizeBy) return [...elements];
  const sizeOf = sizer(sizeBy);
  return elements.map((e) =>
    e.data.stakeholder === true ? { ...e, data: { ...e.data, size: sizeOf(e.data.id ?? '') } } : e,
  );
}

/** Sizes the drawn stakeholders by `sizeBy` (unsized without it). */
export function applySizes(cy: cytoscape.Core, sizeBy: Readonly<Record<string, number>> | undefined): void {
  const sizeOf = sizeBy ? sizer(sizeBy) : null;
  cy.nodes('[?stakeholder]').forEach((n) => {
    if (sizeOf) {
      const size = sizeOf(n.id());
      if (n.data('size') !== size) n.data('size', size);
    } else if (n.data('size') !== undefined) {
      n.removeData('size');
    }
  });
}

export { drawnGraph } from './drawnGraph';

export function mountCanvas(
  container: HTMLElement,
  spec: CanvasSpec,
  saved: SavedLayout | null,
  live: CanvasLive,
): MountedCanvas {
  const { graph, scope, layout, hookId, view } = spec;
  const grouped = live.grouping?.grouped() ?? null;
  // Read before Cytoscape's first layout moves the nodes it is given.
  const groupedAt = grouped ? positionsOf(grouped) : null;
  // A large map is added a slice at a time (largeMapLoad.ts), so that no single task holds the page for long, and
  // drawn once; its sector boxes are plain nodes (plainBoxes.ts).
  const sliced = !grouped && graph.stakeholders.length + graph.flows.length > WORKER_LAYOUT_ABOVE;
  const elements = grouped ?? toElements(graph, { scope, layout, countryNames: spec.countryNames, plainBoxes: sliced });
  // Large maps: while panning and zooming, draw a cached texture and leave edges out, so that
  // thousands of elements still move smoothly; the full drawing returns when the view rests.
  const large = elements.length > LARGE_MAP_ELEMENTS;
  // A grouped map draws few elements, but as many as the map once its groups are open.
  const stylesheet = sliced || graph.flows.length > WORKER_LAYOUT_ABOVE ? largeMapStylesheet : mapStylesheet;
  const cy = cytoscape({
    container,
    elements: sliced ? [] : elements,
    // Placed by runLayout or loadLargeMap: Cytoscape's own first layout (a grid) would measure every label for nothing.
    layout: { name: 'null' },
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    style: grouped ? [...stylesheet, ...groupStylesheet] : stylesheet,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    // Selection is React state (selectedId), drawn with the "selected" class.
    autounselectify: true,
    ...rendererOption(),
  });
  applySizes(cy, live.sizeBy());
  const drawing = attachFlowDrawing(cy, container, { enabled: live.drawMode, onDraw: live.onDrawFlow });
  const labels = attachLabels(cy, live.sizeBy);

  let layoutDone = false;
  let layoutMs: number | null = null;
  let framesBeforeLaidOut: number | null = null;
  // Frames Cytoscape drew with elements in them (not the empty canvas, which it may draw again when it is resized).
  let framesWithElements = 0;
  cy.on('render', () => {
    const drawn = (cy as unknown as { renderer: () => { cachedZSortedEles?: unknown[] } }).renderer().cachedZSortedEles;
    if (drawn && drawn.length > 0) framesWithElements++;
  });
  const hook = canvasTestHook(cy, {
    hookId,
    view,
    layout,
    layoutDone: () => layoutDone && flagOf(cy, STYLED) === true,
    layoutMs: () => layoutMs,
    framesBeforeLaidOut: () => framesBeforeLaidOut,
    editMode: live.drawMode,
    ghost: () => drawing.ghost(),
    labelBoxes: () => labels.boxes(),
  });
  window.__flowAtlas = hook;

  cy.on('tap', 'node[?stakeholder]', (event) => live.onSelect((event.target as cytoscape.NodeSingular).id()));
  cy.on('tap', 'edge[^added][^aggregate]', (event) =>
    live.onSelectFlow((event.target as cytoscape.EdgeSingular).data('flowId') as string),
  );
  cy.on('tap', (event) => {
    if (event.target === cy) live.onSelect(null);
  });
  if (grouped && live.grouping) attachGroupClicks(cy, live.grouping.onGroup);
  attachBoxFollow(cy);
  const detachDetail = sliced ? attachEdgeDetail(cy) : () => undefined;

  const started = performance.now();
  // After an edit or a live change (a new graph of the same map), the stakeholders keep their places (those the
  // person dragged too) and the view its zoom and pan, whatever the layout; new ones go beside their neighbours, or
  // where a computed layout puts them.
  const layoutKey = `${view}|${hookId}|${scope}|${layout}${grouped ? '|grouped' : ''}`;
  const size = { width: container.clientWidth, height: container.clientHeight };
  const ids = graph.stakeholders.map((s) => s.id);
  const keeps = view === 'map' && saved?.key === layoutKey;
  const anchors = keeps ? presetPositions(graph, scope, layout, spec.countryOrder) : null;
  const kept = keeps ? positionsFrom(saved, layoutKey, ids, graph.flows, size, anchors) : null;
  const keptView = kept ? saved : null;
  const fixed = groupedAt ?? kept;
  // True while mountCanvas runs: a layout done later (a large map's, or the force layout from the worker) is placed
  // after GraphCanvas drew the state of the moment onto the instance.
  let mounting = true;
  const placed = () => {
    // Placed later than mounted, the classes (and proposed flows) are drawn again once laid out (GraphCanvas, on
    // laidOut): the hook waits for them.
    if (sliced || !mounting) setFlag(cy, STYLED, undefined);
    if (keptView) cy.viewport({ zoom: keptView.zoom, pan: keptView.pan });
    else fitView(cy, live.focus());
    layoutMs = Math.round(performance.now() - started);
    framesBeforeLaidOut = framesWithElements;
    layoutDone = true;
    // A large map's labels are chosen with the state of the moment, before it is first drawn (GraphCanvas).
    if (!sliced) labels.refresh();
    live.onLaidOut();
  };
  if (sliced && scope === 'country' && layoutAsked(graph)) setFlag(cy, LAYOUT_ASKED_EARLY, true);
  const layoutSpec = { graph, scope, layout, countryOrder: spec.countryOrder };
  const run = sliced
    ? loadLargeMap(
        cy,
        sketched(withSizes(elements, live.sizeBy())),
        Promise.resolve(fixed ?? presetPositions(graph, scope, layout, spec.countryOrder)).then((positions) =>
          positions ? { positions, inWorker: false } : layoutOf(graph, scope, spec.countryOrder),
        ),
        placed,
      )
    : runLayout(cy, layoutSpec, fixed, placed);
  mounting = false;

  live.autoFit.current = !keptView;
  const resize = new ResizeObserver(() => {
    if (cy.destroyed()) return;
    cy.resize();
    if (live.autoFit.current && layoutDone) fitView(cy, live.focus());
  });
  resize.observe(container);
  const manual = () => {
    live.autoFit.current = false;
  };
  container.addEventListener('wheel', manual, { passive: true });
  container.addEventListener('pointerdown', manual);

  return {
    cy,
    keptView: keptView !== null,
    destroy: () => {
      resize.disconnect();
      container.removeEventListener('wheel', manual);
      container.removeEventListener('pointerdown', manual);
      run.stop();
      const savedNow = layoutDone ? saveLayout(cy, layoutKey) : null;
      drawing.detach();
      labels.detach();
      detachDetail();
      cy.destroy();
      if (window.__flowAtlas === hook) delete window.__flowAtlas;
      return savedNow;
    },
  };
}

const STATE_LIST = STATE_CLASSES.split(' ');

/**
 * Sets an element's state classes to `wanted` (the others of STATE_CLASSES removed), touching it only if they
 * differ: Cytoscape restyles every element a class is added to or removed from (a removal counts even when the
 * class was not there), and a map may have thousands.
 */
function setStateClasses(ele: cytoscape.SingularElementArgument, wanted: readonly string[] | undefined): void {
  const want = wanted ?? [];
  const drop = STATE_LIST.filter((c) => ele.hasClass(c) && !want.includes(c));
  const add = want.filter((c) => !ele.hasClass(c));
  if (drop.length > 0) ele.removeClass(drop.join(' '));
  if (add.length > 0) ele.addClass(add.join(' '));
}

/** Applies what canvasClasses decided (and the sizes) to the instance, restyling only what changed. */
export function applyClasses(
  cy: cytoscape.Core,
  drawn: DrawnClasses,
  sizeBy: Readonly<Record<string, number>> | undefined,
): void {
  // A large map being loaded is drawn with the state of the moment once it is in (largeMapLoad.ts).
  if (flagOf(cy, LOADING) === true) return;
  cy.batch(() => {
    applySizes(cy, sizeBy);
    cy.nodes().forEach((n) => {
      if (n.data('stakeholder') !== true) {
        setStateClasses(n, drawn.hiddenGroups.has(n.id()) ? ['hidden'] : undefined);
        return;
      }
      const node = drawn.nodes.get(n.id());
      if (node && n.data('label') !== node.label) n.data('label', node.label);
      setStateClasses(n, node?.classes);
    });
    cy.edges().forEach((e) => setStateClasses(e, drawn.edges.get(e.id())));
  });
  refreshLabels(cy);
}

/** Proposed flows (what-if): they come and go without laying the graph out again. */
export function drawAddedFlows(cy: cytoscape.Core, addedFlows: readonly ExtraFlow[]): void {
  if (flagOf(cy, LOADING) === true) return;
  cy.batch(() => {
    cy.edges('[?added]').remove();
    const drawn = (id: string) => cy.getElementById(id).nonempty();
    cy.add(
      addedFlows
        .filter((f) => drawn(f.from) && drawn(f.to))
        .map((f) => ({
          group: 'edges' as const,
          data: { id: edgeId(f.id), flowId: f.id, source: f.from, target: f.to, label: f.label ?? '', added: true },
          classes: 'added',
        })),
    );
  });
}
