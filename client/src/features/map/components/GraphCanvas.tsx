// The Cytoscape graph of one country's map. This component owns the Cytoscape instance: it creates it
// for a graph, lays it out with fcose, mirrors the selection from React state and destroys it on unmount.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useState } from 'react';
import type { GraphResponse } from '../api/types';
import { toElements } from '../elements';
import { mapStylesheet } from '../styles';

cytoscape.use(fcose);

/**
 * Test hook, read-only: lets the end-to-end tests (tests/e2e) see what the canvas drew, since a
 * canvas has no DOM to query. Set while a graph is mounted; it is part of the production build on
 * purpose, because the tests run against that build.
 */
export interface FlowAtlasTestHook {
  /** Country code of the graph on screen. */
  readonly country: string;
  /** True once the fcose layout has finished and the view is fitted. */
  readonly layoutDone: boolean;
  /** Milliseconds the layout took, once done. */
  readonly layoutMs: number | null;
  nodeCount(): number;
  edgeCount(): number;
  /** Ids of the nodes drawn as the NCP. */
  ncpNodes(): string[];
  /** A node's position in CSS pixels relative to the graph container, or null if absent. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Id of the node drawn as selected, or null. */
  selectedNode(): string | null;
}

declare global {
  interface Window {
    __flowAtlas?: FlowAtlasTestHook;
  }
}

const LAYOUT = {
  name: 'fcose',
  quality: 'default',
  randomize: true,
  animate: false,
  fit: true,
  padding: 40,
  nodeSeparation: 110,
  nodeRepulsion: () => 12000,
  idealEdgeLength: () => 130,
  edgeElasticity: () => 0.4,
  gravity: 0.3,
  numIter: 2500,
  tile: true,
  packComponents: false,
} as cytoscape.LayoutOptions;

interface Props {
  graph: GraphResponse;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

export function GraphCanvas({ graph, selectedId, onSelect }: Props) {
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
      selectedNode: () => cy.nodes('.selected').first().id() ?? null,
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
  }, [graph, selectedId, laidOut]);

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
