// The embedded store's import writes (server/store/sqlite/import.ts): audit entries go in AUDIT_BATCH to a statement,
// the rest one by one, and keep the plan's order (each kind in write order, each in document order), with numbers
// one after the other, the import's store version, and their countries; a new store file uses 16 KB pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DOCUMENT_KINDS, KIND_SPECS, keyOf, type AnyEntity } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { catalogue } from '../support/catalogue';
import { syntheticRegion } from '../perf/synthetic';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-import-writes-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("when a region is imported, then its audit entries follow the plan's order, numbered one after the other, at its store version", async () => {
  const file = path.join(dir, 'store.sqlite');
  const store = new CoreGraphStore(new SqliteAdapter(file));
  await store.init();
  await store.ensureCatalogue(catalogue, 't');
  const doc = syntheticRegion({ countries: 2, stakeholdersPerCountry: 46, seed: 8 });
  const expected = DOCUMENT_KINDS.flatMap((kind) =>
    (doc[KIND_SPECS[kind].collection as keyof typeof doc] as AnyEntity[]).map((e) => `${kind} ${keyOf(kind, e)}`),
  );
  // More than one batch of 128, and a remainder written one by one.
  expect(expected.length).toBeGreaterThan(3 * 128);
  expect(expected.length % 128).not.toBe(0);
  const before = (await store.audit({ limit: 10000 })).length;
  const { storeVersion } = await store.importDocument(doc, { mode: 'merge', actor: 't' });
  try {
    const entries = (await store.audit({ limit: 10000 })).slice(0, expected.length).reverse();
    expect(await store.audit({ limit: 10000 })).toHaveLength(before + expected.length);
    expect(entries.map((e) => `${e.kind} ${e.key}`)).toEqual(expected);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => entries[0]!.seq + i));
    expect(new Set(entries.map((e) => e.storeVersion))).toEqual(new Set([storeVersion]));
    const flow = doc.flows[200]!;
    const countryOf = new Map(doc.stakeholders.map((s) => [s.id, s.country]));
    expect(entries.find((e) => e.kind === 'flow' && e.key === flow.id)).toMatchObject({
      action: 'create',
      before: null,
      after: await store.get('flow', flow.id).then(({ version: _v, updatedAt: _a, updatedBy: _b, ...f }) => f),
      countries: [...new Set([countryOf.get(flow.from)!, countryOf.get(flow.to)!])].sort(),
    });
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  expect(db.pragma('page_size', { simple: true })).toBe(16384);
  db.close();
});
