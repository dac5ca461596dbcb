// Test hook: a small read-only view of the graph on screen, for the end-to-end tests (tests/e2e),
// which cannot query a canvas through the DOM. GraphCanvas sets `window.__flowAtlas` while a graph
// is mounted. It ships in the production build on purpose: the tests run against that build.
// Types only, so the Node-side tests can import it too.

export interface FlowAtlasTestHook {
  /** Country code of the graph on screen, or "region" for the whole region. */
  readonly country: string;
  /** The view drawing the graph: "map", "bottlenecks", "plan" or "rounds" (the map of a difference). */
  readonly view: string;
  /** The layout: "fcose", "ncp" or "sector". */
  readonly layout: string;
  /** True once the layout has finished and the view is fitted. */
  readonly layoutDone: boolean;
  /** Milliseconds the layout took, once done. */
  readonly layoutMs: number | null;
  /** True when the positions were computed in the layout worker (large maps), not on the page. */
  readonly layoutInWorker: boolean;
  /** True when a large map's layout was asked of the worker when its graph came in, before the map was mounted. */
  readonly layoutAskedEarly: boolean;
  /** Frames Cytoscape had drawn with elements in them when the layout finished (a large map is drawn once placed: none), or null before. */
  readonly framesBeforeLaidOut: number | null;
  /** Stakeholder nodes (compound group boxes not counted). */
  nodeCount(): number;
  /** Edges drawn for stored flows (proposed what-if flows not counted). */
  edgeCount(): number;
  /** Stakeholder nodes and stored-flow edges not hidden by a filter. */
  visibleNodeCount(): number;
  visibleEdgeCount(): number;
  /** Flow ids of the visible edges. */
  visibleFlows(): string[];
  /** Visible edges whose two ends are in different countries. */
  crossBorderEdgeCount(): number;
  /** Compound boxes: countries in the whole region, sectors in the "by sector" layout. */
  groups(): Array<{ id: string; label: string; children: number }>;
  /** The same boxes on screen (CSS pixels of the graph container, labels left out), with their stakeholders. */
  groupBoxes(): Array<{ id: string; members: string[]; box: Omit<LabelBox, 'id'> }>;
  /** Flow edges not hidden and drawn with an arrowhead at their target (a large map draws none zoomed out). */
  arrowEdgeCount(): number;
  /** Ids of the nodes drawn as an NCP. */
  ncpNodes(): string[];
  /** A node's position in CSS pixels relative to the graph container, or null if absent. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** A flow edge's midpoint in CSS pixels relative to the graph container, or null if absent or hidden. */
  edgeMidpoint(flowId: string): { x: number; y: number } | null;
  /** The label drawn for a node. */
  nodeLabel(id: string): string | null;
  /** The drawn width of a node, in graph units. */
  nodeSize(id: string): number | null;
  /** Id of the node drawn as selected, or null. */
  selectedNode(): string | null;
  /** Flow id of the edge drawn as selected, or null. */
  selectedFlow(): string | null;
  /** The highlighted path: stakeholder ids and flow ids. */
  highlighted(): { nodes: string[]; flows: string[] };
  /** Nodes marked (single points of failure), and nodes with the indicator-holder ring. */
  marked(): string[];
  holders(): string[];
  /** What-if: nodes and flows drawn as removed, and proposed flows drawn as added (their endpoints). */
  removed(): { nodes: string[]; flows: string[] };
  added(): Array<{ from: string; to: string }>;
  /** Rounds: stakeholder ids and flow ids drawn as added, removed or changed (sorted; empty outside the rounds view). */
  diff(): Record<'added' | 'removed' | 'changed', { nodes: string[]; flows: string[] }>;
  zoom(): number;
  /** A grouped map (Group by): `by` (null when not grouped), each group drawn (collapsed: `id` is its node; open: its
   * box) with its label and its box on screen (CSS pixels of the graph container), and the aggregated edges. */
  groupView(): {
    by: string | null;
    groups: Array<{
      key: string;
      id: string;
      open: boolean;
      label: string;
      ncp: boolean;
      selected: boolean;
      box: Omit<LabelBox, 'id'>;
    }>;
    edges: Array<{ source: string; target: string; flows: number }>;
  };
  /** The viewport's pan (rendered pixels). */
  pan(): { x: number; y: number };
  /** Live marks (issue 15): stakeholders and flows flashed as changed a moment ago, and those someone else edits (`title`: "Being edited by ann (Editor)"). */
  live(): {
    changed: { nodes: string[]; flows: string[] };
    editing: Array<{ kind: 'stakeholder' | 'flow'; id: string; title: string }>;
  };
  /** Edit mode: nodes are not moved by dragging, and a drag from one stakeholder to another draws a flow. */
  readonly editMode: boolean;
  /** The flow being drawn by dragging: its source and the pointer (CSS pixels of the graph container), or null. */
  ghost(): { from: string; x: number; y: number } | null;
  /** The labels drawn (chosen by priority so that none overlap: stakeholders, and a grouped map's groups and flow counts): their boxes in CSS pixels of the graph container. */
  labelBoxes(): LabelBox[];
  /** The stakeholder nodes drawn (not filtered out): their boxes in CSS pixels of the graph container. */
  nodeBoxes(): LabelBox[];
  /** The graph container's size in CSS pixels. */
  canvasSize(): { width: number; height: number };
}

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The change feed as a tab received it (set by features/live/recent.ts). */
export interface FlowAtlasLiveHook {
  /** The ids (audit sequence numbers) of every `change` event received, in the order received. */
  events(): number[];
  /** How many `reload` events were received. */
  reloads(): number;
}

declare global {
  interface Window {
    __flowAtlas?: FlowAtlasTestHook;
    __flowAtlasLive?: FlowAtlasLiveHook;
  }
}
