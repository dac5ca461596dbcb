// Types of the rounds API, inferred from the server's zod schemas (type-only: no zod in the bundle).
import type { z } from 'zod';
import type { CompareRoundsResponse, RoundDeleteResponse, RoundsResponse as RoundsSchema } from '@model/api-rounds';
import type { RoundInput } from '@model/round';
import type { Round as RoundSchema, RoundSummary as RoundSummarySchema } from '@model';

export type RoundSummary = RoundSummarySchema;
export type Round = RoundSchema;
export type RoundDocument = Round['document'];
export type RoundComparison = CompareRoundsResponse;
export type RoundsResponse = z.infer<typeof RoundsSchema>;
export type RoundDeleted = z.infer<typeof RoundDeleteResponse>;
/** POST /api/rounds: a name, and the country (none: the whole region) and a note. */
export type FreezeRequest = z.input<typeof RoundInput>;

/** The collections a comparison reports, in the order the view lists them. */
export const COMPARED_KINDS = [
  'stakeholders',
  'flows',
  'datasets',
  'reportingLines',
  'networks',
  'memberships',
  'interviews',
] as const;
export type ComparedKind = (typeof COMPARED_KINDS)[number];

/** One side of a comparison: a round, or `now` (id 'now'). */
export type CompareSide = RoundComparison['from'];
/** What was added, removed and changed in one collection. */
export type KindDiff = RoundComparison['kinds'][ComparedKind];
export type Item = KindDiff['added'][number]['item'];

/** `now` in the pickers and the URL: the map as it is. */
export const NOW = 'now';
