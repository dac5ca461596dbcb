// Stale files on the command line (issue 17, point 3): npm run export writes the versions, npm run import
// merges an old file, prints each conflict with who changed it, keeps the stored value unless
// --on-conflict overwrite, and refuses any other value of the flag.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../server/store';
import { smallMap } from '../support/small-map';

const root = path.resolve(__dirname, '../..');
let dataDir: string;

function run(script: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts', script), ...args],
    {
      cwd: dataDir,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Reads (and changes) the store the scripts use, in this process, closing it before the next script runs. */
async function withStore<T>(fn: (store: Awaited<ReturnType<typeof createStore>>) => Promise<T>): Promise<T> {
  const store = await createStore({ dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-stale-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('when an old export is imported after someone changed the same field, then the CLI lists the conflict and keeps the stored value unless --on-conflict overwrite', async () => {
  const map = path.join(dataDir, 'map.json');
  fs.writeFileSync(map, JSON.stringify(smallMap()));
  expect(run('import.ts', map).code).toBe(0);
  const out = path.join(dataDir, 'xa.json');
  expect(run('export.ts', '--country', 'XA', out).code).toBe(0);
  const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(doc.storeVersion).toBe(await withStore((s) => s.storeVersion()));
  const f1 = doc.flows.find((f: { id: string }) => f.id === 'xa-f1');
  expect(f1.version).toBe(1);

  await withStore(async (s) => {
    const { version, updatedAt: _a, updatedBy: _b, ...fields } = await s.get('flow', 'xa-f1');
    await s.update('flow', 'xa-f1', { ...fields, latencyDays: 45 }, version, 'bob');
  });
  f1.latencyDays = 60;
  fs.writeFileSync(out, JSON.stringify(doc));

  const preview = run('import.ts', '--dry-run', out);
  expect(preview.code).toBe(0);
  expect(preview.out).toContain('conflicts (changed in the file and in the store since the file was exported): 1');
  expect(preview.out).toMatch(/flow xa-f1 latencyDays: file 60, now 45 \(changed by bob at \d{4}-\d{2}-\d{2}T/);

  expect(run('import.ts', '--on-conflict', 'maybe', out).code).toBe(2);
  const kept = run('import.ts', out);
  expect(kept.code).toBe(0);
  expect(kept.out).toContain('kept the current values of 1');
  expect(await withStore(async (s) => (await s.get('flow', 'xa-f1')).latencyDays)).toBe(45);

  const overwritten = run('import.ts', '--on-conflict', 'overwrite', out);
  expect(overwritten.out).toContain("overwrote 1 with the file's values");
  expect(await withStore(async (s) => (await s.get('flow', 'xa-f1')).latencyDays)).toBe(60);
});
