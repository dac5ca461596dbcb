// Signing in and out through the HTTP API: the session cookie and its attributes, sessions kept only as
// hashes, expiry (absolute and idle) on an injected clock, changing one's password, the account
// administration routes (admin only, the last administrator kept), and the audit actor being the user.
import { createHash } from 'node:crypto';
import request from 'supertest';
import { createApp, type AppDeps } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { FakeClock, TEST_PASSWORD, createTestAccount, loginCookie, signedIn, withCookie } from '../support/auth';
import { smallMapStore } from '../support/small-store';

const HOUR = 3_600_000;
let store: GraphStore;
let clock: FakeClock;
let app: ReturnType<typeof createApp>;

function build(extra: Partial<AppDeps> = {}) {
  return createApp({ store, clock, ...extra });
}

beforeEach(async () => {
  store = await smallMapStore();
  clock = new FakeClock();
  app = build();
  await createTestAccount(store, { role: 'admin', username: 'admin' });
  await createTestAccount(store, { role: 'editor', username: 'consultant-1', displayName: 'Ann Consultant' });
});
afterEach(() => store.close());

const login = (a: ReturnType<typeof createApp>, username: string, password = TEST_PASSWORD) =>
  request(a).post('/api/auth/login').send({ username, password });
const cookieOf = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('fa_session='));
const me = (cookie?: string) =>
  cookie ? request(app).get('/api/auth/me').set('Cookie', cookie) : request(app).get('/api/auth/me');

describe('sign in and out', () => {
  test('when the right password is given, then 200 with the user and an HttpOnly, SameSite=Strict session cookie (not Secure over http)', async () => {
    const res = await login(app, 'consultant-1').expect(200);
    expect(res.body).toEqual({
      user: { username: 'consultant-1', role: 'editor', countries: [], displayName: 'Ann Consultant' },
    });
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/^fa_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    expect(new Date(cookie.match(/Expires=([^;]+)/)![1]!).getTime()).toBe(
      clock.now().getTime() + 12 * HOUR - (clock.now().getTime() % 1000),
    );
    expect((await store.accounts.listAccounts()).find((a) => a.username === 'consultant-1')?.lastLoginAt).toBe(
      clock.now().toISOString(),
    );
  });

  test('when a session exists, then the store holds only the SHA-256 of its id', async () => {
    const id = cookieOf(await login(app, 'admin').expect(200))!
      .split(';')[0]!
      .slice('fa_session='.length);
    expect(await store.accounts.getSession(id)).toBeUndefined();
    expect((await store.accounts.getSession(createHash('sha256').update(id).digest('hex')))?.session.username).toBe(
      'admin',
    );
  });

  test('when the request came over HTTPS (a trusted proxy says so) or COOKIE_SECURE is set, then the cookie is Secure', async () => {
    const proxied = build({ trustProxy: true });
    const https = await request(proxied)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'admin', password: TEST_PASSWORD })
      .expect(200);
    expect(cookieOf(https)).toMatch(/; Secure; SameSite=Strict$/);
    const forced = await login(build({ cookieSecure: true }), 'admin').expect(200);
    expect(cookieOf(forced)).toMatch(/; Secure; SameSite=Strict$/);
    const untrusted = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'admin', password: TEST_PASSWORD })
      .expect(200);
    expect(cookieOf(untrusted)).not.toContain('Secure');
  });

  test('when the password is wrong or the user unknown, then the same 401 invalid_credentials and no cookie', async () => {
    const wrong = await login(app, 'admin', 'not the password').expect(401);
    const unknown = await login(app, 'nobody-here', 'not the password').expect(401);
    const expected = { error: { code: 'invalid_credentials', message: 'wrong username or password' } };
    expect(wrong.body).toEqual(expected);
    expect(unknown.body).toEqual(expected);
    expect(cookieOf(wrong)).toBeUndefined();
    expect(cookieOf(unknown)).toBeUndefined();
  });

  test('when the username is typed with capitals or spaces, then it still signs in', async () => {
    expect((await login(app, ' Admin ').expect(200)).body.user.username).toBe('admin');
  });

  test('when not signed in, then /auth/me and every other API route answer 401 unauthenticated; health answers', async () => {
    const expected = { error: { code: 'unauthenticated', message: 'sign in first' } };
    expect((await me().expect(401)).body).toEqual(expected);
    expect((await request(app).get('/api/stakeholders').expect(401)).body).toEqual(expected);
    expect((await request(app).get('/api/accounts').expect(401)).body).toEqual(expected);
    expect((await request(app).get('/api/auth/me').set('Cookie', 'fa_session=forged-value').expect(401)).body).toEqual(
      expected,
    );
    await request(app).get('/api/health').expect(200);
  });

  test('when signed in, then /auth/me gives the user; after logout the cookie is cleared and the session is gone', async () => {
    const cookie = await loginCookie(app, 'consultant-1');
    expect((await me(cookie).expect(200)).body.user).toMatchObject({ username: 'consultant-1', role: 'editor' });
    const out = await request(app).post('/api/auth/logout').set('Cookie', cookie).expect(200);
    expect(out.body).toEqual({ ok: true });
    expect(cookieOf(out)).toMatch(
      /^fa_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
    await me(cookie).expect(401);
    await request(app).post('/api/auth/logout').set('Cookie', cookie).expect(401);
  });

  test('when a signed-in browser signs in again, then the old session ends and the new one works', async () => {
    const first = await loginCookie(app, 'admin');
    const second = cookieOf(
      await request(app)
        .post('/api/auth/login')
        .set('Cookie', first)
        .send({ username: 'consultant-1', password: TEST_PASSWORD })
        .expect(200),
    )!.split(';')[0]!;
    await me(first).expect(401);
    expect((await me(second).expect(200)).body.user.username).toBe('consultant-1');
  });
});

