// The structural metrics of the country graph (ANALYSIS.md §3-5), one pure function per file.
export type { Direction, IndexedGraph } from './indexed-graph';
export {
  betweenness,
  betweennessOfIndex,
  BETWEENNESS_DEFAULTS,
  type BetweennessOptions,
} from './centrality/betweenness';
export { brandes, type Dependencies } from './centrality/brandes';
export {
  edgeBetweenness,
  edgeBetweennessScale,
  EDGE_BETWEENNESS_DEFAULTS,
  type EdgeBetweennessOptions,
} from './centrality/edge-betweenness';
export { harmonicCloseness } from './centrality/harmonic-closeness';
export { reach, type Reach } from './node/reach';
export { brokerage, DEFAULT_GROUP_OF, type BrokerageRoles, type GroupOf } from './node/brokerage';
export { burtConstraint } from './node/constraint';
export { density, densityIndexed } from './graph/density';
export { reciprocity, reciprocityIndexed } from './graph/reciprocity';
export { meanDegree, meanDegreeIndexed } from './graph/mean-degree';
export { degreeCentralization, degreeCentralizationIndexed } from './graph/degree-centralization';
export { betweennessCentralization, betweennessCentralizationOf } from './graph/betweenness-centralization';
export { components, componentsIndexed, type ComponentCounts } from './graph/components';
export { immediateDominators, immediateDominatorsIndexed, dominatorsOf } from './graph/dominators';
