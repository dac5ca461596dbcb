// One sentence per plan step, in the style of the suggestions' explanations: institutions by their
// names (the NCP as "the NCP"), what to ask for and what it would buy.
import { nodeOf, type FlowGraph } from '../flow-graph';
import type { PlanAction, PlanGoal } from './plan';

/** "A", "A and B", "A, B and C" (or "or"). */
export function listed(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export interface StepToExplain {
  goal: PlanGoal;
  action: PlanAction;
  gained: readonly string[];
  ncp: string;
  /** harden: the names of the single points of failure the new route avoids. */
  bypassed: readonly string[];
}

export function explainStep(fg: FlowGraph, s: StepToExplain): string {
  const { action, gained, ncp } = s;
  const name = (id: string) => (id === ncp ? 'the NCP' : nodeOf(fg, id).name);
  const what = listed(action.indicators);
  const straight = action.kind === 'new_flow' && action.to === ncp;
  const ask =
    action.kind === 'extend_flow'
      ? `Ask ${name(action.from)} to add ${what} to what it already sends ${name(action.to)}${action.flow ? ` (flow ${action.flow})` : ''}`
      : straight
        ? `Ask ${name(action.from)} to send ${what} straight to the NCP`
        : `Ask ${name(action.from)} to send ${what} to ${name(action.to)}`;
  const got = listed(gained);
  const one = gained.length === 1;
  if (s.goal === 'harden') {
    const avoided = s.bypassed.length ? ` that does not pass through ${listed(s.bypassed, 'or')}` : '';
    return `${ask}: ${got} would then reach ${straight ? 'it' : 'the NCP'} by a second route${avoided}.`;
  }
  if (action.to === ncp)
    return `${ask}: ${got} would then reach the NCP, which ${one ? 'it does' : 'they do'} not today.`;
  return `${ask}: ${got} would then reach the NCP through ${name(action.to)}, which already passes ${one ? 'it' : 'them'} on.`;
}
