// The labels of a drawn graph: after each zoom or pan (once the view rests), after a layout and after
// the selection or filters change, labels.ts chooses which stakeholders' labels fit without overlapping,
// and they get the "labelled" class (the stylesheet hides the others). Zoomed out, the labels drawn keep
// a readable size on screen: their `lscale` (font, wrap width and margin) is about 1 / zoom (scaleAt).
import type cytoscape from 'cytoscape';
import { chooseLabels, labelPriorities, type Box, type LabelCandidate } from './labels';

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

/** Scratch key set while a large map is being loaded (largeMapLoad.ts): its labels are chosen once it is placed. */
export const LOADING = '_flowAtlasLoading';

/**
 * The labels' scale at a zoom: about 1 / zoom when zoomed out, in steps of 2^(1/4), so that labels stay 10-12 px
 * on screen and a small change of zoom (a refit when the canvas changes size) leaves every label as it is: a
 * new scale restyles every stakeholder and measures its label again, which takes long on a large map.
 */
export const scaleAt = (zoom: number) => (zoom < 1 ? 2 ** Math.max(0, Math.round(-Math.log2(zoom) * 4) / 4) : 1);

/** Where a node's label is on screen at `zoom` (with the label scale of that zoom), from its box now. */
function labelBox(cy: cytoscape.Core, node: cytoscape.NodeSingular, zoom: number): Box | null {
  const bb = node.boundingBox({
    includeNodes: false,
    includeEdges: false,
    includeLabels: true,
    includeOverlays: false,
  });
  if (!(bb.w > 0) || !(bb.h > 0)) return null;
  const before = (node.data('lscale') as number | undefined) ?? 1;
  const scale = scaleAt(zoom);
  const p = node.position();
  const pan = cy.pan();
  const width = (bb.w / before) * scale * zoom;
  const height = (bb.h / before) * scale * zoom;
  const top = (bb.y1 - p.y - MARGIN * before + MARGIN * scale) * zoom + p.y * zoom + pan.y;
  const x = p.x * zoom + pan.x;
  return { x1: x - width / 2, y1: top, x2: x + width / 2, y2: top + height };
}

export function attachLabels(
  cy: cytoscape.Core,
  rank: () => Readonly<Record<string, number>> | undefined,
): CanvasLabels {
  let hovered: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    clearTimeout(timer);
    if (cy.destroyed() || cy.scratch(LOADING) === true) return;
    const zoom = cy.zoom();
    const scale = scaleAt(zoom);
    // Every label gets the size of this zoom, drawn or not: a label that only changes its opacity keeps
    // its box, so Cytoscape's layer cache leaves no piece of it behind when it is hidden.
    cy.batch(() => {
      cy.nodes(LABELLED).forEach((n) => {
        if (n.data('lscale') === scale) return;
        // Font, wrap width and margin of styles.ts's node labels (the NCP's and groups' font is 12), times the scale.
        const group = n.data('collapsed') === true;
        const font = group || n.hasClass('ncp') ? 12 : 11;
        n.data({ lscale: scale, lfs: font * scale, lmw: (group ? 200 : 120) * scale, lmy: 4 * scale });
      });
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
    const candidates: LabelCandidate[] = [];
    nodes.forEach((n) => {
      const box = labelBox(cy, n, zoom);
      if (box) candidates.push({ id: n.id(), priority: priorities.get(n.id()) ?? 0, box });
    });
    const screen = { width: cy.width(), height: cy.height() };
    const chosen = chooseLabels(candidates, screen);
    cy.batch(() => {
      cy.nodes(LABELLED).forEach((n) => {
        if (chosen.has(n.id())) {
          if (!n.hasClass('labelled')) n.addClass('labelled');
        } else if (n.hasClass('labelled')) n.removeClass('labelled');
      });
    });
    // The boxes above are foreseen from each label's size at another scale, and a label may wrap
    // differently at the new one: the labels drawn are measured as they are now, and any that still
    // touches one of higher priority is left out.
    const drawn = boxes().map(({ id, ...box }) => ({ id, box, priority: priorities.get(id) ?? 0 }));
    const kept = chooseLabels(drawn, screen);
    cy.batch(() => {
      for (const { id } of drawn) if (!kept.has(id)) cy.getElementById(id).removeClass('labelled');
    });
  };
  const boxes = () => {
    const zoom = cy.zoom();
    const pan = cy.pan();
    return cy
      .nodes('.labelled')
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
  cy.scratch(SCRATCH, labels);
  return labels;
}

/** Chooses the labels of `cy` again, if it has them attached. */
export function refreshLabels(cy: cytoscape.Core): void {
  (cy.scratch(SCRATCH) as CanvasLabels | undefined)?.refresh();
}
