// The national network as a self-contained SVG for the reports: the NCP at the centre, the country's
// other stakeholders on a ring grouped by sector (sector colour and letter), flows as arrows styled by
// basis and status, names as labels, and a legend. The layout is computed, not simulated: the same
// document always gives the same bytes.
import { sectorOf, type Flow, type MapDocument, type Sector, type Stakeholder } from '../../model';
import {
  BASIS_ORDER,
  BASIS_STROKES,
  BROKEN_COLOR,
  EDGE_COLOR,
  MARK_COLOR,
  NCP_BORDER_COLOR,
  PLANNED_OPACITY,
  SECTOR_COLORS,
  SECTOR_LABELS,
  SECTOR_LETTERS,
  SECTOR_ORDER,
  SECTOR_TEXT,
} from './palette';
import { compareText, esc, FONT_FAMILY, idPart, num, TEXT_COLOR, tspans, wrapText } from './svg';

export interface NetworkSvgOptions {
  /** The accessible title of the figure (default: "National network of <country name>"). */
  title?: string;
  /** Stakeholder ids to mark (for example single points of failure): a vermillion ring and a label suffix. */
  marked?: readonly string[];
  /** Suffix of a marked node's label (default " (SPOF)"). */
  markSuffix?: string;
  /** Prefix of the ids inside the SVG, unique per figure when several are inlined in one page. */
  idPrefix?: string;
  /** Longest line of a label in characters: longer names go on more lines, whole (default 22). */
  maxLabel?: number;
}

const DEFAULTS = { markSuffix: ' (SPOF)', maxLabel: 22 };
const LINE_H = 14;
const NODE_R = 10;
const NCP_R = 20;
const FONT = 12;
/** Room for a label beside the ring: about 6.4 px a character at 12 px. */
const CHAR_W = 6.4;
const LEGEND_ROW = 20;

interface Placed {
  s: Stakeholder;
  sector: Sector;
  x: number;
  y: number;
  r: number;
  angle: number;
}

/** The country's stakeholders in ring order: sector by sector (the model's order), then by name and id. */
function ringOrder(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  const rank = new Map(SECTOR_ORDER.map((s, i) => [s, i]));
  return [...stakeholders].sort(
    (a, b) =>
      rank.get(sectorOf(a.type))! - rank.get(sectorOf(b.type))! ||
      compareText(a.name, b.name) ||
      compareText(a.id, b.id),
  );
}

