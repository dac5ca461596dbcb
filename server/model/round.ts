// Mapping rounds: a named, frozen copy of a country's (or the region's) map document, for comparing later.
import { z } from 'zod';
import { MapDocument } from './document';
import { CountryCode, UnicodeText } from './entities';

export const ROUND_NAME_MAX = 120;

export const RoundName = UnicodeText('must be a text')
  .trim()
  .min(1, 'must not be empty')
  .max(ROUND_NAME_MAX, `must be at most ${ROUND_NAME_MAX} characters`);

/** What a person gives to freeze a round: no country (or null) freezes the whole region. */
export const RoundInput = z.strictObject({
  name: RoundName,
  country: CountryCode.nullish(),
  note: UnicodeText().trim().max(2000, 'must be at most 2000 characters').optional(),
});
export type RoundInput = z.infer<typeof RoundInput>;

export const RoundCounts = z.object({
  stakeholders: z.number().int(),
  datasets: z.number().int(),
  flows: z.number().int(),
  reportingLines: z.number().int(),
  networks: z.number().int(),
  memberships: z.number().int(),
  interviews: z.number().int(),
});
export type RoundCounts = z.infer<typeof RoundCounts>;

export const RoundSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** null: a round of the whole region. */
  country: CountryCode.nullable(),
  note: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The store version the frozen document was read at. */
  storeVersion: z.number().int(),
  counts: RoundCounts,
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const Round = RoundSummary.extend({ document: MapDocument });
export type Round = z.infer<typeof Round>;

/** The scope a round's name must be unique in: its country, or the region. */
export function roundScope(country: string | null | undefined): string {
  return country ?? 'region';
}

/** Names are compared trimmed and case-insensitively: "2010 baseline" and "2010 Baseline" are the same round. */
export function roundNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The item counts of a frozen document. */
export function roundCounts(doc: MapDocument): RoundCounts {
  return {
    stakeholders: doc.stakeholders.length,
    datasets: doc.datasets.length,
    flows: doc.flows.length,
    reportingLines: doc.reportingLines.length,
    networks: doc.networks.length,
    memberships: doc.memberships.length,
    interviews: doc.interviews.length,
  };
}
