// SQLite migration 2 on a store written before it: rounds become available, and the existing audit
// entries get their countries (best effort: from the stored stakeholders and networks, or, for one
// since deleted, from its own audit entries).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { MIGRATIONS } from '../../server/store/sqlite/migrations';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A store file at schema version 1 with some entities and an audit trail without countries. */
function oldStore(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  db.exec(MIGRATIONS[0]!);
  db.prepare('INSERT INTO schema_migrations VALUES (1, ?)').run('2025-01-01');
  const entity = db.prepare("INSERT INTO entities VALUES (?, ?, ?, 1, '2025-01-01', 'old')");
  entity.run('stakeholder', 'xa-p', JSON.stringify({ id: 'xa-p', country: 'XA' }));
  entity.run('stakeholder', 'xb-p', JSON.stringify({ id: 'xb-p', country: 'XB' }));
  entity.run('network', 'xa-net', JSON.stringify({ id: 'xa-net', country: 'XA' }));
  const audit = db.prepare(
    "INSERT INTO audit (at, actor, action, kind, key, before, after) VALUES ('2025-01-01', 'old', ?, ?, ?, ?, ?)",
  );
  const row = (action: string, kind: string, key: string, before: object | null, after: object | null) =>
    audit.run(action, kind, key, before && JSON.stringify(before), after && JSON.stringify(after));
  row('create', 'country', 'XA', null, { code: 'XA' });
  row('create', 'stakeholder', 'xa-p', null, { id: 'xa-p', country: 'XA' });
  row('create', 'stakeholder', 'xa-gone', null, { id: 'xa-gone', country: 'XA' });
  row('create', 'dataset', 'd1', null, { id: 'd1', holder: 'xa-gone' });
  row('delete', 'stakeholder', 'xa-gone', { id: 'xa-gone', country: 'XA' }, null);
  row('create', 'flow', 'f1', null, { id: 'f1', from: 'xa-p', to: 'xb-p' });
  row('create', 'membership', 'xb-p|xa-net', null, { stakeholder: 'xb-p', network: 'xa-net' });
  row('create', 'indicator', 'VIC-01', null, { code: 'VIC-01' });
  row('create', 'flow', 'f2', null, { id: 'f2', from: 'nobody', to: 'nobody-else' });
  db.close();
}

test('when a version-1 store is opened, then migration 2 gives old audit entries their countries and rounds work', async () => {
  const file = path.join(dir, 'old.sqlite');
  oldStore(file);
  const store = new CoreGraphStore(new SqliteAdapter(file));
  await store.init();
  try {
    const entries = await store.audit({ limit: 100 });
    const of = Object.fromEntries(entries.map((e) => [`${e.action}:${e.kind}:${e.key}`, e.countries]));
    expect(of).toEqual({
      'create:country:XA': ['XA'],
      'create:stakeholder:xa-p': ['XA'],
      'create:stakeholder:xa-gone': ['XA'],
      'create:dataset:d1': ['XA'],
      'delete:stakeholder:xa-gone': ['XA'],
      'create:flow:f1': ['XA', 'XB'],
      'create:membership:xb-p|xa-net': ['XA', 'XB'],
      'create:indicator:VIC-01': [],
      'create:flow:f2': [],
    });
    expect((await store.audit({ country: 'XB' })).map((e) => e.key)).toEqual(['xb-p|xa-net', 'f1']);
    expect(await store.listRounds()).toEqual([]);
  } finally {
    await store.close();
  }
  const db = new Database(file);
  expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.length });
  expect(db.prepare("SELECT value FROM meta WHERE key = 'round_seq'").get()).toEqual({ value: 0 });
  db.close();
});
