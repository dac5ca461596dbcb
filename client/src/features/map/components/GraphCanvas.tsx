// The Cytoscape graph of one country's map. This component owns the Cytoscape instance: it creates it
// for a graph, lays it out with fcose, mirrors the selection from React state and destroys it on unmount.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FlowAtlasTestHook } from '../../../testHook';
import type { GraphResponse } from '../api/types';
import { toElements } from '../elements';
import { mapStylesheet } from '../styles';

cytoscape.use(fcose);

const LAYOUT = {
  name: 'fcose',
  // "proof" cools slowly and is the only quality that counts labels in node sizes, which keeps long
  // institution names from piling up; on maps of a few dozen nodes it still takes well under a second.
  quality: 'proof',
  nodeDimensionsIncludeLabels: true,
  randomize: true,
  animate: false,
  fit: true,
  padding: 40,
  nodeSeparation: 120,
  nodeRepulsion: () => 20000,
  idealEdgeLength: () => 110,
  edgeElasticity: () => 0.35,
  gravity: 0.25,
  numIter: 2500,
  tile: true,
  packComponents: false,
} as cytoscape.LayoutOptions;

interface Props {
  graph: GraphResponse;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** An element drawn over the graph's right side (the details panel): a selected node is kept clear of it. */
  overlayRef?: RefObject<HTMLElement | null>;
}

const CLEARANCE = 48;

export function GraphCanvas({ graph, selectedId, onSelect, overlayRef }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const onSelectRef = useRef(onSelect);
  const [laidOut, setLaidOut] = useState(false);

  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      elements: toElements(graph),
      style: mapStylesheet,
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Selection is React state (selectedId), drawn with the "selected" class below.
      autounselectify: true,
    });
    cyRef.current = cy;
    setLaidOut(false);

    // Test hook (see testHook.ts): read-only, removed on unmount.
    let layoutDone = false;
    let layoutMs: number | null = null;
    const hook: FlowAtlasTestHook = Object.freeze({
      country: graph.country.code,
      get layoutDone() {
        return layoutDone;
      },
      get layoutMs() {
        return layoutMs;
      },
      nodeCount: () => cy.nodes().length,
      edgeCount: () => cy.edges().length,
      ncpNodes: () => cy.nodes('.ncp').map((n) => n.id()),
      nodePosition: (id: string) => {
        const node = cy.getElementById(id);
        if (node.empty()) return null;
        const p = node.renderedPosition();
        return { x: p.x, y: p.y };
      },
      selectedNode: () => {
        const selected = cy.nodes('.selected');
        return selected.empty() ? null : selected.first().id();
      },
    });
    window.__flowAtlas = hook;

    cy.on('tap', 'node', (event) => onSelectRef.current(event.target.id() as string));
    cy.on('tap', (event) => {
      if (event.target === cy) onSelectRef.current(null);
    });

    const started = performance.now();
    const layout = cy.layout(LAYOUT);
    layout.one('layoutstop', () => {
      if (cy.destroyed()) return;
      cy.fit(undefined, 40);
      layoutMs = Math.round(performance.now() - started);
      layoutDone = true;
      setLaidOut(true);
    });
    layout.run();

    const resize = new ResizeObserver(() => {
      if (!cy.destroyed()) cy.resize();
    });
    resize.observe(container);

    return () => {
      resize.disconnect();
      layout.stop();
      cy.destroy();
      cyRef.current = null;
      if (window.__flowAtlas === hook) delete window.__flowAtlas;
    };
  }, [graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('selected dimmed');
      if (selectedId === null) return;
      const node = cy.getElementById(selectedId);
      if (node.empty()) return;
      node.addClass('selected');
      cy.elements().not(node.closedNeighborhood()).addClass('dimmed');
    });
    // Pan the selected node out from under the details panel, if it is hidden there.
    const overlay = overlayRef?.current;
    const node = selectedId === null ? undefined : cy.getElementById(selectedId);
    if (laidOut && overlay && node && node.nonempty()) {
      const container = cy.container();
      const free = overlay.getBoundingClientRect().left - (container?.getBoundingClientRect().left ?? 0);
      const x = node.renderedPosition().x;
      if (x > free - CLEARANCE) cy.panBy({ x: free - CLEARANCE * 2 - x, y: 0 });
    }
  }, [graph, selectedId, laidOut, overlayRef]);

  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      role="img"
      aria-label={`Network graph of ${graph.country.name}: ${graph.stakeholders.length} stakeholders, ${graph.flows.length} information flows. Use the stakeholder list to explore it with a keyboard.`}
      data-layout={laidOut ? 'done' : 'running'}
    />
  );
}
