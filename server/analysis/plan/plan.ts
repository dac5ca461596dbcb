// Plans (ANALYSIS.md §6): at most `budget` actions chosen greedily and deterministically, each adding
// indicators to a pair of stakeholders, to close coverage gaps or to remove single points of failure.
// Nothing is stored: the earlier steps' flows are added to a private view of the X-graphs.
import { ValidationError } from '../../errors';
import { singlePointsOfFailure } from '../bottlenecks/single-points';
import { assertCountry, countryCoverage } from '../coverage/coverage';
import { nodeOf, type FlowGraph } from '../flow-graph';
import { byCodeUnits, closeGapsCandidates, hardenCandidates, type ActionKind, type Candidate } from './candidates';
import { explainStep } from './explain';
import { indicatorGraphs, type IndicatorGraph } from './indicator-graph';

export const PLAN_GOALS = ['close_gaps', 'harden'] as const;
export type PlanGoal = (typeof PLAN_GOALS)[number];
export const PLAN_BUDGET = { min: 1, max: 20, default: 5 } as const;

export interface PlanAction {
  kind: ActionKind;
  from: string;
  to: string;
  flow?: string;
  indicators: string[];
}

export interface PlanStep {
  step: number;
  action: PlanAction;
  gained: string[];
  coverageRatio: number | null;
  resilientIndicators: number;
  explanation: string;
}

export interface Plan {
  country: string;
  goal: PlanGoal;
  budget: number;
  before: { coverageRatio: number | null; resilientIndicators: number };
  steps: PlanStep[];
  after: { coverageRatio: number | null; resilientIndicators: number };
}

/** Peer-score sums closer than this are equal (they are sums of k/n with one n, added in different orders). */
const PEER_EPSILON = 1e-9;

type KnownSuggestions = Parameters<typeof closeGapsCandidates>[2];

/**
 * The X-graphs with the steps taken so far (per indicator, numbered once: indicator-graph.ts), whether
 * each indicator reaches the NCP, and how many reaching indicators have two routes or more.
 */
class PlanState {
  readonly graphOf: (x: string) => IndicatorGraph;
  /** Indicators reaching the NCP now: reaches_ncp at the start, plus the gaps the steps closed. */
  readonly reaching = new Set<string>();
  readonly gaps = new Set<string>();

  constructor(
    readonly fg: FlowGraph,
    readonly country: string,
    readonly ncp: string,
  ) {
    this.graphOf = indicatorGraphs(fg, country, ncp);
    for (const cell of countryCoverage(fg, country, false).cells) {
      if (cell.status === 'reaches_ncp') this.reaching.add(cell.indicator);
      if (cell.status === 'collected_not_reaching') this.gaps.add(cell.indicator);
    }
  }

  resilientIndicators(): number {
    let k = 0;
    for (const x of this.reaching) if (this.graphOf(x).routesOf().routes >= 2) k++;
    return k;
  }

  apply(action: Candidate): void {
    for (const x of action.indicators) this.graphOf(x).add({ from: action.from, to: action.to });
  }
}

function coverageRatioOf(fg: FlowGraph, country: string, state: PlanState): number | null {
  const cov = countryCoverage(fg, country, false);
  const held = cov.cells.filter((c) => c.status === 'held_by_ncp').length;
  const collected = cov.cells.filter((c) => c.status !== 'not_collected' && c.status !== 'no_ncp').length;
  return collected ? (held + state.reaching.size) / collected : null;
}

/** What one candidate would gain now, and its goal's own tie-break value (higher first). */
function evaluate(goal: PlanGoal, state: PlanState, c: Candidate): { gained: string[]; tie: number } {
  if (goal === 'close_gaps') {
    const open = c.indicators.filter((x) => state.gaps.has(x) && !state.reaching.has(x));
    const gained = open.filter((x) => state.graphOf(x).closes(c.from, c.to));
    return { gained, tie: open.reduce((sum, x) => sum + (c.peerScores.get(x) ?? 0), 0) };
  }
  const gained = c.indicators.filter((x) => {
    const r = state.graphOf(x).routesOf();
    return r.routes === 1 && r.extendable(c.from);
  });
  return { gained, tie: c.indicators.length };
}

type Entry = { c: Candidate; pair: string; gain: number; tie: number };

/** a before b: larger gain, extend_flow before new_flow, the goal's tie-break, then the pair string in code-unit order. */
function better(a: Entry, b: Entry): boolean {
  if (a.gain !== b.gain) return a.gain > b.gain;
  if (a.c.kind !== b.c.kind) return a.c.kind === 'extend_flow';
  if (Math.abs(a.tie - b.tie) > PEER_EPSILON) return a.tie > b.tie;
  return byCodeUnits(a.pair, b.pair) < 0;
}

