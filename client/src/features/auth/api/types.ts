// The shapes the account routes exchange: the types of the server's own zod schemas (server/auth), so
// client and server cannot drift. Type-only here; the role list is a constant of that module.
import type { z } from 'zod';
import type {
  Account as AccountSchema,
  AccountCreate,
  AccountsResponse as AccountsSchema,
  AccountUpdate,
} from '@model/account';

export type { Role, SessionUser } from '@model/roles';
export { ROLES } from '@model/roles';

export type Account = z.infer<typeof AccountSchema>;
export type AccountsResponse = z.infer<typeof AccountsSchema>;
export type NewAccount = z.input<typeof AccountCreate>;
/** `password` resets it (and ends the account's sessions); `displayName: null` removes the name. */
export type AccountChange = z.input<typeof AccountUpdate>;
