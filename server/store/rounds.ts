// Mapping rounds: a country's (or the region's) map frozen under a name, its document the scope's export read in
// the transaction that stores it; listed newest first, read and deleted. Rounds are audited (kind `round`) but are
// not map data: freezing or deleting one does not move the store version.
import { RoundInput, roundCounts, roundNameKey, roundScope, type Round, type RoundSummary } from '../model';
import { documentOf } from '../model/document-rules';
import { problemsFromZod } from '../model/problems';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { withCountries } from './audit-countries';
import { loadState, viewOf, type Stamps } from './context';
import type { Adapter, RoundWriteOptions, StoredRound, StoredRoundSummary } from './port';

export class RoundsCore {
  constructor(
    private readonly adapter: Adapter,
    private readonly stamps: Stamps,
  ) {}

  async freezeRound(input: unknown, actor: string, options: RoundWriteOptions = {}): Promise<RoundSummary> {
    const { name, note, ...rest } = parseRoundInput(input);
    const country = rest.country ?? undefined;
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      await options.guard?.(viewOf(tx), { country: country ?? null });
      const state = await loadState(tx);
      if (country && !state.get('country')?.has(country))
        throw new NotFoundError(`country '${country}' is not in the map`);
      const scope = roundScope(country);
      const same = (await tx.listRounds()).find(
        (r) => roundScope(r.country) === scope && roundNameKey(r.name) === roundNameKey(name),
      );
      if (same) {
        throw new ConflictError(
          `a round named '${same.name}' already exists for ${country ? `country ${country}` : 'the region'}`,
          { round: summaryOf(same) },
          'already_exists',
        );
      }
      // The same document a country (or region) export gives, read in this write transaction.
      const document = documentOf(state, { country });
      const seq = await tx.nextRoundSeq();
      const round: StoredRound = {
        id: `round-${seq}`,
        seq,
        name,
        country: country ?? null,
        ...(note ? { note } : {}),
        createdAt: this.stamps.now(),
        createdBy: actor,
        storeVersion: await tx.version(),
        counts: roundCounts(document),
        document,
      };
      const summary = summaryOf(round);
      const audit = await withCountries(tx, [this.stamps.entry(actor, 'create', 'round', round.id, null, summary)]);
      await tx.putRound(round);
      await tx.appendAudit(audit);
      return summary;
    });
  }

  async listRounds(country?: string): Promise<RoundSummary[]> {
    const rounds = await this.adapter.read((tx) => tx.listRounds());
    return rounds
      .filter((r) => !country || r.country === country || r.country === null)
      .sort((a, b) => b.seq - a.seq)
      .map(summaryOf);
  }

  async getRound(id: string): Promise<Round> {
    const round = await this.adapter.read((tx) => tx.getRound(id));
    if (!round) throw new NotFoundError(`round '${id}' not found`);
    const { seq: _seq, ...rest } = round;
    return rest;
  }

  async deleteRound(id: string, actor: string, options: RoundWriteOptions = {}): Promise<{ deleted: true }> {
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const round = await tx.getRound(id);
      if (!round) throw new NotFoundError(`round '${id}' not found`);
      await options.guard?.(viewOf(tx), { country: round.country });
      const audit = await withCountries(tx, [this.stamps.entry(actor, 'delete', 'round', id, summaryOf(round), null)]);
      await tx.deleteRound(id);
      await tx.appendAudit(audit);
      return { deleted: true as const };
    });
  }
}

function parseRoundInput(input: unknown): RoundInput {
  const result = RoundInput.safeParse(input);
  if (result.success) return result.data;
  const problems = problemsFromZod(result.error, input);
  throw new ValidationError('invalid round', problems);
}

function summaryOf(round: StoredRoundSummary): RoundSummary {
  const { seq: _seq, document: _doc, ...summary } = round as StoredRound;
  return summary;
}
