// What the browser suites need of accounts: an account put straight into the test server's store (as
// `npm run user -- add` does), a session for it through the real POST /api/auth/login, and writes sent
// with that session's cookie, so that the history names someone other than the suite's admin.
import { hashPassword } from '../../server/auth/passwords';
import { SESSION_COOKIE } from '../../server/auth/sessions';
import type { Role } from '../../server/model/roles';
import type { TestServer } from '../support/server';

export interface E2eAccount {
  username: string;
  role: Role;
  countries?: string[];
  displayName?: string;
  /** Default: a password of the right length made from the username. */
  password?: string;
}

export interface E2eSession {
  username: string;
  /** `fa_session=...`, for a Cookie header. */
  cookie: string;
  /** Sends a request with this session; throws on an error status unless `allow` lists it. */
  send<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    urlPath: string,
    body?: unknown,
    allow?: number[],
  ): Promise<{ status: number; body: T }>;
}

export const passwordOf = (account: E2eAccount) => account.password ?? `${account.username}-secret-pw`;

/** Creates the account in the server's store (the actor of its audit entry is the suite), unless it exists. */
export async function addAccount(server: TestServer, account: E2eAccount): Promise<void> {
  if (await server.store.accounts.getAccount(account.username)) return;
  await server.store.accounts.createAccount(
    {
      username: account.username,
      role: account.role,
      countries: account.countries ?? [],
      ...(account.displayName ? { displayName: account.displayName } : {}),
      passwordHash: await hashPassword(passwordOf(account)),
    },
    'e2e-setup',
  );
}

/**
 * A cookie that is not a session: a request carrying it is left alone by the test server, which adds the
 * suite admin's session only to requests with no cookie. (A sign-in sent with that session would end it:
 * a sign-in replaces the session the request came with.)
 */
const NO_SESSION = 'fa_e2e=1';

/** Signs in through the API and returns the session cookie. */
export async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: NO_SESSION },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`sign-in as ${username}: no ${SESSION_COOKIE} cookie in the answer`);
  return cookie;
}

/** Creates the account and signs it in. */
export async function sessionAs(server: TestServer, account: E2eAccount): Promise<E2eSession> {
  await addAccount(server, account);
  const cookie = await signIn(server, account.username, passwordOf(account));
  return {
    username: account.username,
    cookie,
    async send<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', urlPath: string, body?: unknown, allow: number[] = []) {
      const res = await fetch(`${server.url}${urlPath}`, {
        method,
        headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok && !allow.includes(res.status))
        throw new Error(`${method} ${urlPath} as ${account.username}: ${res.status} ${text}`);
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}
