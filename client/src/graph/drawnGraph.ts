// The graph drawn on a Cytoscape instance as canvasClasses.ts reads it (its stakeholders, flows and boxes), kept per
// instance until an element is added or removed.
import type cytoscape from 'cytoscape';
import type { DrawnGraph } from './canvasClasses';
import { groupMembers } from './plainBoxes';

/** Each instance's drawn graph, made again once an element is added or removed (a proposed flow, a large map's slice). */
const drawnGraphs = new WeakMap<cytoscape.Core, DrawnGraph>();
const watched = new WeakSet<cytoscape.Core>();

/**
 * The drawn graph as canvasClasses reads it, kept per instance until its elements change: read again on every change
 * of state (a what-if, a selection), it took a third of a what-if's task on a large map (4,500 flows' ends).
 */
export function drawnGraph(cy: cytoscape.Core): DrawnGraph {
  const known = drawnGraphs.get(cy);
  if (known) return known;
  if (!watched.has(cy)) {
    watched.add(cy);
    cy.on('add remove', () => drawnGraphs.delete(cy));
  }
  const drawn = readDrawnGraph(cy);
  drawnGraphs.set(cy, drawn);
  return drawn;
}

function readDrawnGraph(cy: cytoscape.Core): DrawnGraph {
  return {
    nodes: cy.nodes('[?stakeholder]').map((n) => ({ id: n.id(), baseLabel: n.data('baseLabel') as string })),
    // A grouped map's aggregated flows are not flows of the map: the state of the moment leaves them as they are.
    edges: cy.edges('[^aggregate]').map((e) => ({
      id: e.id(),
      flowId: e.data('flowId') as string,
      source: e.source().id(),
      target: e.target().id(),
      added: e.data('added') === true,
    })),
    groups: groupMembers(cy),
  };
}
