// Request and response schemas of the API beyond the entities themselves (for validation and OpenAPI).
import { z } from 'zod';
import {
  ConflictCount, Country, CountryCode, Dataset, Flow, Id, ImportConflict, Indicator, Interview, KeptItem, Membership, Meta, Network,
  OnConflict, ReportingLine, Sector, Stakeholder, Theme,
} from '../model';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.array(z.object({
      path: z.string(), kind: z.string().optional(), id: z.string().optional(), field: z.string().optional(), message: z.string(),
      sheet: z.string().optional(), row: z.number().int().optional(), column: z.string().optional(), cell: z.string().optional(),
    })).optional(),
    /** How many problems there are in all (`problems` lists at most the first 100). */
    problemCount: z.number().int().optional(),
    current: z.unknown().optional(),
    dependants: z.record(z.string(), z.number()).optional(),
  }),
});

export const Bool = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');
export const VersionParam = z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be 1 or more');

export const StakeholderView = Stakeholder.extend({ sector: Sector }).and(Meta);
export const GraphStakeholder = Stakeholder.extend({ sector: Sector, external: z.boolean() }).and(Meta);

export const CountrySummary = Country.extend({
  ncp: Id.nullable(),
  stakeholders: z.number().int(),
  flows: z.number().int(),
});
export const CountriesResponse = z.object({ countries: z.array(CountrySummary) });

export const GraphResponse = z.object({
  country: Country.nullable(),
  storeVersion: z.number().int(),
  stakeholders: z.array(GraphStakeholder),
  flows: z.array(Flow.and(Meta)),
  datasets: z.array(Dataset.and(Meta)),
  reportingLines: z.array(ReportingLine.and(Meta)),
  networks: z.array(Network.and(Meta)),
  memberships: z.array(Membership.and(Meta)),
  interviews: z.array(Interview.and(Meta)),
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
  mode: z.enum(['merge', 'replace']), dryRun: z.boolean(), created: Counts, updated: Counts, deleted: Counts,
  unchanged: Counts, storeVersion: z.number().int(),
  /** Stale files: items changed in the store since the file's version were merged field by field (model/import-report.ts). */
  onConflict: OnConflict, merged: Counts, conflicts: z.array(ImportConflict), conflictCount: ConflictCount,
  kept: z.array(KeptItem), notes: z.array(z.string()),
  /** Spreadsheet imports: what was ignored or left untouched (unknown sheets, missing sheets in merge mode). */
  warnings: z.array(z.object({ sheet: z.string().optional(), message: z.string() })).optional(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;
export const DeleteResponse = z.object({ deleted: Counts, updated: Counts });
