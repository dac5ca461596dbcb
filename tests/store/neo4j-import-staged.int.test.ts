// Staged imports on a real Neo4j: an import is written in batches that readers do not see, published in one
// transaction. A failure after some batches leaves nothing staged and the store as before; what a killed
// process staged is invisible and removed at start-up (init); a write committed while an import is staged
// makes the import plan again against it. Runs only on the Neo4j the test run started (it wipes it).
import { ValidationError } from '../../server/errors';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { parseBytes } from '../../server/store/neo4j/staging';
import type { Adapter, Staging } from '../../server/store/port';
import { KIND_SPECS, MapDocument, keyOf, stripMetaOf, type Kind, type Stored } from '../../server/model';
import { readCatalogue } from '../../seed/loader';
import { smallMap } from '../support/small-map';
import { syntheticRegion } from '../perf/synthetic';
import { catalogue } from '../support/catalogue';
import { wipeableNeo4j } from '../support/test-neo4j';

const settings = wipeableNeo4j();

/** The real Neo4j adapter, with its staging in batches of 2 and `onStage` run before each staged batch. */
function withStagingHook(
  adapter: Neo4jAdapter,
  onStage: (call: number, what: 'items' | 'audit') => Promise<void>,
  maxPublished?: number,
): Adapter {
  let calls = 0;
  const real = adapter.staging;
  const staging: Staging = {
    batchSize: 2,
    ...(maxPublished !== undefined ? { maxPublished } : {}),
    async stage(id: string, kind: Kind, rows: ReadonlyArray<Stored<Kind>>) {
      await onStage(++calls, 'items');
      return real.stage(id, kind, rows);
    },
    async stageAudit(id, entries) {
      await onStage(++calls, 'audit');
      return real.stageAudit(id, entries);
    },
    discard: (id) => real.discard(id),
    discardStale: (ms) => real.discardStale(ms),
  };
  return {
    kind: adapter.kind,
    staging,
    init: () => adapter.init(),
    read: (fn) => adapter.read(fn),
    write: (fn) => adapter.write(fn),
    audit: (q) => adapter.audit(q),
    auditActors: () => adapter.auditActors(),
    ping: () => adapter.ping(),
    close: () => adapter.close(),
  };
}

/** Every node per label set and relationship per type, and the meta values. */
async function census(adapter: Neo4jAdapter): Promise<Record<string, number>> {
  return adapter.executor.read(async (tx) => {
    const out: Record<string, number> = {};
    for (const r of (await tx.run('MATCH (n) RETURN labels(n) AS l, count(*) AS c')).records)
      out[`node:${[...r.get('l')].sort().join(':')}`] = Number(r.get('c'));
    for (const r of (await tx.run('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c')).records)
      out[`rel:${r.get('t')}`] = Number(r.get('c'));
    for (const r of (await tx.run('MATCH (m:FlowAtlasMeta) RETURN m.key AS k, m.value AS v')).records)
      out[`meta:${r.get('k')}`] = Number(r.get('v'));
    return out;
  });
}

async function stagedCount(adapter: Neo4jAdapter): Promise<number> {
  return adapter.executor.read(async (tx) =>
    Number(
      (
        await tx.run(
          'MATCH (n) WHERE n:StagedCountry OR n:StagedStakeholder OR n:StagedNetwork OR n:StagedInterview OR n:StagedDataset OR n:StagedAuditEntry OR n:ImportRun RETURN count(n) AS c',
        )
      ).records[0]!.get('c'),
    ),
  );
}

/** What readers see: every kind's items and the audit trail. */
async function visible(store: CoreGraphStore) {
  const { items, storeVersion } = await store.listMany([
    'country',
    'stakeholder',
    'network',
    'interview',
    'dataset',
    'flow',
    'reportingLine',
    'membership',
  ]);
  return {
    storeVersion,
    counts: Object.fromEntries(Object.entries(items).map(([k, v]) => [k, (v as unknown[]).length])),
    audit: (await store.audit({ limit: 10_000 })).length,
  };
}

