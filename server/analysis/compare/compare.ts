// Comparing national topologies (ANALYSIS.md §5): per-country metrics of the country graph, role
// matrices (type -> type and sector -> sector shares of the country's flows) and country similarity
// (cosine of the type-level role matrices).
import { assertCountry, countryCoverage } from '../coverage/coverage';
import {
  countryBetweenness,
  countryFlows,
  countryIndex,
  nationalCountries,
  nodeOf,
  type FlowEdge,
  type FlowGraph,
} from '../flow-graph';
import {
  betweennessCentralizationOf,
  componentsIndexed,
  degreeCentralizationIndexed,
  densityIndexed,
  meanDegreeIndexed,
  reciprocityIndexed,
} from '../metrics';
import { rankOf } from '../ncp/position';

export interface CountryMetrics {
  country: string;
  stakeholders: number;
  flows: number;
  density: number;
  reciprocity: number;
  meanDegree: number;
  degreeCentralization: number;
  betweennessCentralization: number;
  weakComponents: number;
  strongComponents: number;
  sectors: number;
  basisShare: { statutory: number; agreement: number; project: number; informal: number };
  personDependentShare: number;
  coverageRatio: number | null;
  referenceCoverage: number | null;
  meanHopsToNcp: number | null;
  ncpBetweennessRank: number | null;
  networks: number;
  crossBorderChannels: number;
}

export type RoleMatrix = Record<string, number>;

export interface Comparison {
  countries: CountryMetrics[];
  roleMatrices: Record<string, RoleMatrix>;
  sectorMatrices: Record<string, RoleMatrix>;
  similarity: Array<{ a: string; b: string; cosine: number }>;
}

const share = (k: number, n: number) => (n > 0 ? k / n : 0);

/** The admitted flows with both ends in the country (parallel flows each count; self-loops too). */
function ownFlows(fg: FlowGraph, country: string): readonly FlowEdge[] {
  return countryFlows(fg, country).own;
}

export function countryMetrics(fg: FlowGraph, country: string): CountryMetrics {
  assertCountry(fg, country);
  // The country graph as compressed rows: the metrics' own index of it, without graphology.
  const cg = countryIndex(fg, country);
  const n = cg.nodes.length;
  const flows = ownFlows(fg, country);
  const coverage = countryCoverage(fg, country, false);
  const hops = coverage.cells.filter((c) => c.status === 'reaches_ncp').map((c) => c.hops!);
  const ncp = fg.ncpOf(country);
  const comps = componentsIndexed(cg);
  const bc = countryBetweenness(fg, country);
  const basis = (b: string) => share(flows.filter((f) => f.basis === b).length, flows.length);
  const crossBorderChannels = countryFlows(fg, country).crossBorder.length;
  return {
    country,
    stakeholders: n,
    flows: flows.length,
    density: densityIndexed(cg),
    reciprocity: reciprocityIndexed(cg),
    meanDegree: meanDegreeIndexed(cg),
    degreeCentralization: degreeCentralizationIndexed(cg),
    betweennessCentralization: betweennessCentralizationOf(Object.values(bc), n),
    weakComponents: comps.weak,
    strongComponents: comps.strong,
    sectors: new Set(cg.nodes.map((id) => nodeOf(fg, id).sector)).size,
    basisShare: {
      statutory: basis('statutory'),
      agreement: basis('agreement'),
      project: basis('project'),
      informal: basis('informal'),
    },
    personDependentShare: share(flows.filter((f) => f.personDependent).length, flows.length),
    coverageRatio: coverage.coverageRatio,
    referenceCoverage: coverage.referenceCoverage,
    meanHopsToNcp: hops.length ? hops.reduce((a, b) => a + b, 0) / hops.length : null,
    ncpBetweennessRank: ncp ? rankOf(bc, ncp) : null,
    networks: fg.document.networks.filter((n) => n.country === country).length,
    crossBorderChannels,
  };
}

/** Shares of the country's flows by sender -> receiver attribute ('type' or 'sector'), keyed `from>to`. */
export function roleMatrix(fg: FlowGraph, country: string, level: 'type' | 'sector'): RoleMatrix {
  const flows = ownFlows(fg, country);
  // Counted by sender, then receiver attribute (no `from>to` string per flow: only one per pair that occurs).
  const bySender = new Map<string, Map<string, number>>();
  for (const f of flows) {
    const from = nodeOf(fg, f.from)[level];
    const to = nodeOf(fg, f.to)[level];
    let row = bySender.get(from);
    if (!row) bySender.set(from, (row = new Map<string, number>()));
    row.set(to, (row.get(to) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [from, row] of bySender) {
    for (const [to, n] of row) {
      const key = `${from}>${to}`;
      counts.set(key, (counts.get(key) ?? 0) + n);
    }
  }
  return Object.fromEntries([...counts.keys()].sort().map((k) => [k, counts.get(k)! / flows.length]));
}

/** Cosine similarity of two sparse vectors; 0 when either is all zeros. */
export function cosine(a: RoleMatrix, b: RoleMatrix): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of Object.entries(a)) {
    na += v * v;
    dot += v * (b[k] ?? 0);
  }
  for (const v of Object.values(b)) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export function compare(fg: FlowGraph, countries: readonly string[] = nationalCountries(fg)): Comparison {
  const codes = [...new Set(countries)].sort();
  for (const c of codes) assertCountry(fg, c);
  const roleMatrices = Object.fromEntries(codes.map((c) => [c, roleMatrix(fg, c, 'type')]));
  const similarity: Comparison['similarity'] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      similarity.push({
        a: codes[i]!,
        b: codes[j]!,
        cosine: cosine(roleMatrices[codes[i]!]!, roleMatrices[codes[j]!]!),
      });
    }
  }
  return {
    countries: codes.map((c) => countryMetrics(fg, c)),
    roleMatrices,
    sectorMatrices: Object.fromEntries(codes.map((c) => [c, roleMatrix(fg, c, 'sector')])),
    similarity,
  };
}
