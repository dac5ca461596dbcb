// Server-side sessions: a random 32-byte id in the `fa_session` cookie (HttpOnly, SameSite=Strict, Path=/,
// Secure over HTTPS or with COOKIE_SECURE), stored only as its SHA-256; an absolute expiry (SESSION_HOURS)
// and an idle expiry (2 hours) that each use moves forward.
import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { Account } from './account';
import type { Clock } from './clock';
import type { SessionUser } from './types';
import type { AccountStore } from '../store/port';

export const SESSION_COOKIE = 'fa_session';
export const IDLE_HOURS = 2;
/** The idle expiry is written back at most this often (a write per request would be wasteful). */
const TOUCH_EVERY_MS = 60_000;
const HOUR_MS = 3_600_000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export function toSessionUser(account: Account): SessionUser {
  return {
    username: account.username, role: account.role, countries: [...account.countries],
    ...(account.displayName !== undefined ? { displayName: account.displayName } : {}),
  };
}

export interface ResolvedSession {
  user: SessionUser;
  idHash: string;
}

export class SessionService {
  constructor(
    private readonly store: AccountStore,
    private readonly clock: Clock,
    private readonly options: { sessionHours: number },
  ) {}

  /** Starts a session for an account; the id goes in the cookie and nowhere else. */
  async create(username: string): Promise<{ id: string; idHash: string; expiresAt: Date }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const expiresAt = new Date(now + this.options.sessionHours * HOUR_MS);
    const idle = new Date(Math.min(now + IDLE_HOURS * HOUR_MS, expiresAt.getTime()));
    const idHash = hashSessionId(id);
    await this.store.createSession({
      idHash, username, createdAt: new Date(now).toISOString(), expiresAt: expiresAt.toISOString(), idleExpiresAt: idle.toISOString(),
    });
    return { id, idHash, expiresAt };
  }

  /** The session's user, or undefined when the id is unknown or expired (an expired one is deleted); moves the idle expiry. */
  async resolve(id: string): Promise<ResolvedSession | undefined> {
    if (!SESSION_ID.test(id)) return undefined;
    const idHash = hashSessionId(id);
    const found = await this.store.getSession(idHash);
    if (!found) return undefined;
    const now = this.clock.now().getTime();
    const expiresAt = Date.parse(found.session.expiresAt);
    if (!(now < expiresAt && now < Date.parse(found.session.idleExpiresAt))) {
      await this.store.deleteSession(idHash);
      return undefined;
    }
    const idle = Math.min(now + IDLE_HOURS * HOUR_MS, expiresAt);
    if (idle - Date.parse(found.session.idleExpiresAt) >= TOUCH_EVERY_MS) {
      await this.store.touchSession(idHash, new Date(idle).toISOString());
    }
    return { user: toSessionUser(found.account), idHash };
  }

  /** Deletes every expired session (done on the way, at each sign-in). */
  async purgeExpired(): Promise<number> {
    return this.store.purgeSessions(this.clock.now().toISOString());
  }

  async end(idHash: string): Promise<void> {
    await this.store.deleteSession(idHash);
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
