// The change in a country's analyses between two map documents: the NCP coverage status of each
// indicator (only those that changed) and the NCP's position metrics side by side. Each document
// goes through the same analyses the API runs (buildFlowGraph, countryCoverage, ncpPosition) with
// the default options. A side without the country or without an NCP gives nulls.
import type { MapDocument } from '../../model';
import { countryCoverage, type CountryCoverage, type CoverageStatus } from '../coverage/coverage';
import { buildFlowGraph } from '../flow-graph';
import { ncpPosition, type NcpPosition } from '../ncp/position';

export interface DiffCatalogue {
  indicators: ReadonlyArray<{ code: string; name?: string; themes: readonly string[] }>;
}

export interface CoverageChange {
  indicator: string;
  name: string;
  before: CoverageStatus | null;
  after: CoverageStatus | null;
}

export interface MetricChange {
  metric: string;
  label: string;
  before: number | null;
  after: number | null;
}

export interface AnalysisDiff {
  coverage: CoverageChange[];
  ncp: MetricChange[];
}

type Position = Extract<NcpPosition, { status: 'ok' }>;
type Metric = [metric: string, label: string, value: (p: Position, c: CountryCoverage) => number | null];

/**
 * The NCP metrics compared. Cross-border channels and "passed on" are left out: a country's scope
 * holds the flows crossing its border but not the stakeholders at their foreign ends.
 */
export const NCP_METRICS: readonly Metric[] = [
  [
    'coverageRatio',
    'Coverage: share of the indicators collected in the country that reach the NCP',
    (_p, c) => c.coverageRatio,
  ],
  [
    'referenceCoverage',
    'Reference coverage: share of the catalogue that reaches the NCP',
    (_p, c) => c.referenceCoverage,
  ],
  ['indicatorsReceived', 'Indicators the NCP receives through flows', (p) => p.indicatorsReceived.length],
  ['indicatorsHeld', 'Indicators the NCP holds itself', (p) => p.indicatorsHeld.length],
  ['inDegree', 'Stakeholders sending to the NCP', (p) => p.inDegree],
  ['outDegree', 'Stakeholders the NCP sends to', (p) => p.outDegree],
  ['betweenness', 'Betweenness (normalised)', (p) => p.betweenness],
  ['betweennessRank', "Betweenness rank among the country's stakeholders", (p) => p.betweennessRank],
  ['harmonicClosenessIn', 'Closeness, incoming (harmonic)', (p) => p.harmonicClosenessIn],
  ['harmonicClosenessOut', 'Closeness, outgoing (harmonic)', (p) => p.harmonicClosenessOut],
  ['reachIn1', 'Share of stakeholders reaching the NCP in 1 step', (p) => p.reach.in.k1],
  ['reachIn2', 'Share of stakeholders reaching the NCP within 2 steps', (p) => p.reach.in.k2],
  ['reachInAny', 'Share of stakeholders reaching the NCP at all', (p) => p.reach.in.any],
  ['reachOut1', 'Share of stakeholders the NCP reaches in 1 step', (p) => p.reach.out.k1],
  ['reachOut2', 'Share of stakeholders the NCP reaches within 2 steps', (p) => p.reach.out.k2],
  ['reachOutAny', 'Share of stakeholders the NCP reaches at all', (p) => p.reach.out.any],
  ['brokerageCoordinator', 'Brokerage: coordinator (within its sector)', (p) => p.brokerage.coordinator],
  ['brokerageGatekeeper', 'Brokerage: gatekeeper (into its sector)', (p) => p.brokerage.gatekeeper],
  ['brokerageRepresentative', 'Brokerage: representative (out of its sector)', (p) => p.brokerage.representative],
  ['brokerageItinerant', 'Brokerage: itinerant (between others of one sector)', (p) => p.brokerage.itinerant],
  ['brokerageLiaison', 'Brokerage: liaison (between three sectors)', (p) => p.brokerage.liaison],
  ['constraint', "Burt's constraint (lower: more independent)", (p) => p.constraint],
];

interface Side {
  statuses: ReadonlyMap<string, CoverageStatus>;
  metrics: ReadonlyMap<string, number | null>;
}

function analyse(doc: MapDocument, catalogue: DiffCatalogue, country: string): Side | null {
  if (!doc.countries.some((c) => c.code === country)) return null;
  const fg = buildFlowGraph(doc, catalogue);
  const position = ncpPosition(fg, country);
  if (position.status !== 'ok') return null;
  const coverage = countryCoverage(fg, country);
  return {
    statuses: new Map(coverage.cells.map((c) => [c.indicator, c.status])),
    metrics: new Map(NCP_METRICS.map(([metric, , value]) => [metric, value(position, coverage)])),
  };
}

/** From `a` (before) to `b` (after) for one country, over the catalogue's indicators (in its order). */
export function analysisDiff(a: MapDocument, b: MapDocument, catalogue: DiffCatalogue, country: string): AnalysisDiff {
  const before = analyse(a, catalogue, country);
  const after = analyse(b, catalogue, country);
  const coverage: CoverageChange[] = [];
  for (const { code, name } of catalogue.indicators) {
    const was = before?.statuses.get(code) ?? null;
    const now = after?.statuses.get(code) ?? null;
    if (was !== now) coverage.push({ indicator: code, name: name ?? code, before: was, after: now });
  }
  const ncp = NCP_METRICS.map(([metric, label]) => ({
    metric,
    label,
    before: before?.metrics.get(metric) ?? null,
    after: after?.metrics.get(metric) ?? null,
  }));
  return { coverage, ncp };
}
