// Response shapes of the map endpoints: the types inferred from the API's own zod schemas
// (server/api/schemas), so client and server cannot drift. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  CountriesResponse as CountriesResponseSchema,
  GraphResponse as RegionOrCountryGraph,
  ReferenceResponse as ReferenceResponseSchema,
} from '@model/api';

export type CountriesResponse = z.infer<typeof CountriesResponseSchema>;
export type CountrySummary = CountriesResponse['countries'][number];
/** The graph of one country (the API answers `country: null` only for the whole region). */
export type GraphResponse = RegionOrCountryGraph & { country: NonNullable<RegionOrCountryGraph['country']> };
/** The graph of the whole region (`GET /api/graph` without a country): every stakeholder, none external. */
export type RegionGraphResponse = RegionOrCountryGraph & { country: null };
/** Either graph: what the canvas, tables and panels draw. */
export type MapGraph = RegionOrCountryGraph;
export type GraphStakeholder = GraphResponse['stakeholders'][number];
export type GraphFlow = GraphResponse['flows'][number];
export type GraphInterview = GraphResponse['interviews'][number];
export type ReferenceResponse = ReferenceResponseSchema;
