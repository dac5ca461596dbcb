// Styling a large map's elements as they are added (largeMapLoad.ts), at a little more than half of what
// Cytoscape's own way costs: they are styled a slice at a time in one pass, and without the follow-up work Cytoscape
// does for each property of an element already drawn. Same looks (tests/unit/client/large-map-load.test.ts).
import type cytoscape from 'cytoscape';

/** Cytoscape's style (its methods that its types do not declare), and an element's private state read here. */
interface StyleInternals {
  apply(eles: cytoscape.Collection): unknown;
  checkTriggers?: (ele: cytoscape.SingularElementArgument) => void;
}
type Fresh = cytoscape.SingularElementArgument & { _private: { styleDirty: boolean; styleCache: unknown } };

/**
 * Styles elements just added (they have never been drawn nor measured) in one pass: Cytoscape's cleanStyle styles
 * them one at a time, each with a collection of its own.
 */
export function styleNew(cy: cytoscape.Core, eles: cytoscape.Collection): void {
  for (let i = 0; i < eles.length; i++) (eles[i] as Fresh)._private.styleDirty = false;
  (cy.style() as unknown as StyleInternals).apply(eles);
}

/**
 * While a large map's elements are added and styled, each property set on each of them is not followed by what
 * Cytoscape does when a drawn element's looks change (its box and those of its flows and of the flows beside
 * them marked out of date, each with an event, and the drawing order): they have no box yet, and are not drawn
 * until the whole is in (the renderer is told nothing meanwhile). The element's own cache of its style is still
 * cleared. Answers how to put Cytoscape's own way back.
 */
export function quietStyle(cy: cytoscape.Core): { restore: () => void } {
  const style = cy.style() as unknown as StyleInternals;
  const core = cy as unknown as { hasCompoundNodes(): boolean };
  style.checkTriggers = (ele) => {
    // Without compound nodes (a large map's boxes are plain nodes), an element's style cache is its own.
    if (core.hasCompoundNodes()) (ele as unknown as { dirtyStyleCache(): void }).dirtyStyleCache();
    else (ele as Fresh)._private.styleCache = null;
  };
  return {
    restore: () => {
      delete style.checkTriggers;
    },
  };
}
