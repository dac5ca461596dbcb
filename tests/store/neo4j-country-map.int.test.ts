// The map of one country on Neo4j (store.countryMap: map.around reads a country's stakeholders and what lies around
// them in one walk of each one's relationships, then sorts each kind) gives exactly the items that the whole store
// holds in the country's map scope, in the order of `list` (by id; memberships by stakeholder and network), each
// with its fields in schema order then version, updatedAt and updatedBy: on a synthetic region with flows,
// reporting lines and memberships across borders in both directions, a flow from a stakeholder to itself, datasets
// and interviews, and again after edits.
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { MAP_KINDS, type MapItems } from '../../server/store/port';
import { KIND_SPECS, type Kind } from '../../server/model';
import { catalogue } from '../support/catalogue';
import { syntheticRegion } from '../perf/synthetic';
import { wipeableNeo4j } from '../support/test-neo4j';

const settings = wipeableNeo4j();

type Item = Record<string, unknown>;

/** The country's map as the whole store's lists give it (each kind's list is in `list` order). */
function scopeOf(all: MapItems, code: string): Record<string, Item[]> {
  const items = all as unknown as Record<string, Item[]>;
  const own = new Set(items.stakeholder!.filter((s) => s.country === code).map((s) => s.id));
  const flows = items.flow!.filter((f) => own.has(f.from) || own.has(f.to));
  const ends = new Set([...own, ...flows.flatMap((f) => [f.from, f.to])]);
  const networks = items.network!.filter((n) => n.country === code);
  const networkIds = new Set(networks.map((n) => n.id));
  return {
    country: items.country!.filter((c) => c.code === code),
    stakeholder: items.stakeholder!.filter((s) => ends.has(s.id)),
    flow: flows,
    dataset: items.dataset!.filter((d) => own.has(d.holder)),
    reportingLine: items.reportingLine!.filter((r) => own.has(r.from) || own.has(r.to)),
    network: networks,
    membership: items.membership!.filter((m) => own.has(m.stakeholder) || networkIds.has(m.network)),
    interview: items.interview!.filter((i) => own.has(i.stakeholder)),
  };
}

/** The keys an item has when its fields come in schema order, then the stored metadata. */
function keyOrder(kind: Kind, item: Item): string[] {
  const shape = Object.keys((KIND_SPECS[kind].schema as unknown as { shape: Record<string, unknown> }).shape);
  return [...shape, 'version', 'updatedAt', 'updatedBy'].filter((k) => k in item);
}

async function expectMapsExact(store: CoreGraphStore, codes: readonly string[]): Promise<void> {
  const whole = await store.listMany(MAP_KINDS);
  for (const code of [...codes, 'QQ']) {
    const scoped = await store.countryMap(code);
    expect(scoped.storeVersion).toBe(whole.storeVersion);
    const expected = scopeOf(whole.items, code);
    for (const kind of MAP_KINDS) {
      const got = scoped.items[kind] as unknown as Item[];
      expect({ code, kind, items: got }).toEqual({ code, kind, items: expected[kind] });
      for (const item of got) expect(Object.keys(item)).toEqual(keyOrder(kind, item));
    }
  }
}

if (settings) {
  describe('Neo4j: the map of one country read around its stakeholders', () => {
    let store: CoreGraphStore;
    let adapter: Neo4jAdapter;

    beforeAll(async () => {
      adapter = new Neo4jAdapter(settings);
      store = new CoreGraphStore(adapter);
      await store.init();
      await adapter.clear();
      await store.ensureCatalogue(catalogue, 't');
    });

    afterAll(async () => {
      await adapter.clear();
      await store.close();
    });

    test('when a region with links across borders is imported, then each country map is exactly its scope of the whole store', async () => {
      const doc = syntheticRegion({ countries: 3, stakeholdersPerCountry: 40, seed: 7, catalogue });
      const [xa, xb] = [
        doc.stakeholders.filter((s) => s.country === 'XA'),
        doc.stakeholders.filter((s) => s.country === 'XB'),
      ];
      const template = doc.flows[0]!;
      // Across borders both ways, to itself, and a reporting line and a membership across a border.
      doc.flows.push(
        { ...template, id: 'zz-flow-out', from: xa[1]!.id, to: xb[2]!.id },
        { ...template, id: 'aa-flow-in', from: xb[3]!.id, to: xa[4]!.id },
        { ...template, id: 'mm-flow-self', from: xa[5]!.id, to: xa[5]!.id },
        { ...template, id: 'mm-flow-twice', from: xb[2]!.id, to: xa[6]!.id },
      );
      doc.reportingLines.push({ ...doc.reportingLines[0]!, id: 'rl-across', from: xb[7]!.id, to: xa[8]!.id });
      const network = doc.networks.find((n) => n.country === 'XA');
      if (network) doc.memberships.push({ ...doc.memberships[0]!, stakeholder: xb[9]!.id, network: network.id });
      await store.importDocument(doc, { mode: 'merge', actor: 't' });
      const whole = await store.listMany(MAP_KINDS);
      expect(whole.items.interview.length).toBeGreaterThan(0);
      expect(whole.items.dataset.length).toBeGreaterThan(0);
      await expectMapsExact(
        store,
        doc.countries.map((c) => c.code),
      );
    });

    test('when items are edited and deleted, then each country map is still exactly its scope', async () => {
      const { items } = await store.listMany(['stakeholder', 'flow', 'dataset'] as const);
      const flow = items.flow.find((f) => f.id === 'zz-flow-out')!;
      const {
        version: _v,
        updatedAt: _a,
        updatedBy: _b,
        ...fields
      } = flow as typeof flow & { version: number; updatedAt: string; updatedBy: string };
      await store.update('flow', flow.id, { ...fields, note: 'edited' }, flow.version, 't');
      const stakeholder = items.stakeholder.find((x) => x.country === 'XB')!;
      const {
        version: _sv,
        updatedAt: _sa,
        updatedBy: _sb,
        ...own
      } = stakeholder as typeof stakeholder & { version: number; updatedAt: string; updatedBy: string };
      await store.update(
        'stakeholder',
        stakeholder.id,
        { ...own, name: `${own.name} (renamed)` },
        stakeholder.version,
        't',
      );
      const dataset = items.dataset[0]!;
      await store.delete('dataset', dataset.id, dataset.version, 't');
      await expectMapsExact(store, ['XA', 'XB', 'XC', 'INT']);
    });
  });
}