/** The candidates of a goal for a country (computed once, before the first step). */
export function planCandidates(fg: FlowGraph, country: string, goal: PlanGoal, known?: KnownSuggestions): Candidate[] {
  return goal === 'close_gaps' ? closeGapsCandidates(fg, country, known) : hardenCandidates(fg, country);
}

/** Checks a plan's inputs: a known country (404 otherwise) with an NCP, a goal, a budget of 1-20 (400 naming the field). */
export function assertPlanInput(fg: FlowGraph, country: string, goal: string, budget: number): void {
  assertCountry(fg, country);
  const problems = [];
  if (!fg.ncpOf(country))
    problems.push({
      path: 'country',
      field: 'country',
      message: `country '${country}' has no NCP mapped: a plan needs one`,
    });
  if (!(PLAN_GOALS as readonly string[]).includes(goal))
    problems.push({ path: 'goal', field: 'goal', message: `goal must be one of ${PLAN_GOALS.join(', ')}` });
  if (!Number.isInteger(budget) || budget < PLAN_BUDGET.min || budget > PLAN_BUDGET.max) {
    problems.push({
      path: 'budget',
      field: 'budget',
      message: `budget must be a whole number from ${PLAN_BUDGET.min} to ${PLAN_BUDGET.max}`,
    });
  }
  if (problems.length) throw new ValidationError(`invalid plan: ${problems.map((p) => p.field).join(', ')}`, problems);
}

/**
 * The plan; `fg` must be built with §6's options (active flows, informal included, any confidence).
 * `known`: the country's suggestions on the same map and options, when already computed.
 */
export function plan(
  fg: FlowGraph,
  country: string,
  goal: PlanGoal,
  budget: number = PLAN_BUDGET.default,
  known?: KnownSuggestions,
): Plan {
  assertPlanInput(fg, country, goal, budget);
  const ncp = fg.ncpOf(country)!;
  const state = new PlanState(fg, country, ncp);
  const remaining = planCandidates(fg, country, goal, known).map((c) => ({ c, pair: `${c.from}>${c.to}` }));
  const before = {
    coverageRatio: coverageRatioOf(fg, country, state),
    resilientIndicators: state.resilientIndicators(),
  };
  const steps: PlanStep[] = [];
  while (steps.length < budget && remaining.length) {
    let best: (Entry & { gained: string[]; index: number }) | undefined;
    remaining.forEach(({ c, pair }, index) => {
      const { gained, tie } = evaluate(goal, state, c);
      const entry = { c, pair, gain: gained.length, tie, gained, index };
      if (!best || better(entry, best)) best = entry;
    });
    if (!best || best.gain === 0) break;
    const chosen = best;
    remaining.splice(chosen.index, 1);
    // Single points of failure the new route avoids, read before the step (harden's explanation).
    const bypassed = goal === 'harden' ? [...new Set(chosen.gained.flatMap((x) => singlePointsOf(state, x)))] : [];
    state.apply(chosen.c);
    for (const x of chosen.gained) if (goal === 'close_gaps') state.reaching.add(x);
    const action: PlanAction = {
      kind: chosen.c.kind,
      from: chosen.c.from,
      to: chosen.c.to,
      ...(chosen.c.flow ? { flow: chosen.c.flow } : {}),
      indicators: chosen.c.indicators,
    };
    steps.push({
      step: steps.length + 1,
      action,
      gained: chosen.gained,
      coverageRatio: coverageRatioOf(fg, country, state),
      resilientIndicators: state.resilientIndicators(),
      explanation: explainStep(fg, {
        goal,
        action,
        gained: chosen.gained,
        ncp,
        bypassed: bypassed.map((id) => nodeOf(fg, id).name),
      }),
    });
  }
  const last = steps[steps.length - 1];
  return {
    country,
    goal,
    budget,
    before,
    steps,
    after: last ? { coverageRatio: last.coverageRatio, resilientIndicators: last.resilientIndicators } : before,
  };
}

/** The single points of failure (§3) of a reaching indicator, with the steps so far. */
function singlePointsOf(state: PlanState, x: string): string[] {
  const edges = state.graphOf(x).routeEdges();
  const holders = state.fg.holders(state.country, x).filter((h) => h !== state.ncp);
  return singlePointsOfFailure({ edges, holders, ncp: state.ncp }).stakeholders;
}
