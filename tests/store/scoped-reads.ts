// Scoped reads, run on every adapter: the map of one country read with indexed queries (store.countryMap) gives the
// same graph as the old read of every item; the country list's aggregate (store.countryCounts) the same counts;
// store.changesSince reports creates, updates, deletes and imports from the audit trail and says when it cannot
// tell; MapView keeps a country's cached map across a write that cannot touch it and drops it otherwise.
import { MapView, graphFromLists } from '../../server/services/graph-view';
import { MAP_KINDS, type GraphStore } from '../../server/store/port';
import type { SessionUser } from '../../server/model/roles';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { syntheticRegion } from '../perf/synthetic';
import type { StoreFactory } from './contract';
import { counting } from '../support/counting';

const EDITOR = { username: 'ed', role: 'editor', countries: [] } as unknown as SessionUser;

/** The country list as MapView computed it from every item before the aggregate. */
async function summariesFromEverything(store: GraphStore) {
  const { items } = await store.listMany(['country', 'stakeholder', 'flow']);
  const countryOf = new Map(items.stakeholder.map((s) => [s.id, s.country]));
  return items.country.map((row) => {
    const own = items.stakeholder.filter((s) => s.country === row.code);
    return {
      country: row,
      ncp: own.find((s) => s.ncp)?.id ?? null,
      stakeholders: own.length,
      flows: items.flow.filter((f) => countryOf.get(f.from) === row.code || countryOf.get(f.to) === row.code).length,
    };
  });
}

async function expectScopedEqualsWhole(store: GraphStore): Promise<void> {
  const whole = await store.listMany(MAP_KINDS);
  const codes = [...whole.items.country.map((c) => c.code), 'QQ'];
  for (const code of codes) {
    const scoped = await store.countryMap(code);
    expect(scoped.storeVersion).toBe(whole.storeVersion);
    for (const user of [undefined, EDITOR]) {
      const expected = (() => {
        try {
          return graphFromLists(whole, code, user);
        } catch (err) {
          return (err as Error).message;
        }
      })();
      const got = (() => {
        try {
          return graphFromLists(scoped, code, user);
        } catch (err) {
          return (err as Error).message;
        }
      })();
      expect(got).toEqual(expected);
    }
  }
  expect((await store.countryCounts()).countries).toEqual(await summariesFromEverything(store));
  // With the flows of some personalData values counted apart: a viewer's country list asks for personal levels only
  // (the embedded store reads those from an index); levels with 'none' are counted too (there, by a scan).
  const countryOf = new Map(whole.items.stakeholder.map((s) => [s.id, s.country]));
  for (const levels of [
    ['personal', 'criminal_offence'],
    ['none', 'special_category'],
  ]) {
    const personal = new Set(whole.items.flow.filter((f) => levels.includes(f.personalData ?? '')).map((f) => f.id));
    expect((await store.countryCounts({ personalData: levels })).countries).toEqual(
      (await summariesFromEverything(store)).map((row) => ({
        ...row,
        personalFlows: whole.items.flow.filter(
          (f) =>
            personal.has(f.id) &&
            (countryOf.get(f.from) === row.country.code || countryOf.get(f.to) === row.country.code),
        ).length,
      })),
    );
  }
}