describe('session expiry', () => {
  test('when a session is not used for 2 hours, then it has expired', async () => {
    const cookie = await loginCookie(app, 'admin');
    clock.advance(2 * HOUR - 1000);
    await me(cookie).expect(200);
    clock.advance(2 * HOUR - 1000);
    await me(cookie).expect(200);
    clock.advance(2 * HOUR);
    await me(cookie).expect(401);
  });

  test('when a session is used every hour, then it lasts SESSION_HOURS and not a minute longer', async () => {
    app = build({ sessionHours: 5 });
    const cookie = await loginCookie(app, 'admin');
    for (let hour = 1; hour < 5; hour++) {
      clock.advance(HOUR);
      await me(cookie).expect(200);
    }
    clock.advance(HOUR - 60_000);
    await me(cookie).expect(200);
    clock.advance(60_000);
    await me(cookie).expect(401);
  });

  test('when someone signs in, then sessions expired meanwhile are purged from the store', async () => {
    const old = (await loginCookie(app, 'consultant-1')).slice('fa_session='.length);
    const oldHash = createHash('sha256').update(old).digest('hex');
    clock.advance(3 * HOUR);
    expect(await store.accounts.getSession(oldHash)).toBeDefined();
    await loginCookie(app, 'admin');
    expect(await store.accounts.getSession(oldHash)).toBeUndefined();
  });
});

describe("changing one's password", () => {
  test('when the current password is wrong, then 400 on currentPassword; when the new one is weak, then 400 on newPassword', async () => {
    const cookie = await loginCookie(app, 'consultant-1');
    const change = (body: object) => request(app).post('/api/auth/password').set('Cookie', cookie).send(body);
    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a brand new secret' }).expect(400);
    expect(wrong.body.error.problems).toEqual([
      { path: 'currentPassword', field: 'currentPassword', message: 'is not your current password' },
    ]);
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    expect(short.body.error.problems).toEqual([
      { path: 'newPassword', field: 'newPassword', message: 'must be at least 10 characters' },
    ]);
    const same = await change({ currentPassword: TEST_PASSWORD, newPassword: 'consultant-1' }).expect(400);
    expect(same.body.error.problems[0]).toMatchObject({ field: 'newPassword', message: 'must not be the username' });
    await login(app, 'consultant-1').expect(200);
  });

  test('when the password is changed, then the old one fails, the new one works, the other sessions end and this one stays', async () => {
    const here = await loginCookie(app, 'consultant-1');
    const elsewhere = await loginCookie(app, 'consultant-1');
    await request(app)
      .post('/api/auth/password')
      .set('Cookie', here)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' })
      .expect(200, { ok: true });
    await me(here).expect(200);
    await me(elsewhere).expect(401);
    await login(app, 'consultant-1').expect(401);
    await login(app, 'consultant-1', 'a brand new secret').expect(200);
    const entry = (await store.audit({ kind: 'account' as never, key: 'consultant-1' }))[0]!;
    expect(entry).toMatchObject({ actor: 'consultant-1', action: 'update', after: { passwordChanged: true } });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|passwordHash|brand new/);
  });
});

