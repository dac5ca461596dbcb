// Resilience in words (ANALYSIS.md §6): how many independent routes bring an indicator to the NCP, and
// when there is only one, which institution it all rests on. Shared by the gaps and bottlenecks views.
import type { ResilienceResponse } from '../analysis/api/planTypes';

export type ResilienceEntry = ResilienceResponse['indicators'][number];

/** "2 independent routes", "1 independent route", "no route". */
export function routesWords(resilience: number | null): string {
  if (resilience === null) return 'not applicable';
  if (resilience === 0) return 'no route';
  return `${resilience} independent ${resilience === 1 ? 'route' : 'routes'}`;
}

/** One sentence on an indicator's resilience, naming the single point of failure when there is one. */
export function resilienceSentence(entry: ResilienceEntry, nameOf: (id: string) => string): string {
  const r = entry.resilience;
  switch (entry.status) {
    case 'held_by_ncp':
      return 'The NCP holds it itself: no route is needed.';
    case 'not_collected':
      return 'Nobody in the country collects it: there is no route to count.';
    case 'no_ncp':
      return 'The country has no NCP mapped: there is no route to count.';
    case 'collected_not_reaching':
      return 'No route: it is collected but does not reach the NCP (0 independent routes).';
    case 'reaches_ncp':
      break;
  }
  if (r === null || r >= 2) {
    return `${routesWords(r)}: they share no institution, so no single institution's loss cuts it off from the NCP.`;
  }
  const spof = entry.cut[0];
  const name = spof ? nameOf(spof) : 'one institution';
  if (entry.singleHolder && spof !== undefined && entry.holders.includes(spof)) {
    return `1 independent route: ${name} is its only holder and a single point of failure; a second route needs a second holder.`;
  }
  return `1 independent route: every route passes through ${name}, a single point of failure.`;
}

/** Reaching indicators, those with the fewest routes first, then by code. */
export function byFewestRoutes(entries: readonly ResilienceEntry[]): ResilienceEntry[] {
  return entries
    .filter((e) => e.status === 'reaches_ncp')
    .sort(
      (a, b) =>
        (a.resilience ?? 0) - (b.resilience ?? 0) ||
        (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0),
    );
}
