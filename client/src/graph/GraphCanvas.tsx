// The Cytoscape graph of a country's map or of the whole region, shared by the map and bottlenecks
// views. This component owns the Cytoscape instance: it creates it for a graph, scope and layout, lays
// it out, and mirrors React state onto it as classes (filters, selection, highlighted path, sizes,
// marks, what-if removals and additions). Controls reach it through the handle (fit, zoom, export).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref, type RefObject } from 'react';
import { rendererOption } from '../lib/renderer';
import type { FlowAtlasTestHook } from '../testHook';
import type { MapGraph } from './api/types';
import { edgeId, FOREIGN_GROUP, toElements, type ExtraFlow, type Scope } from './elements';
import { fcoseOptions, ncpPositions, sectorPositions, type LayoutName, type LayoutNode } from './layouts';
import { attachFlowDrawing, type FlowDrawing } from './drawFlow';
import { positionsFrom, saveLayout, type SavedLayout } from './keepPositions';
import { DEFAULT_MARK_SUFFIX, DIFF_NODE_SUFFIX, mapStylesheet, REMOVED_SUFFIX, SIZE_MAX, SIZE_MIN, type DiffMark } from './styles';

cytoscape.use(fcose);

let svgRegistered = false;
async function ensureSvg(): Promise<void> {
  if (svgRegistered) return;
  const { default: svg } = await import('cytoscape-svg');
  if (!svgRegistered) cytoscape.use(svg);
  svgRegistered = true;
}

export interface GraphCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Centres a node in the free part of the canvas (left of the overlay), zooming in if far out. */
  centreOn(id: string): void;
  png(): Promise<Blob>;
  svg(): Promise<Blob>;
}

interface Props {
  ref?: Ref<GraphCanvasHandle>;
  graph: MapGraph;
  /** What the graph shows, for its accessible name: "Sweden", "the whole region". */
  title: string;
  /** `country` in the test hook: the country code, or "region". */
  hookId: string;
  view?: 'map' | 'bottlenecks' | 'plan' | 'rounds';
  scope?: Scope;
  layout?: LayoutName;
  /** Country code -> name, for the country boxes of the whole region. */
  countryNames?: ReadonlyMap<string, string>;
  selectedId?: string | null;
  selectedFlowId?: string | null;
  onSelect?: (id: string | null) => void;
  onSelectFlow?: (flowId: string) => void;
  /** Filters: the stakeholders and flows drawn (all when absent), those faded, the indicator's holders. */
  visibleNodes?: ReadonlySet<string>;
  visibleFlows?: ReadonlySet<string>;
  mutedNodes?: ReadonlySet<string>;
  holders?: ReadonlySet<string>;
  /** Node size by a value (betweenness): square-root scale from the smallest to the largest value. */
  sizeBy?: Readonly<Record<string, number>>;
  /** Nodes marked with a vermillion ring and a label suffix (single points of failure). */
  marked?: readonly string[];
  markSuffix?: string;
  /** A path to draw on top, everything else dimmed. */
  highlightNodes?: readonly string[];
  highlightFlows?: readonly string[];
  /** What-if: removed stakeholders and flows (and the flows touching removed stakeholders), faded or hidden. */
  removedNodes?: readonly string[];
  removedFlows?: readonly string[];
  removedLook?: 'faded' | 'hidden';
  /** What-if: proposed flows, drawn dashed and labelled. */
  addedFlows?: readonly ExtraFlow[];
  /** Rounds: stakeholders and flows (by flow id) drawn as added, removed or changed; the rest recedes. */
  diff?: { nodes: ReadonlyMap<string, DiffMark>; flows: ReadonlyMap<string, DiffMark> };
  /** Stakeholders to frame when fitting (what a filter leaves of interest); everything drawn when absent or empty. */
  focus?: ReadonlySet<string>;
  /** An element drawn over the graph's right side (the details panel): a selected node is kept clear of it. */
  overlayRef?: RefObject<HTMLElement | null>;
  /** Edit mode: nodes stay put, and dragging from one stakeholder to another draws a flow (`onDrawFlow`). */
  drawMode?: boolean;
  onDrawFlow?: (from: string, to: string) => void;
}