export function networkSvg(document: MapDocument, country: string, options: NetworkSvgOptions = {}): string {
  const markSuffix = options.markSuffix ?? DEFAULTS.markSuffix;
  const maxLabel = options.maxLabel ?? DEFAULTS.maxLabel;
  const prefix = idPart(options.idPrefix ?? `fa-net-${country}`);
  const countryName = document.countries.find((c) => c.code === country)?.name ?? country;
  const title = options.title ?? `National network of ${countryName}`;
  const marked = new Set(options.marked ?? []);

  const own = document.stakeholders.filter((s) => s.country === country);
  const ncp = own.filter((s) => s.ncp).sort((a, b) => compareText(a.id, b.id))[0];
  const ring = ringOrder(own.filter((s) => s !== ncp));
  const ids = new Set(own.map((s) => s.id));
  const flows = document.flows
    .filter((f) => ids.has(f.from) && ids.has(f.to) && f.from !== f.to)
    .sort((a, b) => compareText(a.id, b.id));

  // Labels are whole and level: a long name takes more lines, never an ellipsis or a slant.
  const labelOf = (s: Stakeholder) => wrapText(s.name + (marked.has(s.id) ? markSuffix : ''), maxLabel);
  const labels = ring.map(labelOf);
  const longest = Math.max(0, ...labels.flat().map((l) => Array.from(l).length));
  const tallest = Math.max(1, ...labels.map((l) => l.length));
  // The ring grows with the number of nodes so that neighbours keep room for their labels' lines between them.
  const gap = Math.max(34, 10 + tallest * LINE_H);
  const radius = Math.max(150, Math.min(420, (ring.length * gap) / (2 * Math.PI)));
  const margin = 24 + Math.max(longest * CHAR_W, tallest * LINE_H);
  const size = Math.ceil(2 * (radius + NODE_R + 8 + margin));
  const cx = size / 2;
  const cy = size / 2;

  const placed = new Map<string, Placed>();
  if (ncp) placed.set(ncp.id, { s: ncp, sector: sectorOf(ncp.type), x: cx, y: cy, r: NCP_R, angle: 0 });
  ring.forEach((s, i) => {
    // Starts at the top and goes clockwise.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, ring.length);
    placed.set(s.id, {
      s,
      sector: sectorOf(s.type),
      x: cx + radius * Math.cos(angle),
      y: cy + radius * Math.sin(angle),
      r: NODE_R,
      angle,
    });
  });

  const sectors = SECTOR_ORDER.filter((sec) => own.some((s) => sectorOf(s.type) === sec));
  const bases = BASIS_ORDER.filter((b) => flows.some((f) => f.basis === b));
  const statuses = (['planned', 'broken'] as const).filter((st) => flows.some((f) => f.status === st));
  const legendItems = sectors.length + bases.length + statuses.length + (ncp ? 1 : 0) + (marked.size > 0 ? 1 : 0);
  const legendCols = 3;
  const legendTop = size + 8;
  const height = legendTop + 26 + Math.ceil(legendItems / legendCols) * LEGEND_ROW + 8;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${height}" width="${size}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${esc(FONT_FAMILY)}" font-size="${FONT}">`,
  );
  out.push(`<title id="${prefix}-title">${esc(title)}</title>`);
  out.push(`<desc id="${prefix}-desc">${esc(describe(countryName, ncp, ring.length, flows.length))}</desc>`);
  out.push('<defs>');
  for (const [key, color] of [
    ['edge', EDGE_COLOR],
    ['broken', BROKEN_COLOR],
  ] as const) {
    out.push(
      `<marker id="${prefix}-arrow-${key}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="${color}"/></marker>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect x="0" y="0" width="${size}" height="${height}" fill="#ffffff"/>`);

  out.push('<g class="flows" fill="none">');
  const pairCount = new Map<string, number>();
  for (const f of flows) {
    const a = placed.get(f.from)!;
    const b = placed.get(f.to)!;
    const key = `${f.from}\u0000${f.to}`;
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    out.push(edgePath(f, a, b, k, cx, cy, prefix));
  }
  out.push('</g>');

  out.push('<g class="stakeholders">');
  for (const p of placed.values()) out.push(nodeMarkup(p, p.s === ncp, marked.has(p.s.id), labelOf(p.s)));
  if (own.length === 0) {
    out.push(
      `<text x="${num(cx)}" y="${num(cy)}" text-anchor="middle" fill="${TEXT_COLOR}">No stakeholders are mapped for ${esc(countryName)}.</text>`,
    );
  }
  out.push('</g>');

  out.push(
    legend({
      sectors,
      bases,
      statuses,
      ncp: Boolean(ncp),
      marked: marked.size > 0,
      markSuffix,
      top: legendTop,
      width: size,
      cols: legendCols,
      prefix,
    }),
  );
  out.push('</svg>');
  return out.join('\n');
}

function describe(countryName: string, ncp: Stakeholder | undefined, others: number, flows: number): string {
  const centre = ncp
    ? `The national contact point (${ncp.name}) is at the centre; `
    : 'No national contact point is mapped; ';
  return `${centre}${others} other stakeholders of ${countryName} are placed around it by sector, and ${flows} information flows between them are drawn as arrows.`;
}

