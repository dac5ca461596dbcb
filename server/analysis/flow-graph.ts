// The flow graph every analysis runs on (ANALYSIS.md): stakeholders as nodes, the flows that the
// options admit as directed edges keyed by flow id, plus what each stakeholder holds and each
// country's NCP. Built once per store version and options; analyses never mutate it.
// Over 350 lines on purpose: the graph, its building and the per-country views cached on it (countryFlows,
// countryIndex, countryGraph, countryStructure) stay with the type whose caches they fill.
import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import {
  INTERNATIONAL,
  sectorOf,
  type Basis,
  type Confidence,
  type Country,
  type FlowStatus,
  type Frequency,
  type MapDocument,
} from '../model';
import { registerSubList } from './edge-lists';
import { memoEntries, memoHas, memoOn, memoSeed } from './memo';
import { betweennessOfIndex, brandes, type Dependencies, type IndexedGraph } from './metrics';
import { brandesMany } from './metrics/centrality/brandes-pool';
import { AnalysisOptions, BASIS_RANK, CONFIDENCE_RANK, DEFAULT_OPTIONS, optionsKey } from './options';

export interface StakeholderNode {
  id: string;
  name: string;
  country: string;
  type: string;
  sector: string;
  ncp: boolean;
}

export interface FlowEdge {
  id: string;
  from: string;
  to: string;
  indicators: readonly string[];
  basis: Basis;
  frequency?: Frequency;
  latencyDays?: number;
  personDependent: boolean;
  confidence: Confidence;
  status: FlowStatus;
}

export interface Catalogue {
  indicators: ReadonlyArray<{ code: string; themes: readonly string[] }>;
}

export interface FlowGraph {
  readonly options: AnalysisOptions;
  /**
   * The same graph as a graphology multigraph (edges keyed by flow id, self-loops included), built on
   * first use: the analyses themselves read the plain indexes below, which cost far less to build.
   */
  readonly graph: MultiDirectedGraph<StakeholderNode, FlowEdge>;
  readonly document: MapDocument;
  readonly catalogue: Catalogue;
  /** Countries of the map, sorted by code. */
  readonly countries: readonly Country[];
  /** Indicator codes of the catalogue, in catalogue order. */
  readonly indicators: readonly string[];
  ncpOf(country: string): string | undefined;
  /** The stakeholder's node, undefined when it is not in the map. */
  node(id: string): StakeholderNode | undefined;
  /** Indicators the stakeholder holds a dataset covering. */
  holds(stakeholder: string, indicator: string): boolean;
  /** The country's stakeholders holding a dataset covering the indicator, sorted by id. */
  holders(country: string, indicator: string): string[];
  /** Admitted flows carrying the indicator, self-loops left out. */
  flowsCarrying(indicator: string): readonly FlowEdge[];
  /** Every admitted flow, self-loops left out. */
  readonly flows: readonly FlowEdge[];
  /** Every admitted flow between stakeholders of the map, self-loops included, in the document's order (the graph's edges). */
  readonly allFlows: readonly FlowEdge[];
  stakeholdersOf(country: string): readonly string[];
}

/** Whether a flow passes the options: status, informal basis, minimum confidence. */
export function admits(options: AnalysisOptions, flow: { status: string; basis: string; confidence: string }): boolean {
  return (
    options.includeStatuses.includes(flow.status as FlowStatus) &&
    (options.includeInformal || flow.basis !== 'informal') &&
    (CONFIDENCE_RANK[flow.confidence] ?? 0) >= (CONFIDENCE_RANK[options.minConfidence] ?? 0)
  );
}

