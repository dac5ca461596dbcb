// A process killed half-way through an import into the embedded store leaves the store as before: `npm run import`
// of a generated two-country map is killed with SIGKILL while its write transaction is open (another connection
// finds the write lock held for a while), and then every table's rows and the store version are as before; the
// store opens, and the same import then goes through.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE, createStore } from '../../server/store';
import { readCatalogue } from '../../seed/loader';
import { syntheticRegion } from '../perf/synthetic';

const ROOT = path.resolve(__dirname, '../..');
const DEADLINE_MS = 120_000;
/** How long the write lock must be seen held before the kill: the import's transaction, not a short catalogue check. */
const HELD_MS = 300;

/** Rows per table and the meta values (the store version among them). */
function census(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const table of ['entities', 'audit', 'rounds', 'accounts', 'sessions']) {
      out[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    for (const r of db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: number }>)
      out[`meta:${r.key}`] = r.value;
    return out;
  } finally {
    db.close();
  }
}

/** Whether another process holds the store's write lock now (a write transaction open). */
function writeLockHeld(file: string): boolean {
  const db = new Database(file, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    db.close();
  }
}

describe('an embedded import killed half-way', () => {
  jest.setTimeout(300_000);
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-sqlite-kill-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('when `npm run import` is killed (SIGKILL) while its transaction writes, then the store holds exactly what it held before', async () => {
    const store = await createStore({ dataDir: dir });
    await store.ensureCatalogue(readCatalogue(), 'kill-test');
    await store.create('country', { code: 'XZ', name: 'Testland Z', euMember: false, cbssMember: true }, 'kill-test');
    await store.close();
    const file = path.join(dir, SQLITE_FILE);
    const before = census(file);

    const big = path.join(dir, 'big.json');
    const doc = syntheticRegion({ countries: 2, stakeholdersPerCountry: 2000, seed: 5 });
    fs.writeFileSync(big, JSON.stringify(doc));
    const child = spawn('npm', ['run', 'import', '--', big], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATA_DIR: dir, NEO4J_URI: '', LOG_LEVEL: 'error' },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let exitedEarly: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    void exited.then((e) => {
      exitedEarly = e;
    });

    const end = Date.now() + DEADLINE_MS;
    let heldSince: number | undefined;
    while (Date.now() < end && !exitedEarly) {
      if (writeLockHeld(file)) {
        heldSince ??= Date.now();
        if (Date.now() - heldSince >= HELD_MS) break;
      } else {
        heldSince = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (heldSince === undefined || exitedEarly) {
      if (!exitedEarly) process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`never saw the import writing (exit: ${JSON.stringify(exitedEarly)}); output:\n${output}`);
    }
    process.kill(-child.pid!, 'SIGKILL'); // the whole group: npm, the shell, tsx and node
    expect((await exited).signal).toBe('SIGKILL');

    expect(census(file)).toEqual(before);
    const again = await createStore({ dataDir: dir });
    try {
      expect(await again.list('stakeholder')).toEqual([]);
      const result = await again.importDocument(doc, { mode: 'merge', actor: 'kill-test' });
      expect(result.created.stakeholder).toBe(doc.stakeholders.length);
    } finally {
      await again.close();
    }
  });
});
