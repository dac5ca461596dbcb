// The layout of a small map's sketch: a headless Cytoscape with fcose, run in the layout worker
// (sketch.worker.ts) so the page never waits for it. fcose draws random numbers; they come from a
// fixed seed while it runs, so the same map gives the same picture on every load.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { boxOf, seededRandom, type Sketch, type SketchInput } from './sketch';

cytoscape.use(fcose);

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

const SEED = 18;

/** Runs `work` with Math.random drawing from a fixed seed (the layout runs synchronously). */
function withSeed<T>(work: () => T): T {
  const saved = Math.random;
  Math.random = seededRandom(SEED);
  try {
    return work();
  } finally {
    Math.random = saved;
  }
}

export function layoutSketch(input: SketchInput): Sketch {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 18, height: 18 } }],
    elements: [
      ...input.nodes.map((s) => ({ group: 'nodes' as const, data: { id: s.id } })),
      ...input.edges.map((e) => ({ group: 'edges' as const, data: { id: `e:${e.id}`, source: e.from, target: e.to } })),
    ],
  });
  if (input.nodes.length > 1) withSeed(() => cy.layout(LAYOUT).run());
  const nodes = input.nodes.map((s) => ({ ...s, ...cy.getElementById(s.id).position() }));
  cy.destroy();
  return { kind: 'nodes', nodes, edges: input.edges, box: boxOf(nodes) };
}
