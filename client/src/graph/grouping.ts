// Grouping the map by sector or by type (issue 18, point 2), pure and linear in the map's size: each
// group's members and what it holds (flows inside, out, in), and what is drawn for the groups open and
// collapsed: a collapsed group is one node, the flows touching it are aggregated into one edge per
// direction and other end (another collapsed group, or a stakeholder drawn on its own). The country's
// NCP is always drawn on its own, beside its group (analyses treat it as its own node, DOMAIN.md).
// Only the stakeholders and flows given as visible count: what the filters leave, of what the viewer
// may see (a viewer's map comes without the flows carrying personal data).
import { humanize } from '../lib/format';
import type { MapGraph } from './api/types';
import { SECTOR_ORDER } from './styles';
import { compareText } from './compareText';

export const GROUP_BYS = [
  { id: 'sector', label: 'Sector' },
  { id: 'type', label: 'Type' },
] as const;
export type GroupBy = (typeof GROUP_BYS)[number]['id'];

export function groupByOf(param: string | null): GroupBy | null {
  return GROUP_BYS.find((g) => g.id === param)?.id ?? null;
}

/** The group of a country map's foreign ends, whatever their sector or type. */
export const OTHER_COUNTRIES = 'other-countries';
/** Cytoscape ids: a collapsed group's node, an open group's box, an aggregated edge. */
export const groupNodeId = (key: string) => `group:${key}`;
export const groupBoxId = (key: string) => `groupbox:${key}`;
export const aggregateEdgeId = (source: string, target: string) => `agg:${source}>${target}`;

type Stakeholder = Pick<MapGraph['stakeholders'][number], 'id' | 'name' | 'type' | 'sector' | 'ncp' | 'external'>;
type Flow = Pick<MapGraph['flows'][number], 'id' | 'from' | 'to'>;

export function groupKeyOf(s: Stakeholder, by: GroupBy): string {
  if (s.external) return OTHER_COUNTRIES;
  return by === 'sector' ? s.sector : s.type;
}

export function groupName(key: string): string {
  return key === OTHER_COUNTRIES ? 'Other countries' : humanize(key);
}

/** The country's own NCP (drawn on its own), if the map has one. */
export function ownNcp(stakeholders: readonly Stakeholder[]): string | null {
  return stakeholders.find((s) => s.ncp && !s.external)?.id ?? null;
}

export interface GroupSummary {
  key: string;
  name: string;
  /** Sector of the group's members (for its colour); null for other countries. */
  sector: string | null;
  /** Visible members: the NCP first, then by name. */
  members: string[];
  /** Holds the country's NCP. */
  ncp: boolean;
  open: boolean;
  /** Visible flows with both ends in the group, from it to others, and to it from others. */
  inside: number;
  out: number;
  in: number;
}

export interface AggregateEdge {
  id: string;
  /** A collapsed group's node id or a stakeholder's id. */
  source: string;
  target: string;
  flows: number;
}

export interface GroupedMap {
  by: GroupBy;
  /** Groups with at least one visible member, in the model's order (sectors, then types by sector), other countries last. */
  groups: GroupSummary[];
  /** The country's NCP, drawn on its own (not in its group's box when that is open). */
  ncp: string | null;
  /** Stakeholders drawn on their own: the open groups' visible members and the NCP. */
  shown: string[];
  /** Flows drawn as themselves: both ends shown. */
  flows: string[];
  /** The other visible flows, aggregated between collapsed groups and shown stakeholders. */
  edges: AggregateEdge[];
}

const sectorRank = (sector: string | null) => {
  const i = SECTOR_ORDER.indexOf(sector as (typeof SECTOR_ORDER)[number]);
  return i < 0 ? SECTOR_ORDER.length : i;
};

