// The rules of accounts and sessions, written once over an adapter's transactions (a store's `accounts`): an
// account's shape, an ncp's countries, at least one administrator, sessions ended with their account, a session's
// presence ended with it, and the audit trail (kind `account`) that never holds the password hash. Accounts are not
// map data: no store version bump, no export, no round.
import { z } from 'zod';
import { Account } from '../model/account';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { AuditEntry, Problem } from '../model';
import { problemsFromZod } from '../model/problems';
import type {
  AccountChangeOptions,
  AccountChanges,
  AccountStore,
  Adapter,
  NewAccount,
  StoredAccount,
  StoredPresence,
  StoredSession,
  ThrottleDecision,
  ThrottleEntry,
  TxOps,
} from './port';

export const ACCOUNT_AUDIT_KIND = 'account';

const StoredAccountSchema = Account.extend({ passwordHash: z.string().min(1) });

/** An ncp edits its own countries, so it has at least one; the other roles have none. */
function checkAccount(account: StoredAccount): StoredAccount {
  const parsed = StoredAccountSchema.safeParse(account);
  const problems: Problem[] = parsed.success
    ? []
    : problemsFromZod(parsed.error, account, { root: '(account)', field: 'first' });
  if (account.role === 'ncp' && account.countries.length === 0) {
    problems.push({ path: 'countries', field: 'countries', message: 'an ncp account needs at least one country' });
  }
  if (account.role !== 'ncp' && account.countries.length > 0) {
    problems.push({
      path: 'countries',
      field: 'countries',
      message: `only an ncp account has countries (this one is ${account.role})`,
    });
  }
  if (problems.length) {
    throw new ValidationError(`invalid account '${account.username}'`, problems);
  }
  return account;
}

/** The account as the API and the audit trail see it: no hash. */
export function publicAccount(account: StoredAccount): Account {
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}

async function ensureAnAdminRemains(tx: TxOps, username: string, what: string): Promise<void> {
  const admins = (await tx.listAccounts()).filter((a) => a.role === 'admin' && a.username !== username);
  if (admins.length === 0) {
    throw new ConflictError(
      `'${username}' is the last administrator and cannot be ${what}; make another account admin first`,
      {},
      'last_admin',
    );
  }
}

/** Every presence entry, expired or not (listPresence lists those expiring after the time it is given). */
const ALL_PRESENCE = new Date(0).toISOString();

/**
 * Ends an account's sessions (all, or all but `exceptIdHash`) and, in the same transaction, their tabs' presence:
 * the others' 'Also here' stops showing them at the next presence poll, not when the entries expire.
 */
async function endSessionsOf(tx: TxOps, username: string, exceptIdHash?: string): Promise<number> {
  const ended = await tx.deleteSessionsOf(username, exceptIdHash);
  const sessions = new Set(
    (await tx.listPresence(ALL_PRESENCE))
      .filter((p) => p.username === username && p.idHash !== exceptIdHash)
      .map((p) => p.idHash),
  );
  for (const idHash of sessions) await tx.deletePresence(idHash);
  return ended;
}

export class AccountsCore implements AccountStore {
  constructor(
    private readonly adapter: Adapter,
    private readonly clock: () => Date,
  ) {}

  async listAccounts(): Promise<Account[]> {
    const rows = await this.adapter.read((tx) => tx.listAccounts());
    return rows.map(publicAccount).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  }

  getAccount(username: string): Promise<StoredAccount | undefined> {
    return this.adapter.read((tx) => tx.getAccount(username));
  }

  async createAccount(input: NewAccount, actor: string): Promise<Account> {
    const now = this.clock().toISOString();
    const { displayName, ...rest } = input;
    const account = checkAccount({
      ...rest,
      ...(displayName !== undefined ? { displayName } : {}),
      createdAt: now,
      updatedAt: now,
    });
    return this.adapter.write(async (tx) => {
      await tx.lockAccounts();
      if (await tx.getAccount(account.username)) {
        throw new ConflictError(`an account named '${account.username}' already exists`, {}, 'already_exists');
      }
      await tx.putAccount(account);
      await tx.appendAudit([this.entry(actor, 'create', account.username, null, publicAccount(account))]);
      return publicAccount(account);
    });
  }

