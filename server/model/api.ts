// Request and response schemas of the API beyond the entities themselves (for validation and OpenAPI).
import { z } from 'zod';
import {
  ConflictCount,
  Country,
  CountryCode,
  Dataset,
  Flow,
  Id,
  ImportConflict,
  Indicator,
  Interview,
  KIND_SPECS,
  KeptItem,
  Membership,
  Meta,
  Network,
  OnConflict,
  ReportingLine,
  Sector,
  Stakeholder,
  Theme,
  type Kind,
} from './index';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z
      .array(
        z.object({
          path: z.string(),
          kind: z.string().optional(),
          id: z.string().optional(),
          field: z.string().optional(),
          message: z.string(),
          sheet: z.string().optional(),
          row: z.number().int().optional(),
          column: z.string().optional(),
          cell: z.string().optional(),
        }),
      )
      .optional(),
    /** How many problems there are in all (`problems` lists at most the first 100). */
    problemCount: z.number().int().optional(),
    /** 409 version_conflict and already_exists: the item as stored now. */
    current: z.unknown().optional(),
    /** 409 has_dependants: how many items of each kind depend on the one to delete. */
    dependants: z.record(z.string(), z.number()).optional(),
    /** 409 already_exists for a round: the round of that name. */
    round: z.unknown().optional(),
    /** 429: seconds until signing in may be tried again (also the Retry-After header). */
    retryAfter: z.number().int().optional(),
    /** 413 for an archive: the limit and how many bytes were unpacked before unpacking stopped. */
    limitBytes: z.number().int().optional(),
    inflatedBytes: z.number().int().optional(),
  }),
});

export const Bool = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');
export const VersionParam = z.coerce
  .number('must be a number')
  .int('must be a whole number')
  .min(1, 'must be 1 or more');

/** What a read adds to an item. A write may send updatedAt, updatedBy and sector back: they are ignored (readOnly). */
const ReadMeta = {
  version: Meta.shape.version,
  updatedAt: Meta.shape.updatedAt.readonly(),
  updatedBy: Meta.shape.updatedBy.readonly(),
};
const ReadOnlyEcho = { updatedAt: z.string().readonly().optional(), updatedBy: z.string().readonly().optional() };

export const StakeholderView = Stakeholder.extend({ sector: Sector.readonly(), ...ReadMeta });
export const GraphStakeholder = Stakeholder.extend({ sector: Sector.readonly(), external: z.boolean(), ...ReadMeta });

/** An item as the API shows it: the entity, its version and who changed it last (a stakeholder with its sector). */
export const ITEM_VIEWS = {
  country: Country.extend(ReadMeta),
  theme: Theme.extend(ReadMeta),
  indicator: Indicator.extend(ReadMeta),
  stakeholder: StakeholderView,
  network: Network.extend(ReadMeta),
  interview: Interview.extend(ReadMeta),
  dataset: Dataset.extend(ReadMeta),
  flow: Flow.extend(ReadMeta),
  reportingLine: ReportingLine.extend(ReadMeta),
  membership: Membership.extend(ReadMeta),
} as const satisfies Record<Kind, z.ZodObject>;

function memo<T>(make: (kind: Kind) => T): (kind: Kind) => T {
  const made = new Map<Kind, T>();
  return (kind) => {
    if (!made.has(kind)) made.set(kind, make(kind));
    return made.get(kind)!;
  };
}
const entitySchema = (kind: Kind) => KIND_SPECS[kind].schema as unknown as z.ZodObject;

/** What a create takes: the entity; what a read added may be sent back and is ignored. */
export const itemCreate = memo((kind: Kind): z.ZodObject =>
  entitySchema(kind).extend({
    ...ReadOnlyEcho,
    ...(kind === 'stakeholder' ? { sector: Sector.readonly().optional() } : {}),
  }),
);

/**
 * What an update takes: the whole item (an update replaces it; a field left out is gone), its key fields
 * optional (the path gives them; if sent they must match), and the version read, unless it comes as
 * ?version= or If-Match. So an item as read can be sent back changed.
 */
export const itemUpdate = memo((kind: Kind): z.ZodObject => {
  const keys = Object.fromEntries(KIND_SPECS[kind].keyFields.map((f) => [f, true])) as Record<string, true>;
  return itemCreate(kind)
    .partial(keys)
    .extend({
      version: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe('the version you read (or give it as ?version= or an If-Match header)'),
    });
});

/** Items left out of an answer because the role may not see personal data (issue 18: viewers are told what they do not see). */
export const HiddenCounts = z.object({ flows: z.number().int().nonnegative() });
export type HiddenCounts = z.infer<typeof HiddenCounts>;

export const CountrySummary = Country.extend({
  ncp: Id.nullable(),
  stakeholders: z.number().int(),
  /** The flows touching the country's stakeholders; for a role that may not see personal data, those it may see. */
  flows: z.number().int(),
  /** For a role that may not see personal data only: the flows touching the country that carry it (not in `flows`). */
  hidden: HiddenCounts.optional(),
});
export const CountriesResponse = z.object({ countries: z.array(CountrySummary) });

export const GraphResponse = z.object({
  country: Country.nullable(),
  storeVersion: z.number().int(),
  stakeholders: z.array(GraphStakeholder),
  flows: z.array(ITEM_VIEWS.flow),
  datasets: z.array(ITEM_VIEWS.dataset),
  reportingLines: z.array(ITEM_VIEWS.reportingLine),
  networks: z.array(ITEM_VIEWS.network),
  memberships: z.array(ITEM_VIEWS.membership),
  interviews: z.array(ITEM_VIEWS.interview),
  /** What the user may not see of this map: the flows touching it that carry personal data (0 for a role that sees them). */
  hidden: HiddenCounts.optional(),
});
export type GraphResponse = z.infer<typeof GraphResponse>;
export type CountrySummary = z.infer<typeof CountrySummary>;

export const ReferenceResponse = z.object({
  themes: z.array(Theme),
  indicators: z.array(Indicator),
  sectors: z.array(z.object({ code: Sector, types: z.array(z.string()) })),
  enums: z.record(z.string(), z.array(z.string())),
});
export type ReferenceResponse = z.infer<typeof ReferenceResponse>;

/** Without a session only `status`; signed in, which store and its version too. */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.enum(['sqlite', 'neo4j']).optional(),
  reachable: z.boolean().optional(),
  storeVersion: z.number().int().optional(),
  error: z.string().optional(),
});

export const CountryQuery = z.strictObject({ country: CountryCode.optional() });

const Counts = z.record(z.string(), z.number().int());
export const ImportResponse = z.object({
  mode: z.enum(['merge', 'replace']),
  dryRun: z.boolean(),
  created: Counts,
  updated: Counts,
  deleted: Counts,
  unchanged: Counts,
  storeVersion: z.number().int(),
  /** Stale files: items changed in the store since the file's version were merged field by field (model/import-report.ts). */
  onConflict: OnConflict,
  merged: Counts,
  conflicts: z.array(ImportConflict),
  conflictCount: ConflictCount,
  kept: z.array(KeptItem),
  notes: z.array(z.string()),
  /** Spreadsheet imports: what was ignored or left untouched (unknown sheets, missing sheets in merge mode). */
  warnings: z.array(z.object({ sheet: z.string().optional(), message: z.string() })).optional(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;
export const DeleteResponse = z.object({ deleted: Counts, updated: Counts });

/** How an import treats what the file lacks: merge keeps it; replace removes it within the file's countries. */
export type ImportMode = 'merge' | 'replace';
