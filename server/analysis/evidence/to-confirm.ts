// The consultant's "to confirm" list for a country: the flows touching it (either end in it) whose
// evidence is thin. Pure: no I/O, inputs never mutated.
import type { Flow, Interview, Stakeholder } from '../../model';

export type ToConfirmReason = 'single_end' | 'assumed' | 'no_evidence';
export const TO_CONFIRM_REASONS: readonly ToConfirmReason[] = ['single_end', 'assumed', 'no_evidence'];

export interface ToConfirmItem<F extends Flow> {
  flow: F;
  /** In the order of TO_CONFIRM_REASONS. */
  reasons: ToConfirmReason[];
  /** The flow's ends that an evidence interview interviewed (from first). */
  reportedBy: string[];
}

export interface ToConfirmList<F extends Flow> {
  country: string;
  items: Array<ToConfirmItem<F>>;
  counts: Record<ToConfirmReason, number> & { total: number };
}

export interface ToConfirmInput<F extends Flow> {
  stakeholders: ReadonlyArray<Pick<Stakeholder, 'id' | 'country'>>;
  flows: readonly F[];
  interviews: ReadonlyArray<Pick<Interview, 'id' | 'stakeholder'>>;
}

/**
 * The reasons a flow needs confirming:
 * - `no_evidence`: its evidence list is empty;
 * - `single_end`: it has evidence, but the evidence interviews did not interview both of its ends.
 *   This covers a flow reported by one end only (reportedBy = that end) and a flow known only from
 *   third parties' interviews (reportedBy = []): in both, at least one end has not confirmed it.
 *   A flow from a stakeholder to itself has one end, so interviewing it is enough. A flow the
 *   consultant has marked `confirmed` (checked by other means: a document, a meeting) no longer
 *   needs its second end, so `single_end` does not apply to it.
 * - `assumed`: its confidence is `assumed`, whatever the evidence.
 * Items are sorted by flow id; a flow appears once, with all its reasons.
 */
export function toConfirm<F extends Flow>(input: ToConfirmInput<F>, country: string): ToConfirmList<F> {
  const own = new Set(input.stakeholders.filter((s) => s.country === country).map((s) => s.id));
  const interviewed = new Map(input.interviews.map((i) => [i.id, i.stakeholder]));
  const items: Array<ToConfirmItem<F>> = [];
  for (const flow of input.flows) {
    if (!own.has(flow.from) && !own.has(flow.to)) continue;
    const spoke = new Set(flow.evidence.map((id) => interviewed.get(id)).filter((s): s is string => s !== undefined));
    const ends = [...new Set([flow.from, flow.to])];
    const reportedBy = ends.filter((end) => spoke.has(end));
    const reasons = TO_CONFIRM_REASONS.filter((reason) => {
      switch (reason) {
        case 'single_end':
          return flow.confidence !== 'confirmed' && flow.evidence.length > 0 && reportedBy.length < ends.length;
        case 'assumed':
          return flow.confidence === 'assumed';
        case 'no_evidence':
          return flow.evidence.length === 0;
      }
    });
    if (reasons.length) items.push({ flow, reasons, reportedBy });
  }
  items.sort((a, b) => (a.flow.id < b.flow.id ? -1 : a.flow.id > b.flow.id ? 1 : 0));
  const count = (reason: ToConfirmReason) => items.filter((i) => i.reasons.includes(reason)).length;
  return {
    country,
    items,
    counts: {
      single_end: count('single_end'),
      assumed: count('assumed'),
      no_evidence: count('no_evidence'),
      total: items.length,
    },
  };
}
