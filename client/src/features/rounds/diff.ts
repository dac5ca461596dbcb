// The map of the difference between two sides of a comparison (pure): the union of both sides'
// stakeholders and flows as a graph the map canvas can draw, with each stakeholder and flow marked
// added, removed or changed. The newer side ("to") is drawn as it is; removed items come from the
// comparison itself, so only the newer side's map needs to be read.
import type { Sector } from '@model';
import type { GraphFlow, GraphStakeholder, MapGraph } from '../../graph/api/types';
import type { Item, RoundComparison, RoundDocument } from './api/types';
import { textOf } from '../../lib/format';

export type DiffStatus = 'added' | 'removed' | 'changed';
export const DIFF_STATUSES: readonly DiffStatus[] = ['added', 'removed', 'changed'];

/** Stakeholders and flows marked by what happened to them; anything not in these maps is unchanged. */
export interface DiffMarks {
  nodes: ReadonlyMap<string, DiffStatus>;
  flows: ReadonlyMap<string, DiffStatus>;
}

/** A stakeholder as a round's document or the API has it (the graph adds sector and external). */
export type StakeholderLike = Omit<GraphStakeholder, 'sector' | 'external' | 'version' | 'updatedAt' | 'updatedBy'> & {
  sector?: Sector;
};
export type FlowLike = Omit<GraphFlow, 'version' | 'updatedAt' | 'updatedBy'>;

/** One side's map: the stakeholders it shows and its flows. */
export interface SideMap {
  stakeholders: readonly StakeholderLike[];
  flows: readonly FlowLike[];
}

export function diffMarks(comparison: Pick<RoundComparison, 'kinds'>): DiffMarks {
  const mark = (diff: RoundComparison['kinds']['stakeholders'] | undefined) => {
    const map = new Map<string, DiffStatus>();
    for (const a of diff?.added ?? []) map.set(a.key, 'added');
    for (const r of diff?.removed ?? []) map.set(r.key, 'removed');
    for (const c of diff?.changed ?? []) map.set(c.key, 'changed');
    return map;
  };
  return { nodes: mark(comparison.kinds.stakeholders), flows: mark(comparison.kinds.flows) };
}

/**
 * A round's document seen from one country: the country's stakeholders, the flows with an end among
 * them, and those flows' foreign ends when the document holds them (a region round does; a country
 * round, like a country export, holds only its own stakeholders).
 */
export function documentScope(doc: Pick<RoundDocument, 'stakeholders' | 'flows'>, country: string): SideMap {
  const own = new Set(doc.stakeholders.filter((s) => s.country === country).map((s) => s.id));
  const flows = doc.flows.filter((f) => own.has(f.from) || own.has(f.to));
  const ends = new Set(flows.flatMap((f) => [f.from, f.to]));
  return { stakeholders: doc.stakeholders.filter((s) => own.has(s.id) || ends.has(s.id)), flows };
}

export interface DiffGraphInput {
  comparison: Pick<RoundComparison, 'country' | 'kinds'>;
  /** The newer side ("to"): the map now, or the newer round seen from the country. */
  to: SideMap;
  /** Any stakeholders known elsewhere (the whole region now), for the foreign ends of removed flows. */
  known?: readonly StakeholderLike[];
  /** Stakeholder type -> sector (from the reference catalogue). */
  sectorOf: (type: string) => Sector | undefined;
  country: string;
}

const META = { version: 1, updatedAt: '', updatedBy: '' } as const;

/** A foreign end that neither side nor the region holds any more: drawn as a plain grey node. */
function placeholder(id: string): StakeholderLike {
  return {
    id,
    name: id,
    country: '',
    type: 'other_international',
    level: 'international',
    ncp: false,
    tags: [],
  } as unknown as StakeholderLike;
}

/** The union of both sides as a graph for the map canvas, and the marks to draw on it. */
export function diffGraph({ comparison, to, known = [], sectorOf, country }: DiffGraphInput): {
  graph: MapGraph;
  marks: DiffMarks;
} {
  const marks = diffMarks(comparison);
  const stakeholders = new Map<string, StakeholderLike>();
  for (const s of to.stakeholders) stakeholders.set(s.id, s);
  for (const r of comparison.kinds.stakeholders?.removed ?? []) {
    if (!stakeholders.has(r.key)) stakeholders.set(r.key, r.item as unknown as StakeholderLike);
  }
  const flows = new Map<string, FlowLike>();
  for (const f of to.flows) flows.set(f.id, f);
  for (const r of comparison.kinds.flows?.removed ?? []) {
    if (!flows.has(r.key)) flows.set(r.key, r.item as unknown as FlowLike);
  }
  const knownById = new Map(known.map((s) => [s.id, s]));
  for (const f of flows.values()) {
    for (const end of [f.from, f.to]) {
      if (!stakeholders.has(end)) stakeholders.set(end, knownById.get(end) ?? placeholder(end));
    }
  }
  const graphStakeholders: GraphStakeholder[] = [...stakeholders.values()].map((s) => ({
    ...(s as GraphStakeholder),
    ...META,
    sector: s.sector ?? sectorOf(s.type) ?? 'international',
    external: s.country !== country,
  }));
  // Frozen documents carry every field (defaults applied when they were validated).
  const graphFlows: GraphFlow[] = [...flows.values()].map((f) => ({ ...(f as GraphFlow), ...META }));
  const graph: MapGraph = {
    country: null,
    storeVersion: 0,
    stakeholders: graphStakeholders,
    flows: graphFlows,
    datasets: [],
    reportingLines: [],
    networks: [],
    memberships: [],
    interviews: [],
  };
  return { graph, marks };
}

/** Ids per status, sorted: what the legend counts and the tests compare. */
export function marksByStatus(marks: ReadonlyMap<string, DiffStatus>): Record<DiffStatus, string[]> {
  const out: Record<DiffStatus, string[]> = { added: [], removed: [], changed: [] };
  for (const [id, status] of marks) out[status].push(id);
  for (const s of DIFF_STATUSES) out[s].sort();
  return out;
}

/** How a person recognises an item in a list: its name, a flow's two ends, a membership's pair. */
export function itemLabel(kind: string, item: Item, names: ReadonlyMap<string, string> = new Map()): string {
  const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : String(id));
  if (kind === 'flows' || kind === 'reportingLines') return `${name(item.from)} → ${name(item.to)}`;
  if (kind === 'memberships') return `${name(item.stakeholder)} in ${name(item.network)}`;
  if (kind === 'interviews') return `${name(item.stakeholder)}, ${textOf(item.date ?? '')}`.replace(/, $/, '');
  if (typeof item.name === 'string') return item.name;
  return textOf(item.id ?? '');
}

/** A number's change, signed: "+2", "−0.15", "0"; null when either side has no value. */
export function signedChange(before: number | null, after: number | null, digits = 3): string | null {
  if (before === null || after === null) return null;
  const delta = Number((after - before).toFixed(digits));
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`;
}
