// Use cases behind the map: country summaries and the graph of one country (or the region). MapView caches
// both per store version and per visibility (whether the user sees personal data): a request that hits the
// cache costs one store-version read (shared by the requests asking at the same moment). The map of a country is
// read scoped (store.countryMap: the country, its flows' foreign ends), the country list by one aggregate
// (store.countryCounts; for a viewer, with the flows carrying personal data counted apart); only the region's map
// reads every item. After a write, the audit trail (store.changesSince) tells which countries' maps it cannot have
// touched: those stay cached.
import { PERSONAL_LEVELS, seesPersonalData, visibleLists } from '../auth/personal-data';
import type { SessionUser } from '../model/roles';
import { NotFoundError } from '../errors';
import { keyOf, sectorOf, stripMetaOf } from '../model';
import { MAP_KINDS } from '../store/port';
import type { CountryCount, GraphStore, MapItems, StoreChanges } from '../store/port';
import type { CountrySummary, GraphResponse } from '../model/api';
import { currentStoreVersion } from './store-version';

type MapLists = { storeVersion: number; items: MapItems };
type Visibility = 'all' | 'public';
type Summaries = { storeVersion: number; value: CountrySummary[] };
/** Countries whose maps are kept (each with its answers per visibility). */
const MAX_COUNTRIES = 200;

/** A country's map as read, the keys of its items, and the answers computed from it per visibility. */
interface CountryEntry {
  storeVersion: number;
  lists: MapLists;
  keys: Set<string>;
  answers: Map<string, GraphResponse>;
}

interface RegionEntry {
  storeVersion: number;
  lists: MapLists;
  answers: Map<string, GraphResponse>;
}

const itemKey = (kind: string, key: string) => `${kind}|${key}`;

export class MapView {
  private region?: RegionEntry;
  private regionLoading?: Promise<RegionEntry>;
  /** The country list per visibility ('all', or 'public': without flows carrying personal data). */
  private readonly summaries = new Map<Visibility, Summaries>();
  private readonly summariesLoading = new Map<Visibility, Promise<Summaries>>();
  private readonly maps = new Map<string, CountryEntry>();
  private readonly mapsLoading = new Map<string, Promise<CountryEntry>>();
  /** changesSince calls under way or done, by the version they start from. */
  private readonly changes = new Map<number, Promise<StoreChanges>>();

  constructor(private readonly store: GraphStore) {}

  /**
   * The country list. For a user who may not see personal data (or none), each country's `flows` counts the flows it
   * may see and `hidden.flows` the others; cached per store version and visibility.
   */
  async countries(user?: SessionUser): Promise<CountrySummary[]> {
    const visibility = seesPersonalData(user) ? 'all' : 'public';
    const version = await currentStoreVersion(this.store);
    const cached = this.summaries.get(visibility);
    if (cached && cached.storeVersion >= version) return cached.value;
    let loading = this.summariesLoading.get(visibility);
    if (!loading) {
      loading = this.store
        .countryCounts(visibility === 'all' ? {} : { personalData: [...PERSONAL_LEVELS] })
        .then(({ storeVersion, countries }) => {
          const loaded = { storeVersion, value: countries.map(summaryOf) };
          const current = this.summaries.get(visibility);
          if (!current || current.storeVersion <= storeVersion) this.summaries.set(visibility, loaded);
          return loaded;
        })
        .finally(() => {
          this.summariesLoading.delete(visibility);
        });
      this.summariesLoading.set(visibility, loading);
    }
    const loaded = await loading;
    return loaded.storeVersion >= version ? loaded.value : this.countries(user);
  }

  async graph(country: string | undefined, user: SessionUser | undefined): Promise<GraphResponse> {
    const visibility = seesPersonalData(user) ? 'all' : 'public';
    const entry = country === undefined ? await this.regionEntry() : await this.countryEntry(country);
    const cached = entry.answers.get(visibility);
    if (cached?.storeVersion === entry.storeVersion) return cached;
    if (cached) {
      // Kept at the new version (one object per version, so that its serialized bytes are kept with it too).
      const carried = { ...cached, storeVersion: entry.storeVersion };
      entry.answers.set(visibility, carried);
      return carried;
    }
    const answer = graphFromLists(entry.lists, country, user);
    entry.answers.set(visibility, answer);
    return answer;
  }

