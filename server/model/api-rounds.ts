// Request and response schemas of the rounds, "to confirm" and audit APIs (validation and OpenAPI).
import { z } from 'zod';
import { AUDIT_KINDS, AuditEntry, CountryCode, Id, Round, RoundSummary, type AuditKind } from './index';
import { ITEM_VIEWS } from './api';

export const RoundsQuery = z.strictObject({ country: CountryCode.optional() });
export const RoundsResponse = z.object({ rounds: z.array(RoundSummary) });
export const RoundParams = z.strictObject({ id: Id });
export { Round as RoundResponse, RoundSummary as RoundSummaryResponse };
export const RoundDeleteResponse = z.object({ deleted: z.literal(true) });

/** A round id, or `now` for the current map. */
const RoundRef = z.union([z.literal('now'), Id], 'must be a round id or now');
export const CompareRoundsQuery = z.strictObject({ country: CountryCode, from: RoundRef, to: RoundRef.default('now') });

const Item = z.object({ key: z.string(), item: z.object({}).loose() });
const CollectionDiff = z.object({
  added: z.array(Item),
  removed: z.array(Item),
  changed: z.array(
    z.object({
      key: z.string(),
      before: z.object({}).loose(),
      after: z.object({}).loose(),
      fields: z.array(z.string()),
    }),
  ),
});
const CompareSide = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  storeVersion: z.number().int(),
});
const Status = z.enum(['held_by_ncp', 'reaches_ncp', 'collected_not_reaching', 'not_collected', 'no_ncp']);
export const CompareRoundsResponse = z.object({
  country: CountryCode,
  from: CompareSide,
  to: CompareSide,
  kinds: z.object({
    stakeholders: CollectionDiff,
    datasets: CollectionDiff,
    flows: CollectionDiff,
    reportingLines: CollectionDiff,
    networks: CollectionDiff,
    memberships: CollectionDiff,
    interviews: CollectionDiff,
  }),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  analysis: z.object({
    coverage: z.array(
      z.object({ indicator: z.string(), name: z.string(), before: Status.nullable(), after: Status.nullable() }),
    ),
    ncp: z.array(
      z.object({ metric: z.string(), label: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
    ),
  }),
});

export const ToConfirmQuery = z.strictObject({ country: CountryCode });
const Reason = z.enum(['single_end', 'assumed', 'no_evidence']);
export const ToConfirmResponse = z.object({
  country: CountryCode,
  items: z.array(z.object({ flow: ITEM_VIEWS.flow, reasons: z.array(Reason), reportedBy: z.array(Id) })),
  counts: z.object({
    single_end: z.number().int(),
    assumed: z.number().int(),
    no_evidence: z.number().int(),
    total: z.number().int(),
  }),
});

const Seq = z.coerce.number('must be a number').int('must be a whole number').min(0, 'must be 0 or more');
export const AuditQuery = z.strictObject({
  country: CountryCode.optional(),
  kind: z.enum(AUDIT_KINDS as [AuditKind, ...AuditKind[]]).optional(),
  key: z.string().max(300).optional(),
  actor: z.string().max(80).optional(),
  before: Seq.optional(),
  after: Seq.optional(),
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(1000, 'must be at most 1000')
    .default(100),
});
export const AuditResponse = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().optional() });
export const AuditActorsResponse = z.object({ actors: z.array(z.string()) });

export type CompareRoundsResponse = z.infer<typeof CompareRoundsResponse>;
export type ToConfirmResponse = z.infer<typeof ToConfirmResponse>;
export type AuditResponse = z.infer<typeof AuditResponse>;
