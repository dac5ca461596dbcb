// The history view's filters (country or all, kind, person) to and from the URL and the API's query,
// and how an entry is named in the list.
import type { AuditEntry, AuditKind } from '@model';
import { itemPieces, NO_NAMES, piecesText, type Namer } from './names';

export const KIND_NAMES: Record<AuditKind, string> = {
  stakeholder: 'Stakeholder',
  flow: 'Flow',
  dataset: 'Dataset',
  reportingLine: 'Reporting line',
  network: 'Network',
  membership: 'Membership',
  interview: 'Interview',
  country: 'Country',
  theme: 'Theme',
  indicator: 'Indicator',
  round: 'Round',
  account: 'Account',
};
/** The kinds in the order the filter lists them: the map's items first, the catalogue last. */
export const KIND_ORDER = Object.keys(KIND_NAMES) as AuditKind[];

export const ACTION_WORDS: Record<AuditEntry['action'], string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
};

export interface AuditFilters {
  /** A country code, or null for every country. */
  country: string | null;
  kind: AuditKind | null;
  actor: string | null;
}

export const PAGE_SIZE = 50;

export function kindOf(param: string | null): AuditKind | null {
  return param && (KIND_ORDER as string[]).includes(param) ? (param as AuditKind) : null;
}

/** The filters the URL names: `scope=all` for every country, else the chosen country. */
export function filtersFromParams(
  params: { scope: string | null; kind: string | null; actor: string | null },
  country: string | null,
): AuditFilters {
  return {
    country: params.scope === 'all' ? null : country,
    kind: kindOf(params.kind),
    actor: params.actor?.trim() ? params.actor.trim() : null,
  };
}

/** The query string of GET /api/audit for one page (`before`: the `nextBefore` of the page above). */
export function auditQuery(filters: AuditFilters, before?: number, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filters.country) params.set('country', filters.country);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.actor) params.set('actor', filters.actor);
  if (before !== undefined) params.set('before', String(before));
  params.set('limit', String(limit));
  return params.toString();
}

/** An entry's item as people know it, as plain text (see itemPieces). */
export function entryItem(entry: Pick<AuditEntry, 'before' | 'after' | 'key'>, names: Namer = NO_NAMES): string {
  return piecesText(itemPieces(entry, names));
}