  async updateAccount(
    username: string,
    changes: AccountChanges,
    actor: string,
    options: AccountChangeOptions = {},
  ): Promise<Account> {
    return this.adapter.write(async (tx) => {
      await tx.lockAccounts();
      const current = await tx.getAccount(username);
      if (!current) throw new NotFoundError(`account '${username}' not found`);
      await options.check?.(current);
      const { displayName: _old, ...base } = current;
      const displayName = changes.displayName === null ? undefined : (changes.displayName ?? current.displayName);
      const next = checkAccount({
        ...base,
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.countries !== undefined ? { countries: changes.countries } : {}),
        ...(changes.passwordHash !== undefined ? { passwordHash: changes.passwordHash } : {}),
        ...(displayName !== undefined ? { displayName } : {}),
        updatedAt: this.clock().toISOString(),
      });
      if (current.role === 'admin' && next.role !== 'admin')
        await ensureAnAdminRemains(tx, username, 'given another role');
      const passwordChanged = next.passwordHash !== current.passwordHash;
      const before = publicAccount(current);
      const after = publicAccount(next);
      const { updatedAt: _b, ...beforeFields } = before;
      const { updatedAt: _a, ...afterFields } = after;
      if (!passwordChanged && JSON.stringify(sorted(beforeFields)) === JSON.stringify(sorted(afterFields))) {
        if (options.endSessions) await endSessionsOf(tx, username, options.endSessions.except);
        return before;
      }
      await tx.putAccount(next);
      if (options.endSessions) await endSessionsOf(tx, username, options.endSessions.except);
      await tx.appendAudit([
        this.entry(actor, 'update', username, before, passwordChanged ? { ...after, passwordChanged: true } : after),
      ]);
      return after;
    });
  }

  async deleteAccount(username: string, actor: string): Promise<{ deleted: true }> {
    return this.adapter.write(async (tx) => {
      await tx.lockAccounts();
      const current = await tx.getAccount(username);
      if (!current) throw new NotFoundError(`account '${username}' not found`);
      if (current.role === 'admin') await ensureAnAdminRemains(tx, username, 'removed');
      await endSessionsOf(tx, username);
      await tx.deleteAccount(username);
      await tx.appendAudit([this.entry(actor, 'delete', username, publicAccount(current), null)]);
      return { deleted: true as const };
    });
  }

  async recordLogin(username: string, at: string): Promise<void> {
    await this.adapter.write(async (tx) => {
      const current = await tx.getAccount(username);
      if (current) await tx.putAccount({ ...current, lastLoginAt: at });
    });
  }

  async createSession(session: StoredSession): Promise<void> {
    await this.adapter.write(async (tx) => {
      if (!(await tx.getAccount(session.username))) throw new NotFoundError(`account '${session.username}' not found`);
      await tx.putSession(session);
    });
  }

  getSession(idHash: string): Promise<{ session: StoredSession; account: Account } | undefined> {
    return this.adapter.read(async (tx) => {
      const session = await tx.getSession(idHash);
      if (!session) return undefined;
      const account = await tx.getAccount(session.username);
      return account ? { session, account: publicAccount(account) } : undefined;
    });
  }

  async touchSession(idHash: string, idleExpiresAt: string): Promise<void> {
    await this.adapter.write((tx) => tx.touchSession(idHash, idleExpiresAt));
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.adapter.write(async (tx) => {
      await tx.deleteSession(idHash);
      await tx.deletePresence(idHash);
    });
  }

  endSessions(username: string, exceptIdHash?: string): Promise<number> {
    return this.adapter.write((tx) => endSessionsOf(tx, username, exceptIdHash));
  }

  purgeSessions(now: string): Promise<number> {
    return this.adapter.write((tx) => tx.purgeSessions(now));
  }

  async putPresence(presence: StoredPresence, now: string): Promise<void> {
    await this.adapter.write(async (tx) => {
      await tx.purgePresence(now);
      await tx.putPresence(presence);
    });
  }

  async leavePresence(idHash: string, tab?: string): Promise<void> {
    await this.adapter.write((tx) => tx.deletePresence(idHash, tab));
  }

  listPresence(now: string): Promise<StoredPresence[]> {
    return this.adapter.read((tx) => tx.listPresence(now));
  }

  updateThrottle<T>(
    keys: readonly string[],
    now: number,
    forgetBefore: number,
    decide: (current: Map<string, ThrottleEntry>) => ThrottleDecision<T>,
  ): Promise<T> {
    return this.adapter.write(async (tx) => {
      await tx.lockThrottle();
      await tx.purgeThrottle(forgetBefore, now);
      const result = decide(await tx.getThrottle(keys));
      if (result.remove.length) await tx.deleteThrottle(result.remove);
      if (result.put.length) await tx.putThrottle(result.put);
      return result.result;
    });
  }

  private entry(
    actor: string,
    action: AuditEntry['action'],
    key: string,
    before: unknown,
    after: unknown,
  ): Omit<AuditEntry, 'seq'> {
    return {
      at: this.clock().toISOString(),
      actor,
      action,
      kind: ACCOUNT_AUDIT_KIND,
      key,
      countries: [],
      before,
      after,
    };
  }
}

function sorted(value: object): object {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}
