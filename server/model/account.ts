// Accounts: the zod schemas of an account and of the bodies that create and change one, and the password rule.
// Shared by server and client (no I/O here); the password hash never appears in any of these.
import { z } from 'zod';
import { CountryCode } from './index';
import { Role } from './roles';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const Username = z
  .string()
  .regex(USERNAME_PATTERN, 'must be 3-40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

export const MIN_PASSWORD_LENGTH = 10;
/** Longer passwords are refused before hashing, so that no request can make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 200;
export const Password = z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** Why a new password is refused, or undefined when it is acceptable. Never repeats the password. */
export function passwordProblem(password: string, username: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim().toLowerCase() === username.toLowerCase()) return 'must not be the username';
  return undefined;
}

const DisplayName = z.string().trim().min(1, 'must not be empty').max(120);
const Countries = z
  .array(CountryCode)
  .max(50)
  .refine((a) => new Set(a).size === a.length, 'must not repeat a country');

/** An account as the API shows it (never with its password hash). */
export const Account = z.object({
  username: Username,
  role: Role,
  /** The countries an `ncp` account edits (at least one); empty for other roles. */
  countries: z.array(CountryCode),
  displayName: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().optional(),
});
export type Account = z.infer<typeof Account>;

/** `POST /api/accounts` (and `npm run user -- add`). */
export const AccountCreate = z.strictObject({
  username: Username,
  role: Role,
  countries: Countries.optional(),
  displayName: DisplayName.optional(),
  password: Password,
});
export type AccountCreate = z.infer<typeof AccountCreate>;

/** `PUT /api/accounts/:username`: each field optional; `password` resets it; `displayName: null` removes it. */
export const AccountUpdate = z.strictObject({
  role: Role.optional(),
  countries: Countries.optional(),
  displayName: DisplayName.nullable().optional(),
  password: Password.optional(),
});
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const AccountsResponse = z.object({ accounts: z.array(Account) });
