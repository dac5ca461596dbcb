// Fragile coverage (ANALYSIS.md §3): indicators that reach the NCP only through paths containing an
// informal or person-dependent flow, or only through flows with reported or assumed evidence.
import { coverageCell } from '../coverage/coverage';
import { flowsTowards, someReaches } from '../coverage/paths';
import type { FlowEdge, FlowGraph } from '../flow-graph';

export type FragileReason = 'informal' | 'person_dependent' | 'informal_or_person_dependent' | 'unconfirmed';

export interface FragileIndicator {
  indicator: string;
  reasons: FragileReason[];
}

const isInformal = (e: FlowEdge) => e.basis === 'informal';
const isPersonDependent = (e: FlowEdge) => e.personDependent;

function reachesAvoiding(
  edges: readonly FlowEdge[],
  holders: readonly string[],
  ncp: string,
  avoid: (e: FlowEdge) => boolean,
): boolean {
  return someReaches(edges, holders, ncp, (e) => !avoid(e));
}

/**
 * Reasons an indicator's coverage is fragile (empty when it is not). Held by the NCP itself is never
 * fragile. `informal_or_person_dependent`: every path has an informal or a person-dependent flow,
 * though paths without each alone exist.
 */
export function fragileReasons(fg: FlowGraph, country: string, indicator: string): FragileReason[] {
  const ncp = fg.ncpOf(country);
  if (!ncp || coverageCell(fg, country, indicator, false).status !== 'reaches_ncp') return [];
  const edges = flowsTowards(fg.flowsCarrying(indicator), ncp);
  const holders = fg.holders(country, indicator);
  const without = (avoid: (e: FlowEdge) => boolean) => reachesAvoiding(edges, holders, ncp, avoid);
  const reasons: FragileReason[] = [];
  const avoidsInformal = without(isInformal);
  const avoidsPersonDependent = without(isPersonDependent);
  if (!avoidsInformal) reasons.push('informal');
  if (!avoidsPersonDependent) reasons.push('person_dependent');
  if (avoidsInformal && avoidsPersonDependent && !without((e) => isInformal(e) || isPersonDependent(e))) {
    reasons.push('informal_or_person_dependent');
  }
  if (!without((e) => e.confidence !== 'confirmed')) reasons.push('unconfirmed');
  return reasons;
}

export function fragileCoverage(fg: FlowGraph, country: string): FragileIndicator[] {
  return fg.indicators
    .map((indicator) => ({ indicator, reasons: fragileReasons(fg, country, indicator) }))
    .filter((f) => f.reasons.length > 0);
}
