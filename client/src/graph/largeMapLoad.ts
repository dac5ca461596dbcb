// Loading a large map (a thousand stakeholders, thousands of flows) without holding the page's thread:
// Cytoscape is told nothing (notifications off, so it draws nothing) and its renderer is held (holdFrames.ts: no
// work on its animation frames) while the elements are added and styled a slice at a time, each slice in its own
// short task, meanwhile the positions are computed (the layout worker, asked for when the graph came in:
// layoutWorker.ts; or positions kept from before); then the nodes are placed, and each element's rendered style (its
// edges' ends) and box computed once, again a slice at a time; then the view is framed, and once the state of the
// moment and the labels are drawn onto it (GraphCanvas), the map is drawn, once. Before, each slice of flows
// made Cytoscape draw the whole map again (hidden), the first drawing computed every style and label at once,
// and the styling waited for the worker. Elements are styled as added without Cytoscape's follow-up work for drawn
// elements (quietStyle.ts); each step is marked on the performance timeline (flowAtlas:<step>, read by the bench).
import type cytoscape from 'cytoscape';
import { LOADING } from './canvasLabels';
import { LAID_OUT_IN_WORKER } from './canvasLayout';
import type { ComputedLayout } from './layoutWorker';
import { fitBoxes, isPlainBox } from './plainBoxes';
import { flagOf, setFlag } from './canvasFlags';
import { holdFrames, type HeldFrames, type HeldRenderer } from './holdFrames';
import { quietStyle, styleNew } from './quietStyle';

/** Elements added and prepared at a time: a task adds slices until it has run for TASK_MS, then yields. */
export const LOAD_SLICE = 50;
/** A task's budget: what an element costs varies (a flow costs more than a stakeholder), so tasks are cut by time. */
const TASK_MS = 40;
/** Flag (canvasFlags.ts): loaded and placed, not yet drawn (releaseLargeMap). */
const HELD = '_flowAtlasHeld';

/** The steps of a large map's load, marked on the page's performance timeline (the client benchmark reads them). */
export const LOAD_MARKS = ['load', 'added', 'layout', 'placed', 'prepared', 'released', 'drawn'] as const;
export const markLoad = (step: (typeof LOAD_MARKS)[number]) => performance.mark(`flowAtlas:${step}`);

/** Cytoscape's methods used here that its types do not declare (collections', and the core's). */
interface Preparable {
  cleanStyle(): void;
  recalculateRenderedStyle(useCache?: boolean): void;
}
interface Notifying {
  /** Off: changes are not passed to the renderer, which then draws nothing. */
  notifications(on: boolean): void;
  notify(event: string): void;
  /** The renderer draws the elements it last listed, and lists them again when notified of a change. */
  renderer(): HeldRenderer;
}
/**
 * An element's rendered-style state: `clean` false makes the next use recompute it; a stakeholder's `cleanConnected`
 * false, its flows' too.
 */
type Rendered = cytoscape.SingularElementArgument & {
  _private: {
    rstyle: {
      clean?: boolean;
      cleanConnected?: boolean;
      nodeX?: number;
      nodeY?: number;
      nodeW?: number;
      nodeH?: number;
    };
  };
};
/** Cytoscape's parsed style of an element (its types do not declare it). */
interface Styled {
  pstyle(name: string): { pfValue: number };
}

const held = new WeakMap<cytoscape.Core, HeldFrames>();

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

export interface LargeMapLoad {
  stop: () => void;
}

/** Runs `each` over [0, count) a slice at a time, yielding once a task has run for TASK_MS; false once `alive` is not. */
async function inSlices(
  count: number,
  alive: () => boolean,
  each: (from: number, to: number) => void,
): Promise<boolean> {
  let taskStart = performance.now();
  for (let from = 0; from < count; from += LOAD_SLICE) {
    each(from, Math.min(count, from + LOAD_SLICE));
    if (performance.now() - taskStart < TASK_MS) continue;
    await nextTask();
    if (!alive()) return false;
    taskStart = performance.now();
  }
  return alive();
}

/**
 * Loads `elements` into `cy` (made empty, with the null layout): they are added and styled while `layout`
 * computes their places, then placed. `place` frames the view and chooses the labels, with Cytoscape still
 * silent; the map is drawn once the state of the moment is drawn onto it too (releaseLargeMap).
 */
