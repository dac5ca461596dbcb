// Loading a large map (a thousand stakeholders, thousands of flows) without holding the page's thread:
// Cytoscape is told nothing (notifications off, so it draws nothing) while the positions are computed
// (the layout worker, or positions kept from before) and the elements are added a slice at a time, each
// slice placed and prepared for drawing in its own short task (its style, its label's size, its edges'
// ends, its box); then the view is framed and the labels chosen, and the map is drawn once. Before, each slice of
// flows made Cytoscape draw the whole map again (hidden), and the first drawing computed every style and
// label at once: a 1,000-stakeholder country took 6.7 s to show, with tasks of over a second.
import type cytoscape from 'cytoscape';
import { LOADING, scaleAt } from './canvasLabels';
import { LAID_OUT_IN_WORKER } from './canvasLayout';
import { FIT_PADDING } from './canvasViewport';
import type { ComputedLayout } from './layoutWorker';
import type { Positions } from './layouts';

/** Elements added and prepared at a time: a task adds slices until it has run for TASK_MS, then yields. */
export const LOAD_SLICE = 50;
/**
 * A task's budget. What an element costs varies tenfold (a flow between boxes of the "by sector" layout costs
 * most: each of its ends' boxes is measured again), so tasks are cut by time, not by count.
 */
const TASK_MS = 40;
/** The widest node (the NCP's star) and the zoom range of the canvas (canvasInstance.ts), for foreseeing Fit's zoom. */
const WIDEST_NODE = 64;
const MIN_ZOOM = 0.05;
const MAX_FIT_ZOOM = 1.1;

/** Cytoscape's methods used here that its types do not declare (collections', and the core's). */
interface Preparable {
  cleanStyle(): void;
  recalculateRenderedStyle(useCache?: boolean): void;
}
interface Notifying {
  /** Off: changes are not passed to the renderer, which then draws nothing. */
  notifications(on: boolean): void;
  notify(event: string): void;
}

/** The next task, without setTimeout's clamp of 4 ms once nested (a load yields dozens of times). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/** The zoom Fit will give for these positions in a canvas of this size (near enough to choose the labels' scale). */
export function foreseenZoom(positions: Positions, width: number, height: number): number {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const { x, y } of Object.values(positions)) {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  }
  if (!(x2 >= x1) || width <= 0 || height <= 0) return 1;
  const zoom = Math.min(
    (width - 2 * FIT_PADDING) / (x2 - x1 + WIDEST_NODE),
    (height - 2 * FIT_PADDING) / (y2 - y1 + WIDEST_NODE),
  );
  return Math.min(MAX_FIT_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/**
 * The stakeholders' element definitions placed at `positions`, their labels sized for `scale` (the data
 * canvasLabels.ts would set on them at that zoom), so that their style is computed once.
 */
export function placedNodes(
  nodes: readonly cytoscape.ElementDefinition[],
  positions: Positions,
  scale: number,
): cytoscape.ElementDefinition[] {
  return nodes.map((n) => {
    const id = n.data.id ?? '';
    const at = positions[id];
    if (n.data.stakeholder !== true || !at) return n;
    const font = /\bncp\b/.test(typeof n.classes === 'string' ? n.classes : '') ? 12 : 11;
    return {
      ...n,
      position: { x: at.x, y: at.y },
      data: { ...n.data, lscale: scale, lfs: font * scale, lmw: 120 * scale, lmy: 4 * scale },
    };
  });
}

export interface LargeMapLoad {
  stop: () => void;
}

/**
 * Loads `elements` into `cy` (made empty, with the null layout) once `layout` answers; `view` gives the zoom the
 * map will be shown at (a kept view's, else null: Fit's). `place` frames the view and chooses the labels, with
 * Cytoscape still silent; the map is drawn once after it.
 */
export function loadLargeMap(
  cy: cytoscape.Core,
  elements: readonly cytoscape.ElementDefinition[],
  layout: Promise<ComputedLayout>,
  view: { zoom: number } | null,
  place: () => void,
): LargeMapLoad {
  let stopped = false;
  const alive = () => !stopped && !cy.destroyed();
  const core = cy as unknown as Notifying;
  core.notifications(false);
  cy.scratch(LOADING, true);
  const run = async () => {
    const found = await layout;
    if (!alive()) return;
    if (found.inWorker) cy.scratch(LAID_OUT_IN_WORKER, true);
    const scale = scaleAt(view?.zoom ?? foreseenZoom(found.positions, cy.width(), cy.height()));
    const nodes = placedNodes(
      elements.filter((e) => e.group === 'nodes'),
      found.positions,
      scale,
    );
    const edges = elements.filter((e) => e.group !== 'nodes');
    let taskStart = performance.now();
    for (const list of [nodes, edges]) {
      for (let from = 0; from < list.length; from += LOAD_SLICE) {
        const added = cy.add(list.slice(from, from + LOAD_SLICE));
        const preparing = added as unknown as Preparable;
        preparing.cleanStyle();
        preparing.recalculateRenderedStyle();
        // Each element's box, kept by Cytoscape: Fit and the labels read them.
        added.boundingBox();
        if (performance.now() - taskStart < TASK_MS) continue;
        await nextTask();
        if (!alive()) return;
        taskStart = performance.now();
      }
    }
    cy.removeScratch(LOADING);
    place();
    // As Cytoscape does after its own first layout: the renderer takes in everything and draws it.
    core.notifications(true);
    core.notify('load');
  };
  void run();
  return {
    stop: () => {
      stopped = true;
    },
  };
}
