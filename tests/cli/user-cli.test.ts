// `npm run user` and the first start, run as an administrator would, on a temporary embedded store:
// add (with a password, or a generated one printed once), list, reset, remove, the last administrator kept,
// and main.ts creating the administrator `admin` on a store without accounts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccountService } from '../../server/auth/accounts';
import { systemClock } from '../../server/auth/clock';
import { createStore } from '../../server/store';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
let dataDir: string;

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', script), ...args], {
    cwd: dataDir,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const user = (...args: string[]) => run('user.ts', ...args);

/** Whether `password` signs `username` in, checked on the store the CLI wrote. */
async function verifies(username: string, password: string): Promise<boolean> {
  const store = await createStore({ dataDir });
  try {
    return (await new AccountService(store, systemClock).verify(username, password)) !== undefined;
  } finally {
    await store.close();
  }
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-user-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run user', () => {
  test('when accounts are added with and without a password, then the generated one is printed once and both sign in', async () => {
    run('seed.ts');
    const given = user(
      'add',
      'secretariat',
      '--role',
      'admin',
      '--name',
      'CBSS Secretariat',
      '--password',
      'a long admin password',
    );
    expect(given).toMatchObject({ code: 0 });
    expect(given.out.trim()).toBe('created the account "secretariat" (admin)');
    const generated = user('add', 'se-ncp', '--role', 'ncp', '--countries', 'se,no');
    expect(generated.code).toBe(0);
    const password = generated.out.match(
      /^created the account "se-ncp" \(ncp for SE, NO\) with password ([A-Za-z0-9_-]{24}); change it after signing in$/m,
    )?.[1];
    expect(password).toBeDefined();
    expect(await verifies('se-ncp', password!)).toBe(true);
    expect(await verifies('secretariat', 'a long admin password')).toBe(true);
    const list = user('list');
    expect(list.out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^username\s+role\s+countries\s+name\s+last sign-in$/),
      expect.stringMatching(/^se-ncp\s+ncp\s+SE,NO\s+-\s+never$/),
      expect.stringMatching(/^secretariat\s+admin\s+-\s+CBSS Secretariat\s+never$/),
    ]);
    expect(list.out).not.toContain(password!);
  });

  test('when an account is wrong, then each problem is printed, exit 1 (bad input) or 2 (bad usage), and nothing is written', () => {
    run('seed.ts');
    const noCountry = user('add', 'ncp-x', '--role', 'ncp', '--password', 'a long password');
    expect(noCountry.code).toBe(1);
    expect(noCountry.err).toContain('  - countries: an ncp account needs at least one country');
    const unknownCountry = user('add', 'ncp-x', '--role', 'ncp', '--countries', 'XQ', '--password', 'a long password');
    expect(unknownCountry.code).toBe(1);
    expect(unknownCountry.err).toContain("country 'XQ' is not in the map");
    const weak = user('add', 'weakling', '--role', 'viewer', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('  - password: must be at least 10 characters');
    expect(user('add', 'Bad Name', '--role', 'viewer').err).toContain('  - username: must be 3-40 lower-case letters');
    expect(user('add', 'someone', '--role', 'boss')).toMatchObject({
      code: 2,
      err: expect.stringContaining("--role must be one of admin, editor, ncp, viewer, not 'boss'"),
    });
    expect(user('frob')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage: npm run user -- add <username>'),
    });
    expect(user('remove')).toMatchObject({ code: 2 });
    expect(user('reset', 'x', '--role', 'admin')).toMatchObject({
      code: 2,
      err: expect.stringContaining('reset takes no --role'),
    });
    expect(user('list').out.split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('when a password is reset, then only the new one works; a generated one is printed', async () => {
    user('add', 'editor-1', '--role', 'editor', '--password', 'the first password');
    expect(user('reset', 'editor-1', '--password', 'the second password')).toMatchObject({ code: 0 });
    expect(await verifies('editor-1', 'the first password')).toBe(false);
    expect(await verifies('editor-1', 'the second password')).toBe(true);
    const generated = user('reset', 'editor-1');
    const password = generated.out.match(/the new password is ([A-Za-z0-9_-]{24})$/m)?.[1];
    expect(await verifies('editor-1', password!)).toBe(true);
    expect(user('reset', 'nobody-at-all', '--password', 'whatever long')).toMatchObject({
      code: 1,
      err: expect.stringContaining("account 'nobody-at-all' not found"),
    });
  });

  test('when accounts are removed, then they are gone, but the last administrator stays', async () => {
    user('add', 'boss-one', '--role', 'admin', '--password', 'a long password');
    user('add', 'viewer-1', '--role', 'viewer', '--password', 'a long password');
    expect(user('remove', 'viewer-1')).toMatchObject({
      code: 0,
      out: 'removed the account "viewer-1" and ended its sessions\n',
    });
    const last = user('remove', 'boss-one');
    expect(last.code).toBe(1);
    expect(last.err).toContain("'boss-one' is the last administrator and cannot be removed");
    expect(await verifies('boss-one', 'a long password')).toBe(true);
    expect(await verifies('viewer-1', 'a long password')).toBe(false);
  });
});

describe('first start', () => {
  /** Starts server/main.ts on a free port until its store is ready (it listens before); its output, then stops it. */
  function start(env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [tsx, path.join(root, 'server/main.ts')], {
        cwd: dataDir,
        env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '', PORT: '0', SEED: 'false', ADMIN_PASSWORD: '', ...env },
      });
      let out = '';
      let err = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`main.ts did not start: ${err}`));
      }, 25_000);
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
        if (err.includes('Flow Atlas listening on') && err.includes('the store is ready')) child.kill('SIGTERM');
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out, err });
      });
    });
  }

  test('when the store has no account, then admin is created with a generated password printed once; the next start creates none', async () => {
    const first = await start();
    const password = first.out.match(
      /^created the administrator account "admin" with password ([A-Za-z0-9_-]{24}); change it after signing in$/m,
    )?.[1];
    expect(password).toBeDefined();
    expect(await verifies('admin', password!)).toBe(true);
    const second = await start();
    expect(second.err).toContain('Flow Atlas listening on');
    expect(second.out).not.toContain('created the administrator');
    expect(second.err).not.toContain(password!);
  });

  test('when ADMIN_PASSWORD is set, then admin gets it and nothing is printed; a weak one stops the start naming the variable', async () => {
    const weak = await start({ ADMIN_PASSWORD: 'admin' });
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('ADMIN_PASSWORD: must be at least 10 characters');
    const given = await start({ ADMIN_PASSWORD: 'the chosen admin password' });
    expect(given.out).toBe('');
    expect(given.err).toContain('created the administrator account "admin" with the password from ADMIN_PASSWORD');
    expect(given.err).not.toContain('the chosen admin password');
    expect(await verifies('admin', 'the chosen admin password')).toBe(true);
  });
});
