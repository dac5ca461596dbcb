// The entity use cases behind the CRUD routes: reads as the user may see them (personal data), and writes
// checked against the user's countries (an `ncp`) before the store is asked to write anything.
import { visibleItem, visibleItems } from '../auth/personal-data';
import { assertMayCascade, assertMayWrite, isCountryScoped } from '../auth/scope';
import type { SessionUser } from '../auth/types';
import { NotFoundError } from '../errors';
import { KIND_SPECS, rawKeyOf, type Kind, type Stored } from '../model';
import type { DeleteOptions, GraphStore, KindCounts, ListFilter } from '../store/port';

/** An update body with the key fields taken from the path (the store refuses a body that changes them). */
function withPathKey(kind: Kind, key: string, input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const fields = KIND_SPECS[kind].keyFields;
  const parts = fields.length === 1 ? [key] : key.split('|');
  return { ...(input as object), ...Object.fromEntries(fields.map((f, i) => [f, parts[i]])) };
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

  async create<K extends Kind>(kind: K, input: unknown, user: SessionUser | undefined, actor: string): Promise<Stored<K>> {
    await assertMayWrite(this.store, user, kind, rawKeyOf(kind, input) ?? '(new)', undefined, input);
    return this.store.create(kind, input, actor);
  }

  async update<K extends Kind>(kind: K, key: string, input: unknown, expectedVersion: number, user: SessionUser | undefined, actor: string): Promise<Stored<K>> {
    if (isCountryScoped(user)) await assertMayWrite(this.store, user, kind, key, await this.store.get(kind, key), withPathKey(kind, key, input));
    return this.store.update(kind, key, input, expectedVersion, actor);
  }

  async delete(kind: Kind, key: string, expectedVersion: number, user: SessionUser | undefined, actor: string, options: DeleteOptions = {}): Promise<{ deleted: KindCounts; updated: KindCounts }> {
    if (isCountryScoped(user)) {
      await assertMayWrite(this.store, user, kind, key, await this.store.get(kind, key), undefined);
      if (options.cascade) await assertMayCascade(this.store, user, kind, key);
    }
    return this.store.delete(kind, key, expectedVersion, actor, options);
  }
}
