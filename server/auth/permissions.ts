// Who may do what: the roles each access rule lets through, and the check every route runs before it reads its input.
import type { AccessRule, Role, SessionUser } from '../model/roles';

/** The roles a signed-in user needs for each rule ('public' and 'signed-in' need no particular role). */
export const RULE_ROLES: Readonly<Record<Exclude<AccessRule, 'public'>, readonly Role[]>> = {
  'signed-in': ['admin', 'editor', 'ncp', 'viewer'],
  read: ['admin', 'editor', 'ncp', 'viewer'],
  audit: ['admin', 'editor', 'ncp'],
  edit: ['admin', 'editor', 'ncp'],
  catalogue: ['admin'],
  import: ['admin', 'editor', 'ncp'],
  rounds: ['admin', 'editor', 'ncp'],
  admin: ['admin'],
};

/** The rules under which an `ncp` is further limited to its own countries (server/auth/scope.ts). */
export const COUNTRY_SCOPED_RULES: ReadonlySet<AccessRule> = new Set(['audit', 'edit', 'import', 'rounds']);

/** What each rule guards, to say in a 403. */
const WHAT: Readonly<Record<AccessRule, string>> = {
  public: 'use this',
  'signed-in': 'use this',
  read: 'read the map',
  audit: 'read the audit trail',
  edit: 'change the map',
  catalogue: 'change the catalogue (countries, themes, indicators)',
  import: 'import into the map',
  rounds: 'freeze or delete mapping rounds',
  admin: 'manage accounts',
};

const ARTICLE: Readonly<Record<Role, string>> = {
  admin: 'an admin',
  editor: 'an editor',
  ncp: 'an ncp',
  viewer: 'a viewer',
};

export type AccessDecision =
  | { allowed: true }
  | { allowed: false; status: 401; code: 'unauthenticated'; message: string }
  | { allowed: false; status: 403; code: 'forbidden'; message: string };

export function rolesFor(rule: AccessRule): readonly Role[] | 'anyone' {
  return rule === 'public' ? 'anyone' : RULE_ROLES[rule];
}

/** Whether a user (undefined: not signed in) may call a route with this rule. */
export function mayAccess(rule: AccessRule, user: SessionUser | undefined): boolean {
  return decide(rule, user).allowed;
}

/** The answer for a route's rule and the request's user: allowed, 401 (not signed in) or 403 (role not allowed). */
export function decide(rule: AccessRule, user: SessionUser | undefined): AccessDecision {
  if (rule === 'public') return { allowed: true };
  if (!user) return { allowed: false, status: 401, code: 'unauthenticated', message: 'sign in first' };
  const roles = RULE_ROLES[rule];
  if (roles.includes(user.role)) return { allowed: true };
  return { allowed: false, status: 403, code: 'forbidden', message: forbiddenMessage(rule, user.role) };
}

export function forbiddenMessage(rule: AccessRule, role: Role): string {
  const roles = rolesFor(rule);
  const who =
    roles === 'anyone'
      ? 'anyone'
      : roles.length === 1
        ? `the role ${roles[0]}`
        : `the role ${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
  return `${ARTICLE[role]} may not ${WHAT[rule]}: that needs ${who}`;
}
