// Country scoping for `ncp` accounts: an NCP changes only what belongs to one of its countries (an item's
// countries as the audit trail works them out: a flow or reporting line, either end's). The entity and import
// services run these checks as write guards, inside the write's transaction after its lock (reading through
// the transaction's view), so an item cannot move out of scope between the check and the write; they
// refuse with a ForbiddenError naming the countries and the items.
import { ForbiddenError } from '../errors';
import {
  DOCUMENT_KINDS,
  KIND_SPECS,
  KINDS,
  keyOf,
  rawKeyOf,
  stripMetaOf,
  type AuditKind,
  type Kind,
  type Stored,
} from '../model';
import { addCountries, knownCountries } from '../model/audit-countries';
import { cascadeFrom } from '../model/document-rules';
import { deepEqual } from '../model/equal';
import type { AuditQuery, StoreView } from '../store/port';
import { decide } from './permissions';
import type { AccessRule, SessionUser } from '../model/roles';

type State = Map<Kind, Map<string, Stored<Kind>>>;

/** One side of a change (the item before, or after) whose countries are asked for. */
export interface ItemSide {
  kind: AuditKind;
  key: string;
  item: unknown;
}

/** An item outside the user's countries, with the countries it belongs to. */
export interface OutOfScope {
  kind: AuditKind;
  key: string;
  countries: string[];
}

/** Whether the user is limited to its own countries (an `ncp`); other roles are not scoped. */
export function isCountryScoped(user: SessionUser | undefined): user is SessionUser {
  return user?.role === 'ncp';
}

/** The user's own countries, for messages: "SE" or "SE, NO". */
function own(user: SessionUser): string {
  return user.countries.length ? user.countries.join(', ') : 'none';
}

function mayChange(user: SessionUser, countries: readonly string[]): boolean {
  // No country at all means the item refers to nothing that exists: the store refuses it with a 400.
  return countries.length === 0 || countries.some((c) => user.countries.includes(c));
}

function describe(items: readonly OutOfScope[], limit = 20): string {
  const shown = items.slice(0, limit).map((o) => `${o.kind} '${o.key}' (${o.countries.join(', ')})`);
  return items.length > limit ? `${shown.join(', ')} and ${items.length - limit} more` : shown.join(', ');
}

/** The countries of stakeholders and networks, as the audit trail looks them up (nothing else is needed). */
async function lookupState(store: StoreView): Promise<State> {
  const { items } = await store.listMany(['stakeholder', 'network']);
  return new Map<Kind, Map<string, Stored<Kind>>>([
    ['stakeholder', new Map(items.stakeholder.map((s) => [s.id, s as Stored<Kind>]))],
    ['network', new Map(items.network.map((n) => [n.id, n as Stored<Kind>]))],
  ]);
}

/**
 * The countries each side belongs to, by the audit trail's rule (server/model/audit-countries.ts), from `state`
 * alone: a reference to anything else is dangling (and the store will say so). `extra` are sides being written
 * together (an import's stakeholders), looked at before the state.
 */
export function countriesOfSides(
  sides: readonly ItemSide[],
  state: State,
  extra: readonly ItemSide[] = [],
): string[][] {
  const draft = (s: ItemSide) => ({
    at: '',
    actor: '',
    action: 'update' as const,
    kind: s.kind,
    key: s.key,
    before: s.item,
    after: null,
  });
  const drafts = [...extra.map(draft), ...sides.map(draft)];
  const known = addCountries(drafts, knownCountries(drafts, state).known);
  return known.slice(extra.length).map((d) => d.countries);
}

/** The sides among `sides` that are outside the user's countries. */
function outOfScope(
  user: SessionUser,
  sides: readonly ItemSide[],
  state: State,
  extra: readonly ItemSide[] = [],
): OutOfScope[] {
  const countries = countriesOfSides(sides, state, extra);
  return sides.flatMap((s, i) =>
    mayChange(user, countries[i]!) ? [] : [{ kind: s.kind, key: s.key, countries: countries[i]! }],
  );
}

/**
 * An entity write (create: before undefined; delete: after undefined): for an `ncp`, the item before and
 * the item after the change must each belong to one of its countries.
 */
export async function assertMayWrite(
  store: StoreView,
  user: SessionUser | undefined,
  kind: Kind,
  key: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  if (!isCountryScoped(user)) return;
  const state = await lookupState(store);
  const [b, a] = countriesOfSides(
    [
      { kind, key, item: before ?? null },
      { kind, key, item: after ?? null },
    ],
    state,
  );
  if (before !== undefined && !mayChange(user, b!)) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may change only items of your countries; ${kind} '${key}' belongs to ${b!.join(', ')}`,
    );
  }
  if (after !== undefined && !mayChange(user, a!)) {
    const verb = before === undefined ? 'would belong to' : 'would then belong to';
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may change only items of your countries; ${kind} '${key}' ${verb} ${a!.join(', ')}`,
    );
  }
}

/**
 * A delete with cascade: every item the cascade would delete or update must be in the user's countries;
 * otherwise a 403 lists those that are not, before anything is written.
 */
