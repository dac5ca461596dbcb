// What React state draws onto the graph (pure, no Cytoscape): for each stakeholder its label and classes,
// for each edge its classes, and the group boxes left empty by the filters. GraphCanvas applies the answer
// to its instance; the stylesheet (styles.ts) keys on these classes.
import { edgeId } from './elements';
import { DIFF_NODE_SUFFIX, REMOVED_SUFFIX, type DiffMark } from './styles';

/** The drawn graph as this function needs it. */
export interface DrawnGraph {
  /** Stakeholder nodes with the label they were created with. */
  nodes: readonly { id: string; baseLabel: string }[];
  /** Edges: stored flows and proposed (`added`) ones; `id` is the element id, `flowId` the flow's. */
  edges: readonly { id: string; flowId: string; source: string; target: string; added: boolean }[];
  /** Compound boxes (countries, sectors) with the stakeholders anywhere inside them. */
  groups: readonly { id: string; members: readonly string[] }[];
}

/** The state the canvas draws: filters, marks, a path, what-if removals, a difference, the selection. */
export interface ClassState {
  /** The stakeholders and flows drawn (all when absent), those faded, the indicator's holders. */
  visibleNodes?: ReadonlySet<string>;
  visibleFlows?: ReadonlySet<string>;
  mutedNodes?: ReadonlySet<string>;
  holders?: ReadonlySet<string>;
  marked: readonly string[];
  markSuffix: string;
  highlightNodes: readonly string[];
  highlightFlows: readonly string[];
  removedNodes: readonly string[];
  removedFlows: readonly string[];
  removedLook: 'faded' | 'hidden';
  diff?: { nodes: ReadonlyMap<string, DiffMark>; flows: ReadonlyMap<string, DiffMark> };
  selectedId: string | null;
  selectedFlowId: string | null;
}

export interface DrawnClasses {
  nodes: Map<string, { label: string; classes: string[] }>;
  /** By element id. */
  edges: Map<string, string[]>;
  /** Groups none of whose stakeholders is drawn. */
  hiddenGroups: Set<string>;
}

/** Every class this function sets: the ones to clear before applying a new answer. */
export const STATE_CLASSES =
  'hidden muted holder marked path path-dimmed dimmed selected removed diff-same diff-added diff-removed diff-changed';

export function canvasClasses(graph: DrawnGraph, state: ClassState): DrawnClasses {
  const { visibleNodes, visibleFlows, mutedNodes, holders, diff, removedLook } = state;
  const marked = new Set(state.marked);
  const removedNodes = new Set(state.removedNodes);
  const removedFlows = new Set(state.removedFlows);
  const removedClass = removedLook === 'hidden' ? 'hidden' : 'removed';
  const nodes = new Map<string, { label: string; classes: string[] }>();
  for (const { id, baseLabel } of graph.nodes) {
    let label = baseLabel;
    if (marked.has(id)) label += state.markSuffix;
    if (removedNodes.has(id)) label += REMOVED_SUFFIX;
    const nodeMark = diff?.nodes.get(id);
    if (nodeMark) label += DIFF_NODE_SUFFIX[nodeMark];
    const classes: string[] = [];
    if (diff) classes.push(nodeMark ? `diff-${nodeMark}` : 'diff-same');
    if (visibleNodes && !visibleNodes.has(id)) classes.push('hidden');
    if (mutedNodes?.has(id)) classes.push('muted');
    if (holders?.has(id)) classes.push('holder');
    if (marked.has(id)) classes.push('marked');
    if (removedNodes.has(id)) classes.push(removedClass);
    nodes.set(id, { label, classes });
  }
  const hidden = (id: string) => nodes.get(id)?.classes.includes('hidden') ?? false;

  const edges = new Map<string, string[]>();
  for (const e of graph.edges) {
    const classes: string[] = [];
    if (diff && !e.added) {
      const flowMark = diff.flows.get(e.flowId);
      classes.push(flowMark ? `diff-${flowMark}` : 'diff-same');
    }
    if (!e.added && visibleFlows && !visibleFlows.has(e.flowId)) classes.push('hidden');
    if (hidden(e.source) || hidden(e.target)) classes.push('hidden');
    if (!e.added && (removedFlows.has(e.flowId) || removedNodes.has(e.source) || removedNodes.has(e.target)))
      classes.push(removedClass);
    edges.set(e.id, classes);
  }

  const hiddenGroups = new Set(graph.groups.filter((g) => g.members.every(hidden)).map((g) => g.id));

  const pathNodes = new Set(state.highlightNodes);
  const pathFlows = new Set(state.highlightFlows);
  const highlighting = pathNodes.size > 0 || pathFlows.size > 0;
  if (highlighting) {
    // The rest stays readable (the filtered indicator's other flows, its holders), just quieter.
    for (const [id, n] of nodes) {
      if (pathNodes.has(id)) n.classes.push('path');
      else if (!holders?.has(id)) n.classes.push('path-dimmed');
    }
    for (const e of graph.edges) edges.get(e.id)?.push(pathFlows.has(e.flowId) ? 'path' : 'path-dimmed');
  }

  // Selection: the node (or flow) and its neighbours stay; the rest dims, unless a path is shown.
  const selectedEdgeId = state.selectedFlowId === null ? null : edgeId(state.selectedFlowId);
  const selectedEdge = graph.edges.find((e) => e.id === selectedEdgeId);
  const keep = selectionNeighbourhood(
    graph,
    state.selectedId !== null && nodes.has(state.selectedId) ? state.selectedId : null,
    selectedEdge,
  );
  if (keep) {
    if (keep.node !== null) nodes.get(keep.node)?.classes.push('selected');
    else if (selectedEdge) edges.get(selectedEdge.id)?.push('selected');
    if (!highlighting) {
      for (const [id, n] of nodes) if (!keep.nodes.has(id)) n.classes.push('dimmed');
      for (const [id, classes] of edges) if (!keep.edges.has(id)) classes.push('dimmed');
    }
  }
  return { nodes, edges, hiddenGroups };
}

/** What stays undimmed around a selection: a node, its edges and their other ends; or an edge and its two ends. */
function selectionNeighbourhood(graph: DrawnGraph, node: string | null, edge: DrawnGraph['edges'][number] | undefined) {
  if (node !== null) {
    const nodes = new Set([node]);
    const edges = new Set<string>();
    for (const e of graph.edges) {
      if (e.source !== node && e.target !== node) continue;
      edges.add(e.id);
      nodes.add(e.source);
      nodes.add(e.target);
    }
    return { node, nodes, edges };
  }
  if (edge) return { node: null, nodes: new Set([edge.source, edge.target]), edges: new Set([edge.id]) };
  return null;
}
