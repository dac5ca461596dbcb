// The labels of a drawn graph: after each zoom or pan (once the view rests), after a layout and after
// the selection or filters change, labels.ts chooses which stakeholders' labels fit without overlapping,
// and they get the "labelled" class (the stylesheet hides the others). Zoomed out, the labels drawn keep
// a readable size on screen: their `lscale` (font, wrap width and margin) is about 1 / zoom (scaleAt).
import type cytoscape from 'cytoscape';
import { chooseLabels, labelPriorities, type Box, type LabelCandidate } from './labels';
import { groupLabelChoice } from './canvasGroupLabels';
import { flagOf, setFlag } from './canvasFlags';

const REST_MS = 120;
/** The label margin below a node (styles.ts, text-margin-y), in graph units at scale 1. */
const MARGIN = 4;
const SCRATCH = '_flowAtlasLabels';
/** The nodes with a label chosen here: stakeholders, and a grouped map's collapsed groups. */
const LABELLED = 'node[?stakeholder], node[?collapsed]';

export interface CanvasLabels {
  /** Chooses the labels again now (the state drawn on the graph changed). */
  refresh: () => void;
  /** The drawn labels' boxes on screen, as Cytoscape measures them. */
  boxes: () => Array<{ id: string } & Box>;
  detach: () => void;
}

/** Flag (canvasFlags.ts) set while a large map is being loaded (largeMapLoad.ts): its labels are chosen once it is placed. */
export const LOADING = '_flowAtlasLoading';

/**
 * The labels' scale at a zoom: about 1 / zoom when zoomed out, in steps of 2^(1/4), so that labels stay 10-12 px
 * on screen and a small change of zoom (a refit when the canvas changes size) leaves every label as it is: a
 * new scale restyles every stakeholder and measures its label again, which takes long on a large map.
 */
export const scaleAt = (zoom: number) => (zoom < 1 ? 2 ** Math.max(0, Math.round(-Math.log2(zoom) * 4) / 4) : 1);

/**
 * The labels' scale at a zoom when they have `current` now: kept while it is within 3/4 of a step of the zoom's own
 * (scaleAt rounds to the nearest step), so that a zoom that hovers about the middle between two steps (a refit
 * when the canvas changes size by a few pixels) does not restyle every label back and forth.
 */
export function scaleNear(zoom: number, current: number | undefined): number {
  const wanted = scaleAt(zoom);
  if (current === undefined || current === wanted) return wanted;
  const steps = Math.max(0, -Math.log2(zoom) * 4);
  return Math.abs(Math.log2(current) * 4 - steps) < 0.75 ? current : wanted;
}

/** Cytoscape's parsed style of an element and the methods of collections that its types do not declare. */
interface Styled {
  pstyle(name: string): { pfValue: number; strValue: string };
}
interface Preparable {
  cleanStyle(): void;
  recalculateRenderedStyle(useCache?: boolean): void;
}

let measuring: CanvasRenderingContext2D | null = null;
const measured = new Map<string, { width: number; lines: number }>();

/**
 * A label's size as Cytoscape draws it at scale 1 (its wrapping: words added to a line while it stays within
 * `maxWidth`), measured once per text and font: a stakeholder's label is only styled while it is drawn
 * (styles.ts), so that the thousand labels left out are never measured, restyled nor drawn by Cytoscape.
 */
export function labelSize(text: string, font: string, maxWidth: number): { width: number; lines: number } {
  const key = `${font}|${maxWidth}|${text}`;
  const known = measured.get(key);
  if (known) return known;
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return { width: 0, lines: 1 };
  measuring.font = font;
  const width = (line: string) => Math.ceil(measuring!.measureText(line).width);
  const lines: string[] = [];
  if (width(text) <= maxWidth) lines.push(text);
  else {
    // Cytoscape's own wrapping (getLabelText): a word and its separator at a time.
    let line = '';
    let from = 0;
    for (const match of text.matchAll(/[\s\u200b]+|$/g)) {
      const word = text.substring(from, match.index);
      from = match.index + match[0].length;
      const test = line.length === 0 ? word : line + word + match[0];
      if (width(test) <= maxWidth) line += word + match[0];
      else {
        if (line) lines.push(line);
        line = word + match[0];
      }
    }
    if (!/^[\s\u200b]*$/.test(line)) lines.push(line);
  }
  const size = { width: Math.max(0, ...lines.map(width)), lines: Math.max(1, lines.length) };
  if (measured.size > 20_000) measured.clear();
  measured.set(key, size);
  return size;
}

