// Where a grouped map puts things (pure, deterministic: the same map and grouping give the same places on
// every load). Each group gets a block with room for all its members in a grid; the blocks sit on a ring,
// far enough apart that no two touch. A collapsed group is drawn at its block's centre, sized by its
// members; opened, its members fill the block's grid, so they appear around where the group was and
// nothing else moves. The NCP has a place of its own above its group's grid, open or collapsed.
import { groupsOf, type GroupBy } from './grouping';

type Position = { x: number; y: number };

export interface GroupPlaces {
  by: GroupBy;
  /** Each group's centre (its collapsed node) and the collapsed node's diameter. */
  centres: Map<string, Position>;
  sizes: Map<string, number>;
  /** Each stakeholder's place when its group is open (the NCP's always). */
  members: Map<string, Position>;
}

const CELL_W = 110;
const CELL_H = 80;
/** The NCP's row above its group's grid. */
const NCP_ROW = 130;
const GAP = 80;
const MIN_SIZE = 44;

interface Block {
  key: string;
  radius: number;
  size: number;
  /** Member places around the block's centre. */
  places: Array<[string, Position]>;
}

function blockOf(key: string, members: ReadonlyArray<{ id: string; ncp: boolean; external: boolean }>): Block {
  const ncp = members.find((m) => m.ncp && !m.external);
  const grid = members.filter((m) => m !== ncp);
  const columns = Math.max(1, Math.ceil(Math.sqrt((grid.length * CELL_H) / CELL_W)));
  const rows = Math.max(1, Math.ceil(grid.length / columns));
  const width = columns * CELL_W;
  const height = rows * CELL_H;
  const places: Array<[string, Position]> = grid.map((m, i) => [
    m.id,
    { x: ((i % columns) + 0.5) * CELL_W - width / 2, y: (Math.floor(i / columns) + 0.5) * CELL_H - height / 2 },
  ]);
  if (ncp) places.push([ncp.id, { x: 0, y: -height / 2 - NCP_ROW }]);
  const top = ncp ? height / 2 + NCP_ROW + CELL_H / 2 : height / 2;
  return {
    key,
    radius: Math.hypot(width / 2, top),
    size: Math.round(Math.max(MIN_SIZE, 0.55 * Math.sqrt(width * height))),
    places,
  };
}

/** Centres on a ring, each block's share of it by its size, the ring grown until no two blocks touch. */
function ring(blocks: readonly Block[]): Position[] {
  if (blocks.length === 1) return [{ x: 0, y: 0 }];
  const arcs = blocks.map((b) => 2 * b.radius + GAP);
  const round = arcs.reduce((a, b) => a + b, 0);
  let radius = round / (2 * Math.PI);
  // Each block's share of the round, whatever the radius: a larger ring only moves them apart.
  const at = (r: number) => {
    let angle = -Math.PI / 2;
    return arcs.map((arc) => {
      const share = (2 * Math.PI * arc) / round;
      const mid = angle + share / 2;
      angle += share;
      return { x: Math.round(r * Math.cos(mid)), y: Math.round(r * Math.sin(mid)) };
    });
  };
  const clear = (centres: Position[]) =>
    blocks.every((a, i) =>
      blocks.every(
        (b, j) =>
          j <= i ||
          Math.hypot(centres[i]!.x - centres[j]!.x, centres[i]!.y - centres[j]!.y) >= a.radius + b.radius + GAP,
      ),
    );
  let centres = at(radius);
  for (let tries = 0; tries < 80 && !clear(centres); tries++) {
    radius *= 1.1;
    centres = at(radius);
  }
  return centres;
}

/** The places of every group and member of a map grouped `by` (all its stakeholders, whatever the filters). */
export function groupPlaces(stakeholders: Parameters<typeof groupsOf>[0], by: GroupBy): GroupPlaces {
  const blocks = groupsOf(stakeholders, by).map((g) => blockOf(g.key, g.members));
  const centres = ring(blocks);
  const places: GroupPlaces = { by, centres: new Map(), sizes: new Map(), members: new Map() };
  blocks.forEach((b, i) => {
    const c = centres[i]!;
    places.centres.set(b.key, c);
    places.sizes.set(b.key, b.size);
    for (const [id, p] of b.places) places.members.set(id, { x: c.x + p.x, y: c.y + p.y });
  });
  return places;
}
