// Signing in and out: login (throttled per username and client address, locked out after repeated
// failures), logout, who am I, and changing one's own password.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { LoginBody, MeResponse, OkResponse, PasswordBody } from '../../model/api-auth';
import { LockedOutError, UnauthenticatedError } from '../../auth/errors';
import { sessionIdHashOf } from '../../auth/middleware';
import type { AuthServices } from '../../auth/services';
import { clearSessionCookie, setSessionCookie, toSessionUser } from '../../auth/sessions';
import type { Attempt } from '../../auth/throttle';
import type { SessionUser } from '../../model/roles';
import { defineRoute, type RouteDef } from '../route';

/** The client's address as Express sees it (X-Forwarded-For only when TRUST_PROXY is set). */
function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Starts a throttled attempt, or answers 429 with Retry-After and returns undefined. */
async function beginAttempt(
  auth: AuthServices,
  username: string,
  req: Request,
  res: Response,
): Promise<Attempt | undefined> {
  try {
    return await auth.throttle.begin(username, clientAddress(req));
  } catch (err) {
    if (!(err instanceof LockedOutError)) throw err;
    res
      .status(429)
      .set('Retry-After', String(err.retryAfter))
      .json({ error: { code: err.code, message: err.message, retryAfter: err.retryAfter } });
    return undefined;
  }
}

function signedIn(user: SessionUser | undefined): SessionUser {
  if (!user) throw new UnauthenticatedError();
  return user;
}

export function authRoutes(auth: AuthServices): RouteDef[] {
  const tag = 'Accounts';
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tag,
      access: 'public',
      query: z.strictObject({}),
      body: LoginBody,
      response: MeResponse,
      doc: {
        statuses: [401, 429],
        headers: {
          'Set-Cookie': 'The session cookie (fa_session, HttpOnly, SameSite=Lax): send it back with every request',
        },
      },
      summary: 'Sign in with username and password: sets the session cookie; 401 when wrong, 429 while locked out',
      handler: async ({ body, req, res }) => {
        const username = body.username.trim().toLowerCase();
        const attempt = await beginAttempt(auth, username, req, res);
        if (!attempt) return undefined;
        if (attempt.delayMs > 0) await auth.clock.sleep(attempt.delayMs);
        const account = await auth.accounts.verify(username, body.password);
        if (!account) {
          await attempt.failed();
          throw new UnauthenticatedError('invalid_credentials');
        }
        await attempt.succeeded();
        await auth.sessions.purgeExpired();
        // A new session replaces the one the browser had, if any.
        const previous = sessionIdHashOf(res);
        if (previous) await auth.sessions.end(previous);
        const session = await auth.sessions.create(account.username);
        await auth.accounts.recordLogin(account.username);
        setSessionCookie(req, res, session.id, session.expiresAt, auth.cookieSecure);
        return { user: toSessionUser(account) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      tag,
      access: 'signed-in',
      query: z.strictObject({}),
      response: OkResponse,
      summary: 'Sign out: ends the session and clears the cookie',
      handler: async ({ req, res }) => {
        const idHash = sessionIdHashOf(res);
        if (idHash) await auth.sessions.end(idHash);
        clearSessionCookie(req, res, auth.cookieSecure);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      tag,
      access: 'public',
      query: z.strictObject({}),
      response: MeResponse,
      doc: { statuses: [401] },
      summary: 'The signed-in user; 401 when not signed in',
      handler: async ({ user }) => ({ user: signedIn(user) }),
    }),
    defineRoute({
      method: 'post',
      path: '/auth/password',
      tag,
      access: 'signed-in',
      query: z.strictObject({}),
      body: PasswordBody,
      response: OkResponse,
      doc: { statuses: [429] },
      summary: "Change one's own password (the current one is checked like a sign-in); the other sessions end",
      handler: async ({ body, req, res, user }) => {
        const me = signedIn(user);
        const attempt = await beginAttempt(auth, me.username, req, res);
        if (!attempt) return undefined;
        if (attempt.delayMs > 0) await auth.clock.sleep(attempt.delayMs);
        await auth.accounts.changePassword({
          username: me.username,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          keepSession: sessionIdHashOf(res),
          check: attempt,
        });
        return { ok: true as const };
      },
    }),
  ];
}
