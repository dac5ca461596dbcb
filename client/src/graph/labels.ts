// Which labels the map draws (pure, no Cytoscape): by priority, each only while its box on screen overlaps
// no label already chosen, so no two labels ever overlap and the most important ones are read first. A
// grouped map's labels (its groups' counts and its aggregated flows', canvasGroupLabels.ts) may have a
// shorter form tried when the full one does not fit, and are drawn only whole on screen and clear of the
// groups' discs (drawn over labels). A grid of cells indexes the chosen boxes, so each test looks at a few
// boxes, not all.

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  priority: number;
  /** The label's box on screen (CSS pixels of the canvas). */
  box: Box;
  /** Shorter forms of the label, each with its own id, tried in order when `box` does not fit. */
  shorter?: ReadonlyArray<{ id: string; box: Box }>;
  /** Drawn only whole on screen and clear of the obstacles (but its own, of the same id); else anywhere on screen. */
  strict?: boolean;
}

/** A body drawn over labels (a grouped map's disc), with the id of the element it is. */
export interface Obstacle extends Box {
  id: string;
}

/** Grid cell side, in screen pixels: about a short label's width. */
const CELL = 80;

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The ids to label: candidates in order of priority (higher first; ties by id), each taken if its box,
 * grown by `gap` on every side, is on screen and clear of those taken before (else its first shorter form
 * that is; a strict one also whole on screen and clear of the `obstacles`).
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  screen: { width: number; height: number },
  gap = 2,
  obstacles: readonly Obstacle[] = [],
): Set<string> {
  const chosen = new Set<string>();
  const grid = new Map<string, Box[]>();
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fits = (grown: Box, cells: readonly string[], owner: string, strict: boolean | undefined) => {
    if (grown.x2 <= 0 || grown.y2 <= 0 || grown.x1 >= screen.width || grown.y1 >= screen.height) return false;
    if (strict) {
      if (grown.x1 < 0 || grown.y1 < 0 || grown.x2 > screen.width || grown.y2 > screen.height) return false;
      if (obstacles.some((o) => o.id !== owner && overlaps(grown, o))) return false;
    }
    return !cells.some((cell) => grid.get(cell)?.some((other) => overlaps(grown, other)));
  };
  for (const { id, box, shorter, strict } of sorted) {
    for (const form of [{ id, box }, ...(shorter ?? [])]) {
      const grown = { x1: form.box.x1 - gap, y1: form.box.y1 - gap, x2: form.box.x2 + gap, y2: form.box.y2 + gap };
      const cells: string[] = [];
      for (let cx = Math.floor(grown.x1 / CELL); cx <= Math.floor(grown.x2 / CELL); cx++) {
        for (let cy = Math.floor(grown.y1 / CELL); cy <= Math.floor(grown.y2 / CELL); cy++) cells.push(`${cx},${cy}`);
      }
      if (!fits(grown, cells, id, strict)) continue;
      chosen.add(form.id);
      for (const cell of cells) {
        const list = grid.get(cell);
        if (list) list.push(grown);
        else grid.set(cell, [grown]);
      }
      break;
    }
  }
  return chosen;
}

/** Priority bands: the selected or hovered stakeholder, then its neighbours, then the NCP, then collapsed groups, then the rest by rank. */
const FOCUS = 4e9;
const NEIGHBOUR = 3e9;
const NCP = 2e9;
const GROUP = 1e9;

/**
 * Each stakeholder's label priority. `rank`: betweenness where the view has it, else the number of
 * flows (a stand-in); within a band the higher rank comes first.
 */
export function labelPriorities(
  ids: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  options: {
    focus: readonly string[];
    ncps: readonly string[];
    /** Collapsed groups of a grouped map. */
    groups?: readonly string[];
    rank?: Readonly<Record<string, number>>;
  },
): Map<string, number> {
  const degree = new Map<string, number>();
  const focus = new Set(options.focus);
  const neighbours = new Set<string>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    if (focus.has(e.source)) neighbours.add(e.target);
    if (focus.has(e.target)) neighbours.add(e.source);
  }
  const ncps = new Set(options.ncps);
  const groups = new Set(options.groups);
  const { rank } = options;
  const values = ids.map((id) => (rank ? (rank[id] ?? 0) : (degree.get(id) ?? 0)));
  // Ranks scaled into [0, 1e9) so that no rank lifts a stakeholder into the band above.
  const top = Math.max(1, ...values);
  const priorities = new Map<string, number>();
  ids.forEach((id, i) => {
    const band = focus.has(id)
      ? FOCUS
      : neighbours.has(id)
        ? NEIGHBOUR
        : ncps.has(id)
          ? NCP
          : groups.has(id)
            ? GROUP
            : 0;
    priorities.set(id, band + (values[i]! / top) * 0.999e9);
  });
  return priorities;
}

/** Priority bands of a grouped map's flow counts: after every node's label; those touching the focus first. */
const COUNT_FOCUS = -1e9;
const COUNT = -2e9;
/** Away from the focus, only the counts of flows at least this share of the heaviest are drawn. */
const HEAVY = 0.25;

/**
 * The priority of each aggregated flow's count (grouping.ts): below every node's label (labelPriorities), those
 * touching the selected or hovered item first, then by the number of flows, heaviest first. Away from the focus,
 * a light flow's count gets none: in a tangle of hundreds of flows of one or two between groups, such counts could
 * not be told apart; they show once either end is hovered or selected.
 */
export function countPriorities(
  edges: ReadonlyArray<{ id: string; source: string; target: string; flows: number }>,
  focus: readonly string[],
): Map<string, number> {
  const focused = new Set(focus);
  const top = Math.max(1, ...edges.map((e) => e.flows));
  const priorities = new Map<string, number>();
  for (const e of edges) {
    const near = focused.has(e.source) || focused.has(e.target);
    if (near || e.flows >= top * HEAVY) priorities.set(e.id, (near ? COUNT_FOCUS : COUNT) + (e.flows / top) * 0.999e9);
  }
  return priorities;
}
