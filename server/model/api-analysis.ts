// Query options and response shapes of the analysis API (ANALYSIS.md, last section), for validation and OpenAPI.
import { z } from 'zod';
import { Confidence, CountryCode, Flow, FlowStatus, Id, IndicatorCode } from './index';
import { Bool } from './api';

/** A comma-separated list in a query parameter, each item validated. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, 'name at least one'));

/** Options every analysis accepts (ANALYSIS.md): which flows count. Defaults: active flows only, informal ones included, any confidence. */
export const AnalysisOptions = z.strictObject({
  includeStatuses: z.array(FlowStatus).min(1, 'name at least one status').default(['active']),
  includeInformal: z.boolean().default(true),
  minConfidence: Confidence.default('assumed'),
});
export type AnalysisOptions = z.infer<typeof AnalysisOptions>;

/** What-if's body (ANALYSIS.md §3): stakeholders and flows to remove, proposed flows to add. */
export const WhatIfInput = z.strictObject({
  country: CountryCode,
  removeStakeholders: z.array(Id).max(1000).default([]),
  removeFlows: z.array(Id).max(5000).default([]),
  addFlows: z
    .array(Flow.extend({ id: Id.optional() }))
    .max(1000)
    .default([]),
});
export type WhatIfInput = z.infer<typeof WhatIfInput>;

/** The options every analysis accepts, as query parameters. */
export const OptionsQuery = {
  includeStatuses: list(FlowStatus).optional(),
  includeInformal: Bool.optional(),
  minConfidence: Confidence.optional(),
};
export const CountryAnalysisQuery = z.strictObject({ country: CountryCode, ...OptionsQuery });
export const CoverageQuery = z.strictObject({
  country: CountryCode.optional(),
  indicator: IndicatorCode.optional(),
  ...OptionsQuery,
});
export const CompareQuery = z.strictObject({ countries: list(CountryCode).optional(), ...OptionsQuery });

const Status = z.enum(['held_by_ncp', 'reaches_ncp', 'collected_not_reaching', 'not_collected', 'no_ncp']);
const ComputedFrom = z.object({
  storeVersion: z.number().int(),
  snapshotTakenAt: z.string(),
  options: z.object({ includeStatuses: z.array(FlowStatus), includeInformal: z.boolean(), minConfidence: Confidence }),
});
const Ratio = z.number().min(0).max(1);

export const CountryCoverageResponse = z.object({
  country: CountryCode,
  ncp: Id.nullable(),
  coverageRatio: Ratio.nullable(),
  referenceCoverage: Ratio.nullable(),
  cells: z.array(
    z.object({
      indicator: IndicatorCode,
      status: Status,
      hops: z.number().int().optional(),
      path: z.array(Id).optional(),
      flows: z.array(Id).optional(),
      weakestBasis: z.string().optional(),
      slowestFrequency: z.string().optional(),
      latencyDays: z.number().optional(),
      holders: z.array(Id),
      passedOn: z.boolean().optional(),
      /**
       * For a role that may not see personal data only, when the best route goes along a flow carrying it: `best`, the
       * route shown is the best along the flows the role sees; `every`, every route does, and none is shown (the
       * status and `hops` stay as computed over every flow).
       */
      hidden: z.object({ route: z.enum(['best', 'every']) }).optional(),
    }),
  ),
  /** For a role that may not see personal data only: how many cells have such a route (`cells[].hidden`). */
  hidden: z.object({ routes: z.number().int().nonnegative() }).optional(),
  computedFrom: ComputedFrom,
});
export const CoverageMatrixResponse = z.object({
  countries: z.array(CountryCode),
  indicators: z.array(IndicatorCode),
  cells: z.array(
    z.object({ country: CountryCode, indicator: IndicatorCode, status: Status, hops: z.number().int().optional() }),
  ),
  /** For a role that may not see personal data only: the map's flows carrying it (the statuses count them). */
  hidden: z.object({ flows: z.number().int().nonnegative() }).optional(),
  computedFrom: ComputedFrom,
});