/** Where a stakeholder's label would be on screen at `zoom` with the label scale `scale`, drawn or not. */
function stakeholderLabelBox(
  node: cytoscape.NodeSingular,
  zoom: number,
  scale: number,
  pan: cytoscape.Position,
): Box | null {
  const text = node.data('label') as string | undefined;
  if (!text) return null;
  const style = (name: string) => (node as unknown as Styled).pstyle(name);
  const at = (node.data('lscale') as number | undefined) ?? 1;
  // The node's label font and wrap width at scale 1 (styles.ts: its size and width follow lscale when it has one).
  const fontSize = style('font-size').pfValue / at;
  const maxWidth = style('text-max-width').pfValue / at;
  const font = `${style('font-style').strValue} ${style('font-weight').strValue} ${fontSize}px ${style('font-family').strValue}`;
  const { width, lines } = labelSize(text, font, maxWidth);
  const p = node.position();
  // Below the node, MARGIN under it, with 1 px of background padding around the text (styles.ts).
  const top = p.y + style('height').pfValue / 2 + MARGIN * scale;
  const w = (width * scale + 2) * zoom;
  const x = p.x * zoom + pan.x;
  const y1 = top * zoom + pan.y;
  return { x1: x - w / 2, y1, x2: x + w / 2, y2: y1 + (lines * fontSize * scale + 2) * zoom };
}

/** Font, wrap width and margin of styles.ts's node labels (the NCP's and groups' font is 12), times `scale`. */
function setScale(n: cytoscape.NodeSingular, scale: number): void {
  if (n.data('lscale') === scale) return;
  const group = n.data('collapsed') === true;
  const font = group || n.hasClass('ncp') ? 12 : 11;
  n.data({ lscale: scale, lfs: font * scale, lmw: (group ? 400 : 120) * scale, lmy: 4 * scale });
}

