// The test hook of a drawn graph (see testHook.ts): a read-only view of a Cytoscape instance for the
// end-to-end tests, which cannot query a canvas through the DOM. GraphCanvas sets it on `window.__flowAtlas`.
import type cytoscape from 'cytoscape';
import type { FlowAtlasTestHook } from '../testHook';
import { LAID_OUT_IN_WORKER, LAYOUT_ASKED_EARLY } from './canvasLayout';
import { groupView } from './canvasGroups';
import { groupMembers } from './plainBoxes';
import { edgeId } from './elements';
import type { DiffMark } from './styles';
import { flagOf } from './canvasFlags';

export interface TestHookSource {
  /** `country` in the hook: the country code, or "region". */
  hookId: string;
  view: string;
  layout: string;
  /** Laid out, and the state of the moment drawn onto the instance. */
  layoutDone: () => boolean;
  layoutMs: () => number | null;
  framesBeforeLaidOut: () => number | null;
  editMode: () => boolean;
  ghost: FlowAtlasTestHook['ghost'];
  labelBoxes: FlowAtlasTestHook['labelBoxes'];
}

export function canvasTestHook(cy: cytoscape.Core, source: TestHookSource): FlowAtlasTestHook {
  const stakeholders = () => cy.nodes('[?stakeholder]');
  // Stored flows: not proposed (what-if) nor aggregated (a grouped map's, groupView).
  const flowEdges = () => cy.edges('[^added][^aggregate]');
  const visibleEdges = () => flowEdges().not('.hidden');
  const rendered = (p: cytoscape.Position) => ({ x: p.x, y: p.y });
  const flowIds = (edges: cytoscape.EdgeCollection) => edges.map((e) => e.data('flowId') as string);
  const ids = (nodes: cytoscape.NodeCollection) => nodes.map((n) => n.id());
  const node = (id: string) => {
    const found = cy.getElementById(id);
    return found.empty() ? null : found;
  };
  return Object.freeze({
    country: source.hookId,
    view: source.view,
    layout: source.layout,
    get layoutDone() {
      return source.layoutDone();
    },
    get layoutMs() {
      return source.layoutMs();
    },
    get framesBeforeLaidOut() {
      return source.framesBeforeLaidOut();
    },
    get layoutInWorker() {
      return flagOf(cy, LAID_OUT_IN_WORKER) === true;
    },
    get layoutAskedEarly() {
      return flagOf(cy, LAYOUT_ASKED_EARLY) === true;
    },
    nodeCount: () => stakeholders().length,
    edgeCount: () => flowEdges().length,
    visibleNodeCount: () => stakeholders().not('.hidden').length,
    visibleEdgeCount: () => visibleEdges().length,
    visibleFlows: () => flowIds(visibleEdges()),
    crossBorderEdgeCount: () => visibleEdges().filter((e) => e.data('crossBorder') === true).length,
    groups: () =>
      groupMembers(cy).map(({ id, members }) => ({
        id,
        label: cy.getElementById(id).data('label') as string,
        children: members.length,
      })),
    groupBoxes: () =>
      groupMembers(cy).map(({ id, members }) => {
        const bb = cy.getElementById(id).renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return { id, members, box: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 } };
      }),
    arrowEdgeCount: () =>
      visibleEdges().filter(
        (e) =>
          (e as unknown as { pstyle(name: string): { value: string } }).pstyle('target-arrow-shape').value !== 'none',
      ).length,
    ncpNodes: () => ids(cy.nodes('.ncp')),
    nodePosition: (id: string) => {
      const found = node(id);
      return found ? rendered(found.renderedPosition()) : null;
    },
    edgeMidpoint: (flowId: string) => {
      const edge = cy.getElementById(edgeId(flowId));
      return edge.empty() || edge.hasClass('hidden') ? null : rendered(edge.renderedMidpoint());
    },
    nodeLabel: (id: string) => (node(id)?.data('label') as string | undefined) ?? null,
    nodeSize: (id: string) => node(id)?.width() ?? null,
    selectedNode: () => {
      const selected = cy.nodes('.selected');
      return selected.empty() ? null : selected.first().id();
    },
    selectedFlow: () => {
      const selected = cy.edges('.selected');
      return selected.empty() ? null : (selected.first().data('flowId') as string);
    },
    highlighted: () => ({ nodes: ids(cy.nodes('.path')), flows: flowIds(cy.edges('.path')) }),
    marked: () => ids(cy.nodes('.marked')),
    holders: () => ids(cy.nodes('.holder')),
    removed: () => ({ nodes: ids(cy.nodes('.removed')), flows: flowIds(cy.edges('.removed')) }),
    added: () => cy.edges('[?added]').map((e) => ({ from: e.source().id(), to: e.target().id() })),
    diff: () => {
      const of = (mark: DiffMark) => ({
        nodes: ids(cy.nodes(`.diff-${mark}`)).sort(),
        flows: flowIds(cy.edges(`.diff-${mark}`)).sort(),
      });
      return { added: of('added'), removed: of('removed'), changed: of('changed') };
    },
    zoom: () => cy.zoom(),
    groupView: () => groupView(cy),
    pan: () => rendered(cy.pan()),
    live: () => ({
      changed: {
        nodes: ids(cy.nodes('[?stakeholder].live-changed')),
        flows: flowIds(cy.edges('[^added].live-changed')),
      },
      editing: cy.elements('.live-editing').map((e) => ({
        kind: e.isNode() ? ('stakeholder' as const) : ('flow' as const),
        id: e.isNode() ? e.id() : (e.data('flowId') as string),
        title: e.data('liveTitle') as string,
      })),
    }),
    get editMode() {
      return source.editMode();
    },
    ghost: () => source.ghost(),
    labelBoxes: () => source.labelBoxes(),
    nodeBoxes: () =>
      stakeholders()
        .not('.hidden')
        .map((n) => {
          const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
          return { id: n.id(), x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
        }),
    canvasSize: () => ({ width: cy.width(), height: cy.height() }),
  });
}
