// The analysis API (ANALYSIS.md, last section): coverage, suggestions, bottlenecks, what-if, the NCP's
// position and the comparison, each with the common options as query parameters. Every role may run them
// ('read'); they run on the whole map, personal-data flows included, and answer in aggregates. For a role that may
// not see personal data, lists of flows leave those carrying it out, and the coverage matrix, the comparison, the
// bottlenecks and the NCP's position say how many of what they count or list carry it (`hidden`).
import { z } from 'zod';
import type { AnalysisService } from '../../services/analysis';
import { planOf, resilienceOf } from '../../services/plans';
import {
  AnalysisOptions,
  BottlenecksResponse,
  CompareQuery,
  CompareResponse,
  CountryAnalysisQuery,
  CountryCoverageResponse,
  CoverageMatrixResponse,
  CoverageQuery,
  NcpResponse,
  OptionsQuery,
  PlanQuery,
  PlanResponse,
  ResilienceQuery,
  ResilienceResponse,
  SuggestionsResponse,
  WhatIfInput,
  WhatIfResponse,
} from '../../model/api-analysis';
import { defineRoute, type RouteDef } from '../route';

function optionsOf(q: {
  includeStatuses?: string[];
  includeInformal?: boolean;
  minConfidence?: string;
}): AnalysisOptions {
  return AnalysisOptions.parse({
    ...(q.includeStatuses ? { includeStatuses: q.includeStatuses } : {}),
    ...(q.includeInformal !== undefined ? { includeInformal: q.includeInformal } : {}),
    ...(q.minConfidence ? { minConfidence: q.minConfidence } : {}),
  });
}

export function analysisRoutes(analysis: AnalysisService): RouteDef[] {
  const tag = 'Analysis';
  return [
    defineRoute({
      method: 'get',
      path: '/analysis/coverage',
      tag,
      query: CoverageQuery,
      access: 'read',
      summary:
        'Coverage of every indicator (or one) for a country (paths, weakest basis); without country, the countries-by-indicators matrix',
      response: z.union([CountryCoverageResponse, CoverageMatrixResponse]),
      handler: ({ query, user }) => analysis.coverage(optionsOf(query), query.country, query.indicator, user),
    }),
    defineRoute({
      method: 'get',
      path: '/analysis/suggestions',
      tag,
      query: CountryAnalysisQuery,
      response: SuggestionsResponse,
      access: 'read',
      summary: 'Ranked links that would close coverage gaps, with peer scores, and peer patterns',
      handler: ({ query, user }) => analysis.suggestions(optionsOf(query), query.country, user),
    }),
    defineRoute({
      method: 'get',
      path: '/analysis/bottlenecks',
      tag,
      query: CountryAnalysisQuery,
      response: BottlenecksResponse,
      access: 'read',
      summary: 'Betweenness, single points of failure, critical flows and fragile coverage',
      handler: ({ query, user }) => analysis.bottlenecks(optionsOf(query), query.country, user),
    }),
    defineRoute({
      method: 'post',
      path: '/analysis/what-if',
      tag,
      query: z.strictObject(OptionsQuery),
      body: WhatIfInput,
      response: WhatIfResponse,
      access: 'read',
      summary:
        'Coverage and NCP metrics after removing stakeholders or flows or adding proposed flows (nothing is stored)',
      handler: ({ query, body, user }) => analysis.whatIf(optionsOf(query), body, user),
    }),
    defineRoute({
      method: 'get',
      path: '/analysis/ncp',
      tag,
      query: CountryAnalysisQuery,
      response: NcpResponse,
      access: 'read',
      summary:
        "The NCP's position: degrees, indicators, betweenness and rank, closeness, reach, brokerage, constraint, cross-border channels",
      handler: ({ query, user }) => analysis.ncp(optionsOf(query), query.country, user),
    }),
    defineRoute({
      method: 'get',
      path: '/analysis/compare',
      tag,
      query: CompareQuery,
      response: CompareResponse,
      access: 'read',
      summary:
        'National topologies side by side, role matrices and country similarity (default: every national country)',
      handler: ({ query, user }) => analysis.compare(optionsOf(query), query.countries, user),
    }),
    defineRoute({
      method: 'get',
      path: '/analysis/resilience',
      tag,
      query: ResilienceQuery,
      response: ResilienceResponse,
      access: 'read',
      summary:
        'Resilience of every indicator: vertex-disjoint routes from the holders to the NCP, one smallest cut, and the summary (active flows, informal included)',
      handler: ({ query }) => resilienceOf(analysis, query.country),
    }),
    defineRoute({
      method: 'get',
      path: '/analysis/plan',
      tag,
      query: PlanQuery,
      response: PlanResponse,
      access: 'read',
      summary:
        'A greedy plan of at most budget actions (1-20, default 5) that close the most gaps or remove the most single points of failure, each step explained (nothing is stored)',
      handler: ({ query, user }) => planOf(analysis, query.country, query.goal, query.budget, user),
    }),
  ];
}
