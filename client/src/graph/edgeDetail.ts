// The flows of a large map are drawn as sketches while zoomed out: plain solid lines, without arrowheads or
// dashes (styles.ts, `edge.sketch`), which at the zoom that fits a thousand stakeholders would be a few pixels
// wide and unreadable, yet cost about a third of every full drawing. Once the view rests zoomed in to
// DETAIL_ZOOM or more, the flows in view get their arrowheads and line styles back (and keep them); only those
// are restyled, not the thousands out of view.
import type cytoscape from 'cytoscape';

export const SKETCH = 'sketch';
/** From this zoom on, the flows in view are drawn in full. */
export const DETAIL_ZOOM = 0.5;
const REST_MS = 150;

/** The elements of a large map with its flows drawn as sketches to begin with. */
export function sketched(elements: readonly cytoscape.ElementDefinition[]): cytoscape.ElementDefinition[] {
  return elements.map((e) =>
    e.group === 'edges'
      ? { ...e, classes: [typeof e.classes === 'string' ? e.classes : '', SKETCH].filter(Boolean).join(' ') }
      : e,
  );
}

/** Draws the sketched flows in view in full whenever the view rests at DETAIL_ZOOM or closer. Answers a detach. */
export function attachEdgeDetail(cy: cytoscape.Core): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const detail = () => {
    if (cy.destroyed() || cy.zoom() < DETAIL_ZOOM) return;
    const view = cy.extent();
    const inView = cy.edges(`.${SKETCH}`).filter((e) => {
      const bb = e.boundingBox({ includeLabels: false });
      return bb.x1 <= view.x2 && bb.x2 >= view.x1 && bb.y1 <= view.y2 && bb.y2 >= view.y1;
    });
    if (inView.nonempty()) cy.batch(() => inView.removeClass(SKETCH));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(detail, REST_MS);
  };
  cy.on('viewport', later);
  return () => {
    clearTimeout(timer);
    cy.off('viewport', later);
  };
}
