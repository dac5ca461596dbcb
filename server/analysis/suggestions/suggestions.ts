// Missing links (ANALYSIS.md §2): for every indicator collected in a country but not reaching its
// NCP, the new or extended flows that would close the gap, ranked by category and peer score, plus
// the type-level flow patterns most other countries have and this one lacks.
import { INTERNATIONAL, TYPE_NOUNS, type StakeholderType } from '../../model';
import { assertCountry, coverageCell } from '../coverage/coverage';
import { distancesTo, edgeIndex } from '../coverage/paths';
import { countryFlows, nationalCountries, nodeOf, type FlowEdge, type FlowGraph } from '../flow-graph';
import { memoOn } from '../memo';

export type SuggestionKind = 'direct' | 'join_route' | 'extend_flow';

export interface Suggestion {
  indicator: string;
  kind: SuggestionKind;
  from: string;
  to: string;
  /** The existing flow to extend (extend_flow). */
  flow?: string;
  peerScore: number;
  /** Category weight x (1 + peer score): the ranking key. */
  score: number;
  explanation: string;
}

export interface PeerPattern {
  fromType: string;
  toType: string;
  indicator: string;
  share: number;
}

export interface Suggestions {
  country: string;
  suggestions: Suggestion[];
  peerPatterns: PeerPattern[];
}

/** Category 1 (direct) outranks 2 (join a route) outranks 3 (extend a flow) at equal peer scores. */
const WEIGHT: Record<SuggestionKind, number> = { direct: 3, join_route: 2, extend_flow: 1 };
/** Patterns present in at least this share of the other countries are reported. */
const PATTERN_SHARE = 0.5;
/** In type-level patterns an NCP is its own kind of node, whatever its type. */
const NCP_TYPE = 'ncp';

/** A type as a noun with its article ("a migration authority"). */
const noun = (type: string) => TYPE_NOUNS[type as StakeholderType] ?? `a ${type.replace(/_/g, ' ')}`;
const countOf = (k: number, n: number) => `In ${k} of ${n} other ${n === 1 ? 'country' : 'countries'}`;

/** Other national countries that have an NCP: the peers of peer scores. */
function peers(fg: FlowGraph, country: string): string[] {
  return nationalCountries(fg).filter((c) => c !== country && fg.ncpOf(c));
}

/**
 * Share of the peer countries in which a stakeholder of the sender's type sends X to that country's
 * NCP, or to a stakeholder of the receiver's type. Memoised per flow graph: many suggestions share types.
 */
function peerScore(
  fg: FlowGraph,
  peerCountries: readonly string[],
  indicator: string,
  fromType: string,
  toType: string,
): { k: number; n: number; share: number } {
  return memoOn(fg, `peerScore|${peerCountries.join(',')}|${indicator}|${fromType}|${toType}`, () =>
    computePeerScore(fg, peerCountries, indicator, fromType, toType),
  );
}

/** An indicator's flows by sender type: the sender's country, whether the flow goes to that country's NCP, the receiver's type. */
function sendersByType(
  fg: FlowGraph,
  indicator: string,
): Map<string, Array<{ country: string; toNcp: boolean; toType: string }>> {
  return memoOn(fg, `sendersByType|${indicator}`, () => {
    const map = new Map<string, Array<{ country: string; toNcp: boolean; toType: string }>>();
    for (const e of fg.flowsCarrying(indicator)) {
      const from = nodeOf(fg, e.from);
      const entry = { country: from.country, toNcp: fg.ncpOf(from.country) === e.to, toType: nodeOf(fg, e.to).type };
      const list = map.get(from.type);
      if (list) list.push(entry);
      else map.set(from.type, [entry]);
    }
    return map;
  });
}

function computePeerScore(
  fg: FlowGraph,
  peerCountries: readonly string[],
  indicator: string,
  fromType: string,
  toType: string,
): { k: number; n: number; share: number } {
  const n = peerCountries.length;
  if (!n) return { k: 0, n, share: 0 };
  const peerSet = new Set(peerCountries);
  const inPeer = new Set<string>();
  for (const f of sendersByType(fg, indicator).get(fromType) ?? []) {
    if (!peerSet.has(f.country)) continue;
    if (f.toNcp || f.toType === toType) inPeer.add(f.country);
  }
  return { k: inPeer.size, n, share: inPeer.size / n };
}

/**
 * One shortest path of any admitted flows (whatever they carry) from `from` to the NCP, as flows;
 * `dist` holds every node's distance to the NCP over all flows.
 */
function anyPath(
  fg: FlowGraph,
  from: string,
  ncp: string,
  dist: ReadonlyMap<string, number>,
  indicator: string,
): FlowEdge[] | undefined {
  if (!dist.has(from)) return undefined;
  const ix = edgeIndex(fg.flows);
  const path: FlowEdge[] = [];
  let v = from;
  while (v !== ncp) {
    // Prefer flows that already carry X (fewer to extend), then by id.
    const row = ix.indexOf.get(v)!;
    const dv = dist.get(v)!;
    let next: FlowEdge | undefined;
    let nextCarries = false;
    for (let p = ix.outStart[row]!, end = ix.outStart[row + 1]!; p < end; p++) {
      const e = ix.edges[ix.outEdges[p]!]!;
      if (dist.get(e.to) !== dv - 1) continue;
      const carries = e.indicators.includes(indicator);
      if (!next || (carries && !nextCarries) || (carries === nextCarries && e.id < next.id)) {
        next = e;
        nextCarries = carries;
      }
    }
    path.push(next!);
    v = next!.to;
  }
  return path;
}

