// The sign-in throttle with a fake clock: delays from the 5th consecutive failure (250 ms doubling to 4 s),
// a username locked at the 10th for the lock-out period, an address locked after 30, resets on success.
import { LockedOutError } from '../../../server/auth/errors';
import { LoginThrottle } from '../../../server/auth/throttle';
import { FakeClock } from '../../support/auth';

const MINUTE = 60_000;

function setup(lockoutMinutes = 15) {
  const clock = new FakeClock();
  const throttle = new LoginThrottle({ clock, lockoutMinutes });
  /** One failed attempt; its delay. */
  const fail = (username = 'alice', address = '10.0.0.1') => {
    const attempt = throttle.begin(username, address);
    attempt.failed();
    return attempt.delayMs;
  };
  const lockedFor = (username = 'alice', address = '10.0.0.1') => {
    try {
      throttle.begin(username, address).failed();
      return undefined;
    } catch (err) {
      if (err instanceof LockedOutError) return err.retryAfter;
      throw err;
    }
  };
  return { clock, throttle, fail, lockedFor };
}

describe('LoginThrottle', () => {
  test('when failures follow one another, then the 6th to 10th attempts wait 250 ms doubling to 4 s, and the 11th is locked out', () => {
    const { fail, lockedFor } = setup();
    const delays = Array.from({ length: 10 }, () => fail());
    expect(delays).toEqual([0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000]);
    expect(lockedFor()).toBe(15 * 60);
  });

  test('when a username is locked, then it is locked from every address until the period ends, then starts afresh', () => {
    const { clock, throttle, fail, lockedFor } = setup(15);
    for (let i = 0; i < 10; i++) fail('alice', `10.0.0.${i}`);
    clock.advance(5 * MINUTE);
    expect(lockedFor('alice', '192.168.1.1')).toBe(10 * 60);
    expect(lockedFor('bob', '192.168.1.1')).toBeUndefined();
    clock.advance(10 * MINUTE);
    const after = throttle.begin('alice', '10.0.0.1');
    expect(after.delayMs).toBe(0);
    after.succeeded();
    expect(lockedFor('alice', '192.168.1.2')).toBeUndefined();
  });

  test('when the lock-out period has passed, then the next attempt is answered without delay', () => {
    const { clock, throttle, fail } = setup(15);
    for (let i = 0; i < 10; i++) fail();
    clock.advance(15 * MINUTE);
    expect(throttle.begin('alice', '10.0.0.1').delayMs).toBe(0);
  });

  test('when a sign-in succeeds, then the count starts again from zero', () => {
    const { throttle, fail } = setup();
    for (let i = 0; i < 7; i++) fail();
    const right = throttle.begin('alice', '10.0.0.1');
    expect(right.delayMs).toBe(1000);
    right.succeeded();
    expect(Array.from({ length: 6 }, () => fail())).toEqual([0, 0, 0, 0, 0, 250]);
  });

  test('when failures are older than the lock-out period, then they are forgotten', () => {
    const { clock, fail } = setup(15);
    for (let i = 0; i < 8; i++) fail();
    clock.advance(16 * MINUTE);
    expect(fail()).toBe(0);
  });

  test('when one address fails on 30 different usernames, then that address is locked and others are not', () => {
    const { fail, lockedFor } = setup();
    for (let i = 0; i < 30; i++) fail(`user${i}`, '10.9.9.9');
    expect(lockedFor('someone-new', '10.9.9.9')).toBe(15 * 60);
    expect(lockedFor('someone-new', '10.1.1.1')).toBeUndefined();
  });

  test('when attempts run in parallel, then they count from the start and the 11th is refused before any answer', () => {
    const { throttle, lockedFor } = setup();
    const pending = Array.from({ length: 10 }, () => throttle.begin('alice', '10.0.0.1'));
    expect(pending.map((a) => a.delayMs)).toEqual([0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000]);
    expect(lockedFor()).toBe(15 * 60);
  });

  test('when usernames differ only in case or spaces, then they share one count', () => {
    const { fail } = setup();
    const delays = ['alice', 'Alice', ' ALICE ', 'alice', 'alicE', 'alice'].map((u, i) => fail(u, `10.0.1.${i}`));
    expect(delays).toEqual([0, 0, 0, 0, 0, 250]);
  });
});
