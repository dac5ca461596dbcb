// Signed-in test apps: `signedIn(app, store, { role })` creates the account in the store, signs in through the
// real POST /api/auth/login, and returns an app that adds that session cookie to every request carrying no
// cookie, so tests that are not about access keep using `request(app)` while the auth code runs for real.
import express from 'express';
import request from 'supertest';
import { hashPassword } from '../../server/auth/passwords';
import { SESSION_COOKIE } from '../../server/auth/sessions';
import type { Role } from '../../server/model/roles';
import type { GraphStore } from '../../server/store/port';

/** The password of every account these helpers create. */
export const TEST_PASSWORD = 'test password 0123';

let testHash: Promise<string> | undefined;
/** Hashed once per test file: scrypt is deliberately slow, and the accounts need not differ in salt. */
function hashOfTestPassword(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

export interface TestAccount {
  role: Role;
  /** Defaults to the role's name (`admin`, `editor`, `ncp`, `viewer`). */
  username?: string;
  /** An ncp's countries (required for ncp). */
  countries?: string[];
  displayName?: string;
}

/** Creates the account in the store with TEST_PASSWORD, unless an account of that name exists; its username. */
export async function createTestAccount(store: GraphStore, account: TestAccount): Promise<string> {
  const username = account.username ?? account.role;
  if (await store.accounts.getAccount(username)) return username;
  await store.accounts.createAccount(
    {
      username,
      role: account.role,
      countries: account.countries ?? [],
      ...(account.displayName !== undefined ? { displayName: account.displayName } : {}),
      passwordHash: await hashOfTestPassword(),
    },
    'test',
  );
  return username;
}

/** Signs in through POST /api/auth/login; the `fa_session=...` pair to send as a Cookie header. */
export async function loginCookie(app: express.Express, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await request(app).post('/api/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`signing in as '${username}' failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const pair = cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!pair) throw new Error(`signing in as '${username}' set no ${SESSION_COOKIE} cookie`);
  return pair;
}

/** An app that sends `cookie` with every request that carries no Cookie header of its own, then runs `app`. */
export function withCookie(app: express.Express, cookie: string): express.Express {
  const inner = app as unknown as (req: express.Request, res: express.Response, next: express.NextFunction) => void;
  const outer = express();
  outer.disable('x-powered-by');
  outer.use((req, res, next) => {
    // A sign-in starts its own session: adding this one would end it (signing in again ends the previous session).
    if (!req.headers.cookie && req.path !== '/api/auth/login') req.headers.cookie = cookie;
    inner(req, res, next);
  });
  return outer;
}

/** `app` signed in as a (new) account of the given role. */
export async function signedIn(
  app: express.Express,
  store: GraphStore,
  account: TestAccount,
): Promise<express.Express> {
  const username = await createTestAccount(store, account);
  return withCookie(app, await loginCookie(app, username));
}

/** A clock for tests: time moves only when told, and every wait is recorded (and passes at once). */
export class FakeClock {
  /** Every delay the code asked to wait, in order. */
  readonly waits: number[] = [];
  private t: number;

  constructor(start = '2030-01-01T08:00:00.000Z') {
    this.t = Date.parse(start);
  }

  now(): Date {
    return new Date(this.t);
  }

  async sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    this.t += ms;
  }

  advance(ms: number): void {
    this.t += ms;
  }
}
