// The "to confirm" reasons in words, and the filter by reason (kept in the URL as a comma list).
import type { ToConfirmItem, ToConfirmReason } from './api/getToConfirm';

export const REASONS: readonly ToConfirmReason[] = ['single_end', 'assumed', 'no_evidence'];

/**
 * The filter's choices: the API's `single_end` split by who reported the flow (the sender only, the
 * receiver only, or neither end: only third parties), so that no choice holds a case its name does not say.
 * `single_end` itself stays accepted in the URL (all three).
 */
export type ReasonChoice = ToConfirmReason | 'sender_only' | 'receiver_only' | 'neither_end';
export const CHOICES: readonly ReasonChoice[] = [
  'sender_only',
  'receiver_only',
  'neither_end',
  'assumed',
  'no_evidence',
];
const ALL_CHOICES: readonly ReasonChoice[] = ['single_end', ...CHOICES];

/** The choice as a filter label. */
export const REASON_LABEL: Record<ReasonChoice, string> = {
  single_end: 'Reported by one end only',
  sender_only: 'Reported by the sender only',
  receiver_only: 'Reported by the receiver only',
  neither_end: 'Reported by neither end (only by others interviewed)',
  assumed: 'Assumed',
  no_evidence: 'No evidence',
};

type Classified = Pick<ToConfirmItem, 'reasons'> & {
  reportedBy?: readonly string[];
  flow?: Pick<ToConfirmItem['flow'], 'from' | 'to'>;
};

/** Whether an item falls under a choice. */
export function matchesChoice(item: Classified, choice: ReasonChoice): boolean {
  const single = item.reasons.includes('single_end');
  const by = item.reportedBy ?? [];
  switch (choice) {
    case 'sender_only':
      return single && by.length === 1 && by[0] === item.flow?.from;
    case 'receiver_only':
      return single && by.length === 1 && by[0] === item.flow?.to;
    case 'neither_end':
      return single && by.length === 0;
    default:
      return item.reasons.includes(choice);
  }
}

/** How many items fall under each choice. */
export function choiceCounts(items: readonly Classified[]): Record<ReasonChoice, number> {
  const counts = {} as Record<ReasonChoice, number>;
  for (const c of ALL_CHOICES) counts[c] = items.filter((i) => matchesChoice(i, c)).length;
  return counts;
}

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

/** The choices named in the URL (unknown ones ignored); none chosen shows every item. */
export function reasonsFromParam(param: string | null): ReasonChoice[] {
  const wanted = new Set((param ?? '').split(',').map((x) => x.trim()));
  return ALL_CHOICES.filter((r) => wanted.has(r));
}

/** Items under at least one of the chosen choices (all items when none is chosen). */
export function filterByReasons<T extends Classified>(items: readonly T[], chosen: readonly ReasonChoice[]): T[] {
  if (chosen.length === 0) return [...items];
  return items.filter((i) => chosen.some((c) => matchesChoice(i, c)));
}
