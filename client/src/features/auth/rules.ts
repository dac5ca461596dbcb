// The account rules the server applies (issue 6 design), checked in the forms first so each message
// lands next to its field before anything is sent; and the sign-in refusals in words.
import { MIN_PASSWORD_LENGTH, passwordProblem as serverPasswordProblem, USERNAME_PATTERN } from '@model/account';
import { ApiError } from '../../lib/apiFetch';

export { USERNAME_PATTERN };
export const PASSWORD_MIN = MIN_PASSWORD_LENGTH;

/** What is wrong with a username, or null. */
export function usernameProblem(username: string): string | null {
  if (username === '') return 'Give a username.';
  if (!USERNAME_PATTERN.test(username)) {
    return '3 to 40 characters: lower-case letters, digits and . _ - (starting with a letter or digit).';
  }
  return null;
}

/** What is wrong with a new password, or null: the server's own rule (server/auth/account.ts), in a sentence. */
export function passwordProblem(password: string, username: string): string | null {
  if (password === '') return 'Give a password.';
  const problem = serverPasswordProblem(password, username);
  if (!problem) return null;
  const length = [...password].length;
  return length < PASSWORD_MIN ? `The password ${problem} (this one has ${length}).` : `The password ${problem}.`;
}

/** Whole minutes to wait, at least 1, from a `retryAfter` in seconds. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** The message for a refused sign-in: wrong credentials, locked out (with the wait), or what else went wrong. */
export function signInFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'Wrong username or password.';
    if (error.code === 'locked_out' || error.status === 429) {
      const seconds = typeof error.details.retryAfter === 'number' ? error.details.retryAfter : undefined;
      if (seconds === undefined)
        return 'Too many failed sign-ins: this account is locked for a while. Try again later.';
      const minutes = minutesToWait(seconds);
      return `Too many failed sign-ins: this account is locked. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Problems the server put on fields (`problems[].field` or the last part of `path`), by field. */
export function fieldProblems(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const p of error.problems) {
    const field = p.field ?? p.path?.split('.').pop();
    if (field && !out[field]) out[field] = p.message;
  }
  return out;
}

/** An account as the add and change forms hold it. */
export interface AccountDraft {
  username: string;
  displayName: string;
  role: string;
  countries: readonly string[];
  /** The new account's password (add) or the new one (reset); not part of a role change. */
  password?: string;
}

export type AccountErrors = Partial<Record<'username' | 'displayName' | 'role' | 'countries' | 'password', string>>;

export const DISPLAY_NAME_MAX = 120;

/**
 * The problems of an account draft, by field: the username (when `checkUsername`), a role, at least
 * one country for an ncp, the display name's length and the password (when given).
 */
export function accountProblems(
  draft: AccountDraft,
  options: { checkUsername: boolean; roles: readonly string[] },
): AccountErrors {
  const errors: AccountErrors = {};
  if (options.checkUsername) {
    const u = usernameProblem(draft.username);
    if (u) errors.username = u;
  }
  if (!options.roles.includes(draft.role)) errors.role = 'Choose a role.';
  if (draft.role === 'ncp' && draft.countries.length === 0)
    errors.countries = 'Choose at least one country for an NCP account.';
  if (draft.displayName.trim().length > DISPLAY_NAME_MAX)
    errors.displayName = `At most ${DISPLAY_NAME_MAX} characters.`;
  if (draft.password !== undefined) {
    const p = passwordProblem(draft.password, draft.username);
    if (p) errors.password = p;
  }
  return errors;
}

/** A password that passes the rule: 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function generatePassword(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  while (out.length < 16) {
    for (const b of random(32)) {
      if (b < limit && out.length < 16) out.push(alphabet[b % alphabet.length] ?? '');
    }
  }
  return out.join('');
}
