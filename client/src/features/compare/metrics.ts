// The comparison metrics of GET /api/analysis/compare (ANALYSIS.md §5) as the view shows them: a
// label, a sentence in plain words for the secretariat, how to read a value, and why a value is missing.
import type { CompareResponse } from '../analysis/api/types';

export type CountryMetrics = CompareResponse['countries'][number];

export type MetricKey =
  | 'stakeholders'
  | 'flows'
  | 'density'
  | 'reciprocity'
  | 'meanDegree'
  | 'degreeCentralization'
  | 'betweennessCentralization'
  | 'weakComponents'
  | 'strongComponents'
  | 'sectors'
  | 'basisStatutory'
  | 'basisAgreement'
  | 'basisProject'
  | 'basisInformal'
  | 'personDependentShare'
  | 'coverageRatio'
  | 'referenceCoverage'
  | 'meanHopsToNcp'
  | 'ncpBetweennessRank'
  | 'networks'
  | 'crossBorderChannels';

type Kind = 'count' | 'share' | 'index' | 'mean' | 'rank';

export interface Metric {
  key: MetricKey;
  /** Column header and chart title. */
  label: string;
  /** The metric group in the picker. */
  group: 'Size' | 'Structure' | 'Basis of the flows' | 'The NCP' | 'Links';
  kind: Kind;
  /** What it measures, in plain words. */
  explanation: string;
  value: (c: CountryMetrics) => number | null;
  /** Why a country has no value (only for metrics that can be null). */
  missing?: (c: CountryMetrics) => string;
}

const noNcp = (c: CountryMetrics) => c.ncpBetweennessRank === null;
const NO_NCP = 'No value: the country has no national contact point (NCP) on its map.';