const CLEARANCE = 48;
const FIT_PADDING = 40;
/** Fitting a few nodes does not zoom in further than this. */
const MAX_FIT_ZOOM = 1.1;
const EXPORT_MAX_SIDE = 4000;
const EMPTY: readonly string[] = [];
/** Scratch key set once the classes effect has drawn React's state onto an instance. */
const STYLED = '_flowAtlasStyled';

function ncpByBlock(graph: MapGraph, scope: Scope): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of graph.stakeholders) {
    if (!s.ncp || s.external) continue;
    map.set(scope === 'region' ? s.country : 'map', s.id);
  }
  return map;
}

/** Fixed positions for the computed layouts; null for fcose. */
function presetPositions(graph: MapGraph, scope: Scope, layout: LayoutName, countryOrder: readonly string[]) {
  if (layout === 'fcose') return null;
  const nodes: LayoutNode[] = graph.stakeholders.map((s) => ({
    id: s.id,
    block: scope === 'region' ? s.country : 'map',
    sector: scope === 'country' && s.external ? FOREIGN_GROUP : s.sector,
    name: s.name,
  }));
  if (layout === 'sector') return sectorPositions(nodes, countryOrder);
  // Hops along the flows that run now (active), whichever filters are on.
  const edges = graph.flows.filter((f) => f.status === 'active');
  const ncps = ncpByBlock(graph, scope);
  return ncpPositions(nodes, edges, (block) => ncps.get(block) ?? null, countryOrder);
}

/** Fits the focused stakeholders (or everything drawn) into view. */
function fitView(cy: cytoscape.Core, focus: ReadonlySet<string> | undefined): void {
  const focused = focus && focus.size > 0 ? cy.nodes('[?stakeholder]').filter((n) => focus.has(n.id())) : cy.collection();
  const target = focused.nonempty() ? focused : cy.elements().not('.hidden');
  cy.fit(target, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(target);
  }
}

/** Node sizes from values: square-root scale from SIZE_MIN (0) to SIZE_MAX (the largest value). */
function applySizes(cy: cytoscape.Core, sizeBy: Readonly<Record<string, number>> | undefined): void {
  const max = Math.max(0, ...Object.values(sizeBy ?? {}));
  cy.nodes('[?stakeholder]').forEach((n) => {
    if (sizeBy) {
      const value = sizeBy[n.id()] ?? 0;
      n.data('size', Math.round(SIZE_MIN + (max > 0 ? Math.sqrt(value / max) : 0) * (SIZE_MAX - SIZE_MIN)));
    } else if (n.data('size') !== undefined) {
      n.removeData('size');
    }
  });
}

/** Above this many elements the map trades drawing detail during pan and zoom for smoothness. */
const LARGE_MAP_ELEMENTS = 3000;

