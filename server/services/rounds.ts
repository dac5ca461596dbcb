// The mapping-rounds use cases: freeze, list, read and delete rounds, and compare two rounds (or a
// round with now) for one country: what was added, removed and changed, and how the analyses moved.
// An NCP freezes and deletes only its own countries' rounds; a viewer's rounds and comparisons carry no
// personal data (the analyses of a comparison still run on the whole maps: they answer in aggregates).
import { visibleDocument, visibleRound } from '../auth/personal-data';
import { assertMayManageRound, recheckWriter } from '../auth/scope';
import type { SessionUser } from '../model/roles';
import { analysisDiff, type AnalysisDiff } from '../analysis/diff/analysis';
import { diffCounts, diffDocuments, type CollectionDiff, type DiffCollection } from '../analysis/diff/documents';
import { NotFoundError, ValidationError } from '../errors';
import type { MapDocument, Round, RoundInput, RoundSummary } from '../model';
import { restrictDocument } from '../model/document-rules';
import type { GraphStore, RoundWriteOptions, Snapshot } from '../store/port';

/** A side of a comparison: a round id, or the current map. */
export const NOW = 'now';

/** The collections a comparison reports (a country's record itself is not compared). */
export const COMPARED: readonly Exclude<DiffCollection, 'countries'>[] = [
  'stakeholders',
  'datasets',
  'flows',
  'reportingLines',
  'networks',
  'memberships',
  'interviews',
];

export interface CompareSide {
  id: string;
  name: string;
  createdAt: string;
  storeVersion: number;
}

export interface Comparison {
  country: string;
  from: CompareSide;
  to: CompareSide;
  kinds: Record<(typeof COMPARED)[number], CollectionDiff>;
  counts: { added: number; removed: number; changed: number };
  analysis: AnalysisDiff;
}

export class RoundsService {
  constructor(private readonly store: GraphStore) {}

  async freeze(input: RoundInput, user: SessionUser | undefined, actor: string): Promise<RoundSummary> {
    return this.store.freezeRound(input, actor, { guard: roundGuard(user, 'freeze') });
  }

  async list(country?: string): Promise<RoundSummary[]> {
    if (country) await this.store.get('country', country);
    return this.store.listRounds(country);
  }

  async get(id: string, user: SessionUser | undefined): Promise<Round> {
    return visibleRound(await this.store.getRound(id), user);
  }

  async delete(id: string, user: SessionUser | undefined, actor: string): Promise<{ deleted: true }> {
    return this.store.deleteRound(id, actor, { guard: roundGuard(user, 'delete') });
  }

  /**
   * Compares `from` with `to` (round ids or 'now') for a country. A country round must be that
   * country's; a region round is restricted to the country's scope, as a country export is.
   */
  async compare(country: string, from: string, to: string, user: SessionUser | undefined): Promise<Comparison> {
    const snapshot = await this.store.snapshot({ country });
    const [a, b] = await Promise.all([
      this.side(snapshot, country, from, 'from'),
      this.side(snapshot, country, to, 'to'),
    ]);
    const inMap =
      snapshot.document.countries.some((c) => c.code === country) ||
      [a, b].some((s) => s.document.countries.some((c) => c.code === country));
    if (!inMap) throw new NotFoundError(`country '${country}' is not in the map`);
    const diff = diffDocuments(visibleDocument(a.document, user), visibleDocument(b.document, user));
    const kinds = Object.fromEntries(COMPARED.map((c) => [c, diff[c]])) as Comparison['kinds'];
    return {
      country,
      from: a.side,
      to: b.side,
      kinds,
      counts: diffCounts(kinds),
      analysis: analysisDiff(a.document, b.document, snapshot.catalogue, country),
    };
  }

  private async side(
    snapshot: Snapshot,
    country: string,
    ref: string,
    param: 'from' | 'to',
  ): Promise<{ side: CompareSide; document: MapDocument }> {
    if (ref === NOW) {
      return {
        side: { id: NOW, name: 'Now', createdAt: snapshot.takenAt, storeVersion: snapshot.storeVersion },
        document: snapshot.document,
      };
    }
    const round = await this.store.getRound(ref);
    if (round.country !== null && round.country !== country) {
      throw new ValidationError(`round '${round.id}' is a round of ${round.country}, not of ${country}`, [
        { path: `query.${param}`, field: param, message: `is a round of another country (${round.country})` },
      ]);
    }
    const side = { id: round.id, name: round.name, createdAt: round.createdAt, storeVersion: round.storeVersion };
    return { side, document: round.country === null ? restrictDocument(round.document, country) : round.document };
  }
}

/** Checked inside the round's write transaction: the account as stored then, and an ncp's countries. */
function roundGuard(user: SessionUser | undefined, what: string): RoundWriteOptions['guard'] {
  if (!user) return undefined;
  return async (view, { country }) => assertMayManageRound(await recheckWriter(view, user, 'rounds'), country, what);
}
