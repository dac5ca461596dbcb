// The GraphStore contract: one suite, run against every adapter (SQLite always, Neo4j when reachable).
import { ConflictError, NotFoundError, ValidationError } from '../../server/errors';
import { MapDocument, KIND_SPECS, keyOf, type Kind } from '../../server/model';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { HOSTILE_TEXTS, INJECTIONS } from '../support/fuzz';

export interface StoreFactory {
  /** A fresh, empty, initialised store. */
  create(): Promise<GraphStore>;
}

/** Sorts every collection by key, as exports are. */
export function normalise(doc: unknown): MapDocument {
  const d = MapDocument.parse(doc);
  for (const kind of Object.keys(KIND_SPECS) as Kind[]) {
    const c = KIND_SPECS[kind].collection as keyof MapDocument;
    if (Array.isArray(d[c])) (d[c] as object[]).sort((a, b) => (keyOf(kind, a) < keyOf(kind, b) ? -1 : 1));
  }
  return d;
}

async function problemsOf(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError, but the call succeeded');
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = await factory.create();
      await store.ensureCatalogue(catalogue, 'test');
    });
    afterEach(async () => {
      await store.close();
    });

    const seeded = async () => {
      await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
    };

    describe('catalogue', () => {
      test('when the catalogue is ensured twice, then the second call adds nothing', async () => {
        expect(await store.list('indicator')).toHaveLength(32);
        expect(await store.list('theme')).toHaveLength(6);
        expect(await store.ensureCatalogue(catalogue, 'test')).toEqual({});
      });
    });

    describe('CRUD with optimistic versions', () => {
      test('when an entity is created, then it is returned at version 1 with who and when', async () => {
        await store.create('country', { code: 'XA', name: 'A', euMember: true, cbssMember: true }, 'alice');
        const s = await store.create(
          'stakeholder',
          { id: 'xa-p', name: 'Police', country: 'XA', type: 'police' },
          'alice',
        );
        expect(s).toMatchObject({
          id: 'xa-p',
          version: 1,
          updatedBy: 'alice',
          level: 'national',
          ncp: false,
          tags: [],
        });
        expect(Date.parse(s.updatedAt)).not.toBeNaN();
        expect(await store.get('stakeholder', 'xa-p')).toEqual(s);
      });

      test('when every kind is read back after an import, then each item equals what was written', async () => {
        await seeded();
        const doc = smallMap();
        expect((await store.get('flow', 'xa-f3')).channel).toBe('secure_system');
        expect(await store.get('membership', 'xa-police|xa-net')).toMatchObject({ role: 'chair', version: 1 });
        expect((await store.get('stakeholder', 'xa-ncp')).contact).toEqual({ email: 'ncp@office.example' });
        expect((await store.get('dataset', 'xa-d1')).disaggregation).toEqual(['age', 'sex']);
        expect(await store.list('interview')).toHaveLength(doc.interviews.length);
        expect(await store.get('country', 'XA')).toMatchObject({ illustrative: true });
        expect((await store.get('country', 'XB')).illustrative).toBeUndefined();
      });

      test('when an id already exists, then create answers a conflict', async () => {
        await seeded();
        await expect(
          store.create('stakeholder', { id: 'xa-ngo', name: 'x', country: 'XA', type: 'ngo' }, 'a'),
        ).rejects.toMatchObject({ code: 'already_exists' });
      });

      test('when an unknown id is read, then NotFound', async () => {
        await expect(store.get('flow', 'nope')).rejects.toBeInstanceOf(NotFoundError);
      });

      test('when input has a wrong type, an unknown field and an unknown enum value, then each field is named', async () => {
        await seeded();
        const err = await problemsOf(
          store.create(
            'flow',
            {
              id: 'xa-f9',
              from: 'xa-ngo',
              to: 'xa-ncp',
              indicators: ['VIC-01'],
              basis: 'handshake',
              latencyDays: 'soon',
              colour: 'red',
            },
            'a',
          ),
        );
        const fields = err.problems.map((p) => p.field).sort();
        expect(fields).toEqual(['basis', 'colour', 'latencyDays']);
        expect(err.problems.find((p) => p.field === 'colour')).toMatchObject({ id: 'xa-f9', message: 'unknown field' });
      });

      test('when a flow refers to an unknown stakeholder and indicator, then both fields are named', async () => {
        await seeded();
        const err = await problemsOf(
          store.create(
            'flow',
            { id: 'xa-f9', from: 'ghost', to: 'xa-ncp', indicators: ['ZZZ-99'], basis: 'informal' },
            'a',
          ),
        );
        expect(err.problems.map((p) => p.field).sort()).toEqual(['from', 'indicators']);
        await expect(store.get('flow', 'xa-f9')).rejects.toBeInstanceOf(NotFoundError);
      });

      test('when updated with the current version, then the version goes up and the audit has before and after', async () => {
        await seeded();
        const before = await store.get('stakeholder', 'xa-ngo');
        const after = await store.update(
          'stakeholder',
          'xa-ngo',
          { ...strip(before), name: 'XA Shelter NGO' },
          before.version,
          'bob',
        );
        expect(after).toMatchObject({ name: 'XA Shelter NGO', version: 2, updatedBy: 'bob' });
        const [entry] = await store.audit({ kind: 'stakeholder', key: 'xa-ngo', limit: 1 });
        expect(entry).toMatchObject({
          action: 'update',
          actor: 'bob',
          before: { name: 'XA NGO' },
          after: { name: 'XA Shelter NGO' },
        });
      });

      test('when updated with a stale version, then 409 carries the current item and nothing changes', async () => {
        await seeded();
        const s = await store.get('stakeholder', 'xa-ngo');
        await store.update('stakeholder', 'xa-ngo', { ...strip(s), name: 'First' }, 1, 'a');
        const err = await store
          .update('stakeholder', 'xa-ngo', { ...strip(s), name: 'Second' }, 1, 'b')
          .catch((e) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err.details.current).toMatchObject({ name: 'First', version: 2 });
        expect((await store.get('stakeholder', 'xa-ngo')).name).toBe('First');
      });

      test('when an update tries to change the id, then it is refused', async () => {
        await seeded();
        const err = await problemsOf(
          store.update('stakeholder', 'xa-ngo', { id: 'other', name: 'x', country: 'XA', type: 'ngo' }, 1, 'a'),
        );
        expect(err.problems[0]?.field).toBe('id');
      });

      test('when a second NCP is created in a country, then it is refused naming ncp', async () => {
        await seeded();
        const err = await problemsOf(
          store.create('stakeholder', { id: 'xa-ncp2', name: 'x', country: 'XA', type: 'ministry', ncp: true }, 'a'),
        );
        expect(err.problems[0]).toMatchObject({ field: 'ncp', id: 'xa-ncp2' });
        const moved = await problemsOf(
          store.update('stakeholder', 'xa-ngo', { name: 'x', country: 'XA', type: 'ngo', ncp: true }, 1, 'a'),
        );
        expect(moved.problems[0]?.message).toContain('xa-ncp');
      });

      test('when a stakeholder with flows is deleted without cascade, then 409 lists the dependants and nothing is deleted', async () => {
        await seeded();
        const err = await store.delete('stakeholder', 'xa-police', 1, 'a').catch((e) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err.code).toBe('has_dependants');
        expect(err.details.dependants).toMatchObject({ flow: 3, dataset: 1, reportingLine: 1, membership: 1 });
        expect(await store.get('stakeholder', 'xa-police')).toBeTruthy();
      });

      test('when deleted with cascade, then dependants go and lists that cited the item lose it', async () => {
        await seeded();
        const v0 = await store.storeVersion();
        const result = await store.delete('stakeholder', 'xa-ncp', 1, 'a', { cascade: true });
        // xa-ncp takes the flow to it, the reporting line, and its interview, which two flows cite as evidence.
        expect(result.deleted).toMatchObject({ stakeholder: 1, flow: 1, reportingLine: 1, interview: 1 });
        expect(result.updated).toEqual({ flow: 1 });
        expect((await store.get('flow', 'xa-f3')).evidence).toEqual([]);
        expect((await store.get('flow', 'xa-f3')).version).toBe(2);
        await expect(store.get('flow', 'xa-f1')).rejects.toBeInstanceOf(NotFoundError);
        expect(await store.storeVersion()).toBe(v0 + 1);
        const deletes = await store.audit({ actor: 'a' });
        expect(
          deletes
            .filter((e) => e.action === 'delete')
            .map((e) => e.key)
            .sort(),
        ).toEqual(['xa-f1', 'xa-i1', 'xa-ncp', 'xa-r1']);
      });

      test('when a delete names a stale version, then 409 and the item stays', async () => {
        await seeded();
        await expect(store.delete('flow', 'xa-f2', 7, 'a')).rejects.toMatchObject({ code: 'version_conflict' });
        expect(await store.get('flow', 'xa-f2')).toBeTruthy();
      });

      test('when a membership is addressed by its composite key, then it can be updated and deleted', async () => {
        await seeded();
        const m = await store.update('membership', 'xa-ngo|xa-net', { role: 'secretariat' }, 1, 'a');
        expect(m).toMatchObject({ stakeholder: 'xa-ngo', network: 'xa-net', role: 'secretariat', version: 2 });
        await store.delete('membership', 'xa-ngo|xa-net', 2, 'a');
        expect(await store.list('membership')).toHaveLength(2);
      });

      test('when listing with a country filter, then cross-border flows touching it are included', async () => {
        await seeded();
        expect((await store.list('flow', { country: 'XB' })).map((f) => f.id).sort()).toEqual(['xa-f3', 'xb-f1']);
        expect((await store.list('stakeholder', { country: 'XB' })).map((s) => s.id).sort()).toEqual([
          'xb-ncp',
          'xb-police',
        ]);
      });

      test('when many creates run at once, then all are stored and the store version counts each', async () => {
        await store.create('country', { code: 'XC', name: 'C', euMember: false, cbssMember: false }, 'a');
        const v0 = await store.storeVersion();
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.create('stakeholder', { id: `xc-s${i}`, name: `S${i}`, country: 'XC', type: 'ngo' }, 'a'),
          ),
        );
        expect(await store.list('stakeholder', { country: 'XC' })).toHaveLength(20);
        expect(await store.storeVersion()).toBe(v0 + 20);
      });
    });

    describe('import and export', () => {
      test('when a map is imported into an empty store and exported, then the document comes back unchanged', async () => {
        const result = await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
        expect(result.created).toMatchObject({
          country: 2,
          stakeholder: 5,
          dataset: 2,
          flow: 4,
          reportingLine: 1,
          network: 1,
          membership: 3,
          interview: 1,
        });
        expect(await store.exportDocument({})).toEqual(normalise(smallMap()));
      });

      test('when the export is imported into another empty store, then that store exports the same document', async () => {
        await seeded();
        const exported = await store.exportDocument({});
        const other = await factory.create();
        try {
          await other.ensureCatalogue(catalogue, 'test');
          await other.importDocument(JSON.parse(JSON.stringify(exported)), { mode: 'merge', actor: 'x' });
          expect(await other.exportDocument({})).toEqual(exported);
        } finally {
          await other.close();
        }
      });

      test('when the same document is imported twice, then the second import changes nothing', async () => {
        await seeded();
        const v = await store.storeVersion();
        const again = await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
        expect(again.created).toEqual({});
        expect(again.updated).toEqual({});
        expect(again.unchanged.flow).toBe(4);
        expect(await store.storeVersion()).toBe(v);
      });

      test('when a document has several problems, then all are reported and nothing is written', async () => {
        await seeded();
        const before = await store.exportDocument({});
        const v = await store.storeVersion();
        const doc = smallMap();
        doc.stakeholders.push({ ...doc.stakeholders[1]!, name: 'duplicate' });
        doc.flows.push({
          ...doc.flows[0]!,
          id: 'xa-f9',
          from: 'nobody',
          indicators: ['NOPE-01'],
          evidence: ['no-interview'],
        });
        doc.stakeholders.push({
          id: 'xa-ncp-2',
          name: 'second',
          country: 'XA',
          type: 'ministry',
          level: 'national',
          ncp: true,
          tags: [],
        });
        doc.datasets[0]!.name = 'changed, but must not be written';
        const err = await problemsOf(store.importDocument(doc, { mode: 'merge', actor: 'x' }));
        const found = err.problems.map((p) => `${p.id}:${p.field}`).sort();
        expect(found).toEqual(
          ['xa-f9:evidence', 'xa-f9:from', 'xa-f9:indicators', 'xa-ncp-2:ncp', 'xa-police:id'].sort(),
        );
        expect(await store.exportDocument({})).toEqual(before);
        expect(await store.storeVersion()).toBe(v);
      });

      test('when a document has bad shapes, then each problem names the item id and the field', async () => {
        const err = await problemsOf(
          store.importDocument(
            {
              formatVersion: 1,
              countries: [{ code: 'XA', name: 'A', euMember: 'yes', cbssMember: true }],
              stakeholders: [{ id: 'xa-a', name: 'A', country: 'XA', type: 'wizard', extra: 1 }],
              flows: [{ id: 'xa-f', from: 'xa-a', to: 'xa-a', indicators: [], basis: 'statutory', status: 'lost' }],
            },
            { mode: 'merge', actor: 'x' },
          ),
        );
        const found = err.problems.map((p) => `${p.id}:${p.field}`);
        expect(found).toEqual(expect.arrayContaining(['XA:euMember', 'xa-a:type', 'xa-a:extra', 'xa-f:status']));
        expect(await store.list('country')).toHaveLength(0);
      });

      test('when a dry run imports a valid document, then it counts the changes and writes nothing', async () => {
        const result = await store.importDocument(smallMap(), { mode: 'merge', actor: 'x', dryRun: true });
        expect(result).toMatchObject({ dryRun: true, created: { flow: 4 } });
        expect(await store.list('flow')).toHaveLength(0);
      });

      test('when a country is replaced, then its items missing from the document go and other countries stay', async () => {
        await seeded();
        const doc = smallMap();
        const replacement: MapDocument = {
          ...doc,
          countries: doc.countries.filter((c) => c.code === 'XA'),
          stakeholders: doc.stakeholders.filter((s) => s.id !== 'xa-ngo' && s.country === 'XA'),
          datasets: doc.datasets.filter((d) => d.holder !== 'xa-ngo'),
          flows: doc.flows.filter((f) => f.id === 'xa-f1'),
          memberships: doc.memberships.filter((m) => m.stakeholder === 'xa-police'),
        };
        const result = await store.importDocument(replacement, { mode: 'replace', actor: 'r' });
        expect(result.deleted).toEqual({ stakeholder: 1, dataset: 1, flow: 2, membership: 2 });
        expect((await store.list('stakeholder')).map((s) => s.id).sort()).toEqual([
          'xa-ncp',
          'xa-police',
          'xb-ncp',
          'xb-police',
        ]);
        expect((await store.list('flow')).map((f) => f.id).sort()).toEqual(['xa-f1', 'xb-f1']);
        expect(normalise(await store.exportDocument({ country: 'XA' }))).toEqual(normalise(replacement));
      });

      test('when a replace would leave stored items pointing at removed ones, then it is refused and nothing changes', async () => {
        await seeded();
        await store.create(
          'flow',
          { id: 'xb-f2', from: 'xb-police', to: 'xb-ncp', indicators: [], basis: 'informal', evidence: ['xa-i1'] },
          'a',
        );
        const before = await store.exportDocument({});
        const doc = {
          ...smallMap(),
          countries: [smallMap().countries[0]!],
          interviews: [],
          flows: smallMap().flows.map((f) => ({ ...f, evidence: [] })),
        };
        const err = await problemsOf(store.importDocument(doc, { mode: 'replace', actor: 'r' }));
        expect(err.problems).toEqual([expect.objectContaining({ id: 'xb-f2', field: 'evidence' })]);
        expect(await store.exportDocument({})).toEqual(before);
      });

      test('when a country is exported, then it holds its items and the cross-border items touching it', async () => {
        await seeded();
        const xb = await store.exportDocument({ country: 'XB' });
        expect(xb.countries.map((c) => c.code)).toEqual(['XB']);
        expect(xb.flows.map((f) => f.id)).toEqual(['xa-f3', 'xb-f1']);
        expect(xb.memberships).toEqual([{ stakeholder: 'xb-police', network: 'xa-net', role: 'observer' }]);
        expect(xb.datasets).toEqual([]);
      });

      test('when a snapshot is taken, then it carries the document, the catalogue and the store version', async () => {
        await seeded();
        const snap = await store.snapshot({ country: 'XA' });
        expect(snap.storeVersion).toBe(await store.storeVersion());
        expect(snap.catalogue.indicators).toHaveLength(32);
        expect(snap.document.stakeholders.map((s) => s.id)).toEqual(['xa-ncp', 'xa-ngo', 'xa-police']);
        expect(Date.parse(snap.takenAt)).not.toBeNaN();
      });

      test('when an import writes, then every change is in the audit trail with its actor', async () => {
        await store.importDocument(smallMap(), { mode: 'merge', actor: 'importer' });
        const entries = await store.audit({ actor: 'importer', limit: 1000 });
        expect(entries).toHaveLength(19);
        expect(entries.every((e) => e.action === 'create' && e.before === null && e.after !== null)).toBe(true);
      });
    });

    describe('stale imports (an export with versions, imported after the store changed)', () => {
      const withoutMeta = <T extends { version?: number; updatedAt?: string; updatedBy?: string }>(row: T) => {
        const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = row;
        return rest;
      };
      type Doc = MapDocument;
      const itemOf = (doc: Doc, collection: string, id: string) =>
        (doc as unknown as Record<string, Array<Record<string, unknown>>>)[collection]!.find((x) => x.id === id)!;

      test('when a change is written, then its audit entries carry the store version it committed as', async () => {
        await seeded();
        const f1 = await store.get('flow', 'xa-f1');
        await store.update('flow', 'xa-f1', { ...withoutMeta(f1), note: 'n' }, f1.version, 'bob');
        const [entry] = await store.audit({ kind: 'flow', key: 'xa-f1', actor: 'bob' });
        expect(entry!.storeVersion).toBe(await store.storeVersion());
      });

      test('when a field changed only in the file, only in the store and on both sides, then the merge takes, keeps, and lists the conflict', async () => {
        await seeded();
        const file = await store.exportDocument({}, { versions: true });
        expect(file.storeVersion).toBe(await store.storeVersion());
        expect(itemOf(file, 'flows', 'xa-f1').version).toBe(1);
        const f1 = await store.get('flow', 'xa-f1');
        await store.update(
          'flow',
          'xa-f1',
          { ...withoutMeta(f1), note: 'store note', latencyDays: 45 },
          f1.version,
          'bob',
        );
        Object.assign(itemOf(file, 'flows', 'xa-f1'), { frequency: 'monthly', latencyDays: 60 });

        const preview = await store.importDocument(file, { mode: 'merge', actor: 'ann', dryRun: true });
        expect(preview.conflicts).toEqual([
          expect.objectContaining({
            kind: 'flow',
            key: 'xa-f1',
            field: 'latencyDays',
            file: 60,
            current: 45,
            changedBy: 'bob',
            base: 'known',
            resolution: 'kept',
          }),
        ]);
        const result = await store.importDocument(file, { mode: 'merge', actor: 'ann' });
        expect(result.conflictCount).toEqual({ total: 1, kept: 1, overwritten: 0 });
        expect(result.updated).toEqual({ flow: 1 });
        expect(await store.get('flow', 'xa-f1')).toMatchObject({
          frequency: 'monthly',
          note: 'store note',
          latencyDays: 45,
          version: 3,
        });

        // Imported again, still at the file's version 1: the base is walked back through both updates.
        const again = await store.importDocument(file, { mode: 'merge', actor: 'ann', onConflict: 'overwrite' });
        expect(again.conflictCount).toEqual({ total: 1, kept: 0, overwritten: 1 });
        expect(await store.get('flow', 'xa-f1')).toMatchObject({
          frequency: 'monthly',
          note: 'store note',
          latencyDays: 60,
        });
      });

      test('when replace imports an old export, then items created since and what they refer to are kept and listed', async () => {
        await seeded();
        const file = await store.exportDocument({ country: 'XA' }, { versions: true });
        await store.create(
          'flow',
          { id: 'xa-f9', from: 'xa-ngo', to: 'xa-ncp', indicators: ['VIC-01'], basis: 'informal' },
          'dave',
        );
        // The file drops the NGO (and its flows and dataset) that the new flow starts from.
        const items = file as unknown as Record<string, Array<Record<string, unknown>>>;
        for (const c of ['stakeholders', 'flows', 'datasets', 'memberships']) {
          items[c] = items[c]!.filter((x) => ![x.id, x.holder, x.from, x.to, x.stakeholder].includes('xa-ngo'));
        }
        const result = await store.importDocument(file, { mode: 'replace', actor: 'ann' });
        expect(result.kept).toEqual([
          expect.objectContaining({ kind: 'flow', key: 'xa-f9', reason: 'created', changedBy: 'dave' }),
          expect.objectContaining({ kind: 'stakeholder', key: 'xa-ngo', reason: 'referenced', by: 'flow xa-f9' }),
        ]);
        expect((await store.get('stakeholder', 'xa-ngo')).id).toBe('xa-ngo');
        await expect(store.get('flow', 'xa-f2')).rejects.toBeInstanceOf(NotFoundError);
      });

      test('when the item was deleted and created again since the export, then its base is unknown and every differing field is a conflict', async () => {
        await seeded();
        const file = await store.exportDocument({}, { versions: true });
        const f2 = await store.get('flow', 'xa-f2');
        await store.delete('flow', 'xa-f2', f2.version, 'erin');
        await store.create('flow', { ...withoutMeta(f2), note: 'again' }, 'erin');
        await store.update('flow', 'xa-f2', { ...withoutMeta(f2), note: 'again', latencyDays: 5 }, 1, 'erin');
        Object.assign(itemOf(file, 'flows', 'xa-f2'), { latencyDays: 9 });
        const result = await store.importDocument(file, { mode: 'merge', actor: 'ann' });
        expect(result.conflicts.map((c) => `${c.field}:${c.base}:${c.resolution}`).sort()).toEqual([
          'latencyDays:unknown:kept',
          'note:unknown:kept',
        ]);
        expect(result.notes).toHaveLength(1);
        expect(await store.get('flow', 'xa-f2')).toMatchObject({ note: 'again', latencyDays: 5 });
      });
    });

    describe('mapping rounds', () => {
      test('when a country round is frozen, then it holds the country export of that moment with its counts', async () => {
        await seeded();
        const expected = await store.exportDocument({ country: 'XA' });
        const version = await store.storeVersion();
        const summary = await store.freezeRound(
          { name: ' 2010 baseline ', country: 'XA', note: 'first visit' },
          'consultant',
        );
        expect(summary).toMatchObject({
          name: '2010 baseline',
          country: 'XA',
          note: 'first visit',
          createdBy: 'consultant',
          storeVersion: version,
          counts: {
            stakeholders: 3,
            datasets: 2,
            flows: 3,
            reportingLines: 1,
            networks: 1,
            memberships: 3,
            interviews: 1,
          },
        });
        expect(summary.id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Date.parse(summary.createdAt)).not.toBeNaN();
        const round = await store.getRound(summary.id);
        expect(round).toEqual({ ...summary, document: expected });
        expect(await store.storeVersion()).toBe(version);
      });

      test('when the map changes after a freeze, then the frozen document does not', async () => {
        await seeded();
        const summary = await store.freezeRound({ name: 'baseline' }, 'c');
        const frozen = await store.exportDocument({});
        await store.delete('stakeholder', 'xa-ngo', 1, 'c', { cascade: true });
        await store.update('flow', 'xa-f1', { ...strip(await store.get('flow', 'xa-f1')), basis: 'agreement' }, 1, 'c');
        expect(await store.exportDocument({})).not.toEqual(frozen);
        const round = await store.getRound(summary.id);
        expect(round.document).toEqual(frozen);
        expect(round.country).toBeNull();
        expect(round.counts.stakeholders).toBe(5);
      });

      test('when rounds are listed, then newest first; with a country, its own and the region rounds only', async () => {
        await seeded();
        const a = await store.freezeRound({ name: 'a', country: 'XA' }, 'c');
        const region = await store.freezeRound({ name: 'region' }, 'c');
        const b = await store.freezeRound({ name: 'b', country: 'XB' }, 'c');
        const c = await store.freezeRound({ name: 'c', country: 'XA' }, 'c');
        expect((await store.listRounds()).map((r) => r.id)).toEqual([c.id, b.id, region.id, a.id]);
        expect((await store.listRounds('XA')).map((r) => r.id)).toEqual([c.id, region.id, a.id]);
        expect((await store.listRounds('XA'))[0]).toEqual(c);
        expect(new Set([a.id, region.id, b.id, c.id]).size).toBe(4);
      });

      test('when a name is frozen twice in one scope, then 409 already_exists, also in another case; other scopes may reuse it', async () => {
        await seeded();
        await store.freezeRound({ name: 'Baseline', country: 'XA' }, 'c');
        const err = await store.freezeRound({ name: 'baseline', country: 'XA' }, 'c').catch((e) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err.code).toBe('already_exists');
        await store.freezeRound({ name: 'Baseline', country: 'XB' }, 'c');
        await store.freezeRound({ name: 'Baseline' }, 'c');
        await expect(store.freezeRound({ name: 'BASELINE' }, 'c')).rejects.toMatchObject({ code: 'already_exists' });
        expect(await store.listRounds()).toHaveLength(3);
      });

      test('when a round is frozen with bad input or an unknown country, then it is refused and nothing is stored', async () => {
        await seeded();
        const err = await problemsOf(store.freezeRound({ name: '', country: 'XA' }, 'c'));
        expect(err.problems[0]).toMatchObject({ field: 'name' });
        await problemsOf(store.freezeRound({ name: 'x'.repeat(121) }, 'c'));
        await expect(store.freezeRound({ name: 'n', country: 'XC' }, 'c')).rejects.toBeInstanceOf(NotFoundError);
        expect(await store.listRounds()).toEqual([]);
      });

      test('when a round is deleted, then it is gone, its id is not reused, and both changes are audited', async () => {
        await seeded();
        const first = await store.freezeRound({ name: 'first', country: 'XA' }, 'maker');
        expect(await store.deleteRound(first.id, 'remover')).toEqual({ deleted: true });
        await expect(store.getRound(first.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(store.deleteRound(first.id, 'remover')).rejects.toBeInstanceOf(NotFoundError);
        const again = await store.freezeRound({ name: 'first', country: 'XA' }, 'maker');
        expect(again.id).not.toBe(first.id);
        const audit = await store.audit({ kind: 'round' });
        expect(audit.map((e) => `${e.action}:${e.key}:${e.actor}`)).toEqual([
          `create:${again.id}:maker`,
          `delete:${first.id}:remover`,
          `create:${first.id}:maker`,
        ]);
        expect(audit[1]).toMatchObject({ countries: ['XA'], before: { name: 'first', country: 'XA' }, after: null });
      });
    });

    accountsContract(() => store);

    describe('audit countries, filters and paging', () => {
      test('when a map is imported, then each entry names the countries of its item', async () => {
        await seeded();
        const entries = await store.audit({ actor: 'seed', limit: 1000 });
        const of = (kind: string, key: string) => entries.find((e) => e.kind === kind && e.key === key)?.countries;
        expect(of('country', 'XA')).toEqual(['XA']);
        expect(of('stakeholder', 'xb-ncp')).toEqual(['XB']);
        expect(of('network', 'xa-net')).toEqual(['XA']);
        expect(of('dataset', 'xa-d1')).toEqual(['XA']);
        expect(of('interview', 'xa-i1')).toEqual(['XA']);
        expect(of('reportingLine', 'xa-r1')).toEqual(['XA']);
        expect(of('flow', 'xa-f3')).toEqual(['XA', 'XB']);
        expect(of('membership', 'xb-police|xa-net')).toEqual(['XA', 'XB']);
        expect((await store.audit({ kind: 'indicator', limit: 1 }))[0]?.countries).toEqual([]);
      });

      test('when created, updated and deleted one by one, then the entries name the countries before and after', async () => {
        await seeded();
        await store.create(
          'flow',
          { id: 'xb-f9', from: 'xb-police', to: 'xa-ncp', indicators: [], basis: 'informal' },
          'one',
        );
        const f2 = await store.get('flow', 'xa-f2');
        await store.update('flow', 'xa-f2', { ...strip(f2), from: 'xb-ncp' }, f2.version, 'one');
        await store.delete('network', 'xa-net', 1, 'one', { cascade: true });
        const mine = await store.audit({ actor: 'one' });
        const byKey = Object.fromEntries(mine.map((e) => [`${e.action}:${e.key}`, e.countries]));
        expect(byKey).toEqual({
          'create:xb-f9': ['XA', 'XB'],
          'update:xa-f2': ['XA', 'XB'],
          'delete:xa-net': ['XA'],
          'delete:xa-police|xa-net': ['XA'],
          'delete:xa-ngo|xa-net': ['XA'],
          'delete:xb-police|xa-net': ['XA', 'XB'],
        });
      });

      test('when filtered by country, then only entries of that country come, newest first', async () => {
        await seeded();
        await store.update(
          'stakeholder',
          'xb-police',
          { ...strip(await store.get('stakeholder', 'xb-police')), name: 'XB Border Police' },
          1,
          'edit',
        );
        const xb = await store.audit({ country: 'XB', limit: 1000 });
        // The import wrote kinds in write order and items in document order; newest first reverses that.
        expect(xb.map((e) => `${e.action}:${e.kind}:${e.key}`)).toEqual([
          'update:stakeholder:xb-police',
          'create:membership:xb-police|xa-net',
          'create:flow:xb-f1',
          'create:flow:xa-f3',
          'create:stakeholder:xb-police',
          'create:stakeholder:xb-ncp',
          'create:country:XB',
        ]);
        expect(await store.audit({ country: 'XB', kind: 'flow' })).toHaveLength(2);
        expect(await store.audit({ country: 'XC' })).toEqual([]);
      });

      test('when the trail is read page by page, then nextBefore leads through every entry once and stops at the oldest', async () => {
        await seeded();
        const all = await store.audit({ country: 'XA', limit: 1000 });
        const seqs: number[] = [];
        let page = await store.auditPage({ country: 'XA', limit: 5 });
        seqs.push(...page.entries.map((e) => e.seq));
        while (page.nextBefore !== undefined) {
          expect(page.entries).toHaveLength(5);
          page = await store.auditPage({ country: 'XA', limit: 5, before: page.nextBefore });
          seqs.push(...page.entries.map((e) => e.seq));
        }
        expect(seqs).toEqual(all.map((e) => e.seq));
        expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
        expect((await store.auditPage({ country: 'XA', limit: all.length })).nextBefore).toBeUndefined();
      });

      test('when people changed things, then the actors are listed once each, sorted', async () => {
        await seeded();
        await store.freezeRound({ name: 'r' }, 'Zoe');
        await store.update(
          'network',
          'xa-net',
          { ...strip(await store.get('network', 'xa-net')), meets: 'monthly' },
          1,
          'anna',
        );
        expect(await store.auditActors()).toEqual(['Zoe', 'anna', 'seed', 'test']);
      });
    });

    describe('hostile text and ids are data, never code', () => {
      /** How many items of each kind, rounds and audit entries the store holds. */
      const census = async () => {
        const counts: Record<string, number> = {};
        for (const kind of Object.keys(KIND_SPECS) as Kind[]) counts[kind] = (await store.list(kind)).length;
        counts.round = (await store.listRounds()).length;
        counts.audit = (await store.audit({ limit: 10_000 })).length;
        return counts;
      };
      const bytes = (text: string) => Buffer.from(text, 'utf8').toString('hex');
      /** The region export without the items whose key starts with `prefix` (in any case). */
      const exportWithout = async (prefix: string) => {
        const doc = await store.exportDocument({});
        for (const kind of Object.keys(KIND_SPECS) as Kind[]) {
          const c = KIND_SPECS[kind].collection as keyof MapDocument;
          if (Array.isArray(doc[c]))
            (doc as unknown as Record<string, object[]>)[c] = (doc[c] as object[]).filter(
              (e) => !keyOf(kind, e).toLowerCase().startsWith(prefix),
            );
        }
        return doc;
      };

      test.each(HOSTILE_TEXTS)(
        'when %s is written into every free-text field of every kind, then each reads back byte for byte and nothing else changes',
        async (_label, text) => {
          await seeded();
          const before = await census();
          const exported = await exportWithout('xc');

          await store.create('country', { code: 'XC', name: text, euMember: false, cbssMember: false }, text);
          await store.create('theme', { code: 'XC_HOSTILE', name: text }, 'a');
          await store.create(
            'indicator',
            { code: 'XCH-01', name: text, themes: ['XC_HOSTILE'], description: text },
            'a',
          );
          await store.create(
            'stakeholder',
            { id: 'xc-s', name: text, country: 'XC', type: 'ngo', description: text, tags: [text] },
            'a',
          );
          await store.create('network', { id: 'xc-n', name: text, country: 'XC', kind: 'task_force' }, 'a');
          await store.create(
            'interview',
            { id: 'xc-i', date: '2026-01-15', stakeholder: 'xc-s', interviewer: text, round: text, notes: text },
            'a',
          );
          await store.create(
            'dataset',
            {
              id: 'xc-d',
              name: text,
              holder: 'xc-s',
              indicators: ['XCH-01'],
              granularity: 'aggregate',
              frequency: 'annual',
              legalBasis: text,
              notes: text,
            },
            'a',
          );
          await store.create(
            'flow',
            {
              id: 'xc-f',
              from: 'xc-s',
              to: 'xa-ncp',
              indicators: ['XCH-01'],
              basis: 'informal',
              evidence: ['xc-i'],
              note: text,
            },
            'a',
          );
          const round = await store.freezeRound({ name: text, country: 'XC', note: text }, 'a');

          const read = {
            country: (await store.get('country', 'XC')).name,
            theme: (await store.get('theme', 'XC_HOSTILE')).name,
            indicator: [
              (await store.get('indicator', 'XCH-01')).name,
              (await store.get('indicator', 'XCH-01')).description,
            ],
            stakeholder: [
              (await store.get('stakeholder', 'xc-s')).name,
              (await store.get('stakeholder', 'xc-s')).description,
              ...(await store.get('stakeholder', 'xc-s')).tags,
            ],
            network: (await store.get('network', 'xc-n')).name,
            interview: [
              (await store.get('interview', 'xc-i')).interviewer,
              (await store.get('interview', 'xc-i')).round,
              (await store.get('interview', 'xc-i')).notes,
            ],
            dataset: [
              (await store.get('dataset', 'xc-d')).name,
              (await store.get('dataset', 'xc-d')).legalBasis,
              (await store.get('dataset', 'xc-d')).notes,
            ],
            flow: (await store.get('flow', 'xc-f')).note,
            round: [(await store.getRound(round.id)).name, (await store.getRound(round.id)).note],
            actor: (await store.get('country', 'XC')).updatedBy,
          };
          const all = Object.values(read).flat();
          expect(all).toHaveLength(18);
          for (const value of all) expect(bytes(value ?? '')).toBe(bytes(text));
          const doc = await store.exportDocument({ country: 'XC' });
          expect(doc.stakeholders[0]).toMatchObject({ name: text, description: text, tags: [text] });
          expect(doc.flows.map((f) => f.note)).toEqual([text]);
          expect((await store.getRound(round.id)).document.interviews[0]).toMatchObject({
            interviewer: text,
            round: text,
            notes: text,
          });
          const [entry] = await store.audit({ kind: 'flow', key: 'xc-f' });
          expect(entry?.after).toMatchObject({ note: text });
          expect(await store.auditActors()).toContain(text);

          const after = await census();
          expect(after).toEqual({
            ...before,
            country: before.country! + 1,
            theme: before.theme! + 1,
            indicator: before.indicator! + 1,
            stakeholder: before.stakeholder! + 1,
            network: before.network! + 1,
            interview: before.interview! + 1,
            dataset: before.dataset! + 1,
            flow: before.flow! + 1,
            round: before.round! + 1,
            audit: before.audit! + 9,
          });
          expect(await exportWithout('xc')).toEqual(exported);
        },
      );

      test('when the hostile texts are exported and imported into another empty store, then that store holds them byte for byte', async () => {
        await seeded();
        const doc = smallMap();
        HOSTILE_TEXTS.forEach(([, text], i) => {
          doc.stakeholders.push({
            id: `xa-h${i}`,
            name: text,
            country: 'XA',
            type: 'ngo',
            level: 'local',
            ncp: false,
            description: text,
            tags: [text],
          });
          doc.flows.push({
            id: `xa-hf${i}`,
            from: `xa-h${i}`,
            to: 'xa-ncp',
            indicators: ['VIC-01'],
            basis: 'informal',
            status: 'active',
            personDependent: false,
            evidence: [],
            confidence: 'reported',
            note: text,
          });
        });
        await store.importDocument(doc, { mode: 'merge', actor: 'x' });
        const exported = await store.exportDocument({});
        const other = await factory.create();
        try {
          await other.ensureCatalogue(catalogue, 'test');
          await other.importDocument(JSON.parse(JSON.stringify(exported)), { mode: 'merge', actor: 'x' });
          expect(await other.exportDocument({})).toEqual(exported);
          for (const [i, [, text]] of HOSTILE_TEXTS.entries()) {
            expect(bytes((await other.get('stakeholder', `xa-h${i}`)).name)).toBe(bytes(text));
            expect(bytes((await other.get('flow', `xa-hf${i}`)).note ?? '')).toBe(bytes(text));
          }
        } finally {
          await other.close();
        }
      });

      test.each(Object.entries(INJECTIONS))(
        'when the %s injection is given as an id or a reference, then it is refused naming the field, reads find nothing and the graph is intact',
        async (_label, payload) => {
          await seeded();
          const before = await census();
          const exported = await store.exportDocument({});

          const asId = await problemsOf(
            store.create('stakeholder', { id: payload, name: 'x', country: 'XA', type: 'ngo' }, 'a'),
          );
          expect(asId.problems.map((p) => p.field)).toEqual(['id']);
          const asRef = await problemsOf(
            store.create(
              'flow',
              { id: 'xa-f9', from: payload, to: 'xa-ncp', indicators: ['VIC-01'], basis: 'informal' },
              'a',
            ),
          );
          expect(asRef.problems.map((p) => p.field)).toEqual(['from']);
          const asCountry = await problemsOf(
            store.create('network', { id: 'xa-n9', name: payload, country: payload, kind: 'task_force' }, 'a'),
          );
          expect(asCountry.problems.map((p) => p.field)).toEqual(['country']);
          await expect(store.get('stakeholder', payload)).rejects.toBeInstanceOf(NotFoundError);
          await expect(store.get('membership', `${payload}|xa-net`)).rejects.toBeInstanceOf(NotFoundError);
          await expect(store.delete('flow', payload, 1, 'a', { cascade: true })).rejects.toBeInstanceOf(NotFoundError);
          await expect(
            store.update('stakeholder', payload, { name: 'x', country: 'XA', type: 'ngo' }, 1, 'a'),
          ).rejects.toBeInstanceOf(ValidationError);
          await expect(store.getRound(payload)).rejects.toBeInstanceOf(NotFoundError);
          expect(await store.audit({ key: payload, actor: payload, country: payload })).toEqual([]);

          expect(await census()).toEqual(before);
          expect(await store.exportDocument({})).toEqual(exported);
        },
      );

      test('when text holds an unpaired surrogate (not Unicode, which a store would rewrite), then every text field refuses it by name and nothing is written', async () => {
        await seeded();
        const before = await census();
        const lone = ['a\uD800b', 'x\uDFFF', '\uDBFF'];
        for (const bad of lone) {
          const cases: Array<[Kind, object, string]> = [
            ['country', { code: 'XC', name: bad, euMember: false, cbssMember: false }, 'name'],
            ['stakeholder', { id: 'xa-u', name: 'n', country: 'XA', type: 'ngo', description: bad }, 'description'],
            ['stakeholder', { id: 'xa-u', name: 'n', country: 'XA', type: 'ngo', tags: [bad] }, 'tags'],
            [
              'dataset',
              {
                id: 'xa-u',
                name: 'n',
                holder: 'xa-ngo',
                indicators: [],
                granularity: 'case',
                frequency: 'annual',
                legalBasis: bad,
              },
              'legalBasis',
            ],
            [
              'flow',
              { id: 'xa-u', from: 'xa-ngo', to: 'xa-ncp', indicators: [], basis: 'informal', note: bad },
              'note',
            ],
            [
              'interview',
              { id: 'xa-u', date: '2026-01-15', stakeholder: 'xa-ngo', round: 'r', interviewer: bad },
              'interviewer',
            ],
            ['interview', { id: 'xa-u', date: '2026-01-15', stakeholder: 'xa-ngo', round: bad }, 'round'],
          ];
          for (const [kind, input, field] of cases) {
            const err = await problemsOf(store.create(kind, input, 'a'));
            expect([kind, err.problems.map((p) => p.field)]).toEqual([kind, [field]]);
            expect(err.problems[0]?.message).toMatch(/valid Unicode/);
          }
          const round = await problemsOf(store.freezeRound({ name: bad }, 'a'));
          expect(round.problems.map((p) => p.field)).toEqual(['name']);
          const doc = { ...smallMap(), networks: [{ ...smallMap().networks[0]!, name: bad }] };
          const imported = await problemsOf(store.importDocument(doc, { mode: 'merge', actor: 'a' }));
          expect(imported.problems).toEqual([
            expect.objectContaining({ kind: 'network', id: 'xa-net', field: 'name' }),
          ]);
        }
        expect(await census()).toEqual(before);
      });

      test('when ids are JavaScript property names (constructor, toString, prototype ...), then they are ordinary ids on every kind', async () => {
        await seeded();
        const names = ['constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf'];
        for (const id of names) await store.create('stakeholder', { id, name: id, country: 'XA', type: 'ngo' }, 'a');
        await store.create('network', { id: 'constructor', name: 'n', country: 'XA', kind: 'working_group' }, 'a');
        await store.create('membership', { stakeholder: 'toString', network: 'constructor' }, 'a');
        await store.create(
          'flow',
          { id: 'valueOf', from: 'constructor', to: 'prototype', indicators: ['VIC-01'], basis: 'informal' },
          'a',
        );

        expect((await store.list('stakeholder', { country: 'XA' })).map((s) => s.id)).toEqual(
          expect.arrayContaining(names),
        );
        expect(await store.get('membership', 'toString|constructor')).toMatchObject({ role: 'member', version: 1 });
        expect(await store.get('flow', 'valueOf')).toMatchObject({ from: 'constructor', to: 'prototype' });
        const removed = await store.delete('stakeholder', 'constructor', 1, 'a', { cascade: true });
        expect(removed.deleted).toEqual({ stakeholder: 1, flow: 1 });
        expect((await store.list('stakeholder')).map((s) => s.id)).not.toContain('constructor');
        expect(await store.get('network', 'constructor')).toMatchObject({ name: 'n' });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(typeof {}.toString).toBe('function');
      });

      test('when texts are exactly at their schema maximum, then they are stored whole; one character more is refused naming the field', async () => {
        await seeded();
        // Maxima count code points, as zod 4 does: a text of emoji at the maximum is twice as long in UTF-16 units.
        const fill = (n: number) => `${'🙂'.repeat(n - 2)}\u0000é`;
        const max = {
          name: fill(300),
          description: fill(10_000),
          tag: fill(60),
          interviewer: fill(200),
          round: fill(60),
          roundName: fill(120),
          roundNote: fill(2000),
          legalBasis: fill(500),
        };
        for (const [field, value] of Object.entries(max))
          expect([field, [...value].length]).toEqual([
            field,
            {
              name: 300,
              description: 10_000,
              tag: 60,
              interviewer: 200,
              round: 60,
              roundName: 120,
              roundNote: 2000,
              legalBasis: 500,
            }[field],
          ]);

        await store.create(
          'stakeholder',
          { id: 'xa-long', name: max.name, country: 'XA', type: 'ngo', description: max.description, tags: [max.tag] },
          'a',
        );
        await store.create(
          'interview',
          {
            id: 'xa-long-i',
            date: '2026-01-15',
            stakeholder: 'xa-long',
            interviewer: max.interviewer,
            round: max.round,
            notes: max.description,
          },
          'a',
        );
        await store.create(
          'dataset',
          {
            id: 'xa-long-d',
            name: max.name,
            holder: 'xa-long',
            indicators: ['VIC-01'],
            granularity: 'case',
            frequency: 'annual',
            legalBasis: max.legalBasis,
            notes: max.description,
          },
          'a',
        );
        const round = await store.freezeRound({ name: max.roundName, note: max.roundNote }, 'a');
        const s = await store.get('stakeholder', 'xa-long');
        expect([s.name, s.description ?? '', s.tags[0] ?? ''].map(bytes)).toEqual(
          [max.name, max.description, max.tag].map(bytes),
        );
        const i = await store.get('interview', 'xa-long-i');
        expect([i.interviewer, i.round, i.notes].map((v) => bytes(v ?? ''))).toEqual(
          [max.interviewer, max.round, max.description].map(bytes),
        );
        expect(bytes((await store.get('dataset', 'xa-long-d')).legalBasis ?? '')).toBe(bytes(max.legalBasis));
        const r = await store.getRound(round.id);
        expect([r.name, r.note ?? ''].map(bytes)).toEqual([max.roundName, max.roundNote].map(bytes));

        const before = await census();
        const over = async (kind: Kind, input: object, field: string) => {
          const err = await problemsOf(store.create(kind, input, 'a'));
          expect(err.problems.map((p) => p.field)).toEqual([field]);
        };
        await over('stakeholder', { id: 'xa-l2', name: `${max.name}x`, country: 'XA', type: 'ngo' }, 'name');
        await over(
          'stakeholder',
          { id: 'xa-l2', name: 'n', country: 'XA', type: 'ngo', description: `${max.description}x` },
          'description',
        );
        await over(
          'stakeholder',
          { id: 'xa-l2', name: 'n', country: 'XA', type: 'ngo', tags: [`${max.tag}x`] },
          'tags',
        );
        await over(
          'interview',
          { id: 'xa-l2', date: '2026-01-15', stakeholder: 'xa-long', interviewer: `${max.interviewer}x`, round: 'r' },
          'interviewer',
        );
        await over(
          'interview',
          { id: 'xa-l2', date: '2026-01-15', stakeholder: 'xa-long', round: `${max.round}x` },
          'round',
        );
        await over(
          'dataset',
          {
            id: 'xa-l2',
            name: 'n',
            holder: 'xa-long',
            indicators: [],
            granularity: 'case',
            frequency: 'annual',
            legalBasis: `${max.legalBasis}x`,
          },
          'legalBasis',
        );
        await over('stakeholder', { id: `x${'a'.repeat(128)}`, name: 'n', country: 'XA', type: 'ngo' }, 'id');
        for (const input of [{ name: `${max.roundName}x` }, { name: 'n', note: `${max.roundNote}x` }]) {
          const err = await problemsOf(store.freezeRound(input, 'a'));
          expect(err.problems).toHaveLength(1);
        }
        expect(await census()).toEqual(before);
      });
    });
  });
}