export function attachLabels(
  cy: cytoscape.Core,
  rank: () => Readonly<Record<string, number>> | undefined,
): CanvasLabels {
  let hovered: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The scale of the labels drawn now.
  let current: number | undefined;

  const refresh = () => {
    clearTimeout(timer);
    if (cy.destroyed() || flagOf(cy, LOADING) === true) return;
    const zoom = cy.zoom();
    const scale = scaleNear(zoom, current ?? (cy.nodes(LABELLED).first().data('lscale') as number | undefined));
    current = scale;
    // A grouped map's collapsed groups get the size of this zoom, drawn or not (a label that only changes its
    // opacity keeps its box, so Cytoscape's layer cache leaves no piece of it behind when it is hidden); a
    // stakeholder's label only once chosen (below): the others have no label in the stylesheet.
    cy.batch(() => {
      cy.nodes('[?collapsed]').forEach((n) => setScale(n, scale));
      // A grouped map's aggregated flows keep their width and count on screen too, and its open groups their titles.
      cy.edges('[?aggregate]').forEach((e) => {
        if (e.data('lscale') === scale) return;
        e.data({ lscale: scale, lfs: 11 * scale, lw: (e.data('bw') as number) * scale });
      });
      cy.nodes('.open-group').forEach((n) => {
        if (n.data('fontSize') !== 12 * scale) n.data('fontSize', 12 * scale);
      });
    });
    const nodes = cy.nodes(LABELLED).not('.hidden');
    const focus = [...cy.nodes('.selected, .group-selected').map((n) => n.id()), ...(hovered ? [hovered] : [])];
    const edges: Array<{ source: string; target: string }> = [];
    cy.edges().forEach((e) => {
      if (!e.hasClass('hidden')) edges.push({ source: e.source().id(), target: e.target().id() });
    });
    const ids = nodes.map((n) => n.id());
    const priorities = labelPriorities(ids, edges, {
      focus,
      ncps: cy.nodes('.ncp').map((n) => n.id()),
      groups: cy.nodes('[?collapsed]').map((n) => n.id()),
      rank: rank(),
    });
    // A grouped map's groups and flow counts (canvasGroupLabels.ts).
    const grouped = groupLabelChoice(cy, { zoom, scale, focus, priorities, measure: labelSize });
    const candidates: LabelCandidate[] = [...grouped.candidates];
    const pan = cy.pan();
    nodes.forEach((n) => {
      const box = n.data('stakeholder') === true ? stakeholderLabelBox(n, zoom, scale, pan) : null;
      if (box) candidates.push({ id: n.id(), priority: priorities.get(n.id()) ?? 0, box });
    });
    const screen = { width: cy.width(), height: cy.height() };
    const chosen = chooseLabels(candidates, screen, undefined, grouped.obstacles);
    const changed = cy.collection();
    cy.batch(() => {
      cy.nodes(LABELLED).forEach((n) => {
        if (chosen.has(n.id())) {
          if (n.data('lscale') !== scale || !n.hasClass('labelled')) changed.merge(n);
          setScale(n, scale);
          if (!n.hasClass('labelled')) n.addClass('labelled');
        } else if (n.hasClass('labelled')) n.removeClass('labelled');
      });
    });
    changed.merge(grouped.apply(chosen));
    // Their new style applied before their labels are measured: Cytoscape would otherwise measure a label from
    // its style before the change (its rendered style is only marked stale once the new style is applied).
    const restyled = changed as unknown as Preparable;
    restyled.cleanStyle();
    restyled.recalculateRenderedStyle(false);
    // The boxes above are foreseen (a label's size measured here, or one Cytoscape measured at another scale,
    // which may wrap differently at the new one): the labels drawn are measured by Cytoscape as they are now,
    // and any that still touches one of higher priority is left out.
    const drawn = boxes().map(({ id, ...box }) => ({
      id,
      box,
      priority: priorities.get(id) ?? grouped.priority(id) ?? 0,
      strict: grouped.strict(id),
    }));
    const kept = chooseLabels(drawn, screen, undefined, grouped.obstacles);
    cy.batch(() => {
      for (const { id } of drawn) if (!kept.has(id)) cy.getElementById(id).removeClass('labelled');
    });
  };
  const boxes = () => {
    const zoom = cy.zoom();
    const pan = cy.pan();
    return cy
      .elements('.labelled')
      .not('.hidden')
      .map((n) => {
        const bb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        return {
          id: n.id(),
          x1: bb.x1 * zoom + pan.x,
          y1: bb.y1 * zoom + pan.y,
          x2: bb.x2 * zoom + pan.x,
          y2: bb.y2 * zoom + pan.y,
        };
      });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, REST_MS);
  };
  const over = (event: cytoscape.EventObject) => {
    hovered = (event.target as cytoscape.NodeSingular).id();
    later();
  };
  const out = () => {
    hovered = null;
    later();
  };
  cy.on('viewport', later);
  cy.on('mouseover', LABELLED, over);
  cy.on('mouseout', LABELLED, out);

  const labels: CanvasLabels = {
    refresh,
    boxes,
    detach: () => {
      clearTimeout(timer);
      cy.off('viewport', later);
      cy.off('mouseover', LABELLED, over);
      cy.off('mouseout', LABELLED, out);
    },
  };
  setFlag(cy, SCRATCH, labels);
  return labels;
}

/** Chooses the labels of `cy` again, if it has them attached. */
export function refreshLabels(cy: cytoscape.Core): void {
  (flagOf(cy, SCRATCH) as CanvasLabels | undefined)?.refresh();
}
