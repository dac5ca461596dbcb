// The audit-trail reads: everything for admins and editors; for an `ncp`, only entries of its own countries
// (the filter is added here; several countries are read one by one and merged, newest first).
import { auditCountries, isCountryScoped } from '../auth/scope';
import { ForbiddenError } from '../errors';
import type { SessionUser } from '../model/roles';
import type { AuditEntry } from '../model';
import type { AuditPage, AuditQuery, GraphStore } from '../store/port';

/** Entries read per request while collecting an NCP's actors. */
const ACTOR_PAGE = 1000;

/**
 * Whether the user may read an entry as this service hands it out: changes to accounts only an administrator;
 * an `ncp` only entries of its own countries; everyone else the rest. (The change feed, services/events.ts, uses it.)
 */
export function auditEntryVisible(
  entry: Pick<AuditEntry, 'kind' | 'countries'>,
  user: SessionUser | undefined,
): boolean {
  if (entry.kind === 'account' && user?.role !== 'admin') return false;
  if (isCountryScoped(user)) return entry.countries.some((c) => user.countries.includes(c));
  return true;
}

export class AuditService {
  constructor(private readonly store: GraphStore) {}

  /** A page of the trail; changes to accounts only for administrators (paging still follows the whole trail). */
  async page(query: AuditQuery, user: SessionUser | undefined): Promise<AuditPage> {
    const page = await this.unfilteredPage(query, user);
    if (user?.role === 'admin') return page;
    if (query.kind === 'account') throw new ForbiddenError('only an administrator may read the changes to accounts');
    return { ...page, entries: page.entries.filter((e) => auditEntryVisible(e, user)) };
  }

  private async unfilteredPage(query: AuditQuery, user: SessionUser | undefined): Promise<AuditPage> {
    const countries = auditCountries(user, query);
    if (!countries) return this.store.auditPage(query);
    if (countries.length === 1) return this.store.auditPage({ ...query, country: countries[0] });
    const limit = query.limit ?? 100;
    // Each country's newest `limit + 1` entries hold the merged newest `limit + 1` (an entry of two countries comes twice).
    const pages = await Promise.all(
      countries.map((country) => this.store.auditPage({ ...query, country, limit: limit + 1 })),
    );
    const bySeq = new Map<number, AuditEntry>();
    for (const page of pages) for (const e of page.entries) bySeq.set(e.seq, e);
    const merged = [...bySeq.values()].sort((a, b) => b.seq - a.seq);
    if (merged.length <= limit) return { entries: merged };
    const entries = merged.slice(0, limit);
    return { entries, nextBefore: entries[entries.length - 1]!.seq };
  }

  /** Everyone who has changed something; for an `ncp`, in its own countries. */
  async actors(user: SessionUser | undefined): Promise<string[]> {
    const countries = auditCountries(user, {});
    if (!countries) return this.store.auditActors();
    const actors = new Set<string>();
    for (const country of countries) {
      let before: number | undefined;
      do {
        const page = await this.store.auditPage({
          country,
          limit: ACTOR_PAGE,
          ...(before !== undefined ? { before } : {}),
        });
        for (const e of page.entries) actors.add(e.actor);
        before = page.nextBefore;
      } while (before !== undefined);
    }
    return [...actors].sort();
  }
}
