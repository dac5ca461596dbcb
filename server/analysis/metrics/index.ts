// The structural metrics of the country graph (ANALYSIS.md §3-5), one pure function per file.
export type { Direction } from './indexed-graph';
export { betweenness, BETWEENNESS_DEFAULTS, type BetweennessOptions } from './centrality/betweenness';
export { edgeBetweenness, EDGE_BETWEENNESS_DEFAULTS, type EdgeBetweennessOptions } from './centrality/edge-betweenness';
export { harmonicCloseness } from './centrality/harmonic-closeness';
export { reach, type Reach } from './node/reach';
export { brokerage, DEFAULT_GROUP_OF, type BrokerageRoles, type GroupOf } from './node/brokerage';
export { burtConstraint } from './node/constraint';
export { density } from './graph/density';
export { reciprocity } from './graph/reciprocity';
export { meanDegree } from './graph/mean-degree';
export { degreeCentralization } from './graph/degree-centralization';
export { betweennessCentralization } from './graph/betweenness-centralization';
export { components, type ComponentCounts } from './graph/components';
export { immediateDominators, immediateDominatorsIndexed, dominatorsOf } from './graph/dominators';