export const SuggestionsResponse = z.object({
  country: CountryCode,
  suggestions: z.array(
    z.object({
      indicator: IndicatorCode,
      kind: z.enum(['direct', 'join_route', 'extend_flow']),
      from: Id,
      to: Id,
      flow: Id.optional(),
      peerScore: Ratio,
      score: z.number(),
      explanation: z.string(),
    }),
  ),
  peerPatterns: z.array(z.object({ fromType: z.string(), toType: z.string(), indicator: IndicatorCode, share: Ratio })),
  /** For a role that may not see personal data only: the suggestions left out, those extending a flow carrying it. */
  hidden: z.object({ suggestions: z.number().int().nonnegative() }).optional(),
  computedFrom: ComputedFrom,
});

const Ranked = z.array(z.object({ id: Id, value: z.number() }));
const Count = z.number().int().nonnegative();
const ByIndicators = z.array(z.object({ id: Id, indicators: z.array(IndicatorCode) }));
export const BottlenecksResponse = z.object({
  country: CountryCode,
  betweenness: Ranked,
  edgeBetweenness: Ranked,
  singlePointsOfFailure: ByIndicators,
  criticalFlows: ByIndicators,
  fragile: z.array(
    z.object({
      indicator: IndicatorCode,
      reasons: z.array(z.enum(['informal', 'person_dependent', 'informal_or_person_dependent', 'unconfirmed'])),
    }),
  ),
  /**
   * For a role that may not see personal data only: the flows carrying it left out of `edgeBetweenness` and of
   * `criticalFlows` (betweenness and single points of failure are computed over every flow).
   */
  hidden: z.object({ flows: Count, criticalFlows: Count }).optional(),
  computedFrom: ComputedFrom,
});

const ReachShares = z.object({ k1: Ratio, k2: Ratio, any: Ratio });
const CrossBorderFlow = z.object({
  flow: Id,
  stakeholder: Id,
  country: CountryCode,
  indicators: z.array(IndicatorCode),
});
const NcpMetrics = z.object({
  status: z.literal('ok'),
  country: CountryCode,
  ncp: Id,
  inDegree: z.number().int(),
  outDegree: z.number().int(),
  indicatorsReceived: z.array(IndicatorCode),
  indicatorsHeld: z.array(IndicatorCode),
  indicatorsPassedOn: z.array(IndicatorCode),
  betweenness: z.number(),
  betweennessRank: z.number().int(),
  harmonicClosenessIn: z.number(),
  harmonicClosenessOut: z.number(),
  reach: z.object({ in: ReachShares, out: ReachShares }),
  brokerage: z.object({
    coordinator: z.number().int(),
    gatekeeper: z.number().int(),
    representative: z.number().int(),
    itinerant: z.number().int(),
    liaison: z.number().int(),
  }),
  constraint: z.number().nullable(),
  crossBorder: z.object({ in: z.array(CrossBorderFlow), out: z.array(CrossBorderFlow) }),
  /**
   * For a role that may not see personal data only (its `crossBorder` lists leave such flows out): the flows to or
   * from the NCP carrying personal data, and how much of each count rests on them alone (the counts include them;
   * the role's view shows count - hidden), and the channels left out of `crossBorder`.
   */
  hidden: z
    .object({
      flows: Count,
      inDegree: Count,
      outDegree: Count,
      crossBorder: z.object({ in: Count, out: Count }),
    })
    .optional(),
});
const NoNcp = z.object({ status: z.literal('no_ncp'), country: CountryCode, ncp: z.null() });
export const NcpPositionSchema = z.discriminatedUnion('status', [NcpMetrics, NoNcp]);
export const NcpResponse = z.intersection(NcpPositionSchema, z.object({ computedFrom: ComputedFrom }));