export function buildFlowGraph(
  document: MapDocument,
  catalogue: Catalogue,
  options: AnalysisOptions = DEFAULT_OPTIONS,
): FlowGraph {
  const nodes = new Map<string, StakeholderNode>();
  const ncps = new Map<string, string>();
  const byCountry = new Map<string, string[]>();
  for (const s of document.stakeholders) {
    if (nodes.has(s.id)) throw new Error(`buildFlowGraph: stakeholder '${s.id}' is listed twice`);
    nodes.set(s.id, { id: s.id, name: s.name, country: s.country, type: s.type, sector: sectorOf(s.type), ncp: s.ncp });
    if (s.ncp) ncps.set(s.country, s.id);
    const list = byCountry.get(s.country);
    if (list) list.push(s.id);
    else byCountry.set(s.country, [s.id]);
  }
  for (const ids of byCountry.values()) ids.sort();
  const carrying = new Map<string, FlowEdge[]>();
  const positions = new Map<string, number[]>();
  const flows: FlowEdge[] = [];
  const allFlows: FlowEdge[] = [];
  const flowIds = new Set<string>();
  for (const f of document.flows) {
    if (!admits(options, f) || !nodes.has(f.from) || !nodes.has(f.to)) continue;
    if (flowIds.has(f.id)) throw new Error(`buildFlowGraph: flow '${f.id}' is listed twice`);
    flowIds.add(f.id);
    const edge: FlowEdge = {
      id: f.id,
      from: f.from,
      to: f.to,
      indicators: f.indicators,
      basis: f.basis,
      personDependent: f.personDependent,
      confidence: f.confidence,
      status: f.status,
    };
    // Assigned, not spread (far cheaper on a region's flows); the same keys in the same order.
    if (f.frequency) edge.frequency = f.frequency;
    if (f.latencyDays !== undefined) edge.latencyDays = f.latencyDays;
    allFlows.push(edge);
    if (f.from === f.to) continue;
    const position = flows.push(edge) - 1;
    for (const x of f.indicators) {
      const list = carrying.get(x);
      if (list) {
        list.push(edge);
        positions.get(x)!.push(position);
      } else {
        carrying.set(x, [edge]);
        positions.set(x, [position]);
      }
    }
  }
  for (const [x, list] of carrying) registerSubList(list, flows, Int32Array.from(positions.get(x)!));
  const held = new Map<string, Set<string>>();
  for (const d of document.datasets) {
    const set = held.get(d.holder) ?? new Set<string>();
    for (const x of d.indicators) set.add(x);
    held.set(d.holder, set);
  }
  // Holders by country and indicator, in one pass over the (sorted) stakeholders of each country.
  const holderLists = new Map<string, Map<string, string[]>>();
  for (const [country, ids] of byCountry) {
    const byIndicator = new Map<string, string[]>();
    holderLists.set(country, byIndicator);
    for (const id of ids) {
      for (const x of held.get(id) ?? []) {
        const list = byIndicator.get(x);
        if (list) list.push(id);
        else byIndicator.set(x, [id]);
      }
    }
  }
  const countries = [...document.countries].sort((a, b) => (a.code < b.code ? -1 : 1));
  let graph: MultiDirectedGraph<StakeholderNode, FlowEdge> | undefined;
  return {
    options,
    get graph() {
      if (!graph) {
        graph = new MultiDirectedGraph<StakeholderNode, FlowEdge>({ allowSelfLoops: true });
        for (const node of nodes.values()) graph.addNode(node.id, node);
        for (const e of allFlows) graph.addDirectedEdgeWithKey(e.id, e.from, e.to, e);
      }
      return graph;
    },
    document,
    catalogue,
    countries,
    indicators: catalogue.indicators.map((i) => i.code),
    ncpOf: (country) => ncps.get(country),
    node: (id) => nodes.get(id),
    holds: (stakeholder, indicator) => held.get(stakeholder)?.has(indicator) ?? false,
    holders: (country, indicator) => holderLists.get(country)?.get(indicator)?.slice() ?? [],
    flowsCarrying: (indicator) => carrying.get(indicator) ?? [],
    flows,
    allFlows,
    stakeholdersOf: (country) => byCountry.get(country) ?? [],
  };
}