if (settings) {
  describe('staged imports on Neo4j', () => {
    let adapter: Neo4jAdapter;
    let plain: CoreGraphStore;

    beforeEach(async () => {
      adapter = new Neo4jAdapter(settings);
      plain = new CoreGraphStore(adapter);
      await plain.init();
      await adapter.clear();
      await plain.ensureCatalogue(catalogue, 't');
    });
    afterEach(async () => {
      await plain.close();
    });

    test('when an import fails after some staged batches, then no staged item remains and the store is as before', async () => {
      const before = await census(adapter);
      const seen: Array<Awaited<ReturnType<typeof visible>>> = [];
      const failing = new CoreGraphStore(
        withStagingHook(adapter, async (call) => {
          // The sixth batch fails as it starts, before it waits for anything.
          if (call === 6) throw new Error('injected failure after 5 staged batches');
          seen.push(await visible(plain));
        }),
      );
      await expect(failing.importDocument(smallMap(), { mode: 'merge', actor: 't' })).rejects.toThrow(
        'injected failure',
      );
      // The items and the audit entries are staged in two lanes at once. The failure stops the other lane before it
      // starts another batch (its next check comes after a round trip; the failure is seen within microtasks), and
      // the import ends only once the batch it had under way is done: so exactly the five batches before were staged.
      expect(seen).toHaveLength(5);
      expect(await stagedCount(adapter)).toBe(0);
      expect(await census(adapter)).toEqual(before);
      // While batches were staged, readers saw nothing of them.
      expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBe(1);
    });

    test('when an import publishes more than the limit, then it is refused before anything is staged, with the counts, and the store is as before', async () => {
      // The real limit: three quarters of the database's transaction memory (717 MiB with the test Neo4j's 1 GB heap) at 3 KiB an item.
      expect(adapter.staging.maxPublished).toBe(Math.floor((parseBytes('716.80MiB')! * 0.75) / 3072));
      const before = await census(adapter);
      let calls = 0;
      const store = new CoreGraphStore(
        withStagingHook(
          adapter,
          async () => {
            calls += 1;
          },
          29,
        ),
      );
      const err = await store.importDocument(smallMap(), { mode: 'merge', actor: 't' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).message).toBe(
        'the import publishes 30 items and audit entries; at most 29 per import on this store (one transaction makes them visible at once): split it (by country) and import the parts one after the other',
      );
      expect(calls).toBe(0);
      expect(await stagedCount(adapter)).toBe(0);
      expect(await census(adapter)).toEqual(before);
    });

    test('when an import goes through in many batches, then readers see all of it at once and nothing staged remains', async () => {
      const seen: Array<Awaited<ReturnType<typeof visible>>> = [];
      const before = await visible(plain);
      const store = new CoreGraphStore(
        withStagingHook(adapter, async () => {
          seen.push(await visible(plain));
        }),
      );
      const result = await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
      expect(seen.length).toBeGreaterThan(5);
      for (const s of seen) expect(s).toEqual(before);
      expect(await stagedCount(adapter)).toBe(0);
      const after = await visible(plain);
      expect(after.counts).toEqual({
        country: 2,
        stakeholder: 5,
        network: 1,
        interview: 1,
        dataset: 2,
        flow: 4,
        reportingLine: 1,
        membership: 3,
      });
      expect(after.storeVersion).toBe(before.storeVersion + 1);
      expect(result.storeVersion).toBe(after.storeVersion);
      const entries = await plain.audit({ actor: 't', limit: 1000 });
      const mine = entries.filter((e) => e.storeVersion === after.storeVersion);
      expect(mine).toHaveLength(19);
      const seqs = mine.map((e) => e.seq).sort((a, b) => a - b);
      expect(seqs[seqs.length - 1]! - seqs[0]!).toBe(18);
      // The relationships are there, in the graph's own types.
      const rels = await adapter.executor.read(async (tx) =>
        Object.fromEntries(
          (await tx.run('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n')).records.map((x) => [
            x.get('t'),
            Number(x.get('n')),
          ]),
        ),
      );
      expect(rels).toMatchObject({ HOLDS: 2, COVERS: 3, SHARES_WITH: 4, REPORTS_TO: 1, MEMBER_OF: 3, INTERVIEWED: 1 });
      // Every field as the document has it (items are staged as lists of values at their query's positions).
      const parsed = MapDocument.parse(smallMap()) as unknown as Record<string, Array<Stored<Kind>>>;
      const byKey = (kind: Kind) => (a: object, b: object) => keyOf(kind, a).localeCompare(keyOf(kind, b));
      for (const kind of [
        'country',
        'stakeholder',
        'network',
        'interview',
        'dataset',
        'flow',
        'reportingLine',
        'membership',
      ] as const) {
        const stored = (await plain.list(kind)).map((row) => stripMetaOf(row as Stored<Kind>)).sort(byKey(kind));
        expect(stored).toEqual([...parsed[KIND_SPECS[kind].collection]!].sort(byKey(kind)));
      }
    });

    test('when a process died after staging some batches, then readers do not see them and start-up removes them (not an import still running elsewhere)', async () => {
      const before = await census(adapter);
      const seenBefore = await visible(plain);
      const doc = smallMap();
      await adapter.staging.stage(
        'killed-import',
        'country',
        doc.countries.map((c) => ({ ...c, version: 1, updatedAt: 'x', updatedBy: 't' })),
      );
      await adapter.staging.stage(
        'killed-import',
        'stakeholder',
        doc.stakeholders.map((s) => ({ ...s, version: 1, updatedAt: 'x', updatedBy: 't' })),
      );
      await adapter.staging.stage(
        'killed-import',
        'flow',
        doc.flows
          .filter((f) => f.to !== 'xb-police')
          .map((f) => ({ ...f, version: 1, updatedAt: 'x', updatedBy: 't' })),
      );
      await adapter.staging.stageAudit('killed-import', [
        {
          at: 'x',
          actor: 't',
          action: 'create',
          kind: 'country',
          key: 'XA',
          before: null,
          after: {},
          countries: ['XA'],
          ord: 0,
        },
      ]);
      expect(await stagedCount(adapter)).toBeGreaterThan(0);
      expect(await visible(plain)).toEqual(seenBefore);
      expect(await plain.get('stakeholder', 'xa-ncp').catch((e: { status?: number }) => e.status)).toBe(404);

      // Another instance starting with the default staleness (60 s) leaves a recent import alone ...
      const other = new CoreGraphStore(new Neo4jAdapter(settings));
      await other.init();
      await other.close();
      expect(await stagedCount(adapter)).toBeGreaterThan(0);
      // ... and removes it once it has not been heard of for longer.
      const later = new CoreGraphStore(new Neo4jAdapter(settings, { staleImportMs: 0 }));
      await later.init();
      await later.close();
      expect(await stagedCount(adapter)).toBe(0);
      expect(await census(adapter)).toEqual(before);
    });

    test('when batches of stakeholders and flows are written by two transactions at once, then every item is there once', async () => {
      // Over 2,000 stakeholders and flows (smaller batches are written by one transaction).
      const doc = syntheticRegion({ countries: 3, stakeholdersPerCountry: 700, seed: 5 });
      expect(doc.flows.length).toBeGreaterThan(5_000);
      await plain.ensureCatalogue(readCatalogue(), 't');
      const runs = jest.spyOn(adapter.executor, 'run');
      const result = await plain.importDocument(doc, { mode: 'merge', actor: 't' });
      const staged = (name: string) =>
        runs.mock.calls.filter((call) => call[1] === name).map((call) => (call[2] as { rows: unknown[] }).rows.length);
      const [stakeholderRuns, flowRuns] = [staged('stage.stakeholder'), staged('stage.flow')];
      runs.mockRestore();
      // Split: more statements than batches of 10,000, none with a whole batch.
      expect(stakeholderRuns).toHaveLength(2);
      expect(flowRuns.length).toBeGreaterThan(Math.ceil(doc.flows.length / 10_000));
      expect(Math.max(...flowRuns)).toBeLessThan(Math.min(10_000, doc.flows.length) * 0.8);
      expect(await stagedCount(adapter)).toBe(0);
      const { counts } = await visible(plain);
      expect(counts).toEqual({
        country: doc.countries.length,
        stakeholder: doc.stakeholders.length,
        network: doc.networks.length,
        interview: doc.interviews.length,
        dataset: doc.datasets.length,
        flow: doc.flows.length,
        reportingLine: doc.reportingLines.length,
        membership: doc.memberships.length,
      });
      const flows = await plain.list('flow');
      expect(new Set(flows.map((f) => f.id)).size).toBe(doc.flows.length);
      const byId = new Map(doc.flows.map((f) => [f.id, f]));
      for (const f of flows) expect([f.from, f.to]).toEqual([byId.get(f.id)!.from, byId.get(f.id)!.to]);
      expect(result.created.flow).toBe(doc.flows.length);
    }, 240_000);

    test("when a write that keeps the store version takes audit numbers while an import is staged, then the import's entries are numbered after it, in order, with the import's version", async () => {
      let froze = false;
      let auditBatches = 0;
      const store = new CoreGraphStore(
        withStagingHook(adapter, async (_call, what) => {
          // Before the third of ten staged batches of audit entries (batches of 2): the import reserved numbers before and after.
          if (what === 'audit' && ++auditBatches === 3) {
            froze = true;
            await plain.freezeRound({ name: 'mid-import' }, 'other');
          }
        }),
      );
      const v0 = await plain.storeVersion();
      const result = await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
      expect(froze).toBe(true);
      expect(result.storeVersion).toBe(v0 + 1);
      expect(await stagedCount(adapter)).toBe(0);
      const [round] = await plain.audit({ actor: 'other', limit: 10 });
      expect(round).toMatchObject({ kind: 'round', action: 'create' });
      const mine = (await plain.audit({ actor: 't', limit: 1000 }))
        .filter((e) => e.storeVersion === result.storeVersion)
        .sort((a, b) => a.seq - b.seq);
      expect(mine).toHaveLength(19);
      expect(mine[0]!.seq).toBeGreaterThan(round!.seq);
      expect(mine[18]!.seq - mine[0]!.seq).toBe(18);
      // In the order the import made them: its countries first, as without the round.
      expect(mine.slice(0, 2).map((e) => e.kind)).toEqual(['country', 'country']);
      expect(await plain.auditPage({ limit: 1 })).toMatchObject({ entries: [{ seq: mine[18]!.seq }] });
    });

    test('when another write commits while an import is staged, then the import is planned again against it and both are kept', async () => {
      let wrote = false;
      const store = new CoreGraphStore(
        withStagingHook(adapter, async (call) => {
          if (call === 3 && !wrote) {
            wrote = true;
            await plain.create(
              'country',
              { code: 'XC', name: 'Testland C', euMember: false, cbssMember: true },
              'other',
            );
          }
        }),
      );
      const v0 = await plain.storeVersion();
      const result = await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
      expect(wrote).toBe(true);
      expect(result.storeVersion).toBe(v0 + 2);
      expect(await stagedCount(adapter)).toBe(0);
      expect((await plain.list('country')).map((c) => c.code).sort()).toEqual(['XA', 'XB', 'XC']);
      expect(await plain.list('stakeholder')).toHaveLength(5);
    });
  });
}
