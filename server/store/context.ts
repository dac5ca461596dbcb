// What the store's modules (core.ts, imports.ts, rounds.ts) share over an adapter's transactions: the clock's
// stamps and audit drafts, a transaction's items loaded by kind and key, and the reads a write guard makes.
import { KINDS, keyOf, type Kind, type Stored } from '../model';
import type { ItemState } from '../model/document-rules';
import type { AuditDraft } from './audit-countries';
import type { KindCounts, StoreView, TxOps } from './port';

/** Who changed an item and when, and audit drafts, stamped with the store's clock. */
export class Stamps {
  constructor(private readonly clock: () => Date) {}

  now(): string {
    return this.clock().toISOString();
  }

  stamp(actor: string): { updatedAt: string; updatedBy: string } {
    return { updatedAt: this.now(), updatedBy: actor };
  }

  entry(
    actor: string,
    action: AuditDraft['action'],
    kind: AuditDraft['kind'],
    key: string,
    before: unknown,
    after: unknown,
  ): AuditDraft {
    return { at: this.now(), actor, action, kind, key, before, after };
  }
}

export function addCount(counts: KindCounts, kind: Kind, n = 1): void {
  if (n) counts[kind] = (counts[kind] ?? 0) + n;
}

/** Every item of `kinds` (with metadata) by kind and key, read in the transaction. */
export async function loadState(tx: TxOps, kinds: readonly Kind[] = KINDS): Promise<ItemState> {
  const state: ItemState = new Map();
  for (const kind of kinds) {
    const rows = await tx.list<Kind>(kind);
    state.set(kind, new Map(rows.map((r) => [keyOf(kind, r), r])));
  }
  return state;
}

/** Reads for a write guard, inside the write's transaction (after its lock). */
export function viewOf(tx: TxOps): StoreView {
  return {
    async listMany<K extends Kind>(kinds: readonly K[]) {
      const items = {} as { [P in K]: Stored<P>[] };
      for (const kind of kinds) items[kind] = await tx.list(kind);
      return { items };
    },
    getAccount: (username) => tx.getAccount(username),
  };
}
