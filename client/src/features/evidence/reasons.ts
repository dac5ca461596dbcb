// The "to confirm" reasons in words, and the filter by reason (kept in the URL as a comma list).
import type { ToConfirmItem, ToConfirmReason } from './api/getToConfirm';

export const REASONS: readonly ToConfirmReason[] = ['single_end', 'assumed', 'no_evidence'];

/** The reason as a filter label. */
export const REASON_LABEL: Record<ToConfirmReason, string> = {
  single_end: 'Reported by one end only',
  assumed: 'Assumed',
  no_evidence: 'No evidence',
};

/** One item's reasons as people say them: "reported by one end only (Police Authority)", "assumed", "no evidence". */
export function reasonWords(
  item: Pick<ToConfirmItem, 'reasons' | 'reportedBy'>,
  nameOf: (id: string) => string,
): string[] {
  return item.reasons.map((reason) => {
    switch (reason) {
      case 'single_end':
        return item.reportedBy.length > 0
          ? `reported by one end only (${item.reportedBy.map(nameOf).join(', ')})`
          : 'reported by neither end (only by others interviewed)';
      case 'assumed':
        return 'assumed';
      case 'no_evidence':
        return 'no evidence';
    }
  });
}

/** The reasons chosen in the URL (unknown ones ignored); none chosen shows every item. */
export function reasonsFromParam(param: string | null): ToConfirmReason[] {
  const wanted = new Set((param ?? '').split(',').map((x) => x.trim()));
  return REASONS.filter((r) => wanted.has(r));
}

/** Items with at least one of the chosen reasons (all items when none is chosen). */
export function filterByReasons<T extends Pick<ToConfirmItem, 'reasons'>>(
  items: readonly T[],
  chosen: readonly ToConfirmReason[],
): T[] {
  if (chosen.length === 0) return [...items];
  return items.filter((i) => i.reasons.some((r) => chosen.includes(r)));
}
