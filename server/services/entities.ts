// The entity use cases behind the CRUD routes: reads as the user may see them (personal data), and writes
// checked inside the store's write transaction, before anything is written: the writer's account as stored
// then (removed, demoted) and an `ncp`'s countries.
import { visibleItem, visibleItems } from '../auth/personal-data';
import { assertMayCascade, assertMayWrite, isCountryScoped, recheckWriter } from '../auth/scope';
import type { SessionUser } from '../model/roles';
import { NotFoundError } from '../errors';
import { CATALOGUE_RECORD_KINDS, KIND_SPECS, rawKeyOf, type Kind, type Stored } from '../model';
import type { DeleteOptions, GraphStore, KindCounts, ListFilter, StoreView, WriteGuard } from '../store/port';

type EntityChange = { before: Stored<Kind> | undefined; after: unknown };

/** An update body with the key fields taken from the path (the store refuses a body that changes them). */
function withPathKey(kind: Kind, key: string, input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const fields = KIND_SPECS[kind].keyFields;
  const parts = fields.length === 1 ? [key] : key.split('|');
  return { ...input, ...Object.fromEntries(fields.map((f, i) => [f, parts[i]])) };
}

export class EntityService {
  constructor(private readonly store: GraphStore) {}

  async list<K extends Kind>(kind: K, filter: ListFilter, user: SessionUser | undefined): Promise<Stored<K>[]> {
    return visibleItems(kind, await this.store.list(kind, filter), user);
  }

  /** One item; an item the user may not see (a flow carrying personal data, for a viewer) is not found. */
  async get<K extends Kind>(kind: K, key: string, user: SessionUser | undefined): Promise<Stored<K>> {
    const shown = visibleItem(kind, await this.store.get(kind, key), user);
    if (!shown) throw new NotFoundError(`${kind} '${key}' not found`);
    return shown;
  }

  async create<K extends Kind>(
    kind: K,
    input: unknown,
    user: SessionUser | undefined,
    actor: string,
  ): Promise<Stored<K>> {
    const key = rawKeyOf(kind, input) ?? '(new)';
    return this.store.create(kind, input, actor, {
      guard: writeGuard(kind, user, (view, writer) => assertMayWrite(view, writer, kind, key, undefined, input)),
    });
  }

  async update<K extends Kind>(
    kind: K,
    key: string,
    input: unknown,
    expectedVersion: number,
    user: SessionUser | undefined,
    actor: string,
  ): Promise<Stored<K>> {
    return this.store.update(kind, key, input, expectedVersion, actor, {
      guard: writeGuard(kind, user, (view, writer, { before }) =>
        assertMayWrite(view, writer, kind, key, before, withPathKey(kind, key, input)),
      ),
    });
  }

  async delete(
    kind: Kind,
    key: string,
    expectedVersion: number,
    user: SessionUser | undefined,
    actor: string,
    options: DeleteOptions = {},
  ): Promise<{ deleted: KindCounts; updated: KindCounts }> {
    return this.store.delete(kind, key, expectedVersion, actor, {
      ...options,
      guard: writeGuard(kind, user, async (view, writer, { before }) => {
        await assertMayWrite(view, writer, kind, key, before, undefined);
        if (options.cascade) await assertMayCascade(view, writer, kind, key);
      }),
    });
  }
}

/**
 * The checks the store runs inside the write's transaction, after its lock: the writer's account as stored now
 * may still write this kind, and an `ncp` (by its current countries) only in its own countries.
 */
function writeGuard(
  kind: Kind,
  user: SessionUser | undefined,
  scope: (view: StoreView, writer: SessionUser, change: EntityChange) => Promise<void>,
): WriteGuard<EntityChange> | undefined {
  if (!user) return undefined;
  const rule = CATALOGUE_RECORD_KINDS.has(kind) ? 'catalogue' : 'edit';
  return async (view, change) => {
    const writer = await recheckWriter(view, user, rule);
    if (isCountryScoped(writer)) await scope(view, writer, change);
  };
}