  private async regionEntry(): Promise<RegionEntry> {
    const version = await currentStoreVersion(this.store);
    if (this.region?.storeVersion === version) return this.region;
    this.regionLoading ??= this.store
      .listMany(MAP_KINDS)
      .then((lists) => {
        const entry = { storeVersion: lists.storeVersion, lists, answers: new Map<string, GraphResponse>() };
        if (!this.region || this.region.storeVersion <= entry.storeVersion) this.region = entry;
        return entry;
      })
      .finally(() => {
        this.regionLoading = undefined;
      });
    const loaded = await this.regionLoading;
    // A load started for an older version serves only requests that saw that version.
    return loaded.storeVersion >= version ? loaded : this.regionEntry();
  }

  /**
   * The country's map at the current version: the cached one when it is current, or when the changes since its
   * version (the audit trail) name neither the country nor any of its items; else read again (scoped).
   */
  private async countryEntry(country: string): Promise<CountryEntry> {
    const version = await currentStoreVersion(this.store);
    const cached = this.maps.get(country);
    if (cached && cached.storeVersion >= version) return cached;
    if (cached) {
      const changes = await this.changesSince(cached.storeVersion, version);
      if (
        changes.known &&
        changes.storeVersion >= version &&
        !changes.changes.some((c) => c.countries.includes(country) || cached.keys.has(itemKey(c.kind, c.key)))
      ) {
        if (this.maps.get(country) === cached && cached.storeVersion < changes.storeVersion) {
          cached.storeVersion = changes.storeVersion;
          cached.lists = { ...cached.lists, storeVersion: changes.storeVersion };
        }
        return cached;
      }
    }
    let loading = this.mapsLoading.get(country);
    if (!loading) {
      loading = this.store
        .countryMap(country)
        .then((lists) => {
          const keys = new Set<string>();
          for (const kind of MAP_KINDS)
            for (const item of lists.items[kind]) keys.add(itemKey(kind, keyOf(kind, item)));
          const entry: CountryEntry = { storeVersion: lists.storeVersion, lists, keys, answers: new Map() };
          const current = this.maps.get(country);
          if (!current || current.storeVersion <= entry.storeVersion) {
            this.maps.delete(country);
            if (this.maps.size >= MAX_COUNTRIES) this.maps.delete(this.maps.keys().next().value!);
            this.maps.set(country, entry);
          }
          return entry;
        })
        .finally(() => {
          this.mapsLoading.delete(country);
        });
      this.mapsLoading.set(country, loading);
    }
    const loaded = await loading;
    return loaded.storeVersion >= version ? loaded : this.countryEntry(country);
  }

  /** What changed after `from`, read once for every country asking (again when it does not reach `version`). */
  private async changesSince(from: number, version: number): Promise<StoreChanges> {
    let pending = this.changes.get(from);
    if (pending) {
      const done = await pending;
      if (done.storeVersion >= version) return done;
    }
    pending = this.store.changesSince(from);
    if (this.changes.size >= MAX_COUNTRIES) this.changes.delete(this.changes.keys().next().value!);
    this.changes.set(from, pending);
    pending.catch(() => this.changes.delete(from));
    return pending;
  }
}

/** A country's summary; with `personalFlows` counted, the flows the user may see and the hidden ones beside. */
function summaryOf(row: CountryCount): CountrySummary {
  const summary = { ...stripMetaOf(row.country), ncp: row.ncp, stakeholders: row.stakeholders, flows: row.flows };
  if (row.personalFlows === undefined) return summary;
  return { ...summary, flows: row.flows - row.personalFlows, hidden: { flows: row.personalFlows } };
}

/**
 * The graph of a country: its stakeholders, the flows touching them, and the foreign ends of
 * cross-border flows (marked `external`). Without a country: the whole region. Built from what the
 * user may see (a viewer, or no user: no contacts, no flows carrying personal data, nor the foreign ends only
 * they reach).
 */
export async function graphOf(store: GraphStore, country?: string, user?: SessionUser): Promise<GraphResponse> {
  return graphFromLists(await store.listMany(MAP_KINDS), country, user);
}

/** The graph from lists holding at least the country's map (the whole store, or store.countryMap's). */
export function graphFromLists(
  { storeVersion, items: all }: MapLists,
  country: string | undefined,
  user: SessionUser | undefined,
): GraphResponse {
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
  // Stakeholders are never left out, so the flows touching the map before and after stripping differ by the hidden ones.
  const hidden = items.flow === all.flow ? 0 : all.flow.filter(touches).length - flows.length;
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
    hidden: { flows: hidden },
  };
}
