// The NCP's position in its national network (ANALYSIS.md §4): degrees, what it receives, holds and
// passes on, betweenness and its rank, harmonic closeness, reach, brokerage roles, Burt's
// constraint, and its cross-border channels.
import { INTERNATIONAL } from '../../model';
import { assertCountry, countryCoverage } from '../coverage/coverage';
import { countryBetweenness, countryFlows, countryGraph, nodeOf, type FlowGraph } from '../flow-graph';
import { brokerage, burtConstraint, harmonicCloseness, reach, type BrokerageRoles, type Reach } from '../metrics';

export interface CrossBorderFlow {
  flow: string;
  /** The other end: another country's NCP or an international body. */
  stakeholder: string;
  country: string;
  indicators: readonly string[];
}

export type NcpPosition =
  | {
      status: 'ok';
      country: string;
      ncp: string;
      inDegree: number;
      outDegree: number;
      indicatorsReceived: string[];
      indicatorsHeld: string[];
      indicatorsPassedOn: string[];
      betweenness: number;
      betweennessRank: number;
      harmonicClosenessIn: number;
      harmonicClosenessOut: number;
      reach: { in: Reach; out: Reach };
      brokerage: BrokerageRoles;
      constraint: number | null;
      crossBorder: { in: CrossBorderFlow[]; out: CrossBorderFlow[] };
    }
  | { status: 'no_ncp'; country: string; ncp: null };

/** Values closer than this are equal: sums of path fractions differ in their last bits by summing order. */
const TIE = 1e-12;

/** 1 + the number of stakeholders with strictly higher betweenness. */
export function rankOf(values: Readonly<Record<string, number>>, id: string): number {
  const own = values[id] ?? 0;
  return 1 + Object.values(values).filter((v) => v > own + TIE).length;
}

export function ncpPosition(fg: FlowGraph, country: string): NcpPosition {
  assertCountry(fg, country);
  const ncp = fg.ncpOf(country);
  if (!ncp) return { status: 'no_ncp', country, ncp: null };
  const cg = countryGraph(fg, country);
  const coverage = countryCoverage(fg, country);
  const codes = (test: (c: (typeof coverage.cells)[number]) => boolean) =>
    coverage.cells.filter(test).map((c) => c.indicator);
  const bc = countryBetweenness(fg, country);
  const foreign = (id: string) => {
    const node = nodeOf(fg, id);
    return node.country === INTERNATIONAL || (node.ncp && node.country !== country);
  };
  const crossBorder = { in: [] as CrossBorderFlow[], out: [] as CrossBorderFlow[] };
  // A flow to or from the NCP with a foreign end: between the NCP's country and another one, unless
  // the NCP's own country is the international layer (then both ends may be international bodies).
  const candidates = country === INTERNATIONAL ? fg.flows : countryFlows(fg, country).crossBorder;
  for (const e of candidates) {
    if (e.from === e.to) continue;
    if (e.to === ncp && foreign(e.from)) {
      crossBorder.in.push({
        flow: e.id,
        stakeholder: e.from,
        country: nodeOf(fg, e.from).country,
        indicators: e.indicators,
      });
    }
    if (e.from === ncp && foreign(e.to)) {
      crossBorder.out.push({
        flow: e.id,
        stakeholder: e.to,
        country: nodeOf(fg, e.to).country,
        indicators: e.indicators,
      });
    }
  }
  crossBorder.in.sort((a, b) => a.flow.localeCompare(b.flow));
  crossBorder.out.sort((a, b) => a.flow.localeCompare(b.flow));
  return {
    status: 'ok',
    country,
    ncp,
    inDegree: cg.inDegree(ncp),
    outDegree: cg.outDegree(ncp),
    indicatorsReceived: codes((c) => c.status === 'reaches_ncp'),
    indicatorsHeld: codes((c) => c.status === 'held_by_ncp'),
    indicatorsPassedOn: codes((c) => c.passedOn === true),
    betweenness: bc[ncp] ?? 0,
    betweennessRank: rankOf(bc, ncp),
    harmonicClosenessIn: harmonicCloseness(cg, ncp, 'in'),
    harmonicClosenessOut: harmonicCloseness(cg, ncp, 'out'),
    reach: { in: reach(cg, ncp, 'in'), out: reach(cg, ncp, 'out') },
    brokerage: brokerage(cg, ncp),
    constraint: burtConstraint(cg, ncp),
    crossBorder,
  };
}
