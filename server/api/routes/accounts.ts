// Account administration (admin only): list, create, change or reset, and remove accounts. Removing or
// demoting the last administrator is refused (409 last_admin); a reset or removal ends the account's sessions.
import { z } from 'zod';
import { Account, AccountCreate, AccountsResponse, AccountUpdate, Username } from '../../model/account';
import { AccountDeleteResponse } from '../../model/api-auth';
import { UnauthenticatedError } from '../../auth/errors';
import type { AuthServices } from '../../auth/services';
import type { SessionUser } from '../../model/roles';
import { defineRoute, type RouteDef } from '../route';

const AccountParams = z.strictObject({ username: Username });

function actor(user: SessionUser | undefined): string {
  if (!user) throw new UnauthenticatedError();
  return user.username;
}

export function accountRoutes(auth: AuthServices): RouteDef[] {
  const tag = 'Accounts';
  return [
    defineRoute({
      method: 'get',
      path: '/accounts',
      tag,
      access: 'admin',
      query: z.strictObject({}),
      response: AccountsResponse,
      summary: 'Every account (never with its password)',
      handler: async () => ({ accounts: await auth.accounts.list() }),
    }),
    defineRoute({
      method: 'post',
      path: '/accounts',
      tag,
      access: 'admin',
      status: 201,
      query: z.strictObject({}),
      body: AccountCreate,
      validateBody: false,
      response: Account,
      summary: 'Create an account (an ncp names its countries); the password: at least 10 characters, not the username',
      handler: ({ body, user }) => auth.accounts.create(body, actor(user)),
    }),
    defineRoute({
      method: 'put',
      path: '/accounts/:username',
      tag,
      access: 'admin',
      params: AccountParams,
      query: z.strictObject({}),
      body: AccountUpdate,
      validateBody: false,
      response: Account,
      summary: "Change an account's role, countries or display name, or reset its password (which ends its sessions)",
      handler: ({ params, body, user }) => auth.accounts.update(params.username, body, actor(user)),
    }),
    defineRoute({
      method: 'delete',
      path: '/accounts/:username',
      tag,
      access: 'admin',
      params: AccountParams,
      query: z.strictObject({}),
      response: AccountDeleteResponse,
      summary: 'Remove an account and end its sessions',
      handler: ({ params, user }) => auth.accounts.remove(params.username, actor(user)),
    }),
  ];
}
