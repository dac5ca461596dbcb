// Server-side sessions: a random 32-byte id in the `fa_session` cookie (HttpOnly, SameSite=Strict, Path=/,
// Secure over HTTPS or with COOKIE_SECURE), stored only as its SHA-256; an absolute expiry (SESSION_HOURS)
// and an idle expiry (2 hours) that each use moves forward. A session read for a read request (GET, HEAD) may
// come from a cache of a few seconds (SESSION_CACHE_SECONDS, default 2, 0 for none); a request that may write
// looks it up in the store every time, so a removed or demoted account cannot write. Sessions ended or
// accounts changed through this instance leave the cache at once; through another one, within the cache time.
import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { Account } from '../model/account';
import type { Clock } from './clock';
import type { SessionUser } from '../model/roles';
import type { AccountStore } from '../store/port';

export const SESSION_COOKIE = 'fa_session';
export const IDLE_HOURS = 2;
/** The idle expiry is written back at most this often (a write per request would be wasteful). */
const TOUCH_EVERY_MS = 60_000;
const HOUR_MS = 3_600_000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** At most this many sessions are cached; the oldest go first. */
const MAX_CACHED = 10_000;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Hashes of the session ids seen lately (a pure function's answers: nothing to invalidate), at most MAX_CACHED. */
const hashes = new Map<string, string>();

function hashOfSeenId(id: string): string {
  let idHash = hashes.get(id);
  if (idHash === undefined) {
    idHash = hashSessionId(id);
    if (hashes.size >= MAX_CACHED) hashes.delete(hashes.keys().next().value!);
    hashes.set(id, idHash);
  }
  return idHash;
}

export function toSessionUser(account: Account): SessionUser {
  return {
    username: account.username,
    role: account.role,
    countries: [...account.countries],
    ...(account.displayName !== undefined ? { displayName: account.displayName } : {}),
  };
}

export interface ResolvedSession {
  user: SessionUser;
  idHash: string;
}

interface CachedSession {
  resolved: ResolvedSession;
  /** Until when (monotonic ms, performance.now) the entry may be used. */
  freshUntil: number;
  /** Until when (clock ms) the entry may be used: the session's end, or when a use must move its idle expiry. */
  usableUntil: number;
}

export class SessionService {
  private readonly cache = new Map<string, CachedSession>();
  /** Store look-ups under way, shared by the read requests of one session that arrive meanwhile. */
  private readonly pending = new Map<string, Promise<ResolvedSession | undefined>>();
  private readonly cacheMs: number;
  /** Moves on each forget: a look-up that started before one does not fill the cache. */
  private generation = 0;

  constructor(
    private readonly store: AccountStore,
    private readonly clock: Clock,
    private readonly options: { sessionHours: number; cacheSeconds?: number },
  ) {
    this.cacheMs = Math.max(0, (options.cacheSeconds ?? 0) * 1000);
  }

  /** Starts a session for an account; the id goes in the cookie and nowhere else. */
  async create(username: string): Promise<{ id: string; idHash: string; expiresAt: Date }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const expiresAt = new Date(now + this.options.sessionHours * HOUR_MS);
    const idle = new Date(Math.min(now + IDLE_HOURS * HOUR_MS, expiresAt.getTime()));
    const idHash = hashSessionId(id);
    await this.store.createSession({
      idHash,
      username,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt.toISOString(),
      idleExpiresAt: idle.toISOString(),
    });
    return { id, idHash, expiresAt };
  }

  /**
   * The session's user, or undefined when the id is unknown or expired (an expired one is deleted); moves the
   * idle expiry. `fresh` (a request that may write): from the store, never from the cache. `touch: false` (a check
   * that is no use of the session, such as the change feed's heartbeat): the idle expiry stays as it is, so an open
   * but idle tab does not keep its session alive; nothing is cached from such a look-up.
   */
  async resolve(id: string, options: { fresh?: boolean; touch?: boolean } = {}): Promise<ResolvedSession | undefined> {
    if (!SESSION_ID.test(id)) return undefined;
    const idHash = hashOfSeenId(id);
    if (options.touch === false) {
      const cached = options.fresh ? undefined : this.cache.get(idHash);
      if (cached && performance.now() < cached.freshUntil && this.clock.now().getTime() < cached.usableUntil)
        return cached.resolved;
      return this.lookup(idHash, false);
    }
    if (!options.fresh && this.cacheMs > 0) {
      const cached = this.cache.get(idHash);
      if (cached && performance.now() < cached.freshUntil && this.clock.now().getTime() < cached.usableUntil)
        return cached.resolved;
      const pending = this.pending.get(idHash);
      if (pending) return pending;
    }
    const lookup = this.lookup(idHash);
    if (this.cacheMs > 0) {
      this.pending.set(idHash, lookup);
      void lookup
        .finally(() => {
          if (this.pending.get(idHash) === lookup) this.pending.delete(idHash);
        })
        .catch(() => {});
    }
    return lookup;
  }

  private async lookup(idHash: string, touch = true): Promise<ResolvedSession | undefined> {
    const started = performance.now();
    const generation = this.generation;
    const found = await this.store.getSession(idHash);
    if (!found) {
      this.cache.delete(idHash);
      return undefined;
    }
    const now = this.clock.now().getTime();
    const expiresAt = Date.parse(found.session.expiresAt);
    if (!(now < expiresAt && now < Date.parse(found.session.idleExpiresAt))) {
      this.cache.delete(idHash);
      await this.store.deleteSession(idHash);
      return undefined;
    }
    let idleEnds = Date.parse(found.session.idleExpiresAt);
    const resolvedNow = { user: toSessionUser(found.account), idHash };
    if (!touch) return resolvedNow;
    const idle = Math.min(now + IDLE_HOURS * HOUR_MS, expiresAt);
    if (idle - idleEnds >= TOUCH_EVERY_MS) {
      await this.store.touchSession(idHash, new Date(idle).toISOString());
      idleEnds = idle;
    }
    const resolved = resolvedNow;
    if (this.cacheMs > 0 && generation === this.generation) {
      this.cache.delete(idHash); // re-inserted last: the map stays in age order
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      // Counted from the look-up's start: an entry never outlives the cache time from when the store said so.
      // A use past `touchAt` moves the idle expiry, which only a look-up does.
      const touchAt =
        expiresAt - idleEnds >= TOUCH_EVERY_MS ? idleEnds - IDLE_HOURS * HOUR_MS + TOUCH_EVERY_MS : Infinity;
      this.cache.set(idHash, {
        resolved,
        freshUntil: started + this.cacheMs,
        usableUntil: Math.min(idleEnds, expiresAt, touchAt),
      });
    }
    return resolved;
  }

  /** Drops the cached sessions of an account (its role, countries or sessions changed through this instance). */
  forgetAccount(username: string): void {
    this.generation++;
    this.pending.clear();
    for (const [idHash, entry] of this.cache) if (entry.resolved.user.username === username) this.cache.delete(idHash);
  }

  private forget(idHash: string): void {
    this.generation++;
    this.pending.delete(idHash);
    this.cache.delete(idHash);
  }

  /** Deletes every expired session (done on the way, at each sign-in). */
  async purgeExpired(): Promise<number> {
    return this.store.purgeSessions(this.clock.now().toISOString());
  }

  async end(idHash: string): Promise<void> {
    this.forget(idHash);
    await this.store.deleteSession(idHash);
    this.forget(idHash); // a look-up under way meanwhile may have put it back
  }
}

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return undefined;
}

function cookieOptions(req: Request, secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: secure || req.secure };
}

export function setSessionCookie(req: Request, res: Response, id: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, id, { ...cookieOptions(req, secure), expires: expiresAt });
}

export function clearSessionCookie(req: Request, res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req, secure));
}
