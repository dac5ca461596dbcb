// The sign-in machinery of an app instance: account use cases, sessions, the throttle (its counts in the store), the clock and
// whether cookies are always Secure. Built once by createApp (and by apiRoutes when called alone).
import type { GraphStore } from '../store/port';
import { AccountService } from './accounts';
import { systemClock, type Clock } from './clock';
import { SessionService } from './sessions';
import { LoginThrottle } from './throttle';

export interface AuthOptions {
  clock?: Clock;
  /** Absolute session lifetime (SESSION_HOURS, default 12). */
  sessionHours?: number;
  /** How long a read request may use a session cached by this instance (SESSION_CACHE_SECONDS, default 2; 0: none). */
  sessionCacheSeconds?: number;
  /** How long a username stays locked after repeated failures (LOCKOUT_MINUTES, default 15). */
  lockoutMinutes?: number;
  /** COOKIE_SECURE: mark the session cookie Secure even when the request does not look like HTTPS. */
  cookieSecure?: boolean;
}

export const AUTH_DEFAULTS = { sessionHours: 12, lockoutMinutes: 15, sessionCacheSeconds: 2 } as const;

export interface AuthServices {
  accounts: AccountService;
  sessions: SessionService;
  throttle: LoginThrottle;
  clock: Clock;
  cookieSecure: boolean;
}

export function createAuthServices(store: GraphStore, options: AuthOptions = {}): AuthServices {
  const clock = options.clock ?? systemClock;
  const sessions = new SessionService(store.accounts, clock, {
    sessionHours: options.sessionHours ?? AUTH_DEFAULTS.sessionHours,
    cacheSeconds: options.sessionCacheSeconds ?? AUTH_DEFAULTS.sessionCacheSeconds,
  });
  return {
    // An account changed here leaves this instance's session cache at once.
    accounts: new AccountService(store, clock, (username) => sessions.forgetAccount(username)),
    sessions,
    throttle: new LoginThrottle(store.accounts, {
      clock,
      lockoutMinutes: options.lockoutMinutes ?? AUTH_DEFAULTS.lockoutMinutes,
    }),
    clock,
    cookieSecure: options.cookieSecure ?? false,
  };
}
