// Use cases behind the map: country summaries and the graph of one country (or the region). MapView caches
// both per store version and per visibility (whether the user sees personal data): a request that hits the
// cache costs one store-version read (shared by the requests asking at the same moment); the lists behind them are read once per version, shared by requests.
import { seesPersonalData, visibleLists } from '../auth/personal-data';
import type { SessionUser } from '../auth/types';
import { NotFoundError } from '../errors';
import { sectorOf, stripMetaOf } from '../model';
import type { Stored } from '../model';
import type { GraphStore } from '../store/port';
import type { CountrySummary, GraphResponse } from '../api/schemas';
import { currentStoreVersion } from './store-version';

const MAP_KINDS = ['country', 'stakeholder', 'flow', 'dataset', 'reportingLine', 'network', 'membership', 'interview'] as const;
type MapLists = Awaited<ReturnType<GraphStore['listMany']>> & { items: { [K in (typeof MAP_KINDS)[number]]: Stored<K>[] } };
/** Answers kept per store version: the country list, and graphs by country and visibility. */
const MAX_ANSWERS = 200;

interface VersionEntry {
  storeVersion: number;
  lists: MapLists;
  answers: Map<string, unknown>;
}

export class MapView {
  private entry?: VersionEntry;
  private loading?: Promise<VersionEntry>;

  constructor(private readonly store: GraphStore) {}

  countries(): Promise<CountrySummary[]> {
    return this.answer('countries', (lists) => summariesOf(lists));
  }

  graph(country: string | undefined, user: SessionUser | undefined): Promise<GraphResponse> {
    const key = `graph|${country ?? ''}|${seesPersonalData(user) ? 'all' : 'public'}`;
    return this.answer(key, (lists) => graphFromLists(lists, country, user));
  }

  private async answer<T>(key: string, compute: (lists: MapLists) => T): Promise<T> {
    const entry = await this.current();
    if (entry.answers.has(key)) return entry.answers.get(key) as T;
    const value = compute(entry.lists);
    if (entry.answers.size >= MAX_ANSWERS) entry.answers.delete(entry.answers.keys().next().value!);
    entry.answers.set(key, value);
    return value;
  }

  /** The lists of the store's current version: read once per version, shared by concurrent requests. */
  private async current(): Promise<VersionEntry> {
    const version = await currentStoreVersion(this.store);
    if (this.entry?.storeVersion === version) return this.entry;
    if (!this.loading) {
      this.loading = this.store.listMany(MAP_KINDS).then((lists) => {
        const entry = { storeVersion: lists.storeVersion, lists: lists as MapLists, answers: new Map<string, unknown>() };
        if (!this.entry || this.entry.storeVersion <= entry.storeVersion) this.entry = entry;
        return entry;
      }).finally(() => {
        this.loading = undefined;
      });
    }
    const loaded = await this.loading;
    // A load started for an older version serves only requests that saw that version.
    return loaded.storeVersion >= version ? loaded : this.current();
  }
}

function summariesOf({ items }: { items: { country: Stored<'country'>[]; stakeholder: Stored<'stakeholder'>[]; flow: Stored<'flow'>[] } }): CountrySummary[] {
  const countryOf = new Map(items.stakeholder.map((s) => [s.id, s.country]));
  return items.country.map((row) => {
    const c = stripMetaOf(row);
    const own = items.stakeholder.filter((s) => s.country === c.code);
    return {
      ...c,
      ncp: own.find((s) => s.ncp)?.id ?? null,
      stakeholders: own.length,
      flows: items.flow.filter((f) => countryOf.get(f.from) === c.code || countryOf.get(f.to) === c.code).length,
    };
  });
}

/**
 * The graph of a country: its stakeholders, the flows touching them, and the foreign ends of
 * cross-border flows (marked `external`). Without a country: the whole region. Built from what the
 * user may see (a viewer, or no user: no contacts, no flows carrying personal data, nor the foreign ends only
 * they reach).
 */
export async function graphOf(store: GraphStore, country?: string, user?: SessionUser): Promise<GraphResponse> {
  return graphFromLists(await store.listMany(MAP_KINDS) as MapLists, country, user);
}

function graphFromLists({ storeVersion, items: all }: MapLists, country: string | undefined, user: SessionUser | undefined): GraphResponse {
  const items = visibleLists(all, user);
  let record = null;
  if (country) {
    const found = items.country.find((c) => c.code === country);
    if (!found) throw new NotFoundError(`country '${country}' is not in the map`);
    record = stripMetaOf(found);
  }
  const own = new Set(items.stakeholder.filter((s) => !country || s.country === country).map((s) => s.id));
  const touches = (e: { from: string; to: string }) => own.has(e.from) || own.has(e.to);
  const flows = items.flow.filter(touches);
  const ends = new Set(flows.flatMap((f) => [f.from, f.to]));
  const shown = (id: string) => own.has(id) || ends.has(id);
  // Reporting lines between stakeholders on the map (a foreign end appears only through a flow).
  const reportingLines = items.reportingLine.filter((r) => touches(r) && shown(r.from) && shown(r.to));
  const networks = items.network.filter((n) => !country || n.country === country);
  const networkIds = new Set(networks.map((n) => n.id));
  return {
    country: record,
    storeVersion,
    stakeholders: items.stakeholder
      .filter((s) => shown(s.id))
      .map((s) => ({ ...s, sector: sectorOf(s.type), external: !own.has(s.id) })),
    flows,
    datasets: items.dataset.filter((d) => own.has(d.holder)),
    reportingLines,
    networks,
    memberships: items.membership.filter((m) => own.has(m.stakeholder) || networkIds.has(m.network)),
    interviews: items.interview.filter((i) => own.has(i.stakeholder)),
  };
}
