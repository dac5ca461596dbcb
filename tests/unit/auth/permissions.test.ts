// Who may do what: the rule -> roles table, the 401/403 decision, and the route table's own checks
// (a route without a rule stops start-up; access is decided before the input is read).
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { errorHandler } from '../../../server/api/errors';
import { assertAccessRules, defineRoute, mountRoutes, type RouteDef } from '../../../server/api/route';
import { decide, forbiddenMessage, mayAccess } from '../../../server/auth/permissions';
import { ACCESS_RULES, ROLES, type AccessRule, type Role, type SessionUser } from '../../../server/model/roles';

// Written out by hand from the design (issue 6), not read from permissions.ts.
const EXPECTED: Record<AccessRule, readonly Role[] | 'anyone'> = {
  public: 'anyone',
  'signed-in': ['admin', 'editor', 'ncp', 'viewer'],
  read: ['admin', 'editor', 'ncp', 'viewer'],
  audit: ['admin', 'editor', 'ncp'],
  edit: ['admin', 'editor', 'ncp'],
  catalogue: ['admin'],
  import: ['admin', 'editor', 'ncp'],
  rounds: ['admin', 'editor', 'ncp'],
  admin: ['admin'],
};

const userOf = (role: Role): SessionUser => ({ username: `a-${role}`, role, countries: role === 'ncp' ? ['SE'] : [] });

describe('decide', () => {
  test('when every rule is asked for every role, then the roles of the design are let through and the others get 403', () => {
    for (const rule of ACCESS_RULES) {
      for (const role of ROLES) {
        const allowed = EXPECTED[rule] === 'anyone' || EXPECTED[rule].includes(role);
        const decision = decide(rule, userOf(role));
        expect({
          rule,
          role,
          allowed: decision.allowed,
          status: decision.allowed ? undefined : decision.status,
        }).toEqual({ rule, role, allowed, status: allowed ? undefined : 403 });
        expect(mayAccess(rule, userOf(role))).toBe(allowed);
      }
    }
  });

  test('when nobody is signed in, then only public rules pass and every other answers 401 "sign in first"', () => {
    for (const rule of ACCESS_RULES) {
      const decision = decide(rule, undefined);
      if (rule === 'public') expect(decision.allowed).toBe(true);
      else expect(decision).toEqual({ allowed: false, status: 401, code: 'unauthenticated', message: 'sign in first' });
    }
  });

  test('when a role is refused, then the message says which role, what it tried and who may', () => {
    expect(forbiddenMessage('catalogue', 'editor')).toBe(
      'an editor may not change the catalogue (countries, themes, indicators): that needs the role admin',
    );
    expect(forbiddenMessage('edit', 'viewer')).toBe(
      'a viewer may not change the map: that needs the role admin, editor or ncp',
    );
    const decision = decide('audit', userOf('viewer'));
    expect(decision).toMatchObject({ allowed: false, status: 403, code: 'forbidden' });
    expect(!decision.allowed && decision.message).toContain('audit trail');
  });
});

const echo = (access: AccessRule | undefined, path = '/thing'): RouteDef =>
  defineRoute({
    method: 'post',
    path,
    tag: 'Test',
    summary: 'echo',
    access: access as AccessRule,
    query: z.strictObject({ n: z.coerce.number().int() }),
    body: z.strictObject({ name: z.string() }),
    handler: async ({ query, body, user }) => ({ n: query.n, name: body.name, by: user?.username ?? null }),
  });

/** A test app whose "session" is an X-Test-Role header, so route.ts is tested on its own. */
function appWith(routes: RouteDef[]) {
  const app = express();
  app.use(express.json());
  app.use((req, res, next) => {
    const role = req.get('x-test-role') as Role | undefined;
    if (role) res.locals.user = userOf(role);
    next();
  });
  const router = express.Router();
  mountRoutes(router, routes);
  app.use('/api', router);
  app.use(errorHandler({ info: () => {}, warn: () => {}, error: () => {} }));
  return app;
}

describe('the route table', () => {
  test('when a route declares no rule, then mounting it throws at start-up naming the route', () => {
    expect(() => appWith([echo('read', '/fine'), echo(undefined, '/forgotten')])).toThrow(/POST \/api\/forgotten/);
    expect(() => assertAccessRules([echo('nonsense' as AccessRule, '/odd')])).toThrow(/unknown rule 'nonsense'/);
    expect(() => assertAccessRules([echo('read'), defineRoute({ ...echo('public', '/other') })])).not.toThrow();
  });

  test('when nobody is signed in, then a non-public route answers 401 before it reads its (bad) input', async () => {
    const app = appWith([echo('edit')]);
    const res = await request(app).post('/api/thing?n=oops').send({ wrong: true }).expect(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'sign in first' } });
  });

  test('when a role may not call a route, then it gets 403 forbidden before its (bad) input is read', async () => {
    const app = appWith([echo('catalogue')]);
    const res = await request(app)
      .post('/api/thing?n=oops')
      .set('x-test-role', 'editor')
      .send({ wrong: true })
      .expect(403);
    expect(res.body.error).toEqual({ code: 'forbidden', message: forbiddenMessage('catalogue', 'editor') });
  });

  test('when a role may call a route, then the input is validated and the handler gets the user', async () => {
    const app = appWith([echo('catalogue')]);
    await request(app).post('/api/thing?n=oops').set('x-test-role', 'admin').send({ name: 'x' }).expect(400);
    const res = await request(app).post('/api/thing?n=3').set('x-test-role', 'admin').send({ name: 'x' }).expect(200);
    expect(res.body).toEqual({ n: 3, name: 'x', by: 'a-admin' });
  });

  test('when a route is public, then it answers without a session and its handler sees no user', async () => {
    const app = appWith([echo('public')]);
    const res = await request(app).post('/api/thing?n=1').send({ name: 'x' }).expect(200);
    expect(res.body.by).toBeNull();
  });
});