/** A stakeholder's node; throws for an id that is not in the map (a flow's ends always are). */
export function nodeOf(fg: FlowGraph, id: string): StakeholderNode {
  const node = fg.node(id);
  if (!node) throw new Error(`flow graph: unknown stakeholder '${id}'`);
  return node;
}

/** Flows by country, in one pass over every flow (memoised): what the per-country analyses would otherwise find by scanning them all. */
export interface CountryFlows {
  /** Admitted flows with both ends in the country, parallel flows and self-loops included, in the graph's order. */
  readonly own: readonly FlowEdge[];
  /** Admitted flows from a stakeholder of the country, self-loops left out. */
  readonly outgoing: readonly FlowEdge[];
  /** Admitted flows between a stakeholder of the country and one of another country (either direction). */
  readonly crossBorder: readonly FlowEdge[];
}

const NO_FLOWS: CountryFlows = { own: [], outgoing: [], crossBorder: [] };

export function countryFlows(fg: FlowGraph, country: string): CountryFlows {
  const all = memoOn(fg, 'countryFlows', () => {
    const map = new Map<string, { own: FlowEdge[]; outgoing: FlowEdge[]; crossBorder: FlowEdge[] }>();
    const of = (c: string) => {
      let entry = map.get(c);
      if (!entry) map.set(c, (entry = { own: [], outgoing: [], crossBorder: [] }));
      return entry;
    };
    for (const e of fg.allFlows) {
      const a = nodeOf(fg, e.from).country;
      const b = nodeOf(fg, e.to).country;
      if (a === b) of(a).own.push(e);
      else {
        of(a).crossBorder.push(e);
        of(b).crossBorder.push(e);
      }
      if (e.from !== e.to) of(a).outgoing.push(e);
    }
    return map;
  });
  return all.get(country) ?? NO_FLOWS;
}

/** The strongest basis rank of a set of parallel flows. */
export function basisRank(basis: string): number {
  return BASIS_RANK[basis] ?? 0;
}

/**
 * The country graph of the structural metrics: the country's own stakeholders and the admitted
 * flows between them, as a simple directed graph (parallel flows count once, self-loops ignored).
 * Edge keys are `from->to`; the `flows` attribute lists the flow ids behind each edge.
 */
export function countryGraph(fg: FlowGraph, country: string): DirectedGraph<StakeholderNode, { flows: string[] }> {
  return memoOn(fg, `countryGraph|${country}`, () => buildCountryGraph(fg, country));
}

/**
 * The country graph as compressed rows, built straight from the country's flows: the same nodes,
 * slots and slot order as `indexGraph(countryGraph(fg, country), 'out')` (nodes sorted by id, edges
 * in order of their first flow), without building the graphology graph. `flows[slot]` lists the
 * flow ids behind the edge in that slot.
 */
export interface CountryIndex extends IndexedGraph {
  readonly flows: ReadonlyArray<readonly string[]>;
}

export function countryIndex(fg: FlowGraph, country: string): CountryIndex {
  return memoOn(fg, `countryIndex|${country}`, () => buildCountryIndex(fg, country));
}

function buildCountryIndex(fg: FlowGraph, country: string): CountryIndex {
  const nodes = fg.stakeholdersOf(country);
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(nodes[i]!, i);
  // Edges (ordered pairs) in order of their first flow, parallel flows merged.
  const pairs = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  const flowLists: string[][] = [];
  for (const e of countryFlows(fg, country).own) {
    if (e.from === e.to) continue;
    const u = indexOf.get(e.from)!;
    const v = indexOf.get(e.to)!;
    const key = u * n + v;
    const known = pairs.get(key);
    if (known !== undefined) flowLists[known]!.push(e.id);
    else {
      pairs.set(key, from.length);
      from.push(u);
      to.push(v);
      flowLists.push([e.id]);
    }
  }
  const m = from.length;
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) offsets[from[k]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(m);
  const edges = new Array<string>(m);
  const flows = new Array<string[]>(m);
  for (let k = 0; k < m; k++) {
    const slot = fill[from[k]!]!++;
    targets[slot] = to[k]!;
    edges[slot] = `${nodes[from[k]!]!}->${nodes[to[k]!]!}`;
    flows[slot] = flowLists[k]!;
  }
  return { nodes, indexOf, offsets, targets, edges, flows };
}

