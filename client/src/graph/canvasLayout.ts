// Laying out one Cytoscape instance: kept positions after an edit, the computed layouts ("NCP at the
// centre", "by sector"), or the force-directed one, computed in the layout worker (layoutWorker.ts) so that the
// page's thread stays free: for a small map the spaced layout (spacedLayout.ts: nodes and their labels kept
// apart, from the rooms measured here), for a large one forceLayout.ts's (largeMapLoad.ts). Both are seeded by
// the map's ids: the same map is drawn the same way on every load.
import type cytoscape from 'cytoscape';
import type { MapGraph } from './api/types';
import { setFlag } from './canvasFlags';
import { labelSize, LOADING } from './canvasLabels';
import { FIT_PADDING } from './canvasViewport';
import { FOREIGN_GROUP, type Scope } from './elements';
import { ncpPositions, sectorPositions, type LayoutName, type LayoutNode, type Positions } from './layouts';
import { workerLayout, workerRequest } from './layoutWorker';
import type { Room } from './spacedLayout';

/** Flag (canvasFlags.ts) set on an instance whose positions came from the layout worker (for the test hook). */
export const LAID_OUT_IN_WORKER = '_flowAtlasWorkerLayout';
/** Flag (canvasFlags.ts) set on a large map whose layout was asked for before it was mounted, when its graph came in. */
export const LAYOUT_ASKED_EARLY = '_flowAtlasEarlyLayout';
/** Flag (canvasFlags.ts) set on a small map's instance until its rooms are measured and its force layout asked for. */
export const ROOMS_DEFERRED = '_flowAtlasRoomsDeferred';

export { WORKER_LAYOUT_ABOVE, workerRequest } from './layoutWorker';

function ncpByBlock(graph: MapGraph, scope: Scope): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of graph.stakeholders) {
    if (!s.ncp || s.external) continue;
    map.set(scope === 'region' ? s.country : 'map', s.id);
  }
  return map;
}

const blockOf = (s: MapGraph['stakeholders'][number], scope: Scope) => (scope === 'region' ? s.country : 'map');

/** Fixed positions for the computed layouts; null for the force-directed one ("fcose", its name in links). */
export function presetPositions(graph: MapGraph, scope: Scope, layout: LayoutName, countryOrder: readonly string[]) {
  if (layout === 'fcose') return null;
  const nodes: LayoutNode[] = graph.stakeholders.map((s) => ({
    id: s.id,
    block: blockOf(s, scope),
    sector: scope === 'country' && s.external ? FOREIGN_GROUP : s.sector,
    name: s.name,
  }));
  if (layout === 'sector') return sectorPositions(nodes, countryOrder);
  // Hops along the flows that run now (active), whichever filters are on.
  const edges = graph.flows.filter((f) => f.status === 'active');
  const ncps = ncpByBlock(graph, scope);
  return ncpPositions(nodes, edges, (block) => ncps.get(block) ?? null, countryOrder);
}

export interface LayoutRun {
  stop: () => void;
}

/** Cytoscape's parsed style, which its types do not declare. */
interface Styled {
  pstyle(name: string): { pfValue: number; strValue: string };
}

/** The label margin below a node (styles.ts, text-margin-y) and the label's background padding, at scale 1. */
const LABEL_MARGIN = 4;
const LABEL_PADDING = 1;

/**
 * The room each stakeholder takes on the map: its node, and below it its label as canvasLabels.ts measures it at
 * scale 1 (the same measure, kept, serves the labels' choice once laid out).
 */
export function stakeholderRooms(cy: cytoscape.Core): Record<string, Room> {
  const rooms: Record<string, Room> = {};
  cy.nodes('[?stakeholder]').forEach((n) => {
    const style = (name: string) => (n as unknown as Styled).pstyle(name);
    const size = Math.max(style('width').pfValue, style('height').pfValue);
    const text = n.data('label') as string | undefined;
    const room: Room = { node: size, labelWidth: 0, labelHeight: 0 };
    if (text) {
      const fontSize = style('font-size').pfValue;
      const font = `${style('font-style').strValue} ${style('font-weight').strValue} ${fontSize}px ${style('font-family').strValue}`;
      const { width, lines } = labelSize(text, font, style('text-max-width').pfValue);
      room.labelWidth = width + 2 * LABEL_PADDING;
      room.labelHeight = LABEL_MARGIN + lines * fontSize + 2 * LABEL_PADDING;
    }
    rooms[n.id()] = room;
  });
  return rooms;
}

/**
 * Lays `cy` out and calls `done` once every node has its place (the force layout: later, once the worker answers).
 * `kept`: positions kept from before an edit (the view is then not fitted). A large map is laid out as it is
 * loaded instead (largeMapLoad.ts).
 */
export function runLayout(
  cy: cytoscape.Core,
  spec: { graph: MapGraph; scope: Scope; layout: LayoutName; countryOrder: readonly string[] },
  kept: Positions | null,
  done: () => void,
): LayoutRun {
  const { graph, scope, layout, countryOrder } = spec;
  let stopped = false;
  const preset = (positions: Positions, fit: boolean) => {
    const run = cy.layout({ name: 'preset', positions, fit, padding: FIT_PADDING });
    run.one('layoutstop', () => {
      if (!cy.destroyed() && !stopped) done();
    });
    run.run();
    return run;
  };
  const fixed = kept ?? presetPositions(graph, scope, layout, countryOrder);
  if (fixed) {
    const run = preset(fixed, !kept);
    return {
      stop: () => {
        stopped = true;
        run.stop();
      },
    };
  }
  // The force layout, in the worker. Meanwhile nothing is drawn (a batch: Cytoscape draws no frame) and the state
  // of the moment is not drawn onto the instance (LOADING: GraphCanvas draws it once laid out), so the rooms
  // measured in the next task are those of the instance as made. They are measured, and the worker asked, in a
  // task of their own (ROOMS_DEFERRED): with the instance's making (and React's commit) they were one long task.
  setFlag(cy, LOADING, true);
  setFlag(cy, ROOMS_DEFERRED, true);
  cy.startBatch();
  const ask = setTimeout(() => {
    if (stopped || cy.destroyed()) return;
    setFlag(cy, ROOMS_DEFERRED, undefined);
    const rooms = stakeholderRooms(cy);
    void workerLayout({ ...workerRequest(graph, scope, countryOrder), rooms }).then((found) => {
      if (stopped || cy.destroyed()) return;
      setFlag(cy, LOADING, undefined);
      cy.endBatch();
      if (found.inWorker) setFlag(cy, LAID_OUT_IN_WORKER, true);
      preset(found.positions, false);
    });
  }, 0);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(ask);
    },
  };
}
