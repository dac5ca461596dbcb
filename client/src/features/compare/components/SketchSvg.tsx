// The drawings of a country's sketch, in SVG: a small map's stakeholders at their places (coloured by
// sector, the NCP as a star), or a large map grouped by sector (a disc per sector whose area grows with
// its stakeholders, a line per pair of sectors whose width grows with the flows between them).
import { humanize } from '../../../lib/format';
import { SECTOR_COLORS } from '../../../graph/styles';
import type { AnySketch, GroupedSketch, Sketch } from '../sketch';

const W = 220;
const H = 170;
const PAD = 12;
const R = 4.5;
const NCP_R = 10;
const EDGE_COLOR = '#8c8c8c';

export function starPoints(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.45;
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

function colorOf(sector: string): string {
  return (SECTOR_COLORS as Record<string, string>)[sector] ?? '#cccccc';
}

/** Scales a sketch's box into the drawing, centred; `max` caps the scale. */
function fit(box: AnySketch['box'], max: number) {
  const scale = Math.min((W - 2 * PAD) / (box.w || 1), (H - 2 * PAD) / (box.h || 1), max);
  const ox = (W - box.w * scale) / 2 - box.x * scale;
  const oy = (H - box.h * scale) / 2 - box.y * scale;
  return { scale, at: (x: number, y: number) => ({ x: x * scale + ox, y: y * scale + oy }) };
}

function NodesSvg({ sketch }: { sketch: Sketch }) {
  const { at: place } = fit(sketch.box, 1.2);
  const at = new Map(sketch.nodes.map((n) => [n.id, place(n.x, n.y)]));
  const ordered = [...sketch.nodes].sort((a, b) => Number(a.ncp) - Number(b.ncp));
  return (
    <>
      <g stroke={EDGE_COLOR} strokeWidth="0.9" strokeOpacity="0.8">
        {sketch.edges.map((e) => {
          const a = at.get(e.from);
          const b = at.get(e.to);
          return a && b ? <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} /> : null;
        })}
      </g>
      {ordered.map((n) => {
        const p = at.get(n.id)!;
        return n.ncp ? (
          <polygon
            key={n.id}
            points={starPoints(p.x, p.y, NCP_R)}
            fill={colorOf(n.sector)}
            stroke="#000"
            strokeWidth="1.8"
            data-ncp="true"
          >
            <title>NCP: {n.name}</title>
          </polygon>
        ) : (
          <circle key={n.id} cx={p.x} cy={p.y} r={R} fill={colorOf(n.sector)} stroke="#333" strokeWidth="0.7">
            <title>{n.name}</title>
          </circle>
        );
      })}
    </>
  );
}

function GroupedSvg({ sketch }: { sketch: GroupedSketch }) {
  const { scale, at } = fit(sketch.box, 1);
  const place = new Map(sketch.groups.map((g) => [g.sector, { ...at(g.x, g.y), r: g.r * scale }]));
  const most = Math.max(1, ...sketch.links.map((l) => l.count));
  const ncp = sketch.ncp && place.get(sketch.ncp.sector);
  return (
    <>
      <g stroke={EDGE_COLOR} strokeOpacity="0.8" strokeLinecap="round">
        {sketch.links.map((l) => {
          const a = place.get(l.a)!;
          const b = place.get(l.b)!;
          return (
            <line
              key={`${l.a}-${l.b}`}
              className="sector-link"
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              strokeWidth={0.8 + 5 * (l.count / most)}
              data-count={l.count}
            >
              <title>
                {l.count} flows between {humanize(l.a)} and {humanize(l.b)}
              </title>
            </line>
          );
        })}
      </g>
      {sketch.groups.map((g) => {
        const p = place.get(g.sector)!;
        return (
          <g key={g.sector} className="sector-group" data-sector={g.sector} data-count={g.count} data-within={g.within}>
            <circle cx={p.x} cy={p.y} r={p.r} fill={colorOf(g.sector)} stroke="#333" strokeWidth="0.8" />
            <title>
              {humanize(g.sector)}: {g.count} stakeholders, {g.within} flows among them
            </title>
            {p.r >= 9 && (
              <text x={p.x} y={p.y} className="sector-count" textAnchor="middle" dominantBaseline="central">
                {g.count}
              </text>
            )}
          </g>
        );
      })}
      {ncp && sketch.ncp && (
        <polygon
          points={starPoints(ncp.x + ncp.r * 0.75, ncp.y - ncp.r * 0.75, NCP_R * 0.8)}
          fill="#fff"
          stroke="#000"
          strokeWidth="1.6"
          data-ncp="true"
        >
          <title>
            NCP: {sketch.ncp.name} ({humanize(sketch.ncp.sector)})
          </title>
        </polygon>
      )}
    </>
  );
}

export function SketchSvg({ sketch, label }: { sketch: AnySketch; label: string }) {
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={label}
      className="sketch"
      data-kind={sketch.kind}
    >
      {sketch.kind === 'nodes' ? <NodesSvg sketch={sketch} /> : <GroupedSvg sketch={sketch} />}
    </svg>
  );
}