export function scopedReadsContract(name: string, factory: StoreFactory): void {
  describe(`scoped reads: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await factory.create();
      await store.ensureCatalogue(catalogue, 'test');
    });
    afterEach(async () => {
      await store.close();
    });

    test('when the seed map is read one country at a time, then each graph and the country list equal those computed from every item', async () => {
      await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
      await store.create(
        'flow',
        {
          id: 'xa-pd',
          from: 'xb-ncp',
          to: 'xa-ngo',
          indicators: ['VIC-05'],
          basis: 'informal',
          personalData: 'personal',
        },
        't',
      );
      await expectScopedEqualsWhole(store);
    });

    test('when a small synthetic region is read one country at a time, then each graph and the country list equal those computed from every item', async () => {
      await store.importDocument(syntheticRegion({ countries: 3, stakeholdersPerCountry: 40, seed: 7 }), {
        mode: 'merge',
        actor: 'seed',
      });
      await expectScopedEqualsWhole(store);
    });

    test('when flows lie within a country, across a border or loop on one stakeholder, with several personal levels, then the country list counts each once per country it touches', async () => {
      const stakeholder = (id: string, country: string, ncp = false) => ({
        id,
        name: id,
        country,
        type: 'police' as const,
        level: 'national' as const,
        ncp,
        tags: [],
      });
      const flow = (id: string, from: string, to: string, personalData?: 'none' | 'personal' | 'special_category') => ({
        id,
        from,
        to,
        indicators: ['VIC-01'],
        basis: 'agreement' as const,
        ...(personalData ? { personalData } : {}),
      });
      await store.importDocument(
        {
          formatVersion: 1,
          countries: ['XA', 'XB', 'XC'].map((code) => ({ code, name: code, euMember: false, cbssMember: false })),
          stakeholders: [
            stakeholder('xa-2', 'XA'),
            stakeholder('xa-1', 'XA', true),
            stakeholder('xa-3', 'XA'),
            stakeholder('xb-1', 'XB'),
            stakeholder('xb-2', 'XB'),
          ],
          flows: [
            // XA: 3 within it (one a loop), 3 across the border; XB: 2 within it and the same 3 across.
            flow('a-in-1', 'xa-1', 'xa-2', 'personal'),
            flow('a-in-2', 'xa-2', 'xa-1'),
            flow('a-loop', 'xa-3', 'xa-3', 'special_category'),
            flow('ab-1', 'xa-1', 'xb-1', 'special_category'),
            flow('ab-2', 'xa-2', 'xb-2', 'none'),
            flow('ba-1', 'xb-1', 'xa-3', 'personal'),
            flow('b-in-1', 'xb-1', 'xb-2', 'personal'),
            flow('b-in-2', 'xb-2', 'xb-1', 'none'),
          ],
        },
        { mode: 'merge', actor: 'seed' },
      );
      const counts = async (personalData?: string[]) =>
        (await store.countryCounts(personalData ? { personalData } : {})).countries.map(
          ({ country, ...rest }) => [country.code, rest] as const,
        );
      expect(await counts()).toEqual([
        ['XA', { ncp: 'xa-1', stakeholders: 3, flows: 6 }],
        ['XB', { ncp: null, stakeholders: 2, flows: 5 }],
        ['XC', { ncp: null, stakeholders: 0, flows: 0 }],
      ]);
      expect(await counts(['personal', 'special_category', 'criminal_offence'])).toEqual([
        ['XA', { ncp: 'xa-1', stakeholders: 3, flows: 6, personalFlows: 4 }],
        ['XB', { ncp: null, stakeholders: 2, flows: 5, personalFlows: 3 }],
        ['XC', { ncp: null, stakeholders: 0, flows: 0, personalFlows: 0 }],
      ]);
      expect(await counts(['none'])).toEqual([
        ['XA', { ncp: 'xa-1', stakeholders: 3, flows: 6, personalFlows: 1 }],
        ['XB', { ncp: null, stakeholders: 2, flows: 5, personalFlows: 2 }],
        ['XC', { ncp: null, stakeholders: 0, flows: 0, personalFlows: 0 }],
      ]);
      expect(await counts([])).toEqual([
        ['XA', { ncp: 'xa-1', stakeholders: 3, flows: 6, personalFlows: 0 }],
        ['XB', { ncp: null, stakeholders: 2, flows: 5, personalFlows: 0 }],
        ['XC', { ncp: null, stakeholders: 0, flows: 0, personalFlows: 0 }],
      ]);
    });

    test('when items are created, updated, deleted and imported, then changesSince reports each with its version and countries', async () => {
      const start = await store.storeVersion();
      expect(await store.changesSince(start)).toEqual({ known: true, from: start, storeVersion: start, changes: [] });
      await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
      const imported = await store.changesSince(start);
      expect(imported.known).toBe(true);
      if (!imported.known) return;
      expect(imported.storeVersion).toBe(start + 1);
      expect(imported.changes).toContainEqual({
        storeVersion: start + 1,
        action: 'create',
        kind: 'flow',
        key: 'xa-f3',
        countries: ['XA', 'XB'],
      });
      expect(imported.changes.filter((c) => c.kind === 'stakeholder')).toHaveLength(smallMap().stakeholders.length);
      const afterImport = imported.storeVersion;
      const flow = await store.get('flow', 'xb-f1');
      const { version, updatedAt: _a, updatedBy: _b, ...entity } = flow;
      await store.update('flow', 'xb-f1', { ...entity, note: 'changed' }, version, 't');
      await store.create('country', { code: 'XC', name: 'C', euMember: false, cbssMember: false }, 't');
      await store.delete('country', 'XC', 1, 't');
      const later = await store.changesSince(afterImport);
      expect(later).toEqual({
        known: true,
        from: afterImport,
        storeVersion: afterImport + 3,
        changes: [
          { storeVersion: afterImport + 1, action: 'update', kind: 'flow', key: 'xb-f1', countries: ['XB'] },
          { storeVersion: afterImport + 2, action: 'create', kind: 'country', key: 'XC', countries: ['XC'] },
          { storeVersion: afterImport + 3, action: 'delete', kind: 'country', key: 'XC', countries: ['XC'] },
        ],
      });
      expect(await store.changesSince(afterImport + 1, { limit: 2 })).toMatchObject({ known: true });
      expect(await store.changesSince(afterImport, { limit: 2 })).toMatchObject({
        known: false,
        from: afterImport,
        storeVersion: afterImport + 3,
      });
      expect(await store.changesSince(start, { limit: 5 })).toMatchObject({
        known: false,
        reason: expect.stringMatching(/more than 5/),
      });
      expect(await store.changesSince(afterImport + 4)).toMatchObject({ known: false });
      expect(await store.changesSince(-1)).toMatchObject({ known: false });
    });

    test('when a write cannot touch a country, then MapView keeps its map; when it can (its items, or a foreign end renamed abroad), then it reads again', async () => {
      await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
      const { store: watched, calls } = counting(store);
      const view = new MapView(watched);
      const reads = () => calls.get('countryMap') ?? 0;
      const first = await view.graph('XA', EDITOR);
      await view.graph('XB', EDITOR);
      expect(reads()).toBe(2);

      // An XB-only flow: XA's map stays (at the new version), XB's is read again.
      const f = await store.get('flow', 'xb-f1');
      const { version, updatedAt: _a, updatedBy: _b, ...flow } = f;
      await store.update('flow', 'xb-f1', { ...flow, note: 'XB only' }, version, 't');
      const kept = await view.graph('XA', EDITOR);
      expect(reads()).toBe(2);
      expect(kept).toEqual({ ...first, storeVersion: first.storeVersion + 1 });
      expect((await view.graph('XB', EDITOR)).flows.find((x) => x.id === 'xb-f1')?.note).toBe('XB only');
      expect(reads()).toBe(3);

      // xb-police (in XB) is a foreign end on XA's map: renaming it drops XA's map.
      const s = await store.get('stakeholder', 'xb-police');
      const { version: sv, updatedAt: _c, updatedBy: _d, ...stakeholder } = s;
      await store.update('stakeholder', 'xb-police', { ...stakeholder, name: 'XB Police renamed' }, sv, 't');
      const renamed = await view.graph('XA', EDITOR);
      expect(reads()).toBe(4);
      expect(renamed.stakeholders.find((x) => x.id === 'xb-police')).toMatchObject({
        name: 'XB Police renamed',
        external: true,
      });

      // A change in XA itself drops it too; the answer always equals a fresh read.
      await store.create('stakeholder', { id: 'xa-new', name: 'New', country: 'XA', type: 'ngo' }, 't');
      const fresh = await view.graph('XA', EDITOR);
      expect(reads()).toBe(5);
      expect(fresh).toEqual(await new MapView(store).graph('XA', EDITOR));
      expect((await view.countries()).find((c) => c.code === 'XA')?.stakeholders).toBe(4);
    });

    test('when the audit trail cannot tell (more changes than its limit), then MapView reads the map again', async () => {
      await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
      const { store: watched, calls } = counting(store);
      const view = new MapView(watched);
      await view.graph('XA', undefined);
      await store.importDocument(syntheticRegion({ countries: 2, stakeholdersPerCountry: 300, seed: 3 }), {
        mode: 'merge',
        actor: 'seed',
      });
      await view.graph('XA', undefined);
      expect(calls.get('countryMap')).toBe(2);
    });
  });
}
