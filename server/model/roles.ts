// Who is asking: the roles of issue 6 and the signed-in user every request carries (res.locals.user).
import { z } from 'zod';

/** admin: everything; editor: a consultant, edits any country; ncp: edits its own countries, reads the region; viewer: reads. */
export const ROLES = ['admin', 'editor', 'ncp', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The user a request was made by, as the session resolves it. Never holds a password or its hash. */
export interface SessionUser {
  username: string;
  role: Role;
  /** The countries an `ncp` account may edit (ISO codes); empty for other roles. */
  countries: string[];
  displayName?: string;
}

/** Where the session middleware puts the user (undefined when not signed in). */
export function userOf(res: { locals: Record<string, unknown> }): SessionUser | undefined {
  return res.locals.user as SessionUser | undefined;
}

/**
 * The rule a route declares (RouteDef.access); server/auth/permissions.ts maps each to the roles allowed.
 * - public: no session needed (sign in, health);  signed-in: any signed-in user (me, logout, password);
 * - read: every role;  audit: the audit log;  edit: entity writes (ncp: own countries);
 * - catalogue: countries, themes, indicators;  import: imports (ncp: own countries);
 * - rounds: freezing and deleting rounds (ncp: own countries);  admin: accounts.
 */
export const ACCESS_RULES = [
  'public',
  'signed-in',
  'read',
  'audit',
  'edit',
  'catalogue',
  'import',
  'rounds',
  'admin',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];
