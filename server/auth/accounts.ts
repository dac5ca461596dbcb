// Account use cases: create, verify a password, change one's own password, update or reset (admin),
// remove, list, and the first administrator on an empty store. The store keeps the invariants (an ncp's
// countries, the last administrator); here are the password rule, hashing, and the countries in the map.
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Problem } from '../model';
import { problemsFromZod } from '../model/problems';
import type { GraphStore } from '../store/port';
import { AccountCreate, AccountUpdate, passwordProblem, type Account } from '../model/account';
import type { Clock } from './clock';
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';

export const FIRST_ADMIN = 'admin';

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = problemsFromZod(result.error, input);
  throw new ValidationError(`invalid ${what}: ${problems.map((p) => p.field ?? p.path).join(', ')}`, problems);
}

function refuse(message: string, field: string, problemMessage: string): never {
  throw new ValidationError(message, [{ path: field, field, message: problemMessage }]);
}

export type FirstAdmin = { created: false } | { created: true; username: string; password: string; generated: boolean };

/** How a password check went, for the sign-in throttle (server/auth/throttle.ts). */
export interface CheckOutcome {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export class AccountService {
  constructor(
    private readonly store: GraphStore,
    private readonly clock: Clock,
    /** Told after an account's role, countries, password or existence changed (the session cache forgets it). */
    private readonly changed: (username: string) => void = () => {},
  ) {}

  list(): Promise<Account[]> {
    return this.store.accounts.listAccounts();
  }

  async create(input: unknown, actor: string): Promise<Account> {
    const body = parse(AccountCreate, input, 'account');
    const problem = passwordProblem(body.password, body.username);
    if (problem) refuse('the password is too weak', 'password', problem);
    const countries = body.countries ?? [];
    await this.checkCountries(countries);
    return this.store.accounts.createAccount(
      {
        username: body.username,
        role: body.role,
        countries,
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        passwordHash: await hashPassword(body.password),
      },
      actor,
    );
  }

  /**
   * An administrator's change: role, countries, display name, or a new password (a reset, which ends the
   * account's sessions). A role other than ncp drops the countries unless they are given.
   */
  async update(username: string, input: unknown, actor: string): Promise<Account> {
    const body = parse(AccountUpdate, input, 'account change');
    const current = await this.store.accounts.getAccount(username);
    if (!current) throw new NotFoundError(`account '${username}' not found`);
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password, username);
      if (problem) refuse('the password is too weak', 'password', problem);
    }
    const role = body.role ?? current.role;
    const countries = body.countries ?? (role === 'ncp' ? current.countries : []);
    if (body.countries) await this.checkCountries(body.countries);
    try {
      return await this.store.accounts.updateAccount(
        username,
        {
          ...(body.role !== undefined ? { role: body.role } : {}),
          countries,
          ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
          ...(body.password !== undefined ? { passwordHash: await hashPassword(body.password) } : {}),
        },
        actor,
        body.password !== undefined ? { endSessions: {} } : {},
      );
    } finally {
      this.changed(username);
    }
  }

  /** Sets a new password (given, or generated and returned) and ends the account's sessions. */
  async reset(
    username: string,
    password: string | undefined,
    actor: string,
  ): Promise<{ account: Account; password: string }> {
    const next = password ?? generatePassword();
    const account = await this.update(username, { password: next }, actor);
    return { account, password: next };
  }

  async remove(username: string, actor: string): Promise<{ deleted: true }> {
    try {
      return await this.store.accounts.deleteAccount(username, actor);
    } finally {
      this.changed(username);
    }
  }

  /** The account whose password this is, or undefined; an unknown username costs the same time as a known one. */
  async verify(username: string, password: string): Promise<Account | undefined> {
    const stored = await this.store.accounts.getAccount(username);
    if (!stored) return verifyAgainstDummy(password).then(() => undefined);
    if (!(await verifyPassword(password, stored.passwordHash))) return undefined;
    const { passwordHash: _hash, ...account } = stored;
    return account;
  }

  /** Notes a successful sign-in on the account. */
  recordLogin(username: string): Promise<void> {
    return this.store.accounts.recordLogin(username, this.clock.now().toISOString());
  }

  /**
   * One's own password: the current one must be right, checked inside the write's transaction against the
   * hash as stored then (so of two changes sent with the same current password, one wins and the other is
   * refused); the outcome goes to `check`, the throttle's attempt. The other sessions end, `keepSession`
   * (an id hash) stays.
   */
  async changePassword(change: {
    username: string;
    currentPassword: string;
    newPassword: string;
    keepSession?: string;
    check?: CheckOutcome;
  }): Promise<void> {
    const { username, currentPassword, newPassword, keepSession, check } = change;
    const problem =
      passwordProblem(newPassword, username) ??
      (newPassword === currentPassword ? 'must differ from the current password' : undefined);
    const passwordHash = problem ? undefined : await hashPassword(newPassword);
    let verified = false;
    try {
      await this.store.accounts.updateAccount(username, passwordHash ? { passwordHash } : {}, username, {
        endSessions: keepSession ? { except: keepSession } : {},
        check: async (current) => {
          if (!(await verifyPassword(currentPassword, current.passwordHash))) {
            refuse('the current password is wrong', 'currentPassword', 'is not your current password');
          }
          verified = true;
          if (problem) refuse('the new password is too weak', 'newPassword', problem);
        },
      });
    } finally {
      this.changed(username);
      // After the transaction: the throttle writes to the store itself.
      await (verified ? check?.succeeded() : check?.failed());
    }
  }

  /**
   * On a store without accounts, creates the administrator `admin` with `password` (ADMIN_PASSWORD), or a
   * generated one that the caller shows once. Does nothing when any account exists.
   */
  async ensureFirstAdmin(password?: string): Promise<FirstAdmin> {
    if ((await this.store.accounts.listAccounts()).length > 0) return { created: false };
    if (password !== undefined) {
      const problem = passwordProblem(password, FIRST_ADMIN);
      if (problem)
        throw new ValidationError(`ADMIN_PASSWORD ${problem}`, [
          { path: 'ADMIN_PASSWORD', field: 'ADMIN_PASSWORD', message: problem },
        ]);
    }
    const chosen = password ?? generatePassword();
    try {
      await this.store.accounts.createAccount(
        { username: FIRST_ADMIN, role: 'admin', countries: [], passwordHash: await hashPassword(chosen) },
        'system',
      );
    } catch (err) {
      // Another process starting on the same store got there first.
      if (err instanceof ConflictError && err.code === 'already_exists') return { created: false };
      throw err;
    }
    return { created: true, username: FIRST_ADMIN, password: chosen, generated: password === undefined };
  }

  /** An ncp's countries must be countries of the map (a typo would give an account that can edit nothing). */
  private async checkCountries(countries: readonly string[]): Promise<void> {
    if (!countries.length) return;
    const known = new Set((await this.store.list('country')).map((c) => c.code));
    const problems: Problem[] = countries
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => !known.has(code))
      .map(({ code, i }) => ({
        path: `countries[${i}]`,
        field: 'countries',
        message: `country '${code}' is not in the map`,
      }));
    if (problems.length) throw new ValidationError('the account names countries that are not in the map', problems);
  }
}