export function loadLargeMap(
  cy: cytoscape.Core,
  elements: readonly cytoscape.ElementDefinition[],
  layout: Promise<ComputedLayout>,
  place: () => void,
): LargeMapLoad {
  let stopped = false;
  const alive = () => !stopped && !cy.destroyed();
  const core = cy as unknown as Notifying;
  core.notifications(false);
  // Listed now, while there is nothing, so that a frame drawn meanwhile (none should be: holdFrames) draws nothing.
  core.renderer().getCachedZSortedEles();
  const frames = holdFrames(cy);
  held.set(cy, frames);
  setFlag(cy, LOADING, true);
  markLoad('load');
  void layout.then(() => markLoad('layout'));
  const run = async () => {
    // Styles do not depend on places: while the worker computes them, every element is added and styled.
    const boxes = elements.filter(isPlainBox);
    const rest = elements.filter((e) => !isPlainBox(e));
    const quiet = quietStyle(cy);
    let added: boolean;
    try {
      added = await inSlices(rest.length, alive, (from, to) => styleNew(cy, cy.add(rest.slice(from, to))));
    } finally {
      quiet.restore();
    }
    if (!added) return;
    markLoad('added');
    const found = await layout;
    // Placed in tasks of their own (each place marks the stakeholder's and its flows' boxes out of date), not in the
    // task that added the last elements (the layout is often in by then).
    await nextTask();
    if (!alive()) return;
    if (found.inWorker) setFlag(cy, LAID_OUT_IN_WORKER, true);
    const stakeholders = cy.nodes('[?stakeholder]');
    const places = await inSlices(stakeholders.length, alive, (from, to) =>
      cy.batch(() => {
        stakeholders.slice(from, to).positions((n) => found.positions[n.id()] ?? { x: 0, y: 0 });
      }),
    );
    if (!places) return;
    if (boxes.length > 0) {
      (cy.add([...boxes]) as unknown as Preparable).cleanStyle();
      fitBoxes(cy);
    }
    markLoad('placed');
    // Then, placed, each element's rendered style (its edges' ends) and box, kept by Cytoscape: Fit, the labels
    // and the first drawing read them. The stakeholders first. A box computed (which brings the rendered style up to
    // date first) marks the element's rendered style out of date (its 'bounds' event), and a stakeholder's as out of
    // date for its flows too: they are not, and are marked so, else Fit and the first frame compute every flow's ends
    // again (twice the work of this step).
    const all = cy.nodes().merge(cy.edges());
    const prepared = await inSlices(all.length, alive, (from, to) => {
      const eles = all.slice(from, to);
      eles.boundingBox();
      for (let i = 0; i < eles.length; i++) {
        const rstyle = (eles[i] as Rendered)._private.rstyle;
        rstyle.clean = true;
        if (eles[i]!.isNode()) rstyle.cleanConnected = true;
      }
    });
    if (!prepared) return;
    // What the renderer does first on its first frame (the elements changed meanwhile brought up to date, its texture
    // caches told), in a task of its own.
    await nextTask();
    if (!alive()) return;
    frames.flush();
    markLoad('prepared');
    setFlag(cy, LOADING, undefined);
    setFlag(cy, HELD, true);
    place();
  };
  void run();
  return {
    stop: () => {
      stopped = true;
    },
  };
}

/**
 * The stakeholders restyled since the map was prepared (their labels chosen: the most connected ones) keep their
 * flows' ends as computed: Cytoscape computes every flow of a restyled stakeholder again on the next frame, although
 * where a flow ends only depends on the place and size of its ends, which are checked here (a thousand flows of the
 * first frame, a third of it).
 */
function keepFlowEnds(cy: cytoscape.Core): void {
  cy.nodes().forEach((n) => {
    const rstyle = (n as Rendered)._private.rstyle;
    if (rstyle.cleanConnected !== false) return;
    const at = n.position();
    const style = (name: string) => (n as unknown as Styled).pstyle(name).pfValue;
    if (
      rstyle.nodeX === at.x &&
      rstyle.nodeY === at.y &&
      rstyle.nodeW === style('width') &&
      rstyle.nodeH === style('height')
    )
      rstyle.cleanConnected = true;
  });
}

/**
 * Draws a large map loaded by loadLargeMap, once placed and the state of the moment (classes, labels) is drawn onto
 * it, so that it is drawn once: as Cytoscape does after its own first layout, the renderer takes in everything.
 */
export function releaseLargeMap(cy: cytoscape.Core): void {
  if (flagOf(cy, HELD) !== true || cy.destroyed()) return;
  setFlag(cy, HELD, undefined);
  const core = cy as unknown as Notifying;
  markLoad('released');
  keepFlowEnds(cy);
  cy.one('render', () => markLoad('drawn'));
  held.get(cy)?.letGo();
  held.delete(cy);
  core.notifications(true);
  core.notify('load');
}
