// The GraphStore contract: one suite, run against every adapter (SQLite always, Neo4j when reachable).
import { ConflictError, NotFoundError, ValidationError } from '../../server/errors';
import { MapDocument, KIND_SPECS, keyOf, type Kind } from '../../server/model';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from '../fixtures/catalogue';
import { smallMap } from '../fixtures/small-map';

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
        const s = await store.create('stakeholder', { id: 'xa-p', name: 'Police', country: 'XA', type: 'police' }, 'alice');
        expect(s).toMatchObject({ id: 'xa-p', version: 1, updatedBy: 'alice', level: 'national', ncp: false, tags: [] });
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
        await expect(store.create('stakeholder', { id: 'xa-ngo', name: 'x', country: 'XA', type: 'ngo' }, 'a'))
          .rejects.toMatchObject({ code: 'already_exists' });
      });

      test('when an unknown id is read, then NotFound', async () => {
        await expect(store.get('flow', 'nope')).rejects.toBeInstanceOf(NotFoundError);
      });

      test('when input has a wrong type, an unknown field and an unknown enum value, then each field is named', async () => {
        await seeded();
        const err = await problemsOf(store.create('flow', {
          id: 'xa-f9', from: 'xa-ngo', to: 'xa-ncp', indicators: ['VIC-01'], basis: 'handshake', latencyDays: 'soon', colour: 'red',
        }, 'a'));
        const fields = err.problems.map((p) => p.field).sort();
        expect(fields).toEqual(['basis', 'colour', 'latencyDays']);
        expect(err.problems.find((p) => p.field === 'colour')).toMatchObject({ id: 'xa-f9', message: 'unknown field' });
      });

      test('when a flow refers to an unknown stakeholder and indicator, then both fields are named', async () => {
        await seeded();
        const err = await problemsOf(store.create('flow', { id: 'xa-f9', from: 'ghost', to: 'xa-ncp', indicators: ['ZZZ-99'], basis: 'informal' }, 'a'));
        expect(err.problems.map((p) => p.field).sort()).toEqual(['from', 'indicators']);
        await expect(store.get('flow', 'xa-f9')).rejects.toBeInstanceOf(NotFoundError);
      });

      test('when updated with the current version, then the version goes up and the audit has before and after', async () => {
        await seeded();
        const before = await store.get('stakeholder', 'xa-ngo');
        const after = await store.update('stakeholder', 'xa-ngo', { ...strip(before), name: 'XA Shelter NGO' }, before.version, 'bob');
        expect(after).toMatchObject({ name: 'XA Shelter NGO', version: 2, updatedBy: 'bob' });
        const [entry] = await store.audit({ kind: 'stakeholder', key: 'xa-ngo', limit: 1 });
        expect(entry).toMatchObject({ action: 'update', actor: 'bob', before: { name: 'XA NGO' }, after: { name: 'XA Shelter NGO' } });
      });

      test('when updated with a stale version, then 409 carries the current item and nothing changes', async () => {
        await seeded();
        const s = await store.get('stakeholder', 'xa-ngo');
        await store.update('stakeholder', 'xa-ngo', { ...strip(s), name: 'First' }, 1, 'a');
        const err = await store.update('stakeholder', 'xa-ngo', { ...strip(s), name: 'Second' }, 1, 'b').catch((e) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err.details.current).toMatchObject({ name: 'First', version: 2 });
        expect((await store.get('stakeholder', 'xa-ngo')).name).toBe('First');
      });

      test('when an update tries to change the id, then it is refused', async () => {
        await seeded();
        const err = await problemsOf(store.update('stakeholder', 'xa-ngo', { id: 'other', name: 'x', country: 'XA', type: 'ngo' }, 1, 'a'));
        expect(err.problems[0]?.field).toBe('id');
      });

      test('when a second NCP is created in a country, then it is refused naming ncp', async () => {
        await seeded();
        const err = await problemsOf(store.create('stakeholder', { id: 'xa-ncp2', name: 'x', country: 'XA', type: 'ministry', ncp: true }, 'a'));
        expect(err.problems[0]).toMatchObject({ field: 'ncp', id: 'xa-ncp2' });
        const moved = await problemsOf(store.update('stakeholder', 'xa-ngo', { name: 'x', country: 'XA', type: 'ngo', ncp: true }, 1, 'a'));
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
        expect(deletes.filter((e) => e.action === 'delete').map((e) => e.key).sort()).toEqual(['xa-f1', 'xa-i1', 'xa-ncp', 'xa-r1']);
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
        expect((await store.list('stakeholder', { country: 'XB' })).map((s) => s.id).sort()).toEqual(['xb-ncp', 'xb-police']);
      });

      test('when many creates run at once, then all are stored and the store version counts each', async () => {
        await store.create('country', { code: 'XC', name: 'C', euMember: false, cbssMember: false }, 'a');
        const v0 = await store.storeVersion();
        await Promise.all(Array.from({ length: 20 }, (_, i) =>
          store.create('stakeholder', { id: `xc-s${i}`, name: `S${i}`, country: 'XC', type: 'ngo' }, 'a')));
        expect(await store.list('stakeholder', { country: 'XC' })).toHaveLength(20);
        expect(await store.storeVersion()).toBe(v0 + 20);
      });
    });

    describe('import and export', () => {
      test('when a map is imported into an empty store and exported, then the document comes back unchanged', async () => {
        const result = await store.importDocument(smallMap(), { mode: 'merge', actor: 'seed' });
        expect(result.created).toMatchObject({ country: 2, stakeholder: 5, dataset: 2, flow: 4, reportingLine: 1, network: 1, membership: 3, interview: 1 });
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
        doc.flows.push({ ...doc.flows[0]!, id: 'xa-f9', from: 'nobody', indicators: ['NOPE-01'], evidence: ['no-interview'] });
        doc.stakeholders.push({ id: 'xa-ncp-2', name: 'second', country: 'XA', type: 'ministry', level: 'national', ncp: true, tags: [] });
        doc.datasets[0]!.name = 'changed, but must not be written';
        const err = await problemsOf(store.importDocument(doc, { mode: 'merge', actor: 'x' }));
        const found = err.problems.map((p) => `${p.id}:${p.field}`).sort();
        expect(found).toEqual(['xa-f9:evidence', 'xa-f9:from', 'xa-f9:indicators', 'xa-ncp-2:ncp', 'xa-police:id'].sort());
        expect(await store.exportDocument({})).toEqual(before);
        expect(await store.storeVersion()).toBe(v);
      });

      test('when a document has bad shapes, then each problem names the item id and the field', async () => {
        const err = await problemsOf(store.importDocument({
          formatVersion: 1,
          countries: [{ code: 'XA', name: 'A', euMember: 'yes', cbssMember: true }],
          stakeholders: [{ id: 'xa-a', name: 'A', country: 'XA', type: 'wizard', extra: 1 }],
          flows: [{ id: 'xa-f', from: 'xa-a', to: 'xa-a', indicators: [], basis: 'statutory', status: 'lost' }],
        }, { mode: 'merge', actor: 'x' }));
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
        expect((await store.list('stakeholder')).map((s) => s.id).sort()).toEqual(['xa-ncp', 'xa-police', 'xb-ncp', 'xb-police']);
        expect((await store.list('flow')).map((f) => f.id).sort()).toEqual(['xa-f1', 'xb-f1']);
        expect(normalise(await store.exportDocument({ country: 'XA' }))).toEqual(normalise(replacement));
      });

      test('when a replace would leave stored items pointing at removed ones, then it is refused and nothing changes', async () => {
        await seeded();
        await store.create('flow', { id: 'xb-f2', from: 'xb-police', to: 'xb-ncp', indicators: [], basis: 'informal', evidence: ['xa-i1'] }, 'a');
        const before = await store.exportDocument({});
        const doc = { ...smallMap(), countries: [smallMap().countries[0]!], interviews: [], flows: smallMap().flows.map((f) => ({ ...f, evidence: [] })) };
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

    describe('mapping rounds', () => {
      test('when a country round is frozen, then it holds the country export of that moment with its counts', async () => {
        await seeded();
        const expected = await store.exportDocument({ country: 'XA' });
        const version = await store.storeVersion();
        const summary = await store.freezeRound({ name: ' 2010 baseline ', country: 'XA', note: 'first visit' }, 'consultant');
        expect(summary).toMatchObject({
          name: '2010 baseline', country: 'XA', note: 'first visit', createdBy: 'consultant', storeVersion: version,
          counts: { stakeholders: 3, datasets: 2, flows: 3, reportingLines: 1, networks: 1, memberships: 3, interviews: 1 },
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
        expect(audit.map((e) => `${e.action}:${e.key}:${e.actor}`)).toEqual([`create:${again.id}:maker`, `delete:${first.id}:remover`, `create:${first.id}:maker`]);
        expect(audit[1]).toMatchObject({ countries: ['XA'], before: { name: 'first', country: 'XA' }, after: null });
      });
    });

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
        await store.create('flow', { id: 'xb-f9', from: 'xb-police', to: 'xa-ncp', indicators: [], basis: 'informal' }, 'one');
        const f2 = await store.get('flow', 'xa-f2');
        await store.update('flow', 'xa-f2', { ...strip(f2), from: 'xb-ncp' }, f2.version, 'one');
        await store.delete('network', 'xa-net', 1, 'one', { cascade: true });
        const mine = await store.audit({ actor: 'one' });
        const byKey = Object.fromEntries(mine.map((e) => [`${e.action}:${e.key}`, e.countries]));
        expect(byKey).toEqual({
          'create:xb-f9': ['XA', 'XB'], 'update:xa-f2': ['XA', 'XB'], 'delete:xa-net': ['XA'],
          'delete:xa-police|xa-net': ['XA'], 'delete:xa-ngo|xa-net': ['XA'], 'delete:xb-police|xa-net': ['XA', 'XB'],
        });
      });

      test('when filtered by country, then only entries of that country come, newest first', async () => {
        await seeded();
        await store.update('stakeholder', 'xb-police', { ...strip(await store.get('stakeholder', 'xb-police')), name: 'XB Border Police' }, 1, 'edit');
        const xb = await store.audit({ country: 'XB', limit: 1000 });
        // The import wrote kinds in write order and items in document order; newest first reverses that.
        expect(xb.map((e) => `${e.action}:${e.kind}:${e.key}`)).toEqual([
          'update:stakeholder:xb-police', 'create:membership:xb-police|xa-net', 'create:flow:xb-f1', 'create:flow:xa-f3',
          'create:stakeholder:xb-police', 'create:stakeholder:xb-ncp', 'create:country:XB',
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
        await store.update('network', 'xa-net', { ...strip(await store.get('network', 'xa-net')), meets: 'monthly' }, 1, 'anna');
        expect(await store.auditActors()).toEqual(['Zoe', 'anna', 'seed', 'test']);
      });
    });
  });
}

function strip(row: object): Record<string, unknown> {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = row as Record<string, unknown>;
  return rest;
}