/** A flow as a curve bent towards the centre; parallel and opposite flows between one pair are drawn apart. */
function edgePath(f: Flow, a: Placed, b: Placed, k: number, cx: number, cy: number, prefix: string): string {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Perpendicular offset: opposite directions get opposite sides, repeated flows fan out.
  const side = compareText(f.from, f.to) < 0 ? 1 : -1;
  const offset = side * (10 + 10 * k);
  const qx = cx + (mx - cx) * 0.45 + (-dy / len) * offset;
  const qy = cy + (my - cy) * 0.45 + (dx / len) * offset;
  const [sx, sy] = towards(a.x, a.y, qx, qy, a.r + 1);
  const [ex, ey] = towards(b.x, b.y, qx, qy, b.r + 3);
  const stroke = BASIS_STROKES[f.basis];
  const broken = f.status === 'broken';
  const color = broken ? BROKEN_COLOR : EDGE_COLOR;
  const attrs = [
    `d="M${num(sx)},${num(sy)}Q${num(qx)},${num(qy)} ${num(ex)},${num(ey)}"`,
    `stroke="${color}"`,
    `stroke-width="${stroke.width}"`,
    stroke.dash ? `stroke-dasharray="${stroke.dash}"` : '',
    f.status === 'planned' ? `stroke-opacity="${PLANNED_OPACITY}"` : '',
    `marker-end="url(#${prefix}-arrow-${broken ? 'broken' : 'edge'})"`,
    `data-flow="${esc(f.id)}"`,
    `data-from="${esc(f.from)}"`,
    `data-to="${esc(f.to)}"`,
  ]
    .filter(Boolean)
    .join(' ');
  return `<path ${attrs}><title>${esc(`${f.id}: ${f.from} → ${f.to}, ${f.basis}, ${f.status}; ${f.indicators.join(', ') || 'no indicators'}`)}</title></path>`;
}

/** The point at `distance` from (x, y) in the direction of (tx, ty). */
function towards(x: number, y: number, tx: number, ty: number, distance: number): [number, number] {
  const dx = tx - x;
  const dy = ty - y;
  const len = Math.hypot(dx, dy) || 1;
  return [x + (dx / len) * distance, y + (dy / len) * distance];
}