function suggestionsFor(
  fg: FlowGraph,
  country: string,
  indicator: string,
  ncp: string,
  peerCountries: readonly string[],
  distAll: ReadonlyMap<string, number>,
): Suggestion[] {
  const out: Suggestion[] = [];
  const ncpType = nodeOf(fg, ncp).type;
  const make = (
    kind: SuggestionKind,
    from: string,
    to: string,
    explain: (k: number, n: number) => string,
    flow?: string,
  ): Suggestion => {
    const fromType = nodeOf(fg, from).type;
    const toType = nodeOf(fg, to).type;
    const peer = peerScore(fg, peerCountries, indicator, fromType, to === ncp ? ncpType : toType);
    return {
      indicator,
      kind,
      from,
      to,
      ...(flow ? { flow } : {}),
      peerScore: peer.share,
      score: WEIGHT[kind] * (1 + peer.share),
      explanation: explain(peer.k, peer.n),
    };
  };
  const name = (id: string) => nodeOf(fg, id).name;
  // Nodes with an X-path to the NCP, nearest first, then by id: the routes a holder could join.
  const routes = [...distancesTo(fg.flowsCarrying(indicator), ncp).entries()]
    .filter(([, d]) => d > 0)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));

  for (const holder of fg.holders(country, indicator)) {
    const type = noun(nodeOf(fg, holder).type);
    out.push(
      make(
        'direct',
        holder,
        ncp,
        (k, n) =>
          `${countOf(k, n)} ${type} sends ${indicator} directly to the NCP; here ${name(holder)} holds it but it never reaches the NCP.`,
      ),
    );

    const join = routes[0]?.[0] !== holder ? routes[0] : routes[1];
    if (join) {
      const [y, d] = join;
      const yType = noun(nodeOf(fg, y).type);
      out.push(
        make(
          'join_route',
          holder,
          y,
          (k, n) =>
            `${name(y)} already passes ${indicator} on to the NCP in ${d} hop${d === 1 ? '' : 's'}; ${countOf(k, n).toLowerCase()} ${type} sends ${indicator} to ${yType} or to the NCP.`,
        ),
      );
    }

    for (const e of anyPath(fg, holder, ncp, distAll, indicator) ?? []) {
      if (e.indicators.includes(indicator)) continue;
      const fromType = noun(nodeOf(fg, e.from).type);
      out.push(
        make(
          'extend_flow',
          e.from,
          e.to,
          (k, n) =>
            `Flow ${e.id} (${name(e.from)} to ${name(e.to)}) already lies on a route from ${name(holder)} to the NCP but does not carry ${indicator}; ${countOf(k, n).toLowerCase()} ${fromType} sends it on.`,
          e.id,
        ),
      );
    }
  }
  // One suggestion per (kind, from, to, flow): several holders may propose the same extension.
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.kind}|${s.from}|${s.to}|${s.flow ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Type-level flows (sender type -> receiver type, per indicator) of a country; an NCP counts as 'ncp'. */
function typeLevelFlows(fg: FlowGraph, country: string): Set<string> {
  return memoOn(fg, `typeLevelFlows|${country}`, () => {
    const found = new Set<string>();
    const typeOf = (id: string) => {
      const a = nodeOf(fg, id);
      return a.ncp ? NCP_TYPE : a.type;
    };
    for (const e of countryFlows(fg, country).outgoing) {
      for (const x of e.indicators) found.add(`${typeOf(e.from)}\u0000${typeOf(e.to)}\u0000${x}`);
    }
    return found;
  });
}

export function peerPatterns(fg: FlowGraph, country: string): PeerPattern[] {
  const others = nationalCountries(fg).filter((c) => c !== country);
  if (!others.length) return [];
  const here = typeLevelFlows(fg, country);
  const counts = new Map<string, number>();
  for (const other of others) for (const key of typeLevelFlows(fg, other)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const out: PeerPattern[] = [];
  for (const [key, k] of counts) {
    const share = k / others.length;
    if (share < PATTERN_SHARE || here.has(key)) continue;
    const [fromType, toType, indicator] = key.split('\u0000') as [string, string, string];
    out.push({ fromType, toType, indicator, share });
  }
  return out.sort(
    (a, b) =>
      b.share - a.share ||
      a.indicator.localeCompare(b.indicator) ||
      a.fromType.localeCompare(b.fromType) ||
      a.toType.localeCompare(b.toType),
  );
}

/** The country's ranked suggestions alone, without the peer patterns (what a plan starts from). */
export function gapSuggestions(fg: FlowGraph, country: string): Suggestion[] {
  assertCountry(fg, country);
  const ncp = fg.ncpOf(country);
  const list: Suggestion[] = [];
  if (ncp && country !== INTERNATIONAL) {
    const peerCountries = peers(fg, country);
    const distAll = distancesTo(fg.flows, ncp);
    for (const indicator of fg.indicators) {
      if (coverageCell(fg, country, indicator, false).status !== 'collected_not_reaching') continue;
      list.push(...suggestionsFor(fg, country, indicator, ncp, peerCountries, distAll));
    }
  }
  return list.sort(
    (a, b) =>
      b.score - a.score ||
      a.indicator.localeCompare(b.indicator) ||
      WEIGHT[b.kind] - WEIGHT[a.kind] ||
      a.from.localeCompare(b.from) ||
      a.to.localeCompare(b.to),
  );
}

export function suggestions(fg: FlowGraph, country: string): Suggestions {
  return { country, suggestions: gapSuggestions(fg, country), peerPatterns: peerPatterns(fg, country) };
}
