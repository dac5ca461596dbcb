// Sign-in throttling, in memory: consecutive failures are counted per username and per client address.
// From the 5th, every further attempt waits before it is answered (250 ms, doubling up to 4 s); at the 10th
// the username is locked for the lock-out period (LOCKOUT_MINUTES) and even the right password gets 429
// until then; an address is locked the same way after 30 (one client trying many usernames). A success
// resets both counts. Failures as old as the lock-out period are forgotten.
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
  /** At most this many usernames and addresses are remembered; the oldest are dropped first. */
  maxEntries?: number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil?: number;
}

/** One sign-in attempt under way: wait `delayMs`, check the password, then say how it went. */
export interface Attempt {
  delayMs: number;
  succeeded(): void;
  failed(): void;
}

export const THROTTLE_DEFAULTS = {
  delayAfter: 5, lockUsernameAfter: 10, lockAddressAfter: 30, baseDelayMs: 250, maxDelayMs: 4000, maxEntries: 10_000,
} as const;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly settings: Required<ThrottleOptions>;

  constructor(options: ThrottleOptions) {
    this.settings = { ...THROTTLE_DEFAULTS, ...options };
  }

  /** The delay before answering an attempt made after `failures` consecutive failures. */
  delayFor(failures: number): number {
    const { delayAfter, baseDelayMs, maxDelayMs } = this.settings;
    if (failures < delayAfter) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - delayAfter, 30));
  }

  /**
   * Starts an attempt; throws LockedOutError while the username or the address is locked. The attempt
   * counts as a failure from the start (so that parallel attempts cannot slip past the limits) until
   * `succeeded()` is called.
   */
  begin(username: string, address: string): Attempt {
    const now = this.settings.clock.now().getTime();
    const keys = [`user:${username.trim().toLowerCase()}`, `addr:${address}`] as const;
    const [user, addr] = keys.map((key) => this.current(key, now)) as [Entry, Entry];
    const lockedUntil = Math.max(user.lockedUntil ?? 0, addr.lockedUntil ?? 0);
    if (lockedUntil > now) throw new LockedOutError(Math.ceil((lockedUntil - now) / 1000));

    const delayMs = this.delayFor(Math.max(user.failures, addr.failures));
    const lockUntil = now + this.settings.lockoutMinutes * 60_000;
    const limits = [this.settings.lockUsernameAfter, this.settings.lockAddressAfter];
    [user, addr].forEach((entry, i) => {
      entry.failures += 1;
      entry.lastFailureAt = now;
      if (entry.failures >= limits[i]!) {
        entry.lockedUntil = lockUntil;
        entry.failures = 0;
      }
      this.remember(keys[i]!, entry);
    });
    let settled = false;
    return {
      delayMs,
      succeeded: () => {
        if (settled) return;
        settled = true;
        for (const key of keys) this.entries.delete(key);
      },
      failed: () => {
        settled = true;
      },
    };
  }

  /** The entry of a key as of `now`: an ended lock-out and stale failures are forgotten. */
  private current(key: string, now: number): Entry {
    const entry = this.entries.get(key) ?? { failures: 0, lastFailureAt: now };
    const window = this.settings.lockoutMinutes * 60_000;
    if (entry.lockedUntil !== undefined && entry.lockedUntil <= now) delete entry.lockedUntil;
    if (entry.lockedUntil === undefined && now - entry.lastFailureAt >= window) entry.failures = 0;
    return entry;
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.settings.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