export const METRICS: readonly Metric[] = [
  {
    key: 'stakeholders',
    label: 'Stakeholders',
    group: 'Size',
    kind: 'count',
    explanation: 'Institutions mapped in the country (its own; foreign partners are not counted).',
    value: (c) => c.stakeholders,
  },
  {
    key: 'flows',
    label: 'Flows',
    group: 'Size',
    kind: 'count',
    explanation:
      'Information flows running now (active) between the country’s own institutions. Two separate flows between the same pair count twice.',
    value: (c) => c.flows,
  },
  {
    key: 'density',
    label: 'Density',
    group: 'Structure',
    kind: 'share',
    explanation:
      'Of all possible sender → receiver pairs of institutions, the share that actually have a flow. Higher: more institutions pass information to each other directly.',
    value: (c) => c.density,
  },
  {
    key: 'reciprocity',
    label: 'Reciprocity',
    group: 'Structure',
    kind: 'share',
    explanation:
      'Of the pairs where information goes from one institution to another, the share where it also comes back the other way.',
    value: (c) => c.reciprocity,
  },
  {
    key: 'meanDegree',
    label: 'Mean degree',
    group: 'Structure',
    kind: 'mean',
    explanation:
      'On average, how many other institutions each institution sends information to (the same as how many it receives from).',
    value: (c) => c.meanDegree,
  },
  {
    key: 'degreeCentralization',
    label: 'Degree centralisation',
    group: 'Structure',
    kind: 'index',
    explanation:
      'From 0 to 1: how much the network revolves around one hub with far more contacts than the rest. 1 is a star with everyone linked only to the centre; 0, everyone equally connected.',
    value: (c) => c.degreeCentralization,
  },
  {
    key: 'betweennessCentralization',
    label: 'Betweenness centralisation',
    group: 'Structure',
    kind: 'index',
    explanation:
      'From 0 to 1: how much the shortest routes between institutions depend on one single go-between. High: one institution is a bottleneck for the others.',
    value: (c) => c.betweennessCentralization,
  },
  {
    key: 'weakComponents',
    label: 'Separate groups',
    group: 'Structure',
    kind: 'count',
    explanation:
      'Groups of institutions with no flow at all between the groups, whatever the direction (weak components). 1: everyone is connected somehow.',
    value: (c) => c.weakComponents,
  },
  {
    key: 'strongComponents',
    label: 'Two-way groups',
    group: 'Structure',
    kind: 'count',
    explanation:
      'Groups inside which information can get from any institution to any other and back (strong components). Many small ones: information mostly travels one way.',
    value: (c) => c.strongComponents,
  },
  {
    key: 'sectors',
    label: 'Sectors',
    group: 'Size',
    kind: 'count',
    explanation:
      'How many sectors (law enforcement, justice, child protection, migration, civil society, governance) the mapped institutions belong to.',
    value: (c) => c.sectors,
  },
  {
    key: 'basisStatutory',
    label: 'Statutory',
    group: 'Basis of the flows',
    kind: 'share',
    explanation: 'Share of the flows that a law requires.',
    value: (c) => c.basisShare.statutory,
  },
  {
    key: 'basisAgreement',
    label: 'Agreement',
    group: 'Basis of the flows',
    kind: 'share',
    explanation: 'Share of the flows that rest on a written agreement between the institutions.',
    value: (c) => c.basisShare.agreement,
  },
  {
    key: 'basisProject',
    label: 'Project',
    group: 'Basis of the flows',
    kind: 'share',
    explanation: 'Share of the flows that belong to a time-limited project and may end with it.',
    value: (c) => c.basisShare.project,
  },
  {
    key: 'basisInformal',
    label: 'Informal',
    group: 'Basis of the flows',
    kind: 'share',
    explanation: 'Share of the flows with no formal basis: habits, personal contacts.',
    value: (c) => c.basisShare.informal,
  },
  {
    key: 'personDependentShare',
    label: 'Rests on one person',
    group: 'Basis of the flows',
    kind: 'share',
    explanation: 'Share of the flows that depend on one individual and would likely stop if that person left.',
    value: (c) => c.personDependentShare,
  },
  {
    key: 'coverageRatio',
    label: 'Coverage ratio',
    group: 'The NCP',
    kind: 'share',
    explanation:
      'Of the kinds of information collected somewhere in the country, the share that the NCP holds itself or receives through a chain of flows.',
    value: (c) => c.coverageRatio,
    missing: (c) =>
      noNcp(c) ? NO_NCP : 'No value: no kind of information in the catalogue is collected in this country.',
  },
  {
    key: 'referenceCoverage',
    label: 'Reference coverage',
    group: 'The NCP',
    kind: 'share',
    explanation:
      'The same, measured against the whole reference catalogue of indicators: information never collected counts as missing.',
    value: (c) => c.referenceCoverage,
    missing: (c) => (noNcp(c) ? NO_NCP : 'No value: the reference catalogue has no indicators.'),
  },
  {
    key: 'meanHopsToNcp',
    label: 'Mean hops to NCP',
    group: 'The NCP',
    kind: 'mean',
    explanation:
      'For the kinds of information that reach the NCP through flows, how many hand-overs they take on average along the shortest route (information the NCP holds itself is left out).',
    value: (c) => c.meanHopsToNcp,
    missing: (c) =>
      noNcp(c)
        ? NO_NCP
        : 'No value: no kind of information reaches the NCP through a flow (it holds all it has itself, or receives nothing).',
  },
  {
    key: 'ncpBetweennessRank',
    label: 'NCP go-between rank',
    group: 'The NCP',
    kind: 'rank',
    explanation:
      'Where the NCP ranks among the country’s institutions as a go-between on the shortest routes (betweenness). 1: no other institution bridges more.',
    value: (c) => c.ncpBetweennessRank,
    missing: () => NO_NCP,
  },
  {
    key: 'networks',
    label: 'Networks',
    group: 'Links',
    kind: 'count',
    explanation: 'Coordination networks, task forces and working groups registered for the country.',
    value: (c) => c.networks,
  },
  {
    key: 'crossBorderChannels',
    label: 'Cross-border flows',
    group: 'Links',
    kind: 'count',
    explanation:
      'Flows between the country’s institutions and those of other countries or international bodies, in either direction.',
    value: (c) => c.crossBorderChannels,
  },
];

export const METRIC_GROUPS = ['Size', 'Structure', 'Basis of the flows', 'The NCP', 'Links'] as const;

const BY_KEY = new Map<string, Metric>(METRICS.map((m) => [m.key, m]));

export function metricOf(key: string | null | undefined): Metric | undefined {
  return key ? BY_KEY.get(key) : undefined;
}

export const DEFAULT_METRIC: MetricKey = 'density';

/** Shown for a missing value; its reason goes in a title and in text for screen readers. */
export const MISSING = '–';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
/** Shares as percentages with one decimal (the metrics' values and the role matrix's cells). */
export const percent = new Intl.NumberFormat('en', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const twoDecimals = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A metric's value as text: shares as percentages, indices and means with two decimals. */
export function formatValue(metric: Pick<Metric, 'kind'>, value: number | null): string {
  if (value === null) return MISSING;
  switch (metric.kind) {
    case 'share':
      return percent.format(value);
    case 'index':
    case 'mean':
      return twoDecimals.format(value);
    case 'count':
    case 'rank':
      return integer.format(value);
  }
}

/** The bar chart's scale runs from 0 to the largest value (to 1 when every value is 0 or missing). */
export function scaleMax(values: ReadonlyArray<number | null>): number {
  return Math.max(0, ...values.filter((v): v is number => v !== null)) || 1;
}
