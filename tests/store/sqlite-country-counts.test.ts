// The embedded store's country list reads its flow counts from flow_country_pairs (migration 7), kept by triggers and
// the flow upsert in the write transactions. After every write of a mixed sequence (creates, updates that move a
// flow's ends or a stakeholder to another country, self-loops, deletes with cascades, merge and replace imports, a
// refused import, a transaction that fails half-way) the fast answer equals a recount from every item, and so does
// the table itself; migration 7 fills the table of a store written before it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ValidationError } from '../../server/errors';
import type { MapDocument, Stored } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import { stripMeta } from '../../server/model/document-rules';
import type { GraphStore } from '../../server/store/port';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { syntheticRegion } from '../perf/synthetic';
import { mulberry32 } from '../support/random';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-country-counts-'));
  file = path.join(dir, 'store.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Flows per pair of their ends' countries ('' for an end that does not exist), counted from every item. */
function pairsFrom(stakeholders: ReadonlyArray<Stored<'stakeholder'>>, flows: ReadonlyArray<Stored<'flow'>>): string[] {
  const countryOf = new Map(stakeholders.map((s) => [s.id, s.country]));
  const pairs = new Map<string, number>();
  for (const f of flows) {
    const pair = `${countryOf.get(f.from) ?? ''}>${countryOf.get(f.to) ?? ''}`;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return [...pairs].map(([pair, n]) => `${pair}:${n}`).sort();
}

/** The table as stored (pairs left at 0 are not counted). */
function pairsInTable(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT a, b, n FROM flow_country_pairs WHERE n <> 0').all() as Array<{
        a: string;
        b: string;
        n: number;
      }>
    )
      .map((r) => `${r.a}>${r.b}:${r.n}`)
      .sort();
  } finally {
    db.close();
  }
}

/** The country list and the table equal a recount from every item. */
async function expectExact(store: GraphStore, step: string): Promise<void> {
  const { items } = await store.listMany(['country', 'stakeholder', 'flow']);
  const countryOf = new Map(items.stakeholder.map((s) => [s.id, s.country]));
  const expected = items.country.map((row) => {
    const own = items.stakeholder.filter((s) => s.country === row.code);
    return {
      country: row,
      ncp: own.find((s) => s.ncp)?.id ?? null,
      stakeholders: own.length,
      flows: items.flow.filter((f) => countryOf.get(f.from) === row.code || countryOf.get(f.to) === row.code).length,
    };
  });
  expect({ step, counts: (await store.countryCounts()).countries }).toEqual({ step, counts: expected });
  expect({ step, pairs: pairsInTable() }).toEqual({ step, pairs: pairsFrom(items.stakeholder, items.flow) });
}

async function openStore(): Promise<{ store: GraphStore; adapter: SqliteAdapter }> {
  const adapter = new SqliteAdapter(file);
  const store = new CoreGraphStore(adapter);
  await store.init();
  await store.ensureCatalogue(catalogue, 'test');
  return { store, adapter };
}

const flow = (id: string, from: string, to: string) => ({ id, from, to, indicators: ['VIC-01'], basis: 'informal' });
/** A flow as the store keeps it (its defaults and stamp), to write below the store. */
const storedFlow = (f: ReturnType<typeof flow>) =>
  ({
    ...f,
    status: 'active',
    personDependent: false,
    evidence: [],
    confidence: 'reported',
    version: 1,
    updatedAt: 'now',
    updatedBy: 't',
  }) as Stored<'flow'>;

