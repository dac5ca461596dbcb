// Which stakeholders' labels the map draws (pure, no Cytoscape): by priority, each only while its box on
// screen overlaps no label already chosen, so no two labels ever overlap and the most important ones are
// read first. A grid of cells indexes the chosen boxes, so each test looks at a few boxes, not all.

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
}

/** Grid cell side, in screen pixels: about a short label's width. */
const CELL = 80;

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The ids to label: candidates in order of priority (higher first; ties by id), each taken if its box,
 * grown by `gap` on every side, is on screen and clear of those taken before.
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  screen: { width: number; height: number },
  gap = 2,
): Set<string> {
  const chosen = new Set<string>();
  const grid = new Map<string, Box[]>();
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { id, box } of sorted) {
    const grown = { x1: box.x1 - gap, y1: box.y1 - gap, x2: box.x2 + gap, y2: box.y2 + gap };
    if (grown.x2 <= 0 || grown.y2 <= 0 || grown.x1 >= screen.width || grown.y1 >= screen.height) continue;
    const cells: string[] = [];
    for (let cx = Math.floor(grown.x1 / CELL); cx <= Math.floor(grown.x2 / CELL); cx++) {
      for (let cy = Math.floor(grown.y1 / CELL); cy <= Math.floor(grown.y2 / CELL); cy++) cells.push(`${cx},${cy}`);
    }
    if (cells.some((cell) => grid.get(cell)?.some((other) => overlaps(grown, other)))) continue;
    chosen.add(id);
    for (const cell of cells) {
      const list = grid.get(cell);
      if (list) list.push(grown);
      else grid.set(cell, [grown]);
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
