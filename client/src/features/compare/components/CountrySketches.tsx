// Small multiples: a sketch of each compared country's map (its own stakeholders and the active flows
// between them, coloured by sector, the NCP as a star), each a link to the full map. A card asks for its
// map when it comes near the viewport; a small map is laid out in a worker (the page never waits for
// it, and the same map gives the same picture), a large one is drawn grouped by sector (sketch.ts).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { humanize } from '../../../lib/format';
import { useNearViewport } from '../../../lib/useNearViewport';
import { navigate, viewHref } from '../../../lib/views';
import { graphQueryOptions } from '../../../graph/api/getGraph';
import type { GraphResponse } from '../../../graph/api/types';
import { SECTOR_COLORS, SECTOR_ORDER } from '../../../graph/styles';
import { GROUP_ABOVE, sketchInput, type AnySketch } from '../sketch';
import { SketchSvg, starPoints } from './SketchSvg';

// One sketch per map answer: revisiting the view does not lay it out again.
const made = new WeakMap<GraphResponse, Promise<AnySketch>>();

function sketchOf(graph: GraphResponse): Promise<AnySketch> {
  let sketch = made.get(graph);
  if (!sketch) {
    sketch = import('../sketchWorker').then(({ makeSketch }) => makeSketch(sketchInput(graph)));
    // A failure (the code could not be loaded) is not kept: the next visit tries again.
    sketch.catch(() => made.delete(graph));
    made.set(graph, sketch);
  }
  return sketch;
}

/** The sketch of `graph`, once made; tables above show without waiting for it. */
function useSketch(graph: GraphResponse | undefined): { sketch: AnySketch | null; failed: Error | null } {
  const [sketch, setSketch] = useState<{ graph: GraphResponse; sketch: AnySketch } | null>(null);
  // The layout code could not be loaded (the server went away, or a new version replaced it).
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (!graph) return;
    let cancelled = false;
    sketchOf(graph).then(
      (made) => {
        if (!cancelled) setSketch({ graph, sketch: made });
      },
      (err: unknown) => {
        if (!cancelled) setFailed(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [graph]);
  return { sketch: sketch && sketch.graph === graph ? sketch.sketch : null, failed };
}

const count = (n: number, what: string) => `${n.toLocaleString('en')} ${what}`;

/** What the sketch shows, in words (the drawing's accessible name). */
function describe(sketch: AnySketch, name: string, ncp: string | undefined): string {
  const star = ncp ? `the NCP, ${ncp}, is the star` : 'no NCP mapped';
  if (sketch.kind === 'nodes') {
    const sectors = new Set(sketch.nodes.map((n) => n.sector)).size;
    return `Sketch of the map of ${name}: ${sketch.nodes.length} stakeholders in ${sectors} sectors, ${sketch.edges.length} active flows between them; ${star}.`;
  }
  const groups = sketch.groups.map((g) => `${humanize(g.sector)} ${g.count.toLocaleString('en')}`).join(', ');
  return `Sketch of the map of ${name}, grouped by sector: ${count(sketch.stakeholders, 'stakeholders')} in ${sketch.groups.length} sectors (${groups}), ${count(sketch.flows, 'active flows')} between them; ${star}.`;
}

function SketchCard({ code, name }: { code: string; name: string }) {
  const card = useRef<HTMLElement>(null);
  const near = useNearViewport(card);
  // The card's map, asked for once the card is about to be seen.
  const query = useQuery({ ...graphQueryOptions(code), enabled: near });
  const graph = query.data;
  const pending = query.isPending;
  const { sketch, failed } = useSketch(near ? graph : undefined);
  const error = query.error ?? failed;
  const href = viewHref('map', code);
  const ncp = graph?.stakeholders.find((s) => s.ncp && !s.external);
  const label = sketch ? describe(sketch, name, ncp?.name) : '';
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
            · {count(sketch.kind === 'nodes' ? sketch.nodes.length : sketch.stakeholders, 'stakeholders')} ·{' '}
            {count(sketch.kind === 'nodes' ? sketch.edges.length : sketch.flows, 'flows')}
          </span>
        )}
        {sketch?.kind === 'grouped' && (
          <span className="sketch-note">
            grouped: {count(sketch.stakeholders, 'stakeholders')} in {sketch.groups.length} sectors
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
        its full map. A map of more than {GROUP_ABOVE} institutions is drawn grouped by sector: a disc per sector, its
        area by the number of institutions, and lines as thick as the flows between two sectors.
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
