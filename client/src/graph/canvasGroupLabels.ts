// A grouped map's labels (grouping.ts, issue 18 point 2), chosen with the stakeholders' (canvasLabels.ts,
// labels.ts) so that none overlaps another: each collapsed group's counts (its name, members and flows; where
// they do not fit, its name and members, the rest in its details and on hover), then the aggregated flows'
// counts, those of the selected or hovered item first, then the heaviest. Each is drawn only whole on screen
// and clear of the discs and stakeholders (drawn over labels), and Fit makes room for the groups' labels.
import type cytoscape from 'cytoscape';
import { countPriorities, type Box, type LabelCandidate, type Obstacle } from './labels';

/** A label's width and lines as Cytoscape draws it at scale 1 (canvasLabels.ts's labelSize). */
export type Measure = (text: string, font: string, maxWidth: number) => { width: number; lines: number };

/** The class of a collapsed group drawn with its short label, and those of its label's side but below (groupStyles.ts). */
export const SHORT_LABEL = 'short-label';
export const LABEL_SIDES = { above: 'label-above', right: 'label-right', left: 'label-left' } as const;
type Side = 'below' | keyof typeof LABEL_SIDES;
const SIDES: readonly Side[] = ['below', 'above', 'right', 'left'];
/** The label margin below a node at scale 1 (canvasLabels.ts, text-margin-y). */
const MARGIN = 4;
/** Cytoscape widens every label's box by this on each side, beside its background padding. */
const MARGIN_OF_ERROR = 2;

/** A group's label forms, in the order tried: its counts below the disc, above, right, left, then its short label so. */
const FORMS = [false, true].flatMap((short) =>
  SIDES.map((side) => ({ suffix: `${short ? ' short' : ''}${side === 'below' ? '' : ` ${side}`}`, short, side })),
);

interface Styled {
  pstyle(name: string): { pfValue: number; strValue: string };
}

/** An element's label font and wrap width at scale 1 (its size and width follow lscale when it has one). */
function fontOf(ele: cytoscape.SingularElementArgument) {
  const style = (name: string) => (ele as unknown as Styled).pstyle(name);
  const at = (ele.data('lscale') as number | undefined) ?? 1;
  const size = style('font-size').pfValue / at;
  return {
    size,
    maxWidth: style('text-max-width').pfValue / at,
    font: `${style('font-style').strValue} ${style('font-weight').strValue} ${size}px ${style('font-family').strValue}`,
    pad: style('text-background-padding').pfValue + MARGIN_OF_ERROR,
  };
}

/** A text's size with its own line breaks (Cytoscape wraps each line on its own). */
function textSize(text: string, font: string, maxWidth: number, measure: Measure) {
  let width = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    const size = measure(line, font, maxWidth);
    width = Math.max(width, size.width);
    lines += size.lines;
  }
  return { width, lines };
}

/**
 * Where a node's label with `text` is at the label scale `scale`, in graph units: below the node (or above it), as
 * Cytoscape measures it.
 */
export function nodeLabelBox(
  node: cytoscape.NodeSingular,
  text: string,
  scale: number,
  measure: Measure,
  side: Side = 'below',
): Box {
  const { size, maxWidth, font, pad } = fontOf(node);
  const { width, lines } = textSize(text, font, maxWidth, measure);
  const p = node.position();
  const [w, h] = [width * scale, lines * size * scale];
  const gap = MARGIN * scale;
  const left =
    side === 'right' ? p.x + node.width() / 2 + gap : side === 'left' ? p.x - node.width() / 2 - gap - w : p.x - w / 2;
  const top =
    side === 'below'
      ? p.y + node.height() / 2 + gap
      : side === 'above'
        ? p.y - node.height() / 2 - gap - h
        : p.y - h / 2;
  return { x1: left - pad, y1: top - pad, x2: left + w + pad, y2: top + h + pad };
}

/** An aggregated edge's count at its midpoint, in graph units, at the label scale `scale`. */
function countBox(edge: cytoscape.EdgeSingular, scale: number, measure: Measure): Box | null {
  const text = edge.data('label') as string | undefined;
  const mid = edge.midpoint() as cytoscape.Position | undefined;
  if (!text || !mid || !Number.isFinite(mid.x) || !Number.isFinite(mid.y)) return null;
  const { size, maxWidth, font, pad } = fontOf(edge);
  const { width } = textSize(text, font, maxWidth, measure);
  const w = (width * scale) / 2 + pad;
  const h = (size * scale) / 2 + pad;
  return { x1: mid.x - w, y1: mid.y - h, x2: mid.x + w, y2: mid.y + h };
}

const onScreen = (b: Box, zoom: number, pan: cytoscape.Position): Box => ({
  x1: b.x1 * zoom + pan.x,
  y1: b.y1 * zoom + pan.y,
  x2: b.x2 * zoom + pan.x,
  y2: b.y2 * zoom + pan.y,
});

