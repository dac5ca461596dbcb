// Brute force through the HTTP API, on an injected clock: 50 wrong passwords in a row from one client are
// slowed (the server waits before answering, recorded by the clock) and locked out (429 with Retry-After);
// the right password is refused during the lock-out and works again once the period has passed.
import request from 'supertest';
import { createApp } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { FakeClock, TEST_PASSWORD, createTestAccount } from '../support/auth';

let store: GraphStore;
let clock: FakeClock;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  clock = new FakeClock();
  // Behind a trusted proxy, so that tests can speak from several client addresses (X-Forwarded-For).
  app = createApp({ store, clock, trustProxy: true, lockoutMinutes: 15 });
  await createTestAccount(store, { role: 'editor', username: 'target' });
  await createTestAccount(store, { role: 'viewer', username: 'bystander' });
});
afterEach(() => store.close());

const login = (username: string, password: string, from = '203.0.113.7') =>
  request(app).post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

describe('brute force on one account', () => {
  test('when 50 wrong passwords come in a row from one client, then answers are delayed from the 6th and locked out from the 11th', async () => {
    const start = clock.now().getTime();
    const answers: Array<{ status: number; waitedBefore: number }> = [];
    for (let i = 0; i < 50; i++) {
      const waitsBefore = clock.waits.length;
      const res = await login('target', `wrong password ${i}`);
      answers.push({ status: res.status, waitedBefore: clock.waits.slice(waitsBefore).reduce((a, b) => a + b, 0) });
    }
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(answers.slice(10).map((a) => a.status)).toEqual(Array(40).fill(429));
    // The server waited before answering attempts 6 to 10, each longer than the one before (250 ms doubling to 4 s).
    expect(answers.slice(0, 10).map((a) => a.waitedBefore)).toEqual([0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000]);
    expect(clock.now().getTime() - start).toBe(7750);
    // Refused attempts are answered at once: nothing more to gain by waiting for them.
    expect(answers.slice(10).every((a) => a.waitedBefore === 0)).toBe(true);
  });

  test('when locked out, then the answer is 429 locked_out with Retry-After, the right password too, from any address', async () => {
    for (let i = 0; i < 10; i++) await login('target', `wrong password ${i}`).expect(401);
    const locked = await login('target', TEST_PASSWORD).expect(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.body).toEqual({
      error: { code: 'locked_out', message: 'too many failed sign-ins; try again in 15 minutes', retryAfter },
    });
    expect(locked.headers['set-cookie']).toBeUndefined();
    await login('target', TEST_PASSWORD, '198.51.100.1').expect(429);
    // Someone else can still sign in from that client.
    await login('bystander', TEST_PASSWORD).expect(200);
  });

  test('when the lock-out period has passed, then the right password works again, without delay, and the count starts afresh', async () => {
    for (let i = 0; i < 12; i++) await login('target', `wrong password ${i}`);
    const retryAfter = Number((await login('target', TEST_PASSWORD).expect(429)).headers['retry-after']);
    clock.advance((retryAfter - 1) * 1000);
    await login('target', TEST_PASSWORD).expect(429);
    clock.advance(1000);
    const waits = clock.waits.length;
    const ok = await login('target', TEST_PASSWORD).expect(200);
    expect(ok.body.user.username).toBe('target');
    expect(clock.waits.length).toBe(waits);
    for (let i = 0; i < 5; i++) await login('target', `wrong again ${i}`).expect(401);
    expect(clock.waits.length).toBe(waits);
  });

  test('when the right password comes before the 10th failure, then it signs in and resets the count', async () => {
    for (let i = 0; i < 9; i++) await login('target', `wrong password ${i}`).expect(401);
    await login('target', TEST_PASSWORD).expect(200);
    for (let i = 0; i < 9; i++) await login('target', `wrong password ${i}`).expect(401);
    await login('target', TEST_PASSWORD).expect(200);
  });
});

describe('one client trying many usernames', () => {
  test('when one address fails on 30 usernames, then it is locked out for every username, while other addresses are not', async () => {
    for (let i = 0; i < 30; i++) await login(`guess-${i}`, 'password123456', '192.0.2.50').expect(401);
    await login('bystander', TEST_PASSWORD, '192.0.2.50').expect(429);
    await login('bystander', TEST_PASSWORD, '192.0.2.51').expect(200);
  });
});

describe('guessing through the password change', () => {
  test('when a stolen session guesses the current password, then it is throttled like a sign-in', async () => {
    const cookie = (await login('target', TEST_PASSWORD).expect(200)).headers['set-cookie']![0]!.split(';')[0]!;
    const change = (current: string) =>
      request(app)
        .post('/api/auth/password')
        .set('Cookie', cookie)
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ currentPassword: current, newPassword: 'a brand new secret' });
    for (let i = 0; i < 10; i++) await change(`guess number ${i}`).expect(400);
    expect(clock.waits).toEqual([250, 500, 1000, 2000, 4000]);
    await change(TEST_PASSWORD).expect(429);
  });
});
