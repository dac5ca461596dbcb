// The gaps view's suggestions as people read them: one entry per proposed link (a direct and an extend
// suggestion for the same sender and receiver appear once, the better ranked first, the other as its
// alternative), the new flow an editor may add from one, filled in as the peer countries do it, and the indicator an
// editor may add to the existing flow an extend-only suggestion names.
// The API's list and its ranking (ANALYSIS.md §2) are left as they are; this only groups them.
import type { Basis } from '@model/enums';
import type { SuggestionsResponse } from '../analysis/api/types';

export type Suggestion = SuggestionsResponse['suggestions'][number];

/** One proposed link: the best ranked suggestion for it and the others for the same pair, in rank order. */
export interface SuggestionGroup {
  best: Suggestion;
  alternatives: Suggestion[];
}

/** The suggestions grouped by (indicator, from, to), in the order of each group's best (the API's ranking). */
export function groupSuggestions(list: readonly Suggestion[]): SuggestionGroup[] {
  const groups = new Map<string, SuggestionGroup>();
  for (const s of list) {
    const key = `${s.indicator}|${s.from}|${s.to}`;
    const group = groups.get(key);
    if (group) group.alternatives.push(s);
    else groups.set(key, { best: s, alternatives: [] });
  }
  return [...groups.values()];
}

/** The suggestion of a group that proposes a new flow (the best if it does, else the first alternative that does). */
export function newFlowOf(group: SuggestionGroup): Suggestion | undefined {
  return [group.best, ...group.alternatives].find((s) => s.kind !== 'extend_flow');
}

/**
 * The suggestion of a group that extends an existing flow, when no suggestion of the group proposes a new one
 * (ANALYSIS.md §2, category 3: the flow already lies on a route to the NCP and only needs the indicator added).
 */
export function extensionOf(group: SuggestionGroup): (Suggestion & { flow: string }) | undefined {
  if (newFlowOf(group)) return undefined;
  return [group.best, ...group.alternatives].find(
    (s): s is Suggestion & { flow: string } => s.kind === 'extend_flow' && s.flow !== undefined,
  );
}

/** The change the flow form opens with to extend a flow: the suggestion's indicator added to those it carries. */
export function extensionPresetOf(flow: { indicators: readonly string[] }, indicator: string): Record<string, unknown> {
  return { indicators: flow.indicators.includes(indicator) ? [...flow.indicators] : [...flow.indicators, indicator] };
}

const BASIS_STRENGTH: readonly Basis[] = ['statutory', 'agreement', 'project', 'informal'];

interface PeerStakeholder {
  id: string;
  country: string;
  type: string;
  ncp: boolean;
}
interface PeerFlow {
  from: string;
  to: string;
  indicators: readonly string[];
  basis: Basis;
  status?: string;
}

/**
 * The basis peer countries use for a link like `s` (the flows that count towards its peer score: in another
 * country with an NCP, a stakeholder of the sender's type sending the indicator to the NCP, or to a stakeholder of
 * the receiver's type): the most frequent, the stronger on a tie; undefined when no peer has such a flow.
 */
export function peerBasis(
  s: Pick<Suggestion, 'indicator' | 'from' | 'to'>,
  country: string,
  region: { stakeholders: readonly PeerStakeholder[]; flows: readonly PeerFlow[] },
): Basis | undefined {
  const byId = new Map(region.stakeholders.map((x) => [x.id, x]));
  const sender = byId.get(s.from);
  const receiver = byId.get(s.to);
  if (!sender || !receiver) return undefined;
  const counts = new Map<Basis, number>();
  for (const f of region.flows) {
    if ((f.status ?? 'active') !== 'active' || !f.indicators.includes(s.indicator)) continue;
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    if (!a || !b || a.country === country || a.type !== sender.type) continue;
    const likeReceiver = receiver.ncp ? b.ncp && b.country === a.country : b.type === receiver.type;
    if (likeReceiver) counts.set(f.basis, (counts.get(f.basis) ?? 0) + 1);
  }
  let chosen: Basis | undefined;
  for (const basis of BASIS_STRENGTH) if ((counts.get(basis) ?? 0) > (chosen ? counts.get(chosen)! : 0)) chosen = basis;
  return chosen;
}

/** The new flow's form, filled in from a suggestion (and the peers' basis when there is one). */
export function flowPresetOf(s: Suggestion, basis: Basis | undefined): Record<string, unknown> {
  return { from: s.from, to: s.to, indicators: [s.indicator], ...(basis ? { basis } : {}) };
}