export interface GroupLabelChoice {
  /** The collapsed groups' labels (each with its short form) and the aggregated flows' counts. */
  candidates: LabelCandidate[];
  /** The discs and stakeholders drawn, which these labels keep clear of. */
  obstacles: Obstacle[];
  /** Draws the labels chosen (`labelled`, and the form chosen); returns the elements to measure again. */
  apply: (chosen: ReadonlySet<string>) => cytoscape.CollectionReturnValue;
  /** A flow count's priority (undefined for any other label). */
  priority: (id: string) => number | undefined;
  /** A label of a group or a flow count: whole on screen and clear of the obstacles only. */
  strict: (id: string) => boolean;
}

/**
 * The grouped map's labels as candidates for the labels at `zoom` and label scale `scale`, with the groups' priorities
 * of `priorities` (labelPriorities) and the counts' of countPriorities. On a map not grouped: none.
 */
export function groupLabelChoice(
  cy: cytoscape.Core,
  view: {
    zoom: number;
    scale: number;
    focus: readonly string[];
    priorities: ReadonlyMap<string, number>;
    measure: Measure;
  },
): GroupLabelChoice {
  const { zoom, scale, measure } = view;
  const pan = cy.pan();
  const groups = cy.nodes('[?collapsed]').not('.hidden');
  const edges = cy.edges('[?aggregate]').not('.hidden') as cytoscape.EdgeCollection;
  const candidates: LabelCandidate[] = [];
  const obstacles: Obstacle[] = [];
  if (groups.nonempty() || edges.nonempty()) {
    cy.nodes()
      .not('.hidden')
      .not('.open-group')
      .forEach((n) => {
        const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        obstacles.push({ id: n.id(), x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 });
      });
  }
  groups.forEach((n) => {
    const [first, ...others] = FORMS.map((form) => ({
      id: n.id() + form.suffix,
      box: onScreen(
        nodeLabelBox(n, n.data(form.short ? 'short' : 'label') as string, scale, measure, form.side),
        zoom,
        pan,
      ),
    }));
    candidates.push({ ...first!, priority: view.priorities.get(n.id()) ?? 0, shorter: others, strict: true });
  });
  const counts = countPriorities(
    edges.map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      flows: e.data('flows') as number,
    })),
    view.focus,
  );
  edges.forEach((e) => {
    const priority = counts.get(e.id());
    const box = priority === undefined ? null : countBox(e, scale, measure);
    if (box && priority !== undefined)
      candidates.push({ id: e.id(), priority, box: onScreen(box, zoom, pan), strict: true });
  });
  const ours = new Set([...groups.map((n) => n.id()), ...edges.map((e) => e.id())]);

  const apply = (chosen: ReadonlySet<string>) => {
    const changed = cy.collection();
    cy.batch(() => {
      groups.forEach((n) => {
        const form = FORMS.find((f) => chosen.has(n.id() + f.suffix));
        const wanted = new Set<string>(form ? ['labelled', ...(form.short ? [SHORT_LABEL] : [])] : []);
        if (form && form.side !== 'below') wanted.add(LABEL_SIDES[form.side]);
        const all = ['labelled', SHORT_LABEL, ...Object.values(LABEL_SIDES)];
        if (all.every((c) => n.hasClass(c) === wanted.has(c))) return;
        changed.merge(n);
        for (const c of all) n.toggleClass(c, wanted.has(c));
      });
      edges.forEach((e) => {
        const labelled = chosen.has(e.id());
        if (e.hasClass('labelled') !== labelled) {
          changed.merge(e);
          e.toggleClass('labelled', labelled);
        }
      });
    });
    // Every group and count drawn measured anew too: a new label scale (canvasLabels.ts) changes their size, not their class.
    return changed.merge(groups).merge(edges.filter('.labelled'));
  };
  return { candidates, obstacles, apply, priority: (id) => counts.get(id), strict: (id) => ours.has(id) };
}

/** At most the label scale of a zoom (canvasLabels.ts's scaleNear keeps a scale up to 3/4 of a step, 2^(3/16), off). */
const scaleBound = (zoom: number) => Math.max(1, 2 ** (3 / 16) / zoom);

/**
 * `box` (graph units) grown by the whole labels of the nodes of a grouped map that Fit keeps in view (its collapsed
 * groups and its NCP), at the largest size they may have at `zoom`.
 */
export function withGroupLabels(box: Box, nodes: cytoscape.NodeCollection, zoom: number, measure: Measure): Box {
  const grown = { ...box };
  const scale = scaleBound(zoom);
  nodes.forEach((n) => {
    const text = n.data('label') as string | undefined;
    if (!text) return;
    const b = nodeLabelBox(n, text, scale, measure);
    grown.x1 = Math.min(grown.x1, b.x1);
    grown.y1 = Math.min(grown.y1, b.y1);
    grown.x2 = Math.max(grown.x2, b.x2);
    grown.y2 = Math.max(grown.y2, b.y2);
  });
  return grown;
}
