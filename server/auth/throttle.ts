// Sign-in throttling, kept in the store so that every app instance on it counts the same failures:
// consecutive failures are counted per username and per client address. From the 5th, every further attempt
// waits before it is answered (250 ms, doubling up to 4 s); at the 10th the username is locked for the
// lock-out period (LOCKOUT_MINUTES) and even the right password gets 429 until then; an address is locked the
// same way after 30 (one client trying many usernames). A success resets both counts. Failures as old as the
// lock-out period are forgotten. Each step (check, count) is one atomic store write (updateThrottle).
import type { AccountStore, ThrottleEntry } from '../store/port';
import type { Clock } from './clock';
import { LockedOutError } from './errors';

export interface ThrottleOptions {
  clock: Clock;
  lockoutMinutes: number;
  /** Consecutive failures after which each attempt is delayed (default 5). */
  delayAfter?: number;
  /** Consecutive failures that lock a username (default 10). */
  lockUsernameAfter?: number;
  /** Consecutive failures that lock a client address (default 30). */
  lockAddressAfter?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** One sign-in attempt under way: wait `delayMs`, check the password, then say how it went. */
export interface Attempt {
  delayMs: number;
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export const THROTTLE_DEFAULTS = {
  delayAfter: 5,
  lockUsernameAfter: 10,
  lockAddressAfter: 30,
  baseDelayMs: 250,
  maxDelayMs: 4000,
} as const;

type Settings = Required<Omit<ThrottleOptions, 'clock'>> & { clock: Clock };

export class LoginThrottle {
  private readonly settings: Settings;

  constructor(
    private readonly store: Pick<AccountStore, 'updateThrottle'>,
    options: ThrottleOptions,
  ) {
    this.settings = { ...THROTTLE_DEFAULTS, ...options };
  }

  /** The delay before answering an attempt made after `failures` consecutive failures. */
  delayFor(failures: number): number {
    const { delayAfter, baseDelayMs, maxDelayMs } = this.settings;
    if (failures < delayAfter) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - delayAfter, 30));
  }

  /**
   * Starts an attempt; rejects with LockedOutError while the username or the address is locked. The attempt
   * counts as a failure from the start (so that parallel attempts, on any instance, cannot slip past the
   * limits) until `succeeded()` is called.
   */
  async begin(username: string, address: string): Promise<Attempt> {
    const now = this.settings.clock.now().getTime();
    const window = this.settings.lockoutMinutes * 60_000;
    const keys = [`user:${username.trim().toLowerCase()}`, `addr:${address}`] as const;
    const delayMs = await this.store.updateThrottle(keys, now, now - window, (stored) => {
      const [user, addr] = keys.map((key) => current(stored.get(key), key, now, window)) as [
        ThrottleEntry,
        ThrottleEntry,
      ];
      const lockedUntil = Math.max(user.lockedUntil ?? 0, addr.lockedUntil ?? 0);
      if (lockedUntil > now) throw new LockedOutError(Math.ceil((lockedUntil - now) / 1000));
      const delay = this.delayFor(Math.max(user.failures, addr.failures));
      const limits = [this.settings.lockUsernameAfter, this.settings.lockAddressAfter];
      const put = [user, addr].map((entry, i) => {
        const failures = entry.failures + 1;
        return failures >= limits[i]!
          ? { key: entry.key, failures: 0, lastFailureAt: now, lockedUntil: now + window }
          : { key: entry.key, failures, lastFailureAt: now };
      });
      return { put, remove: [], result: delay };
    });
    let settled = false;
    return {
      delayMs,
      succeeded: async () => {
        if (settled) return;
        settled = true;
        await this.store.updateThrottle(keys, now, now - window, () => ({
          put: [],
          remove: [...keys],
          result: undefined,
        }));
      },
      failed: async () => {
        settled = true;
      },
    };
  }
}

/** An entry as of `now`: an ended lock-out and stale failures are forgotten. */
function current(stored: ThrottleEntry | undefined, key: string, now: number, window: number): ThrottleEntry {
  const entry: ThrottleEntry = stored ? { ...stored } : { key, failures: 0, lastFailureAt: now };
  if (entry.lockedUntil !== undefined && entry.lockedUntil <= now) delete entry.lockedUntil;
  if (entry.lockedUntil === undefined && now - entry.lastFailureAt >= window) entry.failures = 0;
  return entry;
}
