// Positions for the small sketch of a country's map: its own stakeholders and the active flows between
// them (what the comparison measures), laid out once by a headless Cytoscape with fcose and kept per
// graph, so that revisiting the view does not lay out again.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphResponse } from '../../graph/api/types';

cytoscape.use(fcose);

export interface SketchNode {
  id: string;
  name: string;
  sector: string;
  ncp: boolean;
  x: number;
  y: number;
}

export interface SketchEdge {
  id: string;
  from: string;
  to: string;
}

export interface Sketch {
  nodes: SketchNode[];
  edges: SketchEdge[];
  /** Bounds of the positions. */
  box: { x: number; y: number; w: number; h: number };
}

// A quick layout: sketches are small, labels are not drawn, so "default" quality is plenty.
const LAYOUT = {
  name: 'fcose',
  quality: 'default',
  randomize: true,
  animate: false,
  fit: false,
  nodeRepulsion: () => 6000,
  idealEdgeLength: () => 60,
  nodeSeparation: 60,
  gravity: 0.4,
  tile: true,
} as cytoscape.LayoutOptions;

const cache = new WeakMap<GraphResponse, Sketch>();

export function sketchOf(graph: GraphResponse): Sketch {
  const cached = cache.get(graph);
  if (cached) return cached;
  const own = graph.stakeholders.filter((s) => !s.external);
  const ids = new Set(own.map((s) => s.id));
  const edges = graph.flows
    .filter((f) => f.status === 'active' && ids.has(f.from) && ids.has(f.to) && f.from !== f.to)
    .map((f) => ({ id: f.id, from: f.from, to: f.to }));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 18, height: 18 } }],
    elements: [
      ...own.map((s) => ({ group: 'nodes' as const, data: { id: s.id } })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { id: `e:${e.id}`, source: e.from, target: e.to } })),
    ],
  });
  if (own.length > 1) cy.layout(LAYOUT).run();
  const nodes = own.map((s) => {
    const p = cy.getElementById(s.id).position();
    return { id: s.id, name: s.name, sector: s.sector, ncp: s.ncp, x: p.x, y: p.y };
  });
  cy.destroy();
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const x = xs.length ? Math.min(...xs) : 0;
  const y = ys.length ? Math.min(...ys) : 0;
  const sketch: Sketch = {
    nodes,
    edges,
    box: { x, y, w: (xs.length ? Math.max(...xs) : 0) - x, h: (ys.length ? Math.max(...ys) : 0) - y },
  };
  cache.set(graph, sketch);
  return sketch;
}
