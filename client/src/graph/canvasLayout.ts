// Laying out one Cytoscape instance: kept positions after an edit, the computed layouts ("NCP at the
// centre", "by sector"), or the force-directed one: Cytoscape's fcose for small maps, the layout worker
// for large ones (layoutWorker.ts), so a map of a thousand stakeholders never freezes the page. Both
// force layouts are seeded by the map's ids: the same map is drawn the same way on every load.
import type cytoscape from 'cytoscape';
import type { MapGraph } from './api/types';
import { FIT_PADDING } from './canvasViewport';
import { FOREIGN_GROUP, type Scope } from './elements';
import { hashOf } from './forceLayout';
import {
  fcoseOptions,
  ncpPositions,
  sectorPositions,
  type LayoutName,
  type LayoutNode,
  type Positions,
} from './layouts';

/** Flag (canvasFlags.ts) set on an instance whose positions came from the layout worker (for the test hook). */
export const LAID_OUT_IN_WORKER = '_flowAtlasWorkerLayout';

/** Above this many elements (stakeholders, flows and boxes) the force layout runs in the worker. */
export const WORKER_LAYOUT_ABOVE = 800;

function ncpByBlock(graph: MapGraph, scope: Scope): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of graph.stakeholders) {
    if (!s.ncp || s.external) continue;
    map.set(scope === 'region' ? s.country : 'map', s.id);
  }
  return map;
}

const blockOf = (s: MapGraph['stakeholders'][number], scope: Scope) => (scope === 'region' ? s.country : 'map');

/** Fixed positions for the computed layouts; null for fcose. */
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

/** Math.random replaced, while `run` runs, by a generator seeded with `seed` (fcose draws its start from it). */
function seeded<T>(seed: string, run: () => T): T {
  const random = Math.random;
  let count = 0;
  Math.random = () => hashOf(`${seed}:${count++}`) / 4294967296;
  try {
    return run();
  } finally {
    Math.random = random;
  }
}

export interface LayoutRun {
  stop: () => void;
}

/** What the layout worker needs of a map: each stakeholder's block (its country in the whole region) and the flows. */
export function workerRequest(graph: MapGraph, scope: Scope, countryOrder: readonly string[]) {
  return {
    nodes: graph.stakeholders.map((s) => ({ id: s.id, block: blockOf(s, scope) })),
    edges: graph.flows.map((f) => ({ from: f.from, to: f.to })),
    blockOrder: countryOrder,
  };
}

/**
 * Lays `cy` out and calls `done` once every node has its place. `kept`: positions kept from before an
 * edit (the view is then not fitted). A large map is laid out as it is loaded instead (largeMapLoad.ts):
 * its force layout comes from the worker.
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
  // fcose, seeded by the map's ids. In the whole region, each country is laid out on its own flows and the
  // countries are packed side by side; cross-border flows are drawn between the boxes but do not pull
  // them on top of each other.
  const layoutEles = scope === 'region' ? cy.elements().not(cy.edges('[?crossBorder]')) : cy.elements();
  const run = layoutEles.layout(fcoseOptions(scope, layoutEles.length));
  run.one('layoutstop', () => {
    if (!cy.destroyed() && !stopped) done();
  });
  const seed = graph.stakeholders
    .map((s) => s.id)
    .sort()
    .join(',');
  seeded(seed, () => run.run());
  return {
    stop: () => {
      stopped = true;
      run.stop();
    },
  };
}
