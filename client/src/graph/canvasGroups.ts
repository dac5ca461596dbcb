// A grouped map on a Cytoscape instance: the elements of what is drawn (collapsed groups, the open groups'
// boxes and members, the NCP, flows and aggregated edges; groupElements is pure) and the change from one
// drawing to the next in one batch (a group opened or collapsed, a filter changed): elements that stay are
// left where they are, so opening a group moves nothing else.
import type cytoscape from 'cytoscape';
import type { MapGraph } from './api/types';
import { edgeId, toElements } from './elements';
import {
  groupBoxId,
  groupLabel,
  groupNodeId,
  groupShortLabel,
  countOf,
  groupFlowsText,
  type GroupedMap,
  type GroupSummary,
} from './grouping';
import type { GroupPlaces } from './groupLayout';
import { flagOf } from './canvasFlags';

/** Flag (canvasFlags.ts): the grouping drawn (for the test hook). */
export const GROUPED = '_flowAtlasGrouped';

/** An aggregated edge's width on screen: grows with the square root of its flows. */
export const aggregateWidth = (flows: number) => Math.min(16, Math.round((1.5 + 1.6 * Math.sqrt(flows)) * 10) / 10);

function boxLabel(g: GroupSummary): string {
  return `${g.name} — ${countOf(g.members.length, 'stakeholder')}, ${groupFlowsText(g)}`;
}

/** The elements of a grouped drawing. `base`: the map's own elements (toElements), whose stakeholders and flows are reused. */
export function groupElements(
  grouped: GroupedMap,
  places: GroupPlaces,
  base: ReadonlyMap<string, cytoscape.ElementDefinition>,
  selected: string | null,
): cytoscape.ElementDefinition[] {
  const nodes: cytoscape.ElementDefinition[] = [];
  const boxOf = new Map<string, string>();
  for (const g of grouped.groups) {
    const classes = [g.ncp ? 'ncp-group' : '', g.key === selected ? 'group-selected' : ''];
    if (g.open) {
      const id = groupBoxId(g.key);
      for (const m of g.members) boxOf.set(m, id);
      nodes.push({
        group: 'nodes',
        data: { id, label: boxLabel(g), fontSize: 16, groupKey: g.key },
        classes: ['group', 'sector-group', 'open-group', ...classes].filter(Boolean).join(' '),
      });
    } else {
      const size = places.sizes.get(g.key) ?? 44;
      nodes.push({
        group: 'nodes',
        data: {
          id: groupNodeId(g.key),
          label: groupLabel(g),
          short: groupShortLabel(g),
          collapsed: true,
          groupKey: g.key,
          gsize: size,
          members: g.members.length,
          inside: g.inside,
          out: g.out,
          in: g.in,
          ...(g.sector ? { sector: g.sector } : {}),
        },
        position: { ...(places.centres.get(g.key) ?? { x: 0, y: 0 }) },
        classes: ['collapsed-group', ...classes].filter(Boolean).join(' '),
      });
    }
  }
  for (const id of grouped.shown) {
    const def = base.get(id);
    if (!def) continue;
    // The NCP stands on its own, above its group's box.
    const parent = id === grouped.ncp ? undefined : boxOf.get(id);
    nodes.push({
      ...def,
      data: { ...def.data, ...(parent ? { parent } : {}) },
      position: { ...(places.members.get(id) ?? { x: 0, y: 0 }) },
    });
  }
  const edges: cytoscape.ElementDefinition[] = [];
  for (const flowId of grouped.flows) {
    const def = base.get(edgeId(flowId));
    if (def) edges.push(def);
  }
  for (const e of grouped.edges) {
    const width = aggregateWidth(e.flows);
    edges.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        flows: e.flows,
        label: String(e.flows),
        aggregate: true,
        bw: width,
        lw: width,
      },
      classes: 'aggregate',
    });
  }
  return [...nodes, ...edges];
}

/** The map's own elements by id, for groupElements. */
export function baseElements(graph: MapGraph): Map<string, cytoscape.ElementDefinition> {
  const elements = toElements(graph, { scope: 'country', layout: 'fcose' });
  return new Map(elements.map((e) => [e.data.id!, e]));
}

/** Data a group node, box or aggregated edge may change from one drawing to the next. */
const GROUP_DATA = ['label', 'short', 'gsize', 'members', 'inside', 'out', 'in', 'flows', 'bw'];
/** Classes a grouped drawing sets (the others on an element, set by the state of the moment, are kept). */
const GROUP_CLASSES = ['group-selected', 'ncp-group'];

