// The candidate actions of a plan (ANALYSIS.md §6), computed once before the first step.
import { coverageCell } from '../coverage/coverage';
import type { FlowGraph } from '../flow-graph';
import { indicatorResilience } from '../resilience/resilience';
import { gapSuggestions, type Suggestion } from '../suggestions/suggestions';

export type ActionKind = 'extend_flow' | 'new_flow';

export interface Candidate {
  kind: ActionKind;
  from: string;
  to: string;
  /** extend_flow: the existing active flow from -> to with the smallest id. */
  flow?: string;
  /** The indicators the action adds to the pair, in catalogue order. */
  indicators: string[];
  /** close_gaps: per indicator, its highest peer score among the group's suggestions. */
  peerScores: Map<string, number>;
}

/** Plain code-unit order (JavaScript's default sort, Python's sorted), never locale order. */
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The smallest id of the active flows from -> to (the flow graph holds active flows only with §6's options), keyed `from>to`. */
function smallestFlows(fg: FlowGraph, pairs: ReadonlyArray<{ from: string; to: string }>): Map<string, string> {
  const wanted = new Map<string, Set<string>>();
  for (const { from, to } of pairs) {
    const set = wanted.get(from);
    if (set) set.add(to);
    else wanted.set(from, new Set([to]));
  }
  const found = new Map<string, string>();
  for (const e of fg.flows) {
    if (!wanted.get(e.from)?.has(e.to)) continue;
    const pair = `${e.from}>${e.to}`;
    const known = found.get(pair);
    if (known === undefined || e.id < known) found.set(pair, e.id);
  }
  return found;
}

function inCatalogueOrder(fg: FlowGraph, codes: Iterable<string>): string[] {
  const set = new Set(codes);
  return fg.indicators.filter((x) => set.has(x));
}

/**
 * close_gaps: the country's suggestions grouped by kind and pair; an extend_flow suggestion gives an
 * extend_flow action, a direct or join_route one a new_flow action; an action carries the union of its
 * group's indicators. `known`: the country's suggestions when already computed on the same map (the service's cached answer).
 */
export function closeGapsCandidates(
  fg: FlowGraph,
  country: string,
  known?: readonly Pick<Suggestion, 'indicator' | 'kind' | 'from' | 'to' | 'peerScore'>[],
): Candidate[] {
  const groups = new Map<string, { kind: ActionKind; from: string; to: string; peer: Map<string, number> }>();
  for (const s of known ?? gapSuggestions(fg, country)) {
    const kind: ActionKind = s.kind === 'extend_flow' ? 'extend_flow' : 'new_flow';
    const key = `${kind}|${s.from}>${s.to}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind, from: s.from, to: s.to, peer: new Map() }));
    group.peer.set(s.indicator, Math.max(group.peer.get(s.indicator) ?? 0, s.peerScore));
  }
  const flows = smallestFlows(
    fg,
    [...groups.values()].filter((g) => g.kind === 'extend_flow'),
  );
  return [...groups.values()].map((g) => ({
    kind: g.kind,
    from: g.from,
    to: g.to,
    ...(g.kind === 'extend_flow' ? { flow: flows.get(`${g.from}>${g.to}`)! } : {}),
    indicators: inCatalogueOrder(fg, g.peer.keys()),
    peerScores: g.peer,
  }));
}

/**
 * harden: for each indicator reaching the NCP with resilience 1 and at least two holders, each holder
 * without an active X-carrying flow straight to the NCP; one action per holder, carrying all such X.
 */
export function hardenCandidates(fg: FlowGraph, country: string): Candidate[] {
  const ncp = fg.ncpOf(country);
  if (!ncp) return [];
  const byHolder = new Map<string, string[]>();
  for (const x of fg.indicators) {
    if (coverageCell(fg, country, x, false).status !== 'reaches_ncp') continue;
    const r = indicatorResilience(fg, country, x);
    if (r.resilience !== 1 || r.holders.length < 2) continue;
    const direct = new Set(
      fg
        .flowsCarrying(x)
        .filter((e) => e.to === ncp)
        .map((e) => e.from),
    );
    for (const h of r.holders) {
      if (h === ncp || direct.has(h)) continue;
      const list = byHolder.get(h);
      if (list) list.push(x);
      else byHolder.set(h, [x]);
    }
  }
  const flows = smallestFlows(
    fg,
    [...byHolder.keys()].map((h) => ({ from: h, to: ncp })),
  );
  return [...byHolder].map(([h, indicators]) => {
    const flow = flows.get(`${h}>${ncp}`);
    return {
      kind: flow ? 'extend_flow' : 'new_flow',
      from: h,
      to: ncp,
      ...(flow ? { flow } : {}),
      indicators,
      peerScores: new Map(),
    };
  });
}
