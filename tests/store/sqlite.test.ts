// The store contract on the embedded SQLite adapter, plus what only SQLite has (migrations, files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter, migrate } from '../../server/store/sqlite/adapter';
import { MIGRATIONS } from '../../server/store/sqlite/migrations';
import { storeContract } from './contract';
import { scopedReadsContract } from './scoped-reads';

storeContract('sqlite', {
  async create() {
    const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
    await store.init();
    return store;
  },
});

describe('SQLite specifics', () => {
  test('when a store file is opened twice, then migrations run once and the data persist', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-sqlite-'));
    const file = path.join(dir, 'sub', 'store.sqlite');
    const a = new CoreGraphStore(new SqliteAdapter(file));
    await a.init();
    await a.create('country', { code: 'XA', name: 'A', euMember: true, cbssMember: true }, 't');
    await a.close();
    const b = new CoreGraphStore(new SqliteAdapter(file));
    await b.init();
    expect((await b.get('country', 'XA')).name).toBe('A');
    await b.close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when the file was written by a newer schema, then opening it fails with a clear message', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(MIGRATIONS.length + 1, 'later');
    expect(() => migrate(db)).toThrow(/newer than this program knows/);
  });

  test('when a transaction callback throws, then nothing it wrote remains', async () => {
    const adapter = new SqliteAdapter(':memory:');
    const store = new CoreGraphStore(adapter);
    await store.init();
    await expect(
      adapter.write(async (tx) => {
        await tx.upsertMany('country', [
          { code: 'XA', name: 'A', euMember: true, cbssMember: true, version: 1, updatedAt: 'now', updatedBy: 't' },
        ]);
        await tx.bumpVersion();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.list('country')).toEqual([]);
    expect(await store.storeVersion()).toBe(0);
    await store.close();
  });
});

scopedReadsContract('sqlite', {
  async create() {
    const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
    await store.init();
    return store;
  },
});
