// The Cytoscape graph of a country's map or of the whole region, shared by the map, bottlenecks, plan
// and rounds views. This component owns the Cytoscape instance (made and laid out by canvasInstance.ts)
// and mirrors React state onto it: classes (canvasClasses.ts, pure), sizes and proposed flows. Controls
// reach it through the handle (fit, zoom, export; canvasViewport.ts).
import type cytoscape from 'cytoscape';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref, type RefObject } from 'react';
import type { MapGraph } from './api/types';
import { canvasClasses } from './canvasClasses';
import { applyClasses, drawAddedFlows, drawnGraph, mountCanvas, STYLED } from './canvasInstance';
import { centreOn, exportPng, exportSvg, fitView, keepClearOf, zoomBy } from './canvasViewport';
import type { ExtraFlow, Scope } from './elements';
import type { SavedLayout } from './keepPositions';
import type { LayoutName } from './layouts';
import { DEFAULT_MARK_SUFFIX, type DiffMark } from './styles';

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

const EMPTY: readonly string[] = [];

export function GraphCanvas(props: Props) {
  const {
    ref,
    graph,
    title,
    hookId,
    view = 'map',
    scope = 'country',
    layout = 'fcose',
    countryNames,
    selectedId = null,
    selectedFlowId = null,
    onSelect,
    onSelectFlow,
    visibleNodes,
    visibleFlows,
    mutedNodes,
    holders,
    sizeBy,
    marked = EMPTY,
    markSuffix = DEFAULT_MARK_SUFFIX,
    highlightNodes = EMPTY,
    highlightFlows = EMPTY,
    removedNodes = EMPTY,
    removedFlows = EMPTY,
    removedLook = 'faded',
    addedFlows,
    focus,
    overlayRef,
    diff,
    drawMode = false,
    onDrawFlow,
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
    const spec = { graph, scope, layout, countryNames, countryOrder, hookId, view };
    // Before the layout runs: a preset or fcose layout may finish (and set laidOut) inside mountCanvas.
    setLaidOut(false);
    setGeneration((g) => g + 1);
    const mounted = mountCanvas(container, spec, savedLayoutRef.current, {
      sizeBy: () => sizeByRef.current,
      focus: () => focusRef.current,
      drawMode: () => drawModeRef.current,
      autoFit: autoFitRef,
      onSelect: (id) => onSelectRef.current?.(id),
      onSelectFlow: (flowId) => onSelectFlowRef.current?.(flowId),
      onDrawFlow: (from, to) => onDrawFlowRef.current?.(from, to),
      onLaidOut: () => setLaidOut(true),
    });
    cyRef.current = mounted.cy;
    keptViewRef.current = mounted.keptView;
    return () => {
      savedLayoutRef.current = mounted.destroy() ?? savedLayoutRef.current;
      cyRef.current = null;
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
    drawAddedFlows(cy, addedFlows ?? []);
  }, [addedFlows, generation]);

  // Everything else that React state decides, drawn as classes and data on the current instance.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const drawn = canvasClasses(drawnGraph(cy), {
      visibleNodes,
      visibleFlows,
      mutedNodes,
      holders,
      marked,
      markSuffix,
      highlightNodes,
      highlightFlows,
      removedNodes,
      removedFlows,
      removedLook,
      diff,
      selectedId,
      selectedFlowId,
    });
    applyClasses(cy, drawn, sizeBy);
    cy.scratch(STYLED, true);
  }, [
    generation,
    addedFlows,
    selectedId,
    selectedFlowId,
    visibleNodes,
    visibleFlows,
    mutedNodes,
    holders,
    sizeBy,
    marked,
    markSuffix,
    highlightNodes,
    highlightFlows,
    removedNodes,
    removedFlows,
    removedLook,
    diff,
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
    keepClearOf(cy, selectedId, overlay);
  }, [generation, selectedId, laidOut, overlayRef]);

  useImperativeHandle(ref, () => {
    const drawnNow = () => {
      const cy = cyRef.current;
      if (!cy) throw new Error('The map is not drawn yet.');
      return cy;
    };
    return {
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
        zoomBy(cy, factor);
      },
      centreOn: (id: string) => {
        // After React has drawn the details panel this selection opens.
        requestAnimationFrame(() => {
          const cy = cyRef.current;
          if (cy && cy.getElementById(id).nonempty()) {
            autoFitRef.current = false;
            centreOn(cy, id, overlayRef?.current);
          }
        });
      },
      png: async () => await exportPng(drawnNow()),
      svg: async () => await exportSvg(drawnNow()),
    };
  }, [overlayRef]);

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
