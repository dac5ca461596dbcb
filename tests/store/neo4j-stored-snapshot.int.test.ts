// The whole-store snapshot kept in Neo4j (server/store/neo4j/stored-snapshot.ts): a whole-store read on one app
// instance keeps it, and another instance's cold read takes it, with the audit trail's changes since when the store
// has moved on; either way the snapshot (its document and catalogue) and an export are byte for byte what a whole read
// of the store gives: after an import, after edits, updates, a cascading delete and creations, and when the kept
// snapshot is of another format, or too far behind for the trail to tell (then the store is read whole).
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { catalogue } from '../support/catalogue';
import { syntheticRegion } from '../perf/synthetic';
import { wipeableNeo4j } from '../support/test-neo4j';

const settings = wipeableNeo4j();

type Meta = { version: number; updatedAt: string; updatedBy: string };
function fieldsOf<T extends object>(item: T): Omit<T, keyof Meta> {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...fields } = item as T & Meta;
  return fields;
}

if (settings) {
  describe('Neo4j: the whole-store snapshot kept in the database', () => {
    let writer: CoreGraphStore;
    let writerAdapter: Neo4jAdapter;

    /** A new app instance's store (its own driver, nothing cached). */
    async function instance(): Promise<{ store: CoreGraphStore; adapter: Neo4jAdapter }> {
      const adapter = new Neo4jAdapter(settings!);
      const store = new CoreGraphStore(adapter);
      await store.init();
      return { store, adapter };
    }

    /** The snapshot and the export as text (takenAt aside), read by a new instance. */
    async function readBy(): Promise<{ text: string; source?: string }> {
      const { store, adapter } = await instance();
      try {
        const { takenAt: _t, ...snapshot } = await store.snapshot({});
        const source = adapter.snapshots.lastSource; // of the snapshot (the export may find what it kept meanwhile)
        const exported = await store.exportDocument({});
        await adapter.snapshots.saving;
        return { text: JSON.stringify({ snapshot, exported }), source };
      } finally {
        await store.close();
      }
    }

    /** The same, read whole: with no snapshot kept. */
    async function readWhole(): Promise<string> {
      await dropKept();
      const { text, source } = await readBy();
      expect(source).toBe('whole');
      return text;
    }

    async function dropKept(): Promise<void> {
      await writerAdapter.executor.write((tx) => tx.run('MATCH (s:FlowAtlasSnapshot) DELETE s'));
    }

    beforeAll(async () => {
      ({ store: writer, adapter: writerAdapter } = await instance());
      await writerAdapter.clear();
      await writer.ensureCatalogue(catalogue, 't');
      const doc = syntheticRegion({ countries: 3, stakeholdersPerCountry: 30, seed: 11, catalogue });
      await writer.importDocument(doc, { mode: 'merge', actor: 't' });
    });

    afterAll(async () => {
      await writerAdapter.clear();
      await writer.close();
    });

    test("when an instance warms up, then it reads the map of the country with the most stakeholders (the first map's cost)", async () => {
      // The country last by code made the biggest, so that the first by code (or any other rule) is not it.
      const stakeholders = await writer.list('stakeholder');
      const perCountry = new Map<string, number>();
      for (const s of stakeholders) perCountry.set(s.country, (perCountry.get(s.country) ?? 0) + 1);
      const biggest = [...perCountry.keys()].sort().at(-1)!;
      const template = stakeholders.find((s) => s.country === biggest && !s.ncp)!;
      const more = Math.max(...perCountry.values()) - perCountry.get(biggest)! + 1;
      for (let i = 0; i < more; i++)
        await writer.create('stakeholder', { ...fieldsOf(template), id: `warm-up-${i}`, name: `Warm-up ${i}` }, 't');
      const { store, adapter } = await instance();
      try {
        await adapter.warmUp();
        expect(adapter.warmedMap).toBe(biggest);
      } finally {
        await store.close();
      }
    });

    test('when one instance has read the whole store, then another reads the kept snapshot, byte for byte the same', async () => {
      const whole = await readWhole(); // and keeps it
      const kept = await readBy();
      expect(kept.source).toBe('kept');
      expect(kept.text).toBe(whole);
    });

    test('when the store is edited after the snapshot was kept, then a cold read applies the changes, byte for byte what a whole read gives', async () => {
      await readWhole();
      const { items } = await writer.listMany(['stakeholder', 'flow', 'dataset', 'membership', 'country'] as const);
      const flow = items.flow[0]!;
      await writer.update('flow', flow.id, { ...fieldsOf(flow), note: 'edited' }, flow.version, 't');
      const stakeholder = items.stakeholder.find((s) => s.country === 'XB')!;
      await writer.update(
        'stakeholder',
        stakeholder.id,
        {
          ...fieldsOf(stakeholder),
          name: `${stakeholder.name} (renamed: Ärztekammer, Łódź, ✓ 😀)`,
          contact: { email: 'a@b.example' },
        },
        stakeholder.version,
        't',
      );
      // A stakeholder with flows, deleted with them (each its own audit entry).
      const busy = items.stakeholder.find(
        (s) => s.country === 'XA' && items.flow.some((f) => f.from === s.id || f.to === s.id),
      )!;
      await writer.delete('stakeholder', busy.id, busy.version, 't', { cascade: true });
      const [from, to] = items.stakeholder.filter((s) => s.country === 'XC' && s.id !== busy.id);
      await writer.create('flow', { ...fieldsOf(flow), id: 'new-flow', from: from!.id, to: to!.id }, 't');
      const membership = items.membership[0];
      if (membership)
        await writer.delete('membership', `${membership.stakeholder}|${membership.network}`, membership.version, 't');
      const changed = await readBy();
      expect(changed.source).toBe('kept+changes');
      const whole = await readWhole();
      expect(changed.text).toBe(whole);
      expect(whole).toContain('(renamed: Ärztekammer, Łódź, ✓ 😀)');
      expect(whole).toContain('new-flow');
      expect(whole).not.toContain(`"${busy.id}"`);
    });

    test('when the changes since the kept snapshot were kept too, then the next instance reads it without changes', async () => {
      const flow = (await writer.list('flow'))[1]!;
      await writer.update('flow', flow.id, { ...fieldsOf(flow), note: 'edited again' }, flow.version, 't');
      expect((await readBy()).source).toBe('kept+changes'); // and keeps the result
      const kept = await readBy();
      expect(kept.source).toBe('kept');
      expect(kept.text).toBe(await readWhole());
    });

    test('when the kept snapshot is of another format, then the store is read whole', async () => {
      const whole = await readWhole();
      await writerAdapter.executor.write((tx) => tx.run("MATCH (s:FlowAtlasSnapshot) SET s.format = 'other'"));
      const read = await readBy();
      expect(read.source).toBe('whole');
      expect(read.text).toBe(whole);
    });

    test('when the kept snapshot is too far behind for the audit trail to tell, then the store is read whole', async () => {
      const whole = await readWhole();
      // A version the trail has no entry for: what a write from before entries carried versions leaves.
      await writerAdapter.executor.write((tx) =>
        tx.run("MATCH (m:FlowAtlasMeta { key: 'store_version' }) SET m.value = m.value + 1"),
      );
      const read = await readBy();
      expect(read.source).toBe('whole');
      expect(JSON.parse(read.text).exported).toEqual(JSON.parse(whole).exported);
    });
  });
}
