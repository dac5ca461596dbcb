// Keeping the map still across edits: when a saved edit brings a new graph, the stakeholders already
// drawn keep their places and the view its zoom and pan, and new stakeholders are placed next to
// what they are linked to (or in the middle of the view), instead of laying everything out anew.
import type cytoscape from 'cytoscape';

export interface SavedLayout {
  /** What the positions were drawn for (country, scope, layout): they are reused only for the same. */
  key: string;
  positions: ReadonlyMap<string, cytoscape.Position>;
  zoom: number;
  pan: cytoscape.Position;
}

export function saveLayout(cy: cytoscape.Core, key: string): SavedLayout {
  const positions = new Map<string, cytoscape.Position>();
  cy.nodes('[?stakeholder]').forEach((n) => {
    const p = n.position();
    positions.set(n.id(), { x: p.x, y: p.y });
  });
  const pan = cy.pan();
  return { key, positions, zoom: cy.zoom(), pan: { x: pan.x, y: pan.y } };
}

/** Distance (graph units) a new stakeholder keeps from the others. */
const GAP = 70;

/**
 * Positions for every stakeholder of a new graph from a saved layout: kept ones where they were, new
 * ones where the layout puts them (`anchors`: the computed layouts), else near their linked neighbours'
 * centre, else near the middle of the saved view, each nudged round a spiral until clear of the others.
 * Null when the saved layout does not fit this graph (another country or layout, or fewer than half of
 * the stakeholders known).
 */
export function positionsFrom(
  saved: SavedLayout | null,
  key: string,
  nodeIds: readonly string[],
  links: ReadonlyArray<{ from: string; to: string }>,
  viewport: { width: number; height: number },
  anchors?: Readonly<Record<string, cytoscape.Position>> | null,
): Record<string, cytoscape.Position> | null {
  if (!saved || saved.key !== key || nodeIds.length === 0) return null;
  const known = nodeIds.filter((id) => saved.positions.has(id));
  if (known.length < nodeIds.length / 2) return null;
  const placed: Record<string, cytoscape.Position> = {};
  for (const id of known) placed[id] = { ...saved.positions.get(id)! };
  const centre = {
    x: (viewport.width / 2 - saved.pan.x) / saved.zoom,
    y: (viewport.height / 2 - saved.pan.y) / saved.zoom,
  };
  const clear = (p: cytoscape.Position) => Object.values(placed).every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= GAP);
  for (const id of nodeIds) {
    if (placed[id]) continue;
    const neighbours = links
      .filter((l) => l.from === id || l.to === id)
      .map((l) => placed[l.from === id ? l.to : l.from])
      .filter((p): p is cytoscape.Position => p !== undefined);
    const anchor =
      anchors?.[id] ??
      (neighbours.length
        ? {
            x: neighbours.reduce((s, p) => s + p.x, 0) / neighbours.length,
            y: neighbours.reduce((s, p) => s + p.y, 0) / neighbours.length,
          }
        : centre);
    let spot = anchor;
    for (let step = 1; step < 200 && !clear(spot); step++) {
      const angle = step * 2.4;
      const radius = (GAP / 2) * Math.sqrt(step);
      spot = { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
    }
    placed[id] = spot;
  }
  return placed;
}
