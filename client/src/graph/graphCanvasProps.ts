// The props and the handle of GraphCanvas (the Cytoscape graph shared by the map, bottlenecks, plan and rounds views).
import type { Ref, RefObject } from 'react';
import type { MapGraph } from './api/types';
import type { LiveMarks } from './canvasLive';
import type { ExtraFlow, Scope } from './elements';
import type { LayoutName } from './layouts';
import type { DiffMark } from './styles';
import type { CanvasGrouping } from './useCanvasGrouping';

export interface GraphCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Centres a node in the free part of the canvas (left of the overlay), zooming in if far out. */
  centreOn(id: string): void;
  png(): Promise<Blob>;
  svg(): Promise<Blob>;
}

export interface GraphCanvasProps {
  ref?: Ref<GraphCanvasHandle>;
  graph: MapGraph;
  /** What the graph shows, for its accessible name: "Sweden", "the whole region". */
  title: string;
  /** `country` in the test hook: the country code, or "region". */
  hookId: string;
  view?: 'map' | 'bottlenecks' | 'plan' | 'rounds';
  scope?: Scope;
  layout?: LayoutName;
  /** Country code -> name, for the country boxes of the whole region. */
  countryNames?: ReadonlyMap<string, string>;
  selectedId?: string | null;
  selectedFlowId?: string | null;
  onSelect?: (id: string | null) => void;
  onSelectFlow?: (flowId: string) => void;
  /** Filters: the stakeholders and flows drawn (all when absent), those faded, the indicator's holders. */
  visibleNodes?: ReadonlySet<string>;
  visibleFlows?: ReadonlySet<string>;
  mutedNodes?: ReadonlySet<string>;
  holders?: ReadonlySet<string>;
  /** Node size by a value (betweenness): square-root scale from the smallest to the largest value. */
  sizeBy?: Readonly<Record<string, number>>;
  /** Nodes marked with a vermillion ring and a label suffix (single points of failure). */
  marked?: readonly string[];
  markSuffix?: string;
  /** A path to draw on top, everything else dimmed. */
  highlightNodes?: readonly string[];
  highlightFlows?: readonly string[];
  /** What-if: removed stakeholders and flows (and the flows touching removed stakeholders), faded or hidden. */
  removedNodes?: readonly string[];
  removedFlows?: readonly string[];
  removedLook?: 'faded' | 'hidden';
  /** What-if: proposed flows, drawn dashed and labelled. */
  addedFlows?: readonly ExtraFlow[];
  /** Rounds: stakeholders and flows (by flow id) drawn as added, removed or changed; the rest recedes. */
  diff?: { nodes: ReadonlyMap<string, DiffMark>; flows: ReadonlyMap<string, DiffMark> };
  /** Stakeholders to frame when fitting (what a filter leaves of interest); everything drawn when absent or empty. */
  focus?: ReadonlySet<string>;
  /** The view is framed again when this changes (the filters), not when only the data behind `focus` does; `focus` itself when absent. */
  refitOn?: string;
  /** An element drawn over the graph's right side (the details panel): a selected node is kept clear of it. */
  overlayRef?: RefObject<HTMLElement | null>;
  /** Edit mode: nodes stay put, and dragging from one stakeholder to another draws a flow (`onDrawFlow`). */
  drawMode?: boolean;
  onDrawFlow?: (from: string, to: string) => void;
  /** What the change feed and presence mark (canvasLive.ts): items changed a moment ago, items someone else edits. */
  live?: LiveMarks;
  /** A country map grouped by sector or type: collapsed groups, open ones, aggregated flows (grouping.ts). */
  grouping?: CanvasGrouping;
}