describe('account administration', () => {
  let admin: ReturnType<typeof createApp>;
  beforeEach(async () => {
    admin = withCookie(app, await loginCookie(app, 'admin'));
  });

  test('when the admin creates an ncp account, then 201 with the account (no password, no hash) and it can sign in', async () => {
    const res = await request(admin)
      .post('/api/accounts')
      .send({ username: 'xa-ncp', role: 'ncp', countries: ['XA'], displayName: 'XA NCP', password: 'a long password' })
      .expect(201);
    expect(res.body).toMatchObject({ username: 'xa-ncp', role: 'ncp', countries: ['XA'], displayName: 'XA NCP' });
    expect(Object.keys(res.body).sort()).toEqual([
      'countries',
      'createdAt',
      'displayName',
      'role',
      'updatedAt',
      'username',
    ]);
    expect((await login(app, 'xa-ncp', 'a long password').expect(200)).body.user).toEqual({
      username: 'xa-ncp',
      role: 'ncp',
      countries: ['XA'],
      displayName: 'XA NCP',
    });
    const list = await request(admin).get('/api/accounts').expect(200);
    expect(list.body.accounts.map((a: { username: string }) => a.username)).toEqual([
      'admin',
      'consultant-1',
      'xa-ncp',
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);
  });

  test('when the new account is wrong, then 400 naming each field; a taken username is 409', async () => {
    const post = (body: object) => request(admin).post('/api/accounts').send(body);
    const fields = async (body: object) =>
      (await post(body).expect(400)).body.error.problems.map((p: { field: string }) => p.field);
    expect(await fields({ username: 'X', role: 'editor', password: 'a long password' })).toEqual(['username']);
    expect(await fields({ username: 'someone', role: 'boss', password: 'a long password' })).toEqual(['role']);
    expect(await fields({ username: 'someone', role: 'editor', password: 'short' })).toEqual(['password']);
    expect(await fields({ username: 'someone', role: 'ncp', password: 'a long password' })).toEqual(['countries']);
    expect(await fields({ username: 'someone', role: 'ncp', countries: ['SE'], password: 'a long password' })).toEqual([
      'countries',
    ]);
    expect(
      await fields({ username: 'someone', role: 'viewer', countries: ['XA'], password: 'a long password' }),
    ).toEqual(['countries']);
    expect(
      (await post({ username: 'consultant-1', role: 'viewer', password: 'a long password' }).expect(409)).body.error
        .code,
    ).toBe('already_exists');
  });

  test('when a role that is not admin calls an account route, then 403 forbidden and nothing changes', async () => {
    const editor = await signedIn(app, store, { role: 'editor', username: 'ed-person' });
    const res = await request(editor).get('/api/accounts').expect(403);
    expect(res.body.error.code).toBe('forbidden');
    await request(editor)
      .post('/api/accounts')
      .send({ username: 'sneaky', role: 'admin', password: 'a long password' })
      .expect(403);
    await request(editor).put('/api/accounts/ed-person').send({ role: 'admin' }).expect(403);
    await request(editor).delete('/api/accounts/admin').expect(403);
    expect((await store.accounts.listAccounts()).map((a) => `${a.username}:${a.role}`)).toEqual([
      'admin:admin',
      'consultant-1:editor',
      'ed-person:editor',
    ]);
  });

  test("when the admin changes a role, then it applies at the next request of that account's session", async () => {
    const cookie = await loginCookie(app, 'consultant-1');
    await request(app).get('/api/audit').set('Cookie', cookie).expect(200);
    const changed = await request(admin)
      .put('/api/accounts/consultant-1')
      .send({ role: 'viewer', displayName: null })
      .expect(200);
    expect(changed.body).toMatchObject({ username: 'consultant-1', role: 'viewer', countries: [] });
    expect(changed.body.displayName).toBeUndefined();
    expect((await me(cookie).expect(200)).body.user).toEqual({
      username: 'consultant-1',
      role: 'viewer',
      countries: [],
    });
    await request(app).get('/api/audit').set('Cookie', cookie).expect(403);
  });

  test("when the admin resets a password, then the account's sessions end and only the new password works", async () => {
    const cookie = await loginCookie(app, 'consultant-1');
    await request(admin).put('/api/accounts/consultant-1').send({ password: 'reset by the admin' }).expect(200);
    await me(cookie).expect(401);
    await login(app, 'consultant-1').expect(401);
    await login(app, 'consultant-1', 'reset by the admin').expect(200);
  });

  test('when an account is removed, then its sessions end at once and it cannot sign in', async () => {
    const cookie = await loginCookie(app, 'consultant-1');
    expect((await request(admin).delete('/api/accounts/consultant-1').expect(200)).body).toEqual({ deleted: true });
    await me(cookie).expect(401);
    await login(app, 'consultant-1').expect(401);
    await request(admin).delete('/api/accounts/consultant-1').expect(404);
  });

  test('when the last administrator would be removed or demoted, then 409 last_admin; with a second one it works', async () => {
    const removed = await request(admin).delete('/api/accounts/admin').expect(409);
    expect(removed.body.error).toMatchObject({ code: 'last_admin' });
    expect(removed.body.error.message).toContain('last administrator');
    expect((await request(admin).put('/api/accounts/admin').send({ role: 'editor' }).expect(409)).body.error.code).toBe(
      'last_admin',
    );
    await request(admin).put('/api/accounts/consultant-1').send({ role: 'admin' }).expect(200);
    await request(admin).delete('/api/accounts/admin').expect(200);
    await me(await loginCookie(app, 'consultant-1')).expect(200);
  });

  test('when accounts are created, changed and removed, then the audit trail has kind account by the admin, without hashes', async () => {
    await request(admin)
      .post('/api/accounts')
      .send({ username: 'viewer-1', role: 'viewer', password: 'a long password' })
      .expect(201);
    await request(admin).put('/api/accounts/viewer-1').send({ password: 'another long one' }).expect(200);
    await request(admin).delete('/api/accounts/viewer-1').expect(200);
    const entries = await store.audit({ kind: 'account' as never, key: 'viewer-1' });
    expect(entries.map((e) => `${e.action}:${e.actor}:${e.countries.length}`)).toEqual([
      'delete:admin:0',
      'update:admin:0',
      'create:admin:0',
    ]);
    expect(JSON.stringify(await store.audit({ limit: 1000 }))).not.toMatch(
      /scrypt|passwordHash|a long password|another long one/,
    );
  });
});

describe('the audit actor', () => {
  test('when a signed-in user changes the map, then the audit names that user and X-Actor is ignored', async () => {
    const consultant = await signedIn(app, store, { role: 'editor', username: 'consultant-2' });
    const read = (await request(consultant).get('/api/flows/xa-f2').expect(200)).body;
    await request(consultant)
      .put('/api/flows/xa-f2')
      .set('X-Actor', 'someone-else')
      .send({ ...read, basis: 'agreement' })
      .expect(200);
    const [entry] = await store.audit({ kind: 'flow', key: 'xa-f2' });
    expect(entry).toMatchObject({ actor: 'consultant-2', action: 'update' });
    expect(await store.auditActors()).not.toContain('someone-else');
  });
});
