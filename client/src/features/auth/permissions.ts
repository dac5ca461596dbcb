// What the signed-in user may do, as the UI needs to know it to hide what a role cannot do (the server
// still checks every request, server/auth/permissions.ts): one `can(user, action, country?)` for every view.
import type { Role, SessionUser } from '@model/roles';

/**
 * - edit: create, change and delete map items (stakeholders, flows, interviews ...);
 * - import: import a file;  rounds: freeze and delete mapping rounds;
 * - history: read the audit log;  catalogue: countries, themes, indicators;  accounts: manage accounts.
 */
export const ACTIONS = ['edit', 'import', 'rounds', 'history', 'catalogue', 'accounts'] as const;
export type Action = (typeof ACTIONS)[number];

/** The whole region (a region round), as opposed to one country. */
export const REGION = null;

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  editor: ['edit', 'import', 'rounds', 'history'],
  ncp: ['edit', 'import', 'rounds', 'history'],
  viewer: [],
};

/** Actions an `ncp` may take only in its own countries. */
const COUNTRY_BOUND: ReadonlySet<Action> = new Set(['edit', 'import', 'rounds']);

/**
 * Whether `user` may take `action`. `country` narrows it for an `ncp`: a country code (its own?),
 * `REGION` (null: the whole region, never an ncp's), or left out: "in some country" (to decide whether
 * to offer the action at all). No user (not signed in yet) may do anything.
 */
export function can(user: SessionUser | null | undefined, action: Action, country?: string | null): boolean {
  if (!user) return false;
  if (!ROLE_ACTIONS[user.role].includes(action)) return false;
  if (user.role !== 'ncp' || !COUNTRY_BOUND.has(action)) return true;
  if (country === undefined) return user.countries.length > 0;
  if (country === REGION) return false;
  return user.countries.includes(country.toUpperCase());
}

/**
 * Whether `user` may change an item that belongs to these countries: a stakeholder its own, a flow or
 * reporting line both ends' (either end in an ncp's country is enough, as on the server).
 */
export function canEditItem(
  user: SessionUser | null | undefined,
  countries: ReadonlyArray<string | undefined>,
): boolean {
  return countries.some((c) => c !== undefined && can(user, 'edit', c));
}

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  editor: 'Editor',
  ncp: 'NCP',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'everything, and manages accounts',
  editor: 'edits every country (a consultant)',
  ncp: 'edits its own countries, reads the region',
  viewer: 'reads; no personal data',
};

/** "SE, NO" as country names when known ("Sweden, Norway"). */
export function countryList(codes: readonly string[], names?: ReadonlyMap<string, string>): string {
  return codes.map((c) => names?.get(c) ?? c).join(', ');
}

/**
 * Why a country's map is read-only for this user, in a sentence; null when it is not. Shown where an
 * edit, import or freeze control would be.
 */
export function readOnlyReason(
  user: SessionUser | null | undefined,
  action: 'edit' | 'import' | 'rounds',
  country: string | null,
  names?: ReadonlyMap<string, string>,
): string | null {
  if (!user || can(user, action, country)) return null;
  const what = action === 'edit' ? 'change maps' : action === 'import' ? 'import files' : 'freeze or delete rounds';
  if (user.role === 'viewer') return `Read-only: your account (viewer) can read every map but not ${what}.`;
  if (user.role === 'ncp') {
    const own = countryList(user.countries, names) || 'no country yet';
    const here = country === null ? 'the whole region' : (names?.get(country) ?? country);
    const scope = action === 'rounds' && country === null ? 'the rounds of your own countries' : 'your own countries';
    return `Read-only for you: as the NCP for ${own} you can ${what} only for ${scope}, not for ${here}.`;
  }
  return `Read-only: your role (${ROLE_NAMES[user.role].toLowerCase()}) cannot ${what}.`;
}