export async function assertMayCascade(
  store: StoreView,
  user: SessionUser | undefined,
  kind: Kind,
  key: string,
): Promise<void> {
  if (!isCountryScoped(user)) return;
  const { items } = await store.listMany(KINDS);
  const state: State = new Map(
    KINDS.map((k) => [k, new Map((items[k] as Stored<Kind>[]).map((r) => [keyOf(k, r), r]))]),
  );
  const { deletes, updates } = cascadeFrom(state, kind, key);
  const sides: ItemSide[] = [];
  for (const [k, keys] of deletes)
    for (const x of keys) sides.push({ kind: k, key: x, item: state.get(k)?.get(x) ?? null });
  for (const [k, rows] of updates)
    for (const x of rows.keys()) sides.push({ kind: k, key: x, item: state.get(k)?.get(x) ?? null });
  const outside = outOfScope(user, sides, state);
  if (outside.length) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may change only items of your countries; deleting ${kind} '${key}' ` +
        `with cascade would also delete or update ${outside.length} item${outside.length === 1 ? '' : 's'} outside them: ${describe(outside)}; nothing was deleted`,
    );
  }
}

function collection(raw: unknown, kind: Kind): unknown[] {
  const items =
    raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[KIND_SPECS[kind].collection] : undefined;
  return Array.isArray(items) ? items : [];
}

/**
 * An import (merge or replace, dry run too): for an `ncp`, every country record of the file must be one of
 * its own and unchanged (country records are the catalogue), and every item of the file, as it is in the
 * file and as it is stored now, must belong to one of its countries. What a replace removes lies in the
 * file's countries, so it is in scope once they are.
 */
export async function assertMayImport(store: StoreView, user: SessionUser | undefined, raw: unknown): Promise<void> {
  if (!isCountryScoped(user)) return;
  const countries = collection(raw, 'country');
  const codes = countries.map((c) => rawKeyOf('country', c)).filter((c): c is string => c !== undefined);
  const foreign = [...new Set(codes.filter((c) => !user.countries.includes(c)))];
  if (foreign.length) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may import only your countries; the file holds ${foreign.join(', ')}; nothing was written`,
    );
  }
  const stored = await store.listMany(DOCUMENT_KINDS);
  const storedState: State = new Map(
    DOCUMENT_KINDS.map((k) => [k, new Map((stored.items[k] as Stored<Kind>[]).map((r) => [keyOf(k, r), r]))]),
  );
  const changedCountries = countries.filter((c) => {
    const code = rawKeyOf('country', c);
    const current = code === undefined ? undefined : storedState.get('country')?.get(code);
    // An export's country carries the version it had (DOMAIN.md): not part of the record.
    const { version: _version, ...record } = (c && typeof c === 'object' ? c : {}) as Record<string, unknown>;
    const parsed = KIND_SPECS.country.schema.safeParse(c && typeof c === 'object' ? record : c);
    return !current || !parsed.success || !deepEqual(stripMetaOf(current), parsed.data);
  });
  if (changedCountries.length) {
    const names = changedCountries.map((c) => rawKeyOf('country', c) ?? '?').join(', ');
    throw new ForbiddenError(
      `country records are the catalogue, which only an administrator creates or changes; the file would create or change ${names}; nothing was written`,
    );
  }
  const after: ItemSide[] = [];
  const before: ItemSide[] = [];
  for (const kind of DOCUMENT_KINDS) {
    if (kind === 'country') continue;
    for (const item of collection(raw, kind)) {
      const key = rawKeyOf(kind, item);
      if (key === undefined) continue;
      after.push({ kind, key, item });
      const current = storedState.get(kind)?.get(key);
      if (current) before.push({ kind, key, item: current });
    }
  }
  // The file's own stakeholders and networks count first (a flow to a stakeholder the file creates).
  const lookup = new Map([...storedState].filter(([k]) => k === 'stakeholder' || k === 'network'));
  const fileSide = after.filter((s) => s.kind === 'stakeholder' || s.kind === 'network');
  const outside = [
    ...outOfScope(user, after, lookup, fileSide),
    ...outOfScope(user, before, lookup).map((o) => ({ ...o, key: `${o.key}, as stored` })),
  ];
  if (outside.length) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may import only items of your countries; the file has ${outside.length} ` +
        `item${outside.length === 1 ? '' : 's'} outside them: ${describe(outside)}; nothing was written`,
    );
  }
}

/** Freezing or deleting a round: for an `ncp`, only a country round of one of its countries (not a region round). */
export function assertMayManageRound(
  user: SessionUser | undefined,
  country: string | null | undefined,
  what: string,
): void {
  if (!isCountryScoped(user)) return;
  if (!country) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may ${what} only rounds of your countries, not region rounds`,
    );
  }
  if (!user.countries.includes(country)) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may ${what} only rounds of your countries; this is a round of ${country}`,
    );
  }
}

/**
 * The audit countries a user may read: undefined for everyone but an `ncp` (all of them); for an `ncp`,
 * its own, or just the one it filters by (a filter outside them is refused).
 */
export function auditCountries(
  user: SessionUser | undefined,
  query: Pick<AuditQuery, 'country'>,
): string[] | undefined {
  if (!isCountryScoped(user)) return undefined;
  if (query.country === undefined) return [...user.countries];
  if (!user.countries.includes(query.country)) {
    throw new ForbiddenError(
      `as the NCP of ${own(user)} you may read the audit trail of your countries only, not of ${query.country}`,
    );
  }
  return [query.country];
}

/**
 * The writer as the store has it now, read inside the write's transaction: the account may have been removed,
 * demoted or given other countries since its session was looked up (sessions may be cached for reads). Refuses
 * with a ForbiddenError when it may no longer use `rule`; otherwise the user with its current role and countries.
 */
export async function recheckWriter(view: StoreView, user: SessionUser, rule: AccessRule): Promise<SessionUser> {
  const account = await view.getAccount(user.username);
  if (!account) throw new ForbiddenError(`the account '${user.username}' has been removed; nothing was written`);
  const current: SessionUser = { ...user, role: account.role, countries: [...account.countries] };
  const decision = decide(rule, current);
  if (!decision.allowed) throw new ForbiddenError(`${decision.message}; nothing was written`);
  return current;
}