test('when flows and stakeholders are written in every way, then the country list equals a recount after each write', async () => {
  const { store, adapter } = await openStore();
  try {
    await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
    await expectExact(store, 'seed imported');
    await store.importDocument(syntheticRegion({ countries: 3, stakeholdersPerCountry: 30, seed: 3 }), {
      mode: 'merge',
      actor: 't',
    });
    await expectExact(store, 'region imported');

    await store.create('flow', flow('t-cross', 'xa-ngo', 'xb-ncp'), 't');
    await store.create('flow', flow('t-loop', 'xa-ngo', 'xa-ngo'), 't');
    await expectExact(store, 'cross-border flow and self-loop created');

    const cross = await store.get('flow', 't-cross');
    await store.update('flow', 't-cross', { ...stripMeta(cross), to: 'xa-police' }, cross.version, 't');
    await expectExact(store, 'flow end moved to the same country');
    const loop = await store.get('flow', 't-loop');
    await store.update('flow', 't-loop', { ...stripMeta(loop), note: 'same ends' }, loop.version, 't');
    await expectExact(store, 'flow changed, same ends');

    const ngo = await store.get('stakeholder', 'xa-ngo');
    await store.update('stakeholder', 'xa-ngo', { ...stripMeta(ngo), country: 'XB' }, ngo.version, 't');
    await expectExact(store, 'stakeholder with a self-loop and flows both ways moved to another country');
    const police = await store.get('stakeholder', 'xb-police');
    await store.update('stakeholder', 'xb-police', { ...stripMeta(police), name: 'Renamed' }, police.version, 't');
    await expectExact(store, 'stakeholder renamed');

    const f1 = await store.get('flow', 'xa-f1');
    await store.delete('flow', 'xa-f1', f1.version, 't');
    await expectExact(store, 'flow deleted');
    const moved = await store.get('stakeholder', 'xa-ngo');
    await store.delete('stakeholder', 'xa-ngo', moved.version, 't', { cascade: true });
    await expectExact(store, 'stakeholder deleted with its flows');
    const xb = await store.get('country', 'XB');
    await store.delete('country', 'XB', xb.version, 't', { cascade: true });
    await expectExact(store, 'country deleted with its stakeholders and flows');

    // A refused import and a transaction failing after its writes leave the counts as they were.
    await expect(
      store.importDocument(
        { formatVersion: 1, flows: [flow('t-bad', 'xa-police', 'nobody')] },
        { mode: 'merge', actor: 't' },
      ),
    ).rejects.toThrow(ValidationError);
    await expect(
      adapter.write(async (tx) => {
        await tx.upsertMany('flow', [storedFlow(flow('t-half', 'xa-police', 'xa-ncp'))]);
        await tx.deleteMany('stakeholder', ['xa-ncp']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expectExact(store, 'refused import and failed transaction');
  } finally {
    await store.close();
  }
});

test('when merge and replace imports move, change and remove flows and stakeholders, then the country list equals a recount', async () => {
  const { store } = await openStore();
  try {
    const region = syntheticRegion({ countries: 3, stakeholdersPerCountry: 40, seed: 11 });
    await store.importDocument(region, { mode: 'merge', actor: 't' });
    await expectExact(store, 'region imported');
    const [xa, xb] = [region.countries[1]!.code, region.countries[2]!.code] as [string, string];
    const movable = region.stakeholders
      .filter((s) => s.country === xa && !s.ncp)
      .slice(0, 5)
      .map((s) => s.id);
    const changed: MapDocument = {
      ...region,
      stakeholders: region.stakeholders.map((s) => (movable.includes(s.id) ? { ...s, country: xb } : s)),
      flows: region.flows.map((f, i) => (i % 7 === 0 ? { ...f, to: f.from } : f)),
    };
    await store.importDocument(changed, { mode: 'merge', actor: 't' });
    await expectExact(store, 'merge moving stakeholders and flow ends');
    // Replace one country with its own export less one stakeholder (and what names it) and every third flow.
    const scoped = await store.exportDocument({ country: xb });
    const gone = scoped.stakeholders.find(
      (s) =>
        s.country === xb &&
        !s.ncp &&
        !scoped.interviews.some((i) => i.stakeholder === s.id) &&
        scoped.flows.some((f) => f.from === s.id || f.to === s.id),
    )!.id;
    const names = (item: object) => Object.values(item).includes(gone);
    const replaced: MapDocument = {
      ...scoped,
      stakeholders: scoped.stakeholders.filter((s) => s.id !== gone),
      flows: scoped.flows.filter((f, i) => !names(f) && i % 3 !== 0),
      datasets: scoped.datasets.filter((d) => !names(d)),
      reportingLines: scoped.reportingLines.filter((r) => !names(r)),
      memberships: scoped.memberships.filter((m) => !names(m)),
    };
    const result = await store.importDocument(replaced, { mode: 'replace', actor: 't' });
    expect(result.deleted).toMatchObject({ stakeholder: 1, flow: expect.any(Number) });
    await expectExact(store, 'replace of one country');
  } finally {
    await store.close();
  }
});

test('when imports write flows in several batches naming hundreds of stakeholders, some moved since by this or another connection, then the country list equals a recount', async () => {
  // Over 500 ends in a batch: the writes read every stakeholder's country in one scan and keep it for the batches that
  // follow in the transaction (9,408 flows: two batches), until a stakeholder is written or the transaction ends.
  const { store, adapter } = await openStore();
  const other = await openStore();
  try {
    const region = syntheticRegion({ countries: 3, stakeholdersPerCountry: 700, seed: 13 });
    expect(region.flows.length).toBeGreaterThan(8192);
    await store.importDocument(region, { mode: 'merge', actor: 't' });
    await expectExact(store, 'region imported in two flow batches');
    const [xa, xb] = [region.countries[1]!.code, region.countries[2]!.code] as [string, string];
    const movable = region.stakeholders.filter((s) => !s.ncp && s.country !== region.countries[0]!.code);
    const moved = (some: typeof movable, to: (s: (typeof movable)[number]) => string) =>
      some.map((s) => ({ ...s, country: to(s) }));
    const newFlows = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        flow(`${prefix}-${i}`, movable[(i * 7) % movable.length]!.id, movable[(i * 13 + 5) % movable.length]!.id),
      );
    // Another connection moves stakeholders; this one's next import (over 500 ends) must see where they are now.
    await other.store.importDocument(
      { formatVersion: 1, stakeholders: moved(movable.slice(0, 400), (s) => (s.country === xa ? xb : xa)) },
      { mode: 'merge', actor: 't' },
    );
    await store.importDocument({ formatVersion: 1, flows: newFlows('p1', 1500) }, { mode: 'merge', actor: 't' });
    await expectExact(store, 'flows imported after another connection moved stakeholders');
    // One import that moves stakeholders and then writes flows naming them.
    await store.importDocument(
      {
        formatVersion: 1,
        stakeholders: moved(movable.slice(400, 900), () => xb),
        flows: newFlows('p2', 1500),
      },
      { mode: 'merge', actor: 't' },
    );
    await expectExact(store, 'stakeholders moved and flows written in one import');
    // Below the store, in one transaction: flows, then stakeholders moved, then flows naming them.
    const stored = (await store.listMany(['stakeholder'])).items.stakeholder.filter((s) => !s.ncp);
    const rows = (prefix: string) => newFlows(prefix, 1200).map(storedFlow);
    await adapter.write(async (tx) => {
      await tx.upsertMany('flow', rows('p3'));
      await tx.upsertMany(
        'stakeholder',
        stored.slice(0, 600).map((s) => ({ ...s, country: s.country === xa ? xb : xa, version: s.version + 1 })),
      );
      await tx.upsertMany('flow', rows('p4'));
      await tx.bumpVersion();
    });
    await expectExact(store, 'flows, stakeholders moved and flows in one transaction');
  } finally {
    await other.store.close();
    await store.close();
  }
});

test('when random writes follow one another, then the country list equals a recount after each', async () => {
  const { store } = await openStore();
  const random = mulberry32(29);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  try {
    await store.importDocument(syntheticRegion({ countries: 3, stakeholdersPerCountry: 15, seed: 5 }), {
      mode: 'merge',
      actor: 't',
    });
    let next = 0;
    for (let step = 0; step < 60; step++) {
      const { items } = await store.listMany(['country', 'stakeholder', 'flow']);
      const op = pick([
        'create flow',
        'move flow',
        'move stakeholder',
        'delete flow',
        'delete stakeholder',
        'create stakeholder',
      ] as const);
      if (op === 'create flow') {
        await store.create('flow', flow(`r-${next++}`, pick(items.stakeholder).id, pick(items.stakeholder).id), 't');
      } else if (op === 'move flow' && items.flow.length) {
        const f = pick(items.flow);
        const ends = random() < 0.5 ? { from: pick(items.stakeholder).id } : { to: pick(items.stakeholder).id };
        await store.update('flow', f.id, { ...stripMeta(f), ...ends }, f.version, 't');
      } else if (op === 'move stakeholder') {
        const s = pick(items.stakeholder.filter((x) => !x.ncp));
        await store.update('stakeholder', s.id, { ...stripMeta(s), country: pick(items.country).code }, s.version, 't');
      } else if (op === 'delete flow' && items.flow.length) {
        const f = pick(items.flow);
        await store.delete('flow', f.id, f.version, 't');
      } else if (op === 'delete stakeholder') {
        const s = pick(items.stakeholder.filter((x) => !x.ncp));
        await store.delete('stakeholder', s.id, s.version, 't', { cascade: true });
      } else if (op === 'create stakeholder') {
        await store.create(
          'stakeholder',
          { id: `r-s${next++}`, name: 'New', country: pick(items.country).code, type: 'ngo' },
          't',
        );
      }
      await expectExact(store, `step ${step}: ${op}`);
    }
  } finally {
    await store.close();
  }
});

test('when flows name a stakeholder that is missing (written below the store), then they count once it exists and stop when it goes', async () => {
  const { store, adapter } = await openStore();
  const stamp = { version: 1, updatedAt: 'now', updatedBy: 't' };
  const row = (id: string, from: string, to: string) =>
    ({
      ...flow(id, from, to),
      status: 'active',
      personDependent: false,
      evidence: [],
      confidence: 'reported',
      ...stamp,
    }) as Stored<'flow'>;
  const write = (fn: Parameters<SqliteAdapter['write']>[0]) =>
    adapter.write(async (tx) => {
      await fn(tx);
      await tx.bumpVersion();
    });
  try {
    await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
    await write((tx) =>
      tx.upsertMany('flow', [
        row('g-1', 'xa-police', 'ghost'),
        row('g-2', 'ghost', 'ghost'),
        row('g-3', 'ghost', 'ghost-2'),
      ]),
    );
    await expectExact(store, 'flows naming missing stakeholders');
    const ghost = { name: 'Ghost', type: 'ngo' as const, level: 'national' as const, ncp: false, tags: [], ...stamp };
    await write((tx) =>
      tx.upsertMany('stakeholder', [
        { ...ghost, id: 'ghost', country: 'XB' },
        { ...ghost, id: 'ghost-2', country: 'XA' },
      ] as Stored<'stakeholder'>[]),
    );
    await expectExact(store, 'the missing stakeholders created');
    await write((tx) => tx.deleteMany('stakeholder', ['ghost']));
    await expectExact(store, 'one of them deleted under its flows');
  } finally {
    await store.close();
  }
});

test('when a store written before migration 7 is opened, then its flow counts are filled in and kept from then on', async () => {
  const { store } = await openStore();
  await store.importDocument(syntheticRegion({ countries: 3, stakeholdersPerCountry: 20, seed: 2 }), {
    mode: 'merge',
    actor: 't',
  });
  await store.close();
  // Back to schema version 6, as a store written before migration 7 was.
  const db = new Database(file);
  // (Later migrations are undone too: they run again on top of 7.)
  db.exec(
    `DROP TABLE flow_country_pairs; DROP TABLE presence; DROP INDEX flow_personal; DELETE FROM schema_migrations WHERE version >= 7`,
  );
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{
    name: string;
  }>)
    db.exec(`DROP TRIGGER ${name}`);
  expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 6 });
  db.prepare("INSERT INTO entities VALUES ('flow', 'dangling', ?, 1, 'now', 't')").run(
    JSON.stringify(flow('dangling', 'xa-ncp', 'nobody')),
  );
  db.close();
  const reopened = await openStore();
  try {
    await expectExact(reopened.store, 'after migration 7');
    await reopened.store.create('flow', flow('m-1', 'xa-ncp', 'xb-ncp'), 't');
    await expectExact(reopened.store, 'a flow created after it');
  } finally {
    await reopened.store.close();
  }
});
