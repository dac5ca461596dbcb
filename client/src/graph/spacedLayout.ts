// The force-directed layout of a map small enough to be drawn at once (pure, deterministic: it runs in the layout
// worker, layout.worker.ts). Each country block is laid out by forceLayout.ts's seeded force layout, drawn out
// sideways (screens and labels are wider than high); then the places are pulled apart until no two stakeholders'
// rooms overlap (a room is the node with its label below it, as the page measured it, the label a little larger:
// zoomed out to Fit, labels are drawn larger, canvasLabels.ts), so that the labels chosen at Fit find room beside
// each other; then the blocks are packed in rows (layouts.ts). Tuned on the seed's maps (a 1,280 x 800 window):
// Fit at a zoom of about 0.9 and no two rooms overlapping on 10 of its 11 country maps, where fcose left 18-49
// pairs of rooms overlapping at a zoom of about 0.7.
import { blockForceLayout, forceLayout } from './forceLayout';
import type { LayoutEdge, Positions } from './layouts';

/** The room a stakeholder takes: its node (`node` across, centred on its place) and its label below it. */
export interface Room {
  node: number;
  labelWidth: number;
  /** With the margin between the node and the label. */
  labelHeight: number;
}

/** Space kept between two rooms (graph units), across and down. */
const GAP_X = 10;
const GAP_Y = 6;
/** Rounds of pulling apart; each moves every overlapping pair apart along its shorter overlap. */
const ROUNDS = 60;
/** The force layout's options: shorter springs and a stronger pull to the centre than a large map's. */
const FORCE = { length: 90, gravity: 0.08, iterations: 300 };
/** The force layout's picture is drawn out this much sideways before the rooms are parted. */
const STRETCH_X = 1.8;
/** Labels are kept apart at this scale (canvasLabels.ts's scale at a zoom of 0.84-0.92). */
const LABEL_SCALE = 1.19;

export interface SpacedRequest {
  nodes: ReadonlyArray<{ id: string; block: string }>;
  edges: readonly LayoutEdge[];
  blockOrder: readonly string[];
  rooms: Readonly<Record<string, Room>>;
}

const DEFAULT_ROOM: Room = { node: 30, labelWidth: 0, labelHeight: 0 };

/** A room's extent around its node's centre, its label at `scale`: `w` wide, from `up` above to `down` below. */
function extent(room: Room, scale: number): { w: number; up: number; down: number } {
  return {
    w: Math.max(room.node, room.labelWidth * scale),
    up: room.node / 2,
    down: room.node / 2 + room.labelHeight * scale,
  };
}

/**
 * Moves `positions` apart until no two rooms overlap (or ROUNDS have run): each overlapping pair is parted along
 * the axis where it overlaps less, each by half. Deterministic: pairs are taken in the order of their ids.
 */
export function separateRooms(
  positions: Positions,
  rooms: Readonly<Record<string, Room>>,
  labelScale = LABEL_SCALE,
): Positions {
  const ids = Object.keys(positions).sort();
  const n = ids.length;
  const x = ids.map((id) => positions[id]!.x);
  const y = ids.map((id) => positions[id]!.y);
  const room = ids.map((id) => extent(rooms[id] ?? DEFAULT_ROOM, labelScale));
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      const a = room[i]!;
      for (let j = i + 1; j < n; j++) {
        const b = room[j]!;
        const across = (a.w + b.w) / 2 + GAP_X - Math.abs(x[i]! - x[j]!);
        if (across <= 0) continue;
        // Vertical extents: [y - up, y + down].
        const down = y[i]! + a.down + GAP_Y - (y[j]! - b.up);
        const up = y[j]! + b.down + GAP_Y - (y[i]! - a.up);
        if (down <= 0 || up <= 0) continue;
        moved = true;
        // The smaller push that parts them: i above j (down), i below j (up), or side by side (across).
        const vertical = Math.min(down, up);
        if (across < vertical) {
          const side = x[i]! < x[j]! || (x[i] === x[j] && i % 2 === 0) ? -1 : 1;
          x[i]! += (side * across) / 2;
          x[j]! -= (side * across) / 2;
        } else if (down <= up) {
          y[i]! -= down / 2;
          y[j]! += down / 2;
        } else {
          y[i]! += up / 2;
          y[j]! -= up / 2;
        }
      }
    }
    if (!moved) break;
  }
  const out: Positions = {};
  ids.forEach((id, i) => {
    out[id] = { x: Math.round(x[i]!), y: Math.round(y[i]!) };
  });
  return out;
}

/** Each block laid out on the flows inside it, its rooms parted, the blocks packed in rows. */
export function spacedLayout(request: SpacedRequest): Positions {
  return blockForceLayout(request, (ids, inside) => {
    const drawn: Positions = {};
    for (const [id, p] of Object.entries(forceLayout(ids, inside, FORCE))) drawn[id] = { x: p.x * STRETCH_X, y: p.y };
    return separateRooms(drawn, request.rooms);
  });
}

/** What the layout worker computes: the spaced layout when the page measured the rooms (small maps), else forceLayout.ts's. */
export function computeLayout(request: Omit<SpacedRequest, 'rooms'> & { rooms?: SpacedRequest['rooms'] }): Positions {
  return request.rooms ? spacedLayout({ ...request, rooms: request.rooms }) : blockForceLayout(request);
}
