// The countries of audit entries as they are written (the rule: server/model/audit-countries.ts), with the
// stakeholders and networks that neither the entries nor the loaded state hold looked up in the transaction.
import { addCountries, knownCountries, type AuditDraft, type KnownCountries } from '../model/audit-countries';
import type { AuditEntry, Kind, Stored } from '../model';
import type { TxOps } from './port';

export type { AuditDraft } from '../model/audit-countries';

/**
 * Adds `countries` to each draft. Stakeholders and networks are looked up first among the drafts
 * themselves, then in `state` when the caller has it loaded, then in the store. Call it before the writes,
 * so that what is being deleted can still be found.
 */
export async function withCountries(
  tx: Pick<TxOps, 'getMany'>,
  drafts: readonly AuditDraft[],
  state?: Map<Kind, Map<string, Stored<Kind>>>,
): Promise<Array<Omit<AuditEntry, 'seq'>>> {
  return addCountries(drafts, await countriesFor(tx, drafts, state));
}

/**
 * The countries of the stakeholders and networks the drafts refer to (looked up as `withCountries` does), for
 * `addCountries` to add to the drafts later, some at a time (an import of a region, batch by batch).
 */
export async function countriesFor(
  tx: Pick<TxOps, 'getMany'>,
  drafts: readonly AuditDraft[],
  state?: Map<Kind, Map<string, Stored<Kind>>>,
): Promise<KnownCountries> {
  const { known, missing } = knownCountries(drafts, state);
  for (const kind of ['stakeholder', 'network'] as const) {
    if (!missing[kind].length) continue;
    for (const [id, row] of await tx.getMany(kind, missing[kind]))
      known[kind].set(id, (row as { country: string }).country);
  }
  return known;
}
