// Use cases behind the map: country summaries and the graph of one country (or the region).
import { visibleLists } from '../auth/personal-data';
import type { SessionUser } from '../auth/types';
import { NotFoundError } from '../errors';
import { sectorOf, stripMetaOf } from '../model';
import type { GraphStore } from '../store/port';
import type { CountrySummary, GraphResponse } from '../api/schemas';

export async function countrySummaries(store: GraphStore): Promise<CountrySummary[]> {
  const { items } = await store.listMany(['country', 'stakeholder', 'flow']);
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
  const { storeVersion, items: all } = await store.listMany([
    'country', 'stakeholder', 'flow', 'dataset', 'reportingLine', 'network', 'membership', 'interview',
  ]);
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