/** Brandes' dependencies on the country graph: node and edge betweenness come from one run. */
export function countryDependencies(fg: FlowGraph, country: string): Dependencies {
  return memoOn(fg, `brandes|${country}`, () => brandes(countryIndex(fg, country)));
}

/**
 * countryDependencies of several countries worked out ahead, two at a time (brandes-pool.ts: this thread and a
 * worker thread), and memoised as countryDependencies memoises them (the same values, bit for bit); for the
 * analyses that then need them all (the comparison). Countries already worked out are left as they are.
 */
export async function prepareCountryDependencies(fg: FlowGraph, countries: readonly string[]): Promise<void> {
  const missing = [...new Set(countries)].filter((c) => !memoHas(fg, `brandes|${c}`));
  if (missing.length < 2) return;
  const indexes = missing.map((c) => countryIndex(fg, c));
  const deps = await brandesMany(
    indexes.map((ix) => ({ n: ix.nodes.length, offsets: ix.offsets, targets: ix.targets })),
  );
  memoSeed(
    fg,
    missing.map((c, i) => [`brandes|${c}`, deps[i]!] as const),
  );
}

/**
 * The structure of `countries` computed so far on a flow graph (country graph index, Brandes'
 * dependencies, betweenness), to seed a flow graph built with the same options from a later version
 * of the map in which no stakeholder or flow of those countries changed (`seedCountryStructure`).
 * The graphology country graph is left out (its nodes hold the old stakeholder records).
 */
export interface CountryStructure {
  readonly options: string;
  readonly entries: ReadonlyArray<readonly [string, unknown]>;
}

export function countryStructure(fg: FlowGraph, countries: Iterable<string>): CountryStructure {
  const keys = [...countries].flatMap((c) => [`countryIndex|${c}`, `brandes|${c}`, `betweenness|${c}`]);
  return { options: optionsKey(fg.options), entries: memoEntries(fg, keys) };
}

export function seedCountryStructure(fg: FlowGraph, structure: CountryStructure): void {
  if (structure.options !== optionsKey(fg.options))
    throw new Error('seedCountryStructure: computed with other options');
  memoSeed(fg, structure.entries);
}

/** Normalised betweenness of the country graph (shared by bottlenecks, the NCP's rank and the comparison). */
export function countryBetweenness(fg: FlowGraph, country: string): Readonly<Record<string, number>> {
  return memoOn(fg, `betweenness|${country}`, () =>
    betweennessOfIndex(countryIndex(fg, country), countryDependencies(fg, country).node),
  );
}

function buildCountryGraph(fg: FlowGraph, country: string): DirectedGraph<StakeholderNode, { flows: string[] }> {
  const g = new DirectedGraph<StakeholderNode, { flows: string[] }>({ allowSelfLoops: false });
  for (const id of fg.stakeholdersOf(country)) g.addNode(id, nodeOf(fg, id));
  for (const e of countryFlows(fg, country).own) {
    if (e.from === e.to) continue;
    const edge = `${e.from}->${e.to}`;
    if (g.hasEdge(edge)) g.getEdgeAttributes(edge).flows.push(e.id);
    else g.addDirectedEdgeWithKey(edge, e.from, e.to, { flows: [e.id] });
  }
  return g;
}

/** National countries: every country of the map but the international layer. */
export function nationalCountries(fg: FlowGraph): string[] {
  return fg.countries.map((c) => c.code).filter((c) => c !== INTERNATIONAL);
}
