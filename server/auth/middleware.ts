// The session middleware: resolves the `fa_session` cookie to the signed-in user (res.locals.user, and the
// session's id hash in res.locals.sessionIdHash), moving its idle expiry forward. No cookie, no user.
// Read requests may take the session from the short cache; any other method (a write) reads it from the store.
import type { RequestHandler, Response } from 'express';
import type { SessionService } from './sessions';
import { sessionIdOf } from './sessions';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionMiddleware(sessions: SessionService): RequestHandler {
  return async (req, res, next) => {
    const id = sessionIdOf(req);
    if (!id) return next();
    try {
      const session = await sessions.resolve(id, { fresh: !READ_METHODS.has(req.method) });
      if (session) {
        res.locals.user = session.user;
        res.locals.sessionIdHash = session.idHash;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The id hash of the request's session (set by the middleware), to end it or keep it. */
export function sessionIdHashOf(res: Response): string | undefined {
  return res.locals.sessionIdHash as string | undefined;
}