export function GraphCanvas(props: Props) {
  const {
    ref, graph, title, hookId, view = 'map', scope = 'country', layout = 'fcose', countryNames, selectedId = null,
    selectedFlowId = null, onSelect, onSelectFlow, visibleNodes, visibleFlows, mutedNodes, holders, sizeBy,
    marked = EMPTY, markSuffix = DEFAULT_MARK_SUFFIX, highlightNodes = EMPTY, highlightFlows = EMPTY,
    removedNodes = EMPTY, removedFlows = EMPTY, removedLook = 'faded', addedFlows, focus, overlayRef, diff,
    drawMode = false, onDrawFlow,
  } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const onSelectRef = useRef(onSelect);
  const onSelectFlowRef = useRef(onSelectFlow);
  const drawModeRef = useRef(drawMode);
  const onDrawFlowRef = useRef(onDrawFlow);
  // Where the stakeholders were when the last instance was replaced (a saved edit brings a new graph).
  const savedLayoutRef = useRef<SavedLayout | null>(null);
  // Set when an instance restored the view it replaced: its first layout is not followed by a fit.
  const keptViewRef = useRef(false);
  // Read when a graph is first laid out (so fcose makes room for the nodes' real sizes and the first
  // fit frames the focus) and on resize.
  const sizeByRef = useRef(sizeBy);
  const focusRef = useRef(focus);
  // While the person has not zoomed or panned, the whole graph stays fitted when the canvas changes size
  // (a flows table or a what-if answer opening below it).
  const autoFitRef = useRef(true);
  // Bumped each time a new Cytoscape instance is made, so the effects below redraw onto it.
  const [generation, setGeneration] = useState(0);
  const [laidOut, setLaidOut] = useState(false);

  // Declared before the effect that makes the instance, so it sees this render's values.
  useEffect(() => {
    onSelectRef.current = onSelect;
    onSelectFlowRef.current = onSelectFlow;
    drawModeRef.current = drawMode;
    onDrawFlowRef.current = onDrawFlow;
    sizeByRef.current = sizeBy;
    focusRef.current = focus;
  }, [onSelect, onSelectFlow, sizeBy, focus, drawMode, onDrawFlow]);

  const countryOrder = useMemo(() => [...(countryNames?.keys() ?? [])], [countryNames]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const elements = toElements(graph, { scope, layout, countryNames });
    // Large maps: while panning and zooming, draw a cached texture and leave edges out, so that
    // thousands of elements still move smoothly; the full drawing returns when the view rests.
    const large = elements.length > LARGE_MAP_ELEMENTS;
    const cy = cytoscape({
      container,
      elements,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      style: mapStylesheet,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Selection is React state (selectedId), drawn with the "selected" class.
      autounselectify: true,
      ...rendererOption(),
    });
    cyRef.current = cy;
    applySizes(cy, sizeByRef.current);
    setLaidOut(false);
    setGeneration((g) => g + 1);
    const drawing: FlowDrawing = attachFlowDrawing(cy, container, {
      enabled: () => drawModeRef.current,
      onDraw: (from, to) => onDrawFlowRef.current?.(from, to),
    });

    // Test hook (see testHook.ts): read-only, removed on unmount.
    let layoutDone = false;
    let layoutMs: number | null = null;
    const stakeholders = () => cy.nodes('[?stakeholder]');
    const flowEdges = () => cy.edges('[^added]');
    const visibleEdges = () => cy.edges('[^added]').not('.hidden');
    const rendered = (p: cytoscape.Position) => ({ x: p.x, y: p.y });
    const hook: FlowAtlasTestHook = Object.freeze({
      country: hookId,
      view,
      layout,
      // Laid out, and the state of the moment (filters, marks, selection) drawn onto this instance.
      get layoutDone() {
        return layoutDone && cy.scratch(STYLED) === true;
      },
      get layoutMs() {
        return layoutMs;
      },
      nodeCount: () => stakeholders().length,
      edgeCount: () => flowEdges().length,
      visibleNodeCount: () => stakeholders().not('.hidden').length,
      visibleEdgeCount: () => visibleEdges().length,
      visibleFlows: () => visibleEdges().map((e) => e.data('flowId') as string),
      crossBorderEdgeCount: () => visibleEdges().filter((e) => e.data('crossBorder') === true).length,
      groups: () =>
        cy.nodes('.group').map((n) => ({ id: n.id(), label: n.data('label') as string, children: n.children('[?stakeholder]').length })),
      ncpNodes: () => cy.nodes('.ncp').map((n) => n.id()),
      nodePosition: (id: string) => {
        const node = cy.getElementById(id);
        return node.empty() ? null : rendered(node.renderedPosition());
      },
      edgeMidpoint: (flowId: string) => {
        const edge = cy.getElementById(edgeId(flowId));
        return edge.empty() || edge.hasClass('hidden') ? null : rendered(edge.renderedMidpoint());
      },
      nodeLabel: (id: string) => {
        const node = cy.getElementById(id);
        return node.empty() ? null : (node.data('label') as string);
      },
      nodeSize: (id: string) => {
        const node = cy.getElementById(id);
        return node.empty() ? null : node.width();
      },
      selectedNode: () => {
        const selected = cy.nodes('.selected');
        return selected.empty() ? null : selected.first().id();
      },
      selectedFlow: () => {
        const selected = cy.edges('.selected');
        return selected.empty() ? null : (selected.first().data('flowId') as string);
      },
      highlighted: () => ({
        nodes: cy.nodes('.path').map((n) => n.id()),
        flows: cy.edges('.path').map((e) => e.data('flowId') as string),
      }),
      marked: () => cy.nodes('.marked').map((n) => n.id()),
      holders: () => cy.nodes('.holder').map((n) => n.id()),
      removed: () => ({
        nodes: cy.nodes('.removed').map((n) => n.id()),
        flows: cy.edges('.removed').map((e) => e.data('flowId') as string),
      }),
      added: () => cy.edges('[?added]').map((e) => ({ from: e.source().id(), to: e.target().id() })),
      diff: () => {
        const of = (mark: DiffMark) => ({
          nodes: cy.nodes(`.diff-${mark}`).map((n) => n.id()).sort(),
          flows: cy.edges(`.diff-${mark}`).map((e) => e.data('flowId') as string).sort(),
        });
        return { added: of('added'), removed: of('removed'), changed: of('changed') };
      },
      zoom: () => cy.zoom(),
      get editMode() {
        return drawModeRef.current;
      },
      ghost: () => drawing.ghost(),
    });
    window.__flowAtlas = hook;

    cy.on('tap', 'node[?stakeholder]', (event) => onSelectRef.current?.(event.target.id() as string));
    cy.on('tap', 'edge[^added]', (event) => onSelectFlowRef.current?.(event.target.data('flowId') as string));
    cy.on('tap', (event) => {
      if (event.target === cy) onSelectRef.current?.(null);
    });

    const started = performance.now();
    // After an edit (a new graph of the same map), the stakeholders keep their places and the view its zoom.
    const layoutKey = `${view}|${hookId}|${scope}|${layout}`;
    const kept = view === 'map' && layout === 'fcose'
      ? positionsFrom(savedLayoutRef.current, layoutKey, graph.stakeholders.map((s) => s.id), graph.flows, { width: container.clientWidth, height: container.clientHeight })
      : null;
    const keptView = kept ? savedLayoutRef.current : null;
    keptViewRef.current = keptView !== null;
    const positions = kept ?? presetPositions(graph, scope, layout, countryOrder);
    // In the whole region, each country is laid out on its own flows and the countries are packed
    // side by side; cross-border flows are drawn between the boxes but do not pull them on top of each other.
    const layoutEles = scope === 'region' ? cy.elements().not(cy.edges('[?crossBorder]')) : cy.elements();
    const run = positions
      ? cy.layout({ name: 'preset', positions, fit: !keptView, padding: FIT_PADDING } as cytoscape.LayoutOptions)
      : layoutEles.layout(fcoseOptions(scope, layoutEles.length));
    run.one('layoutstop', () => {
      if (cy.destroyed()) return;
      if (keptView) cy.viewport({ zoom: keptView.zoom, pan: keptView.pan });
      else fitView(cy, focusRef.current);
      layoutMs = Math.round(performance.now() - started);
      layoutDone = true;
      setLaidOut(true);
    });
    run.run();

    autoFitRef.current = !keptView;
    const resize = new ResizeObserver(() => {
      if (cy.destroyed()) return;
      cy.resize();
      if (autoFitRef.current && layoutDone) fitView(cy, focusRef.current);
    });
    resize.observe(container);
    const manual = () => {
      autoFitRef.current = false;
    };
    container.addEventListener('wheel', manual, { passive: true });
    container.addEventListener('pointerdown', manual);

    return () => {
      resize.disconnect();
      container.removeEventListener('wheel', manual);
      container.removeEventListener('pointerdown', manual);
      run.stop();
      if (layoutDone) savedLayoutRef.current = saveLayout(cy, layoutKey);
      drawing.detach();
      cy.destroy();
      cyRef.current = null;
      if (window.__flowAtlas === hook) delete window.__flowAtlas;
    };
  }, [graph, scope, layout, countryNames, countryOrder, hookId, view]);

  // Edit mode: stakeholders cannot be moved by dragging (a drag from one draws a flow instead).
  useEffect(() => {
    cyRef.current?.autoungrabify(drawMode);
  }, [drawMode, generation]);

  // Proposed flows come and go without laying the graph out again.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.edges('[?added]').remove();
      const drawn = (id: string) => cy.getElementById(id).nonempty();
      cy.add(
        (addedFlows ?? [])
          .filter((f) => drawn(f.from) && drawn(f.to))
          .map((f) => ({
            group: 'edges' as const,
            data: { id: edgeId(f.id), flowId: f.id, source: f.from, target: f.to, label: f.label ?? '', added: true },
            classes: 'added',
          })),
      );
    });
  }, [addedFlows, generation]);

  // Everything else that React state decides, drawn as classes and data on the current instance.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const markedSet = new Set(marked);
    const removedNodeSet = new Set(removedNodes);
    const removedFlowSet = new Set(removedFlows);
    const pathNodes = new Set(highlightNodes);
    const pathFlows = new Set(highlightFlows);
    cy.batch(() => {
      applySizes(cy, sizeBy);
      cy.elements().removeClass('hidden muted holder marked path path-dimmed dimmed selected removed diff-same diff-added diff-removed diff-changed');
      const nodes = cy.nodes('[?stakeholder]');
      const edges = cy.edges();
      nodes.forEach((n) => {
        const id = n.id();
        let label = n.data('baseLabel') as string;
        if (markedSet.has(id)) label += markSuffix;
        if (removedNodeSet.has(id)) label += REMOVED_SUFFIX;
        const nodeMark = diff?.nodes.get(id);
        if (nodeMark) label += DIFF_NODE_SUFFIX[nodeMark];
        n.data('label', label);
        if (diff) n.addClass(nodeMark ? `diff-${nodeMark}` : 'diff-same');
        if (visibleNodes && !visibleNodes.has(id)) n.addClass('hidden');
        if (mutedNodes?.has(id)) n.addClass('muted');
        if (holders?.has(id)) n.addClass('holder');
        if (markedSet.has(id)) n.addClass('marked');
        if (removedNodeSet.has(id)) n.addClass(removedLook === 'hidden' ? 'hidden' : 'removed');
      });
      edges.forEach((e) => {
        const flowId = e.data('flowId') as string;
        const added = e.data('added') === true;
        if (diff && !added) {
          const flowMark = diff.flows.get(flowId);
          e.addClass(flowMark ? `diff-${flowMark}` : 'diff-same');
        }
        if (!added && visibleFlows && !visibleFlows.has(flowId)) e.addClass('hidden');
        if (e.source().hasClass('hidden') || e.target().hasClass('hidden')) e.addClass('hidden');
        if (!added && (removedFlowSet.has(flowId) || removedNodeSet.has(e.source().id()) || removedNodeSet.has(e.target().id()))) {
          e.addClass(removedLook === 'hidden' ? 'hidden' : 'removed');
        }
      });

      cy.nodes('.group').forEach((g) => {
        if (g.descendants('[?stakeholder]').not('.hidden').empty()) g.addClass('hidden');
      });

      const highlighting = pathNodes.size > 0 || pathFlows.size > 0;
      if (highlighting) {
        nodes.filter((n) => pathNodes.has(n.id())).addClass('path');
        edges.filter((e) => pathFlows.has(e.data('flowId') as string)).addClass('path');
        // The rest stays readable (the filtered indicator's other flows, its holders), just quieter.
        nodes.not('.path').not('.holder').addClass('path-dimmed');
        edges.not('.path').addClass('path-dimmed');
      }

      // Selection: the node (or flow) and its neighbours stay; the rest dims, unless a path is shown.
      const node = selectedId === null ? cy.collection() : cy.getElementById(selectedId);
      const edge = selectedFlowId === null ? cy.collection() : cy.getElementById(edgeId(selectedFlowId));
      if (node.nonempty()) {
        node.addClass('selected');
        if (!highlighting) nodes.union(edges).not(node.closedNeighborhood()).addClass('dimmed');
      } else if (edge.nonempty()) {
        edge.addClass('selected');
        if (!highlighting) nodes.union(edges).not(edge.union(edge.connectedNodes())).addClass('dimmed');
      }
    });
    cy.scratch(STYLED, true);
  }, [
    generation, addedFlows, selectedId, selectedFlowId, visibleNodes, visibleFlows, mutedNodes, holders, sizeBy, marked, markSuffix,
    highlightNodes, highlightFlows, removedNodes, removedFlows, removedLook, diff,
  ]);

  // A new focus (the filters changed) is framed at once; so is the first one once laid out.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !laidOut) return;
    if (keptViewRef.current) {
      keptViewRef.current = false;
      return;
    }
    fitView(cy, focus);
    autoFitRef.current = true;
  }, [focus, laidOut]);

  // Pan the selected node out from under the details panel, if it is hidden there.
  useEffect(() => {
    const cy = cyRef.current;
    const overlay = overlayRef?.current;
    if (!cy || !laidOut || !overlay || selectedId === null) return;
    const node = cy.getElementById(selectedId);
    if (node.empty()) return;
    const container = cy.container();
    const free = overlay.getBoundingClientRect().left - (container?.getBoundingClientRect().left ?? 0);
    const x = node.renderedPosition().x;
    if (x > free - CLEARANCE) cy.panBy({ x: free - CLEARANCE * 2 - x, y: 0 });
  }, [generation, selectedId, laidOut, overlayRef]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        fitView(cy, focusRef.current);
        autoFitRef.current = true;
      },
      zoomBy: (factor: number) => {
        const cy = cyRef.current;
        if (!cy) return;
        autoFitRef.current = false;
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      centreOn: (id: string) => {
        // After React has drawn the details panel this selection opens.
        requestAnimationFrame(() => {
          const cy = cyRef.current;
          if (!cy) return;
          const node = cy.getElementById(id);
          if (node.empty()) return;
          autoFitRef.current = false;
          if (cy.zoom() < 0.9) cy.zoom(0.9);
          const overlay = overlayRef?.current;
          const left = cy.container()?.getBoundingClientRect().left ?? 0;
          const free = overlay ? Math.max(120, overlay.getBoundingClientRect().left - left) : cy.width();
          const p = node.renderedPosition();
          cy.panBy({ x: free / 2 - p.x, y: cy.height() / 2 - p.y });
        });
      },
      png: async () => {
        const cy = cyRef.current;
        if (!cy) throw new Error('The map is not drawn yet.');
        // Sharp at twice the graph's own size, but no side over 4,000 px (the whole region is large).
        const box = cy.elements().not('.hidden').boundingBox();
        const scale = Math.min(2, EXPORT_MAX_SIDE / Math.max(box.w, box.h, 1));
        return cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff' });
      },
      svg: async () => {
        await ensureSvg();
        const cy = cyRef.current as (cytoscape.Core & { svg(options: object): string }) | null;
        if (!cy) throw new Error('The map is not drawn yet.');
        return new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' });
      },
    }),
    [overlayRef],
  );

  const own = graph.stakeholders.filter((s) => !s.external).length;
  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      role="img"
      aria-label={`Network graph of ${title}: ${own} stakeholders${graph.stakeholders.length > own ? ` and ${graph.stakeholders.length - own} foreign ones` : ''}, ${graph.flows.length} information flows. Use the stakeholder list and the flows table to explore it with a keyboard.`}
      data-layout={laidOut ? 'done' : 'running'}
    />
  );
}
