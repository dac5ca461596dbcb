// The Cytoscape graph of a country's map or of the whole region, shared by the map, bottlenecks, plan
// and rounds views. This component owns the Cytoscape instance (made and laid out by canvasInstance.ts)
// and mirrors React state onto it: classes (canvasClasses.ts, pure), sizes and proposed flows. Controls
// reach it through the handle (fit, zoom, export; canvasViewport.ts).
import type cytoscape from 'cytoscape';
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { canvasClasses } from './canvasClasses';
import { applyLive } from './canvasLive';
import { applyClasses, drawAddedFlows, drawnGraph, mountCanvas, STYLED } from './canvasInstance';
import { centreOn, exportPng, exportSvg, fitView, keepClearOf, zoomBy } from './canvasViewport';
import type { GraphCanvasHandle, GraphCanvasProps } from './graphCanvasProps';
import type { SavedLayout } from './keepPositions';
import { DEFAULT_MARK_SUFFIX } from './styles';
import { useCanvasGrouping } from './useCanvasGrouping';
import { setFlag } from './canvasFlags';
import { releaseLargeMap } from './largeMapLoad';

export type { GraphCanvasHandle };

const EMPTY: readonly string[] = [];

export function GraphCanvas(props: GraphCanvasProps) {
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
    live,
    refitOn,
    grouping,
  } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const onSelectRef = useRef(onSelect);
  const onSelectFlowRef = useRef(onSelectFlow);
  const drawModeRef = useRef(drawMode);
  const onDrawFlowRef = useRef(onDrawFlow);
  // Where the stakeholders were when the last instance was replaced (a saved edit brings a new graph).
  const savedLayoutRef = useRef<SavedLayout | null>(null);
  // Set when an instance restored the view it replaced (after an edit or a live change): the view stays as the
  // person left it, and a selection already kept clear of the details panel is not panned to again.
  const keptViewRef = useRef(false);
  const clearOfRef = useRef<string | null>(null);
  // Read when a graph is first laid out (so the layout makes room for the nodes' real sizes and the first
  // fit frames the focus) and on resize.
  const sizeByRef = useRef(sizeBy);
  const focusRef = useRef(focus);
  // While the person has not zoomed or panned, the whole graph stays fitted when the canvas changes size
  // (a flows table or a what-if answer opening below it).
  const autoFitRef = useRef(true);
  // Bumped each time a new Cytoscape instance is made, so the effects below redraw onto it.
  const [generation, setGeneration] = useState(0);
  const [laidOut, setLaidOut] = useState(false);
  // A grouped map (the map's Group by): its drawing, kept for a new instance and redrawn in place.
  const groups = useCanvasGrouping(cyRef, graph, grouping, generation);

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
    // Before the layout runs: a preset layout may finish (and set laidOut) inside mountCanvas; the force layout comes from the worker later.
    setLaidOut(false);
    setGeneration((g) => g + 1);
    const mounted = mountCanvas(container, spec, groups.live.grouped() ? null : savedLayoutRef.current, {
      sizeBy: () => sizeByRef.current,
      focus: () => focusRef.current,
      drawMode: () => drawModeRef.current,
      autoFit: autoFitRef,
      onSelect: (id) => onSelectRef.current?.(id),
      onSelectFlow: (flowId) => onSelectFlowRef.current?.(flowId),
      onDrawFlow: (from, to) => onDrawFlowRef.current?.(from, to),
      onLaidOut: () => setLaidOut(true),
      grouping: groups.live,
    });
    cyRef.current = mounted.cy;
    keptViewRef.current = mounted.keptView;
    return () => {
      savedLayoutRef.current = mounted.destroy() ?? savedLayoutRef.current;
      cyRef.current = null;
    };
  }, [graph, scope, layout, countryNames, countryOrder, hookId, view, groups.places, groups.live]);

  // Edit mode: stakeholders cannot be moved by dragging (a drag from one draws a flow instead).
  useEffect(() => {
    cyRef.current?.autoungrabify(drawMode);
  }, [drawMode, generation]);

  // Proposed flows come and go without laying the graph out again (on a large map, once it is in).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    drawAddedFlows(cy, addedFlows ?? []);
  }, [addedFlows, generation, laidOut]);

  // Everything else that React state decides, drawn as classes and data on the current instance (again
  // once laid out: a large map's flows are added while it is laid out).
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
    setFlag(cy, STYLED, true);
    releaseLargeMap(cy);
  }, [
    generation,
    laidOut,
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
    groups.elements,
  ]);

  // Live marks, on the current instance (a live change brings a new one) once laid out (a large map's flows come late).
  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container || !live) return;
    return applyLive(cy, container, live);
  }, [live, generation, laidOut]);

  // A new focus (the filters changed: `refitOn` when given) is framed at once. A new instance frames itself once
  // laid out (mountCanvas), or keeps the view of the one it replaced: new data alone never moves the view.
  const fitKey = refitOn ?? focus;
  const fitKeyRef = useRef(fitKey);
  useEffect(() => {
    const cy = cyRef.current;
    if (fitKeyRef.current === fitKey) return;
    fitKeyRef.current = fitKey;
    if (!cy || !laidOut) return;
    fitView(cy, focusRef.current);
    autoFitRef.current = true;
  }, [fitKey, laidOut]);

  // Pan the selected node out from under the details panel, if it is hidden there (once per selection: not again
  // on an instance that kept the view).
  useEffect(() => {
    const cy = cyRef.current;
    const overlay = overlayRef?.current;
    if (selectedId === null) clearOfRef.current = null;
    if (!cy || !laidOut || !overlay || selectedId === null) return;
    if (keptViewRef.current && clearOfRef.current === selectedId) return;
    clearOfRef.current = selectedId;
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
