// The sign-in throttle with a fake clock, its counts in a real (in-memory) embedded store: delays from the 5th
// consecutive failure (250 ms doubling to 4 s), a username locked at the 10th for the lock-out period, an
// address locked after 30, resets on success.
import { LockedOutError } from '../../../server/auth/errors';
import { LoginThrottle } from '../../../server/auth/throttle';
import { CoreGraphStore } from '../../../server/store/core';
import { SqliteAdapter } from '../../../server/store/sqlite/adapter';
import type { GraphStore } from '../../../server/store/port';
import { FakeClock } from '../../support/auth';

const stores: GraphStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

const MINUTE = 60_000;

async function setup(lockoutMinutes = 15) {
  const clock = new FakeClock();
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  stores.push(store);
  const throttle = new LoginThrottle(store.accounts, { clock, lockoutMinutes });
  /** One failed attempt; its delay. */
  const fail = async (username = 'alice', address = '10.0.0.1') => {
    const attempt = await throttle.begin(username, address);
    await attempt.failed();
    return attempt.delayMs;
  };
  const lockedFor = async (username = 'alice', address = '10.0.0.1') => {
    try {
      await (await throttle.begin(username, address)).failed();
      return undefined;
    } catch (err) {
      if (err instanceof LockedOutError) return err.retryAfter;
      throw err;
    }
  };
  return { clock, throttle, fail, lockedFor };
}

/** Runs `f` n times one after the other; the results in order. */
async function times<T>(n: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
}

describe('LoginThrottle', () => {
  test('when failures follow one another, then the 6th to 10th attempts wait 250 ms doubling to 4 s, and the 11th is locked out', async () => {
    const { fail, lockedFor } = await setup();
    expect(await times(10, () => fail())).toEqual([0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000]);
    expect(await lockedFor()).toBe(15 * 60);
  });

  test('when a username is locked, then it is locked from every address until the period ends, then starts afresh', async () => {
    const { clock, throttle, fail, lockedFor } = await setup(15);
    await times(10, (i) => fail('alice', `10.0.0.${i}`));
    clock.advance(5 * MINUTE);
    expect(await lockedFor('alice', '192.168.1.1')).toBe(10 * 60);
    expect(await lockedFor('bob', '192.168.1.1')).toBeUndefined();
    clock.advance(10 * MINUTE);
    const after = await throttle.begin('alice', '10.0.0.1');
    expect(after.delayMs).toBe(0);
    await after.succeeded();
    expect(await lockedFor('alice', '192.168.1.2')).toBeUndefined();
  });

  test('when the lock-out period has passed, then the next attempt is answered without delay', async () => {
    const { clock, throttle, fail } = await setup(15);
    await times(10, () => fail());
    clock.advance(15 * MINUTE);
    expect((await throttle.begin('alice', '10.0.0.1')).delayMs).toBe(0);
  });

  test('when a sign-in succeeds, then the count starts again from zero', async () => {
    const { throttle, fail } = await setup();
    await times(7, () => fail());
    const right = await throttle.begin('alice', '10.0.0.1');
    expect(right.delayMs).toBe(1000);
    await right.succeeded();
    expect(await times(6, () => fail())).toEqual([0, 0, 0, 0, 0, 250]);
  });

  test('when failures are older than the lock-out period, then they are forgotten', async () => {
    const { clock, fail } = await setup(15);
    await times(8, () => fail());
    clock.advance(16 * MINUTE);
    expect(await fail()).toBe(0);
  });

  test('when one address fails on 30 different usernames, then that address is locked and others are not', async () => {
    const { fail, lockedFor } = await setup();
    await times(30, (i) => fail(`user${i}`, '10.9.9.9'));
    expect(await lockedFor('someone-new', '10.9.9.9')).toBe(15 * 60);
    expect(await lockedFor('someone-new', '10.1.1.1')).toBeUndefined();
  });

  test('when attempts run in parallel, then they count from the start and the 11th is refused before any answer', async () => {
    const { throttle, lockedFor } = await setup();
    const pending = await Promise.all(Array.from({ length: 10 }, () => throttle.begin('alice', '10.0.0.1')));
    expect(pending.map((a) => a.delayMs).sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000]);
    expect(await lockedFor()).toBe(15 * 60);
  });

  test('when usernames differ only in case or spaces, then they share one count', async () => {
    const { fail } = await setup();
    const names = ['alice', 'Alice', ' ALICE ', 'alice', 'alicE', 'alice'];
    expect(await times(names.length, (i) => fail(names[i], `10.0.1.${i}`))).toEqual([0, 0, 0, 0, 0, 250]);
  });

  test('when two throttles share one store (two app instances), then they count the same failures', async () => {
    const { clock, throttle } = await setup();
    const other = new LoginThrottle(stores[stores.length - 1]!.accounts, { clock, lockoutMinutes: 15 });
    const delays = await times(10, async (i) => {
      const attempt = await (i % 2 ? other : throttle).begin('alice', `10.0.2.${i}`);
      await attempt.failed();
      return attempt.delayMs;
    });
    expect(delays).toEqual([0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000]);
    await expect(other.begin('alice', '10.0.3.1')).rejects.toBeInstanceOf(LockedOutError);
    await expect(throttle.begin('alice', '10.0.3.2')).rejects.toBeInstanceOf(LockedOutError);
  });
});
