// The flow graph every analysis runs on (ANALYSIS.md): stakeholders as nodes, the flows that the
// options admit as directed edges keyed by flow id, plus what each stakeholder holds and each
// country's NCP. Built once per store version and options; analyses never mutate it.
import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import { INTERNATIONAL, sectorOf, type Basis, type Confidence, type Country, type FlowStatus, type Frequency, type MapDocument } from '../model';
import { memoOn } from './memo';
import { betweenness } from './metrics';
import { AnalysisOptions, BASIS_RANK, CONFIDENCE_RANK, DEFAULT_OPTIONS } from './options';

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
  readonly graph: MultiDirectedGraph<StakeholderNode, FlowEdge>;
  readonly document: MapDocument;
  readonly catalogue: Catalogue;
  /** Countries of the map, sorted by code. */
  readonly countries: readonly Country[];
  /** Indicator codes of the catalogue, in catalogue order. */
  readonly indicators: readonly string[];
  ncpOf(country: string): string | undefined;
  /** Indicators the stakeholder holds a dataset covering. */
  holds(stakeholder: string, indicator: string): boolean;
  /** The country's stakeholders holding a dataset covering the indicator, sorted by id. */
  holders(country: string, indicator: string): string[];
  /** Admitted flows carrying the indicator, self-loops left out. */
  flowsCarrying(indicator: string): readonly FlowEdge[];
  /** Every admitted flow, self-loops left out. */
  readonly flows: readonly FlowEdge[];
  stakeholdersOf(country: string): readonly string[];
}

/** Whether a flow passes the options: status, informal basis, minimum confidence. */
export function admits(options: AnalysisOptions, flow: { status: string; basis: string; confidence: string }): boolean {
  return options.includeStatuses.includes(flow.status as FlowStatus)
    && (options.includeInformal || flow.basis !== 'informal')
    && (CONFIDENCE_RANK[flow.confidence] ?? 0) >= (CONFIDENCE_RANK[options.minConfidence] ?? 0);
}

export function buildFlowGraph(document: MapDocument, catalogue: Catalogue, options: AnalysisOptions = DEFAULT_OPTIONS): FlowGraph {
  const graph = new MultiDirectedGraph<StakeholderNode, FlowEdge>({ allowSelfLoops: true });
  const ncps = new Map<string, string>();
  const byCountry = new Map<string, string[]>();
  for (const s of document.stakeholders) {
    graph.addNode(s.id, { id: s.id, name: s.name, country: s.country, type: s.type, sector: sectorOf(s.type), ncp: s.ncp });
    if (s.ncp) ncps.set(s.country, s.id);
    const list = byCountry.get(s.country);
    if (list) list.push(s.id);
    else byCountry.set(s.country, [s.id]);
  }
  for (const ids of byCountry.values()) ids.sort();
  const carrying = new Map<string, FlowEdge[]>();
  const flows: FlowEdge[] = [];
  for (const f of document.flows) {
    if (!admits(options, f) || !graph.hasNode(f.from) || !graph.hasNode(f.to)) continue;
    const edge: FlowEdge = {
      id: f.id, from: f.from, to: f.to, indicators: f.indicators, basis: f.basis, personDependent: f.personDependent,
      confidence: f.confidence, status: f.status,
      ...(f.frequency ? { frequency: f.frequency } : {}), ...(f.latencyDays !== undefined ? { latencyDays: f.latencyDays } : {}),
    };
    graph.addDirectedEdgeWithKey(f.id, f.from, f.to, edge);
    if (f.from === f.to) continue;
    flows.push(edge);
    for (const x of f.indicators) {
      const list = carrying.get(x);
      if (list) list.push(edge);
      else carrying.set(x, [edge]);
    }
  }
  const held = new Map<string, Set<string>>();
  for (const d of document.datasets) {
    const set = held.get(d.holder) ?? new Set<string>();
    for (const x of d.indicators) set.add(x);
    held.set(d.holder, set);
  }
  const countries = [...document.countries].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    options,
    graph,
    document,
    catalogue,
    countries,
    indicators: catalogue.indicators.map((i) => i.code),
    ncpOf: (country) => ncps.get(country),
    holds: (stakeholder, indicator) => held.get(stakeholder)?.has(indicator) ?? false,
    holders: (country, indicator) => (byCountry.get(country) ?? []).filter((id) => held.get(id)?.has(indicator)),
    flowsCarrying: (indicator) => carrying.get(indicator) ?? [],
    flows,
    stakeholdersOf: (country) => byCountry.get(country) ?? [],
  };
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

/** Normalised betweenness of the country graph (shared by bottlenecks, the NCP's rank and the comparison). */
export function countryBetweenness(fg: FlowGraph, country: string): Readonly<Record<string, number>> {
  return memoOn(fg, `betweenness|${country}`, () => betweenness(countryGraph(fg, country)));
}

function buildCountryGraph(fg: FlowGraph, country: string): DirectedGraph<StakeholderNode, { flows: string[] }> {
  const g = new DirectedGraph<StakeholderNode, { flows: string[] }>({ allowSelfLoops: false });
  for (const id of fg.stakeholdersOf(country)) g.addNode(id, fg.graph.getNodeAttributes(id));
  fg.graph.forEachEdge((key, attrs, from, to) => {
    if (from === to || !g.hasNode(from) || !g.hasNode(to)) return;
    const edge = `${from}->${to}`;
    if (g.hasEdge(edge)) g.getEdgeAttributes(edge).flows.push(key);
    else g.addDirectedEdgeWithKey(edge, from, to, { flows: [key] });
  });
  return g;
}

/** National countries: every country of the map but the international layer. */
export function nationalCountries(fg: FlowGraph): string[] {
  return fg.countries.map((c) => c.code).filter((c) => c !== INTERNATIONAL);
}
