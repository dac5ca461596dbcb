// Small multiples: a sketch of each compared country's map (its own stakeholders and the active flows
// between them, coloured by sector, the NCP as a star), each a link to the full map. A sketch is laid out
// when its card comes near the viewport, and Cytoscape (which lays it out) is loaded only then.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { humanize } from '../../../lib/format';
import { useNearViewport } from '../../../lib/useNearViewport';
import { navigate, viewHref } from '../../../lib/views';
import { graphQueryOptions } from '../../../graph/api/getGraph';
import type { GraphResponse } from '../../../graph/api/types';
import { SECTOR_COLORS, SECTOR_ORDER } from '../../../graph/styles';
import type { Sketch } from '../sketch';

const W = 220;
const H = 170;
const PAD = 12;
const R = 4.5;
const NCP_R = 10;
const EDGE_COLOR = '#8c8c8c';

function starPoints(cx: number, cy: number, outer: number): string {
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

/** Lays the sketch out once its card is near the viewport, after the first paint, so the tables above show without waiting for it. */
function useSketch(graph: GraphResponse | undefined, near: boolean): { sketch: Sketch | null; failed: Error | null } {
  const [sketch, setSketch] = useState<{ graph: GraphResponse; sketch: Sketch } | null>(null);
  // The layout code could not be loaded (the server went away, or a new version replaced it).
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (!graph || !near) return;
    let cancelled = false;
    let timer: number | undefined;
    import('../sketch').then(
      ({ sketchOf }) => {
        if (!cancelled) timer = window.setTimeout(() => setSketch({ graph, sketch: sketchOf(graph) }), 0);
      },
      (err: unknown) => {
        if (!cancelled) setFailed(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [graph, near]);
  return { sketch: sketch && sketch.graph === graph ? sketch.sketch : null, failed };
}

function SketchSvg({ sketch, label }: { sketch: Sketch; label: string }) {
  const { box } = sketch;
  const scale = Math.min((W - 2 * PAD) / (box.w || 1), (H - 2 * PAD) / (box.h || 1), 1.2);
  const ox = (W - box.w * scale) / 2 - box.x * scale;
  const oy = (H - box.h * scale) / 2 - box.y * scale;
  const at = new Map(sketch.nodes.map((n) => [n.id, { x: n.x * scale + ox, y: n.y * scale + oy }]));
  const ordered = [...sketch.nodes].sort((a, b) => Number(a.ncp) - Number(b.ncp));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label} className="sketch">
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
    </svg>
  );
}

function SketchCard({ code, name }: { code: string; name: string }) {
  const card = useRef<HTMLElement>(null);
  const near = useNearViewport(card);
  // The card's map, asked for once the card is about to be seen.
  const query = useQuery({ ...graphQueryOptions(code), enabled: near });
  const graph = query.data;
  const pending = query.isPending;
  const { sketch, failed } = useSketch(graph, near);
  const error = query.error ?? failed;
  const href = viewHref('map', code);
  const ncp = graph?.stakeholders.find((s) => s.ncp && !s.external);
  const sectors = sketch ? new Set(sketch.nodes.map((n) => n.sector)).size : 0;
  const label = sketch
    ? `Sketch of the map of ${name}: ${sketch.nodes.length} stakeholders in ${sectors} sectors, ${sketch.edges.length} active flows between them; ${
        ncp ? `the NCP, ${ncp.name}, is the star` : 'no NCP mapped'
      }.`
    : '';
  return (
    <figure className="sketch-card" data-country={code} ref={card}>
      <div className="sketch-frame">
        {sketch && <SketchSvg sketch={sketch} label={label} />}
        {!sketch && !error && near && (
          <span className="sketch-wait muted">{pending ? 'Loading the map…' : 'Drawing…'}</span>
        )}
        {error && <span className="sketch-wait">Could not load this map: {error.message}</span>}
      </div>
      <figcaption>
        <a
          href={href}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate(href);
          }}
        >
          {name}
        </a>
        {sketch && (
          <span className="muted">
            {' '}
            · {sketch.nodes.length} stakeholders · {sketch.edges.length} flows
          </span>
        )}
      </figcaption>
    </figure>
  );
}

export function CountrySketches({
  countries,
  nameOf,
}: {
  countries: readonly string[];
  nameOf: (code: string) => string;
}) {
  return (
    <>
      <p className="compare-lead">
        Each country’s own institutions and the flows running now between them, laid out by a force-directed drawing:
        tightly knit groups sit together. The star is the national contact point (NCP). Select a country’s name to open
        its full map.
      </p>
      <ul className="sketch-legend" aria-label="Sector colours">
        {SECTOR_ORDER.filter((s) => s !== 'international').map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: SECTOR_COLORS[s] }} aria-hidden="true" />
            {humanize(s)}
          </li>
        ))}
        <li>
          <svg width="16" height="16" viewBox="0 0 22 22" aria-hidden="true">
            <polygon points={starPoints(11, 11, 10)} fill="#fff" stroke="#000" strokeWidth="2" />
          </svg>
          NCP
        </li>
      </ul>
      <div className="sketches">
        {countries.map((code) => (
          <SketchCard key={code} code={code} name={nameOf(code)} />
        ))}
      </div>
    </>
  );
}