function nodeMarkup(p: Placed, isNcp: boolean, isMarked: boolean, label: readonly string[]): string {
  const parts: string[] = [
    `<g data-stakeholder="${esc(p.s.id)}" data-sector="${p.sector}"${isNcp ? ' data-ncp="true"' : ''}>`,
  ];
  parts.push(
    `<title>${esc(`${p.s.name} (${SECTOR_LABELS[p.sector]}${isNcp ? ', national contact point' : ''})`)}</title>`,
  );
  if (isMarked)
    parts.push(
      `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${p.r + 4}" fill="none" stroke="${MARK_COLOR}" stroke-width="3"/>`,
    );
  parts.push(
    `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${p.r}" fill="${SECTOR_COLORS[p.sector]}" stroke="${isNcp ? NCP_BORDER_COLOR : '#333333'}" stroke-width="${isNcp ? 3 : 1}"/>`,
  );
  if (isNcp) {
    parts.push(
      `<text x="${num(p.x)}" y="${num(p.y + 4)}" text-anchor="middle" font-weight="bold" font-size="11" fill="${SECTOR_TEXT[p.sector]}">NCP</text>`,
    );
    parts.push(
      `<text x="${num(p.x)}" y="${num(p.y + p.r + 16)}" text-anchor="middle" font-weight="bold" fill="${TEXT_COLOR}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${tspans(label, num(p.x), LINE_H)}</text>`,
    );
  } else {
    parts.push(
      `<text x="${num(p.x)}" y="${num(p.y + 3.5)}" text-anchor="middle" font-size="10" font-weight="bold" fill="${SECTOR_TEXT[p.sector]}">${SECTOR_LETTERS[p.sector]}</text>`,
    );
    // Level labels outside the ring: beside the node on the left and right, above or below it at the top
    // and bottom, the lines centred on the node or stacked away from it.
    const cos = Math.cos(p.angle);
    const sin = Math.sin(p.angle);
    const side = cos > 0.35 ? 'start' : cos < -0.35 ? 'end' : 'middle';
    const x = side === 'start' ? p.x + p.r + 6 : side === 'end' ? p.x - p.r - 6 : p.x;
    const block = (label.length - 1) * LINE_H;
    const y = side !== 'middle' ? p.y + 4 - block / 2 : sin < 0 ? p.y - p.r - 8 - block : p.y + p.r + 16;
    parts.push(
      `<text x="${num(x)}" y="${num(y)}" text-anchor="${side}" fill="${TEXT_COLOR}"${isMarked ? ' font-weight="bold"' : ''}>${tspans(label, num(x), LINE_H)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

interface LegendInput {
  sectors: Sector[];
  bases: (typeof BASIS_ORDER)[number][];
  statuses: ('planned' | 'broken')[];
  ncp: boolean;
  marked: boolean;
  markSuffix: string;
  top: number;
  width: number;
  cols: number;
  prefix: string;
}

function legend(l: LegendInput): string {
  const items: string[] = [];
  const colW = (l.width - 24) / l.cols;
  const at = (i: number): [number, number] => [
    12 + (i % l.cols) * colW,
    l.top + 30 + Math.floor(i / l.cols) * LEGEND_ROW,
  ];
  const add = (symbol: (x: number, y: number) => string, text: string) => {
    const [x, y] = at(items.length);
    items.push(
      `<g>${symbol(x, y)}<text x="${num(x + 34)}" y="${num(y + 4)}" fill="${TEXT_COLOR}">${esc(text)}</text></g>`,
    );
  };
  for (const s of l.sectors) {
    add(
      (x, y) =>
        `<circle cx="${num(x + 12)}" cy="${num(y)}" r="8" fill="${SECTOR_COLORS[s]}" stroke="#333333"/><text x="${num(x + 12)}" y="${num(y + 3.5)}" text-anchor="middle" font-size="9" font-weight="bold" fill="${SECTOR_TEXT[s]}">${SECTOR_LETTERS[s]}</text>`,
      `${SECTOR_LETTERS[s]}: ${SECTOR_LABELS[s]}`,
    );
  }
  if (l.ncp) {
    add(
      (x, y) =>
        `<circle cx="${num(x + 12)}" cy="${num(y)}" r="8" fill="#ffffff" stroke="${NCP_BORDER_COLOR}" stroke-width="3"/>`,
      'National contact point (centre)',
    );
  }
  if (l.marked) {
    add(
      (x, y) =>
        `<circle cx="${num(x + 12)}" cy="${num(y)}" r="8" fill="#ffffff" stroke="${MARK_COLOR}" stroke-width="3"/>`,
      `Marked${l.markSuffix}`,
    );
  }
  for (const b of l.bases) {
    const s = BASIS_STROKES[b];
    add(
      (x, y) =>
        `<path d="M${num(x)},${num(y)}H${num(x + 26)}" stroke="${EDGE_COLOR}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#${l.prefix}-arrow-edge)"/>`,
      `Flow: ${s.description}`,
    );
  }
  for (const st of l.statuses) {
    add(
      (x, y) =>
        st === 'broken'
          ? `<path d="M${num(x)},${num(y)}H${num(x + 26)}" stroke="${BROKEN_COLOR}" stroke-width="1.4" marker-end="url(#${l.prefix}-arrow-broken)"/>`
          : `<path d="M${num(x)},${num(y)}H${num(x + 26)}" stroke="${EDGE_COLOR}" stroke-width="1.4" stroke-opacity="${PLANNED_OPACITY}" marker-end="url(#${l.prefix}-arrow-edge)"/>`,
      st === 'broken' ? 'Broken flow (stopped): vermillion' : 'Planned flow (not yet running): faint',
    );
  }
  return `<g class="legend"><text x="12" y="${num(l.top + 10)}" font-weight="bold" fill="${TEXT_COLOR}">Legend</text>${items.join('')}</g>`;
}