function update(el: cytoscape.CollectionReturnValue, def: cytoscape.ElementDefinition): void {
  const data = def.data as Record<string, unknown>;
  for (const key of GROUP_DATA) {
    if (key in data && el.data(key) !== data[key]) el.data(key, data[key]);
  }
  // An aggregated edge's width on screen: its base width times the label scale of the zoom (canvasLabels.ts).
  if ('bw' in data) {
    const lw = (data.bw as number) * ((el.data('lscale') as number | undefined) ?? 1);
    if (el.data('lw') !== lw) el.data('lw', lw);
  }
  const wanted = typeof def.classes === 'string' ? def.classes.split(' ') : (def.classes ?? []);
  for (const c of GROUP_CLASSES) {
    if (wanted.includes(c) && !el.hasClass(c)) el.addClass(c);
    else if (!wanted.includes(c) && el.hasClass(c)) el.removeClass(c);
  }
}

/**
 * Draws `elements` on `cy` in one batch: removes what is gone, adds what is new, updates the groups and
 * aggregated edges that stay (without moving anything). A node whose parent changes is drawn anew.
 */
export function drawGrouped(cy: cytoscape.Core, elements: readonly cytoscape.ElementDefinition[]): void {
  const wanted = new Map(elements.map((e) => [e.data.id!, e]));
  cy.batch(() => {
    const gone = cy.elements().filter((el) => {
      const next = wanted.get(el.id());
      if (!next) return true;
      return el.isNode() && ((el.data('parent') as string | undefined) ?? null) !== (next.data.parent ?? null);
    });
    cy.remove(gone);
    const added: cytoscape.ElementDefinition[] = [];
    for (const [id, def] of wanted) {
      const el = cy.getElementById(id);
      if (el.empty()) added.push(def);
      else if (def.data.groupKey !== undefined || def.data.aggregate) update(el, def);
    }
    // Parents before their children.
    cy.add(fresh(added.filter((d) => d.group === 'nodes' && !d.data.parent)));
    cy.add(fresh(added.filter((d) => d.group === 'nodes' && d.data.parent)));
    cy.add(added.filter((d) => d.group === 'edges'));
  });
}

/** The grouped drawing as the test hook tells it. */
export function groupView(cy: cytoscape.Core) {
  const by = (flagOf(cy, GROUPED) as string | undefined) ?? null;
  const box = (n: cytoscape.NodeSingular) => {
    const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    return { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
  };
  const groups = cy.nodes('[groupKey]').map((n) => ({
    key: n.data('groupKey') as string,
    id: n.id(),
    open: n.hasClass('open-group'),
    label: n.data('label') as string,
    ncp: n.hasClass('ncp-group'),
    selected: n.hasClass('group-selected'),
    box: box(n),
  }));
  const edges = cy
    .edges('[?aggregate]')
    .map((e) => ({ source: e.source().id(), target: e.target().id(), flows: e.data('flows') as number }));
  return { by, groups, edges };
}

/** The positions the elements of a grouped drawing come with (for the preset layout of a new instance), copied. */
export function positionsOf(elements: readonly cytoscape.ElementDefinition[]): Record<string, cytoscape.Position> {
  const positions: Record<string, cytoscape.Position> = {};
  for (const e of elements) if (e.position) positions[e.data.id!] = { x: e.position.x, y: e.position.y };
  return positions;
}

/** Definitions Cytoscape may keep: it moves a node by changing the position object it was given. */
export function fresh(elements: readonly cytoscape.ElementDefinition[]): cytoscape.ElementDefinition[] {
  return elements.map((e) => (e.position ? { ...e, position: { x: e.position.x, y: e.position.y } } : e));
}

export type GroupAction = 'open' | 'collapse';

/** What mountCanvas reads of a grouped map: its elements now, and where a click on a group goes. */
export interface GroupedLive {
  grouped: () => cytoscape.ElementDefinition[] | null;
  onGroup: (key: string, action: GroupAction) => void;
}

/** Clicks on groups: a collapsed group opens, an open group's box collapses it. */
export function attachGroupClicks(cy: cytoscape.Core, onGroup: GroupedLive['onGroup']): void {
  cy.on('tap', 'node[?collapsed]', (event) =>
    onGroup((event.target as cytoscape.NodeSingular).data('groupKey') as string, 'open'),
  );
  cy.on('tap', 'node.open-group', (event) =>
    onGroup((event.target as cytoscape.NodeSingular).data('groupKey') as string, 'collapse'),
  );
}