function strip(row: object): Record<string, unknown> {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = row as Record<string, unknown>;
  return rest;
}

/** Accounts and sessions: not map data, audited without the hash, at least one administrator, sessions end with their account. */
function accountsContract(current: () => GraphStore): void {
  describe('accounts and sessions', () => {
    const HASH = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo';
    const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes)).toISOString();
    const session = (idHash: string, username: string, expiresIn = 600, idleIn = 120) => ({
      idHash,
      username,
      createdAt: at(0),
      expiresAt: at(expiresIn),
      idleExpiresAt: at(idleIn),
    });
    const admin = (username = 'root') =>
      current().accounts.createAccount({ username, role: 'admin', countries: [], passwordHash: HASH }, 'setup');

    test('when accounts are created, then the list has them by name without hashes, and one read gives the hash', async () => {
      const store = current();
      await admin();
      const ncp = await store.accounts.createAccount(
        { username: 'se.ncp', role: 'ncp', countries: ['SE'], displayName: 'SE NCP', passwordHash: HASH },
        'root',
      );
      expect(ncp).toMatchObject({ username: 'se.ncp', role: 'ncp', countries: ['SE'], displayName: 'SE NCP' });
      expect(ncp).not.toHaveProperty('passwordHash');
      expect(Date.parse(ncp.createdAt)).not.toBeNaN();
      const list = await store.accounts.listAccounts();
      expect(list.map((a) => a.username)).toEqual(['root', 'se.ncp']);
      expect(JSON.stringify(list)).not.toContain(HASH);
      expect(await store.accounts.getAccount('se.ncp')).toMatchObject({
        username: 'se.ncp',
        passwordHash: HASH,
        countries: ['SE'],
      });
      expect(await store.accounts.getAccount('nobody')).toBeUndefined();
      await expect(admin()).rejects.toMatchObject({ code: 'already_exists', status: 409 });
    });

    test('when an ncp has no country or another role has some, then the account is refused naming countries', async () => {
      const store = current();
      const noCountry = await problemsOf(
        store.accounts.createAccount({ username: 'ncp1', role: 'ncp', countries: [], passwordHash: HASH }, 'a'),
      );
      expect(noCountry.problems.map((p) => p.field)).toEqual(['countries']);
      const editor = await problemsOf(
        store.accounts.createAccount({ username: 'ed1', role: 'editor', countries: ['SE'], passwordHash: HASH }, 'a'),
      );
      expect(editor.problems.map((p) => p.field)).toEqual(['countries']);
      const badName = await problemsOf(
        store.accounts.createAccount({ username: 'Bad Name', role: 'viewer', countries: [], passwordHash: HASH }, 'a'),
      );
      expect(badName.problems.map((p) => p.field)).toEqual(['username']);
      expect(await store.accounts.listAccounts()).toEqual([]);
    });

    test('when accounts change, then the audit trail has kind account, the actor, and never the hash', async () => {
      const store = current();
      await admin();
      await store.accounts.createAccount(
        { username: 'viewer1', role: 'viewer', countries: [], passwordHash: HASH },
        'root',
      );
      const changed = await store.accounts.updateAccount(
        'viewer1',
        { role: 'ncp', countries: ['NO'], displayName: 'Kari' },
        'root',
      );
      expect(changed).toMatchObject({ role: 'ncp', countries: ['NO'], displayName: 'Kari' });
      await store.accounts.updateAccount(
        'viewer1',
        { displayName: null, passwordHash: 'scrypt$1024$8$1$b3RoZXJzYWx0$b3RoZXJoYXNo' },
        'root',
      );
      expect((await store.accounts.getAccount('viewer1'))?.displayName).toBeUndefined();
      await store.accounts.deleteAccount('viewer1', 'root');
      const entries = await store.audit({ kind: 'account' as never, limit: 100 });
      expect(entries.map((e) => `${e.action}:${e.key}:${e.actor}`)).toEqual([
        'delete:viewer1:root',
        'update:viewer1:root',
        'update:viewer1:root',
        'create:viewer1:root',
        'create:root:setup',
      ]);
      expect(entries[2]).toMatchObject({
        before: { role: 'viewer', countries: [] },
        after: { role: 'ncp', countries: ['NO'] },
        countries: [],
      });
      expect(entries[1]!.after).toMatchObject({ passwordChanged: true });
      expect(JSON.stringify(entries)).not.toMatch(/scrypt|passwordHash/);
    });

    test('when accounts change, then the map, its version, its export and the rounds do not', async () => {
      const store = current();
      const version = await store.storeVersion();
      const doc = await store.exportDocument({});
      await admin();
      await store.accounts.createAccount(
        { username: 'editor1', role: 'editor', countries: [], passwordHash: HASH },
        'root',
      );
      await store.accounts.updateAccount('editor1', { role: 'viewer' }, 'root');
      await store.accounts.createSession(session('h1', 'editor1'));
      await store.accounts.deleteAccount('editor1', 'root');
      expect(await store.storeVersion()).toBe(version);
      expect(await store.exportDocument({})).toEqual(doc);
      const round = await store.freezeRound({ name: 'with accounts' }, 'maker');
      expect(JSON.stringify((await store.getRound(round.id)).document)).not.toMatch(
        /scrypt|passwordHash|"editor1"|"root"/,
      );
    });

    test('when the only administrator would be removed or demoted, then 409 last_admin; with a second one, it works', async () => {
      const store = current();
      await admin('first');
      await expect(store.accounts.deleteAccount('first', 'first')).rejects.toMatchObject({
        status: 409,
        code: 'last_admin',
      });
      await expect(store.accounts.updateAccount('first', { role: 'editor' }, 'first')).rejects.toMatchObject({
        code: 'last_admin',
      });
      await admin('second');
      await store.accounts.updateAccount('first', { role: 'editor' }, 'second');
      await expect(store.accounts.deleteAccount('second', 'second')).rejects.toMatchObject({ code: 'last_admin' });
      expect((await store.accounts.listAccounts()).map((a) => `${a.username}:${a.role}`)).toEqual([
        'first:editor',
        'second:admin',
      ]);
      await expect(store.accounts.updateAccount('ghost', { role: 'viewer' }, 'second')).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    test('when sessions are created, read, touched and ended, then each step shows; none exists for an unknown account', async () => {
      const store = current();
      await admin();
      await store.accounts.createSession(session('h1', 'root'));
      await store.accounts.createSession(session('h2', 'root'));
      const found = await store.accounts.getSession('h1');
      expect(found?.session).toEqual(session('h1', 'root'));
      expect(found?.account).toMatchObject({ username: 'root', role: 'admin' });
      expect(found?.account).not.toHaveProperty('passwordHash');
      await store.accounts.touchSession('h1', at(300));
      expect((await store.accounts.getSession('h1'))?.session.idleExpiresAt).toBe(at(300));
      await store.accounts.deleteSession('h1');
      expect(await store.accounts.getSession('h1')).toBeUndefined();
      expect(await store.accounts.getSession('h2')).toBeDefined();
      await expect(store.accounts.createSession(session('h3', 'nobody'))).rejects.toBeInstanceOf(NotFoundError);
    });

    test("when an account's sessions are ended but one, or the account is removed, then those sessions are gone", async () => {
      const store = current();
      await admin();
      await store.accounts.createAccount(
        { username: 'editor1', role: 'editor', countries: [], passwordHash: HASH },
        'root',
      );
      for (const id of ['a', 'b', 'c']) await store.accounts.createSession(session(id, 'editor1'));
      await store.accounts.createSession(session('r', 'root'));
      expect(await store.accounts.endSessions('editor1', 'b')).toBe(2);
      expect(await store.accounts.getSession('a')).toBeUndefined();
      expect(await store.accounts.getSession('b')).toBeDefined();
      await store.accounts.updateAccount('editor1', { passwordHash: `${HASH}x` }, 'root', { endSessions: {} });
      expect(await store.accounts.getSession('b')).toBeUndefined();
      await store.accounts.createSession(session('d', 'editor1'));
      await store.accounts.deleteAccount('editor1', 'root');
      expect(await store.accounts.getSession('d')).toBeUndefined();
      expect(await store.accounts.getSession('r')).toBeDefined();
    });

    test("when a session ends (signed out, its account's other sessions ended, its password reset, its account removed), then its tabs' presence goes with it and the others' stay", async () => {
      const store = current();
      await admin();
      await store.accounts.createAccount(
        { username: 'editor1', role: 'editor', countries: [], passwordHash: HASH },
        'root',
      );
      const here = (idHash: string, username: string, tab: string) =>
        store.accounts.putPresence(
          {
            idHash,
            tab,
            username,
            role: username === 'root' ? 'admin' : 'editor',
            country: 'XA',
            view: 'map',
            editingKind: null,
            editingKey: null,
            expiresAt: at(600),
          },
          at(0),
        );
      for (const id of ['a', 'b', 'c', 'd']) {
        await store.accounts.createSession(session(id, 'editor1'));
        await here(id, 'editor1', `tab-${id}-1`);
      }
      await here('a', 'editor1', 'tab-a-2');
      await store.accounts.createSession(session('r', 'root'));
      await here('r', 'root', 'tab-r-1');
      const tabs = async () => (await store.accounts.listPresence(at(1))).map((p) => p.tab).sort();
      expect(await tabs()).toEqual(['tab-a-1', 'tab-a-2', 'tab-b-1', 'tab-c-1', 'tab-d-1', 'tab-r-1']);

      await store.accounts.deleteSession('a');
      expect(await tabs()).toEqual(['tab-b-1', 'tab-c-1', 'tab-d-1', 'tab-r-1']);
      await store.accounts.endSessions('editor1', 'b');
      expect(await tabs()).toEqual(['tab-b-1', 'tab-r-1']);
      await store.accounts.updateAccount('editor1', { passwordHash: `${HASH}x` }, 'root', { endSessions: {} });
      expect(await tabs()).toEqual(['tab-r-1']);
      await store.accounts.createSession(session('e', 'editor1'));
      await here('e', 'editor1', 'tab-e-1');
      await store.accounts.deleteAccount('editor1', 'root');
      expect(await tabs()).toEqual(['tab-r-1']);
    });

    test('when expired sessions are purged, then those past either expiry go and the others stay', async () => {
      const store = current();
      await admin();
      await store.accounts.createSession(session('live', 'root', 600, 120));
      await store.accounts.createSession(session('idle', 'root', 600, 30));
      await store.accounts.createSession(session('old', 'root', 45, 120));
      expect(await store.accounts.purgeSessions(at(60))).toBe(2);
      expect(await store.accounts.getSession('live')).toBeDefined();
      expect(await store.accounts.getSession('idle')).toBeUndefined();
      expect(await store.accounts.getSession('old')).toBeUndefined();
      expect(await store.accounts.purgeSessions(at(60))).toBe(0);
    });

    test('when a sign-in is recorded, then lastLoginAt is set without an audit entry', async () => {
      const store = current();
      await admin();
      const before = (await store.audit({ limit: 1000 })).length;
      await store.accounts.recordLogin('root', at(5));
      expect((await store.accounts.listAccounts())[0]).toMatchObject({ username: 'root', lastLoginAt: at(5) });
      expect(await store.audit({ limit: 1000 })).toHaveLength(before);
    });
  });
}
