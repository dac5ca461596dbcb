// The viewport of a drawn graph: fitting what matters into view, zooming, keeping a node clear of the
// details panel drawn over the canvas, and the PNG and SVG exports of what is drawn.
import cytoscape from 'cytoscape';
import { withGroupLabels } from './canvasGroupLabels';
import { labelSize } from './canvasLabels';

const CLEARANCE = 48;
export const FIT_PADDING = 40;
/** Fitting a few nodes does not zoom in further than this. */
const MAX_FIT_ZOOM = 1.1;
const EXPORT_MAX_SIDE = 4000;

/** Fits the focused stakeholders (or everything drawn) into view. */
export function fitView(cy: cytoscape.Core, focus: ReadonlySet<string> | undefined): void {
  const focused =
    focus && focus.size > 0 ? cy.nodes('[?stakeholder]').filter((n) => focus.has(n.id())) : cy.collection();
  const target = focused.nonempty() ? focused : cy.elements().not('.hidden');
  // The stakeholders' labels are left out of the box fitted: which of them are drawn, and how large,
  // depends on the zoom (canvasLabels.ts), and Fit must give the same view each time. Group boxes keep
  // their titles.
  const bodies = target.boundingBox({ includeLabels: false });
  const groups = target.filter('.group');
  const titled = groups.nonempty() ? groups.boundingBox() : bodies;
  const box = {
    x1: Math.min(bodies.x1, titled.x1),
    y1: Math.min(bodies.y1, titled.y1),
    x2: Math.max(bodies.x2, titled.x2),
    y2: Math.max(bodies.y2, titled.y2),
  };
  cy.fit(box as unknown as cytoscape.CollectionArgument, FIT_PADDING);
  // A grouped map keeps its groups' labels (and its NCP's) in view too: their size on screen hardly depends on the
  // zoom (canvasLabels.ts), so the box grows by them at the zoom it gets, which makes it a little smaller, a few times.
  const grouped = target.filter('node[?collapsed]').nonempty() ? target.filter('node[?collapsed], node.ncp') : null;
  for (let i = 0; grouped && i < 4; i++) {
    const zoom = cy.zoom();
    cy.fit(withGroupLabels(box, grouped, zoom, labelSize) as unknown as cytoscape.CollectionArgument, FIT_PADDING);
    if (Math.abs(cy.zoom() - zoom) < zoom * 0.01) break;
  }
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(target);
  }
}

/** Zooms by a factor about the canvas's centre. */
export function zoomBy(cy: cytoscape.Core, factor: number): void {
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** The canvas's left edge and the overlay's, in the page. */
function freeWidth(cy: cytoscape.Core, overlay: HTMLElement): number {
  return overlay.getBoundingClientRect().left - (cy.container()?.getBoundingClientRect().left ?? 0);
}

/** Centres a node in the free part of the canvas (left of the overlay), zooming in if far out. False if absent. */
export function centreOn(cy: cytoscape.Core, id: string, overlay: HTMLElement | null | undefined): boolean {
  const node = cy.getElementById(id);
  if (node.empty()) return false;
  if (cy.zoom() < 0.9) cy.zoom(0.9);
  const free = overlay ? Math.max(120, freeWidth(cy, overlay)) : cy.width();
  const p = node.renderedPosition();
  cy.panBy({ x: free / 2 - p.x, y: cy.height() / 2 - p.y });
  return true;
}

/** Pans a node out from under the overlay (the details panel), if it is hidden there. */
export function keepClearOf(cy: cytoscape.Core, id: string, overlay: HTMLElement): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  const free = freeWidth(cy, overlay);
  const x = node.renderedPosition().x;
  if (x > free - CLEARANCE) cy.panBy({ x: free - CLEARANCE * 2 - x, y: 0 });
}

/** PNG of what is drawn: sharp at twice the graph's own size, but no side over 4,000 px (the whole region is large). */
export function exportPng(cy: cytoscape.Core): Promise<Blob> {
  const box = cy.elements().not('.hidden').boundingBox();
  const scale = Math.min(2, EXPORT_MAX_SIDE / Math.max(box.w, box.h, 1));
  return cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff' });
}

let svgRegistered = false;

/** SVG of the whole graph (the SVG extension loads on first use). */
export async function exportSvg(cy: cytoscape.Core): Promise<Blob> {
  if (!svgRegistered) {
    const { default: svg } = await import('cytoscape-svg');
    if (!svgRegistered) cytoscape.use(svg);
    svgRegistered = true;
  }
  const withSvg = cy as cytoscape.Core & { svg(options: object): string };
  return new Blob([withSvg.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' });
}
