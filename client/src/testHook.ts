// Test hook: a small read-only view of the graph on screen, for the end-to-end tests (tests/e2e),
// which cannot query a canvas through the DOM. GraphCanvas sets `window.__flowAtlas` while a graph
// is mounted. It ships in the production build on purpose: the tests run against that build.
// Types only, so the Node-side tests can import it too.

export interface FlowAtlasTestHook {
  /** Country code of the graph on screen. */
  readonly country: string;
  /** True once the fcose layout has finished and the view is fitted. */
  readonly layoutDone: boolean;
  /** Milliseconds the layout took, once done. */
  readonly layoutMs: number | null;
  nodeCount(): number;
  edgeCount(): number;
  /** Ids of the nodes drawn as the country's NCP. */
  ncpNodes(): string[];
  /** A node's position in CSS pixels relative to the graph container, or null if absent. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Id of the node drawn as selected, or null. */
  selectedNode(): string | null;
}

declare global {
  interface Window {
    __flowAtlas?: FlowAtlasTestHook;
  }
}