/** The groups of all the stakeholders, in order, each with its members (the NCP first, then by name). */
export function groupsOf(
  stakeholders: readonly Stakeholder[],
  by: GroupBy,
): Array<{ key: string; sector: string | null; members: Stakeholder[] }> {
  const groups = new Map<string, { key: string; sector: string | null; members: Stakeholder[] }>();
  for (const s of stakeholders) {
    const key = groupKeyOf(s, by);
    const group = groups.get(key);
    if (group) group.members.push(s);
    else groups.set(key, { key, sector: key === OTHER_COUNTRIES ? null : s.sector, members: [s] });
  }
  const rank = (g: { key: string; sector: string | null }) => (g.key === OTHER_COUNTRIES ? 1 : 0);
  const ordered = [...groups.values()].sort(
    (a, b) =>
      rank(a) - rank(b) || sectorRank(a.sector) - sectorRank(b.sector) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const first = (s: Stakeholder) => (s.ncp && !s.external ? 0 : 1);
  for (const g of ordered)
    g.members.sort((a, b) => first(a) - first(b) || compareText(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return ordered;
}

export interface GroupOptions {
  by: GroupBy;
  /** Keys of the groups drawn open. */
  open: ReadonlySet<string>;
  /** The stakeholders and flows that count (all when absent): what the filters leave. */
  visibleNodes?: ReadonlySet<string>;
  visibleFlows?: ReadonlySet<string>;
}

export function groupMap(
  graph: { stakeholders: readonly Stakeholder[]; flows: readonly Flow[] },
  options: GroupOptions,
): GroupedMap {
  const { by, open, visibleNodes, visibleFlows } = options;
  const stakeholders = visibleNodes ? graph.stakeholders.filter((s) => visibleNodes.has(s.id)) : graph.stakeholders;
  const ncp = ownNcp(stakeholders);
  const keyOf = new Map<string, string>();
  const groups: GroupSummary[] = groupsOf(stakeholders, by).map((g) => {
    for (const m of g.members) keyOf.set(m.id, g.key);
    return {
      key: g.key,
      name: groupName(g.key),
      sector: g.sector,
      members: g.members.map((m) => m.id),
      ncp: g.members.some((m) => m.id === ncp),
      open: open.has(g.key),
      inside: 0,
      out: 0,
      in: 0,
    };
  });
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const shownSet = new Set<string>();
  for (const g of groups) if (g.open) for (const id of g.members) shownSet.add(id);
  if (ncp) shownSet.add(ncp);
  const end = (id: string) => (shownSet.has(id) ? id : groupNodeId(keyOf.get(id)!));

  const flows: string[] = [];
  const edges = new Map<string, AggregateEdge>();
  for (const f of graph.flows) {
    if (visibleFlows && !visibleFlows.has(f.id)) continue;
    const from = keyOf.get(f.from);
    const to = keyOf.get(f.to);
    if (from === undefined || to === undefined) continue;
    if (from === to) byKey.get(from)!.inside++;
    else {
      byKey.get(from)!.out++;
      byKey.get(to)!.in++;
    }
    const source = end(f.from);
    const target = end(f.to);
    if (shownSet.has(f.from) && shownSet.has(f.to)) flows.push(f.id);
    else if (source !== target) {
      const id = aggregateEdgeId(source, target);
      const edge = edges.get(id);
      if (edge) edge.flows++;
      else edges.set(id, { id, source, target, flows: 1 });
    }
  }
  return { by, groups, ncp, shown: [...shownSet], flows, edges: [...edges.values()] };
}

/** "42 stakeholders" */
export function countOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A group's counts in a line: "310 flows inside · 120 out · 95 in". */
export function groupFlowsText(g: Pick<GroupSummary, 'inside' | 'out' | 'in'>): string {
  return `${countOf(g.inside, 'flow')} inside · ${g.out} out · ${g.in} in`;
}

/** A collapsed group's label: its name (and the NCP it holds), its members, its flows. */
export function groupLabel(g: GroupSummary): string {
  return `${groupShortLabel(g)}\n${groupFlowsText(g)}`;
}

/** A collapsed group's label where the whole does not fit: its name (and the NCP it holds) and its members. */
export function groupShortLabel(g: GroupSummary): string {
  return `${g.name}${g.ncp ? ' (with the NCP)' : ''}\n${countOf(g.members.length, 'stakeholder')}`;
}
