// Presence on Neo4j (the change feed's "who is looking at what", port.ts StoredPresence): one :Presence node per
// browser tab of a session, kept in the store so that every app instance on it sees every tab.
import type { ManagedTransaction } from 'neo4j-driver';
import type { StoredPresence, TxOps } from '../port';
import type { Executor } from './executor';

type PresenceOps = Pick<TxOps, 'putPresence' | 'deletePresence' | 'listPresence' | 'purgePresence'>;

export function presenceOps(ex: Executor, tx: ManagedTransaction): PresenceOps {
  return {
    async putPresence(presence: StoredPresence) {
      await ex.run(tx, 'presence.put', { presence });
    },
    async deletePresence(idHash: string, tab?: string) {
      await ex.run(tx, 'presence.delete', { idHash, tab: tab ?? null });
    },
    async listPresence(now: string) {
      const rows = await ex.run<StoredPresence>(tx, 'presence.list', { now });
      return rows.map((r) => ({
        ...r,
        country: r.country ?? null,
        editingKind: r.editingKind ?? null,
        editingKey: r.editingKey ?? null,
      }));
    },
    async purgePresence(now: string) {
      await ex.run(tx, 'presence.purge', { now });
    },
  };
}