export const CompareResponse = z.object({
  countries: z.array(
    z.object({
      country: CountryCode,
      stakeholders: z.number().int(),
      flows: z.number().int(),
      density: z.number(),
      reciprocity: z.number(),
      meanDegree: z.number(),
      degreeCentralization: z.number(),
      betweennessCentralization: z.number(),
      weakComponents: z.number().int(),
      strongComponents: z.number().int(),
      sectors: z.number().int(),
      basisShare: z.object({ statutory: Ratio, agreement: Ratio, project: Ratio, informal: Ratio }),
      personDependentShare: Ratio,
      coverageRatio: Ratio.nullable(),
      referenceCoverage: Ratio.nullable(),
      meanHopsToNcp: z.number().nullable(),
      ncpBetweennessRank: z.number().int().nullable(),
      networks: z.number().int(),
      crossBorderChannels: z.number().int(),
      /**
       * For a role that may not see personal data only: of `flows` and `crossBorderChannels`, how many carry
       * personal data (the metrics count them; the role's map does not show them).
       */
      hidden: z
        .object({ flows: z.number().int().nonnegative(), crossBorderChannels: z.number().int().nonnegative() })
        .optional(),
    }),
  ),
  roleMatrices: z.record(z.string(), z.record(z.string(), Ratio)),
  sectorMatrices: z.record(z.string(), z.record(z.string(), Ratio)),
  similarity: z.array(z.object({ a: CountryCode, b: CountryCode, cosine: z.number() })),
  computedFrom: ComputedFrom,
});

export const WhatIfResponse = z.object({
  country: CountryCode,
  before: CountryCoverageResponse.omit({ computedFrom: true }),
  after: CountryCoverageResponse.omit({ computedFrom: true }),
  changed: z.array(z.object({ indicator: IndicatorCode, from: Status, to: Status })),
  ncp: z.object({ before: NcpPositionSchema, after: NcpPositionSchema }),
  computedFrom: ComputedFrom,
});

export type CountryCoverageResponse = z.infer<typeof CountryCoverageResponse>;
export type CoverageMatrixResponse = z.infer<typeof CoverageMatrixResponse>;
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;
export type BottlenecksResponse = z.infer<typeof BottlenecksResponse>;
export type NcpResponse = z.infer<typeof NcpResponse>;
export type CompareResponse = z.infer<typeof CompareResponse>;
export type WhatIfResponse = z.infer<typeof WhatIfResponse>;
export type WhatIfRequest = z.input<typeof WhatIfInput>;

// ANALYSIS.md §6: resilience and plans. They take no options (§6 always reads active flows, informal included, any confidence).
export const ResilienceQuery = z.strictObject({ country: CountryCode });
export const PlanQuery = z.strictObject({
  country: CountryCode,
  goal: z.enum(['close_gaps', 'harden'], 'must be close_gaps or harden'),
  budget: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(20, 'must be at most 20')
    .default(5),
});

const Routes = z.number().int().min(0);
export const ResilienceResponse = z.object({
  country: CountryCode,
  ncp: Id.nullable(),
  indicators: z.array(
    z.object({
      indicator: IndicatorCode,
      status: Status,
      resilience: Routes.nullable(),
      singleHolder: z.boolean(),
      holders: z.array(Id),
      cut: z.array(Id),
    }),
  ),
  summary: z.object({
    held: Routes,
    gaps: Routes,
    one: Routes,
    two: Routes,
    threeOrMore: Routes,
    singleHolder: Routes,
  }),
  computedFrom: ComputedFrom,
});

const PlanFigures = { coverageRatio: Ratio.nullable(), resilientIndicators: Routes };
export const PlanResponse = z.object({
  country: CountryCode,
  goal: z.enum(['close_gaps', 'harden']),
  budget: z.number().int().min(1).max(20),
  before: z.object(PlanFigures),
  steps: z.array(
    z.object({
      step: z.number().int().min(1),
      action: z.object({
        kind: z.enum(['extend_flow', 'new_flow']),
        from: Id,
        to: Id,
        flow: Id.optional(),
        indicators: z.array(IndicatorCode),
      }),
      gained: z.array(IndicatorCode),
      ...PlanFigures,
      explanation: z.string(),
    }),
  ),
  after: z.object(PlanFigures),
  /**
   * For a role that may not see personal data only: the steps left out, those extending a flow carrying it (the other
   * steps keep their numbers and figures, as planned over every flow).
   */
  hidden: z.object({ steps: z.number().int().nonnegative() }).optional(),
  computedFrom: ComputedFrom,
});
export type ResilienceResponse = z.infer<typeof ResilienceResponse>;
export type PlanResponse = z.infer<typeof PlanResponse>;
