// The pure helpers behind the plan view and the resilience shown in the gaps and bottlenecks views:
// the URL state, the chart's series, scales and ticks, the what-if keys, resilience in words, and how
// the what-if panel reads a plan's flow that is not a suggestion.
import {
  formatMeasure,
  integerStep,
  linearScale,
  planSeries,
  stepTicks,
  valueDomain,
  valueTicks,
} from '../../../client/src/features/plan/chart';
import {
  byFewestRoutes,
  resilienceSentence,
  routesWords,
  type ResilienceEntry,
} from '../../../client/src/features/plan/resilience';
import { planParams, planStateFromParams, whatIfKeys } from '../../../client/src/features/plan/state';
import { proposedFlow, toRequest } from '../../../client/src/features/bottlenecks/scenario';
import type { PlanResponse } from '../../../client/src/features/analysis/api/planTypes';
import type { GraphResponse } from '../../../client/src/graph/api/types';

const step = (
  n: number,
  from: string,
  to: string,
  indicators: string[],
  figures: { coverageRatio: number | null; resilientIndicators: number },
) => ({
  step: n,
  action: { kind: 'new_flow' as const, from, to, indicators },
  gained: indicators,
  explanation: `step ${n}`,
  ...figures,
});

describe('planStateFromParams and planParams', () => {
  test('when the URL names nothing, then the goal is close_gaps, the budget 5, and the map hidden', () => {
    expect(planStateFromParams({ goal: null, budget: null, map: null })).toEqual({
      goal: 'close_gaps',
      budget: 5,
      map: false,
    });
  });

  test('when the URL names harden, budget 12 and the map, then the state says so', () => {
    expect(planStateFromParams({ goal: 'harden', budget: '12', map: '1' })).toEqual({
      goal: 'harden',
      budget: 12,
      map: true,
    });
  });

  test('when the goal is unknown or the budget outside 1-20 or not a whole number, then each falls back to its default', () => {
    for (const budget of ['0', '21', '-3', '2.5', 'five', '', '100']) {
      expect(planStateFromParams({ goal: 'grow', budget, map: 'yes' })).toEqual({
        goal: 'close_gaps',
        budget: 5,
        map: false,
      });
    }
    expect(planStateFromParams({ goal: 'harden', budget: '1', map: null }).budget).toBe(1);
    expect(planStateFromParams({ goal: 'harden', budget: '20', map: null }).budget).toBe(20);
  });

  test('when a state is written to the URL, then defaults are left out and reading it back gives the same state', () => {
    expect(planParams({ goal: 'close_gaps', budget: 5, map: false })).toEqual({ goal: null, budget: null, map: null });
    const state = { goal: 'harden' as const, budget: 3, map: true };
    const params = planParams(state);
    expect(params).toEqual({ goal: 'harden', budget: '3', map: '1' });
    expect(planStateFromParams(params)).toEqual(state);
  });
});

describe('whatIfKeys', () => {
  test('when steps carry several indicators, then each flow is named once per indicator, in step order, without repeats', () => {
    const steps = [
      step(1, 'a', 'ncp', ['X-1', 'X-2'], { coverageRatio: 0.5, resilientIndicators: 0 }),
      step(2, 'b', 'ncp', ['X-3'], { coverageRatio: 0.75, resilientIndicators: 0 }),
    ];
    expect(whatIfKeys(steps)).toEqual(['a>ncp:X-1', 'a>ncp:X-2', 'b>ncp:X-3']);
  });
});

describe('the plan chart', () => {
  const figures = (coverageRatio: number | null, resilientIndicators: number) => ({
    coverageRatio,
    resilientIndicators,
  });
  const plan = (goal: 'close_gaps' | 'harden'): Pick<PlanResponse, 'goal' | 'before' | 'steps'> => ({
    goal,
    before: figures(0.5, 1),
    steps: [step(1, 'a', 'n', ['X'], figures(0.6, 3)), step(2, 'b', 'n', ['Y'], figures(0.8, 4))],
  });

  test('when the goal is close_gaps, then the series is the coverage ratio before and after each step', () => {
    expect(planSeries(plan('close_gaps'))).toEqual([
      { steps: 0, value: 0.5 },
      { steps: 1, value: 0.6 },
      { steps: 2, value: 0.8 },
    ]);
  });

  test('when the goal is harden, then the series is the number of resilient indicators', () => {
    expect(planSeries(plan('harden')).map((p) => p.value)).toEqual([1, 3, 4]);
  });

  test('when a scale maps 0..4 onto 100..20 (an upward y axis), then the ends and the middle land where they should', () => {
    const y = linearScale([0, 4], [100, 20]);
    expect([y(0), y(2), y(4)]).toEqual([100, 60, 20]);
    expect(linearScale([3, 3], [10, 50])(3)).toBe(10);
  });

  test('when the measure is a ratio, then the axis runs 0 to 1 in quarters, shown as percentages', () => {
    expect(valueDomain('close_gaps', [0.2, 0.4])).toEqual([0, 1]);
    expect(valueTicks('close_gaps', [0, 1]).map((v) => formatMeasure('close_gaps', v))).toEqual([
      '0%',
      '25%',
      '50%',
      '75%',
      '100%',
    ]);
  });

  test('when the measure is a count, then the axis ends at a whole multiple of a 1-2-5 step above the largest value, ticks whole', () => {
    expect(valueDomain('harden', [1, 3, 4])).toEqual([0, 4]);
    expect(valueTicks('harden', [0, 4])).toEqual([0, 1, 2, 3, 4]);
    expect(valueDomain('harden', [7, 10])).toEqual([0, 10]);
    expect(valueTicks('harden', [0, 10])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueDomain('harden', [7, 13])).toEqual([0, 15]);
    expect(valueTicks('harden', [0, 15])).toEqual([0, 5, 10, 15]);
    expect(valueDomain('harden', [0, 0])).toEqual([0, 1]);
    expect(valueDomain('harden', [null, 23])).toEqual([0, 25]);
  });

  test('when the step is chosen for a maximum, then it is the smallest of 1, 2, 5, 10, 20 ... giving at most that many intervals', () => {
    expect([4, 5, 6, 10, 11, 26, 99].map((m) => integerStep(m, 5))).toEqual([1, 1, 2, 2, 5, 10, 20]);
    expect(stepTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(stepTicks(20)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(stepTicks(0)).toEqual([0]);
  });

  test('when a value is missing, then it reads n/a; a count reads as a whole number', () => {
    expect(formatMeasure('close_gaps', null)).toBe('n/a');
    expect(formatMeasure('close_gaps', 0.714)).toBe('71%');
    expect(formatMeasure('harden', 3)).toBe('3');
  });
});

describe('resilience in words', () => {
  const entry = (over: Partial<ResilienceEntry>): ResilienceEntry => ({
    indicator: 'UAM-03',
    status: 'reaches_ncp',
    resilience: 1,
    singleHolder: false,
    holders: ['h1', 'h2'],
    cut: ['mid'],
    ...over,
  });
  const names: Record<string, string> = { mid: 'Migration authority', h1: 'Reception centre' };
  const nameOf = (id: string) => names[id] ?? id;

  test('when an indicator has two or three independent routes, then the sentence counts them', () => {
    expect(resilienceSentence(entry({ resilience: 2, cut: ['h1', 'h2'] }), nameOf)).toMatch(/^2 independent routes: /);
    expect(routesWords(3)).toBe('3 independent routes');
    expect(routesWords(1)).toBe('1 independent route');
    expect(routesWords(0)).toBe('no route');
  });

  test('when every route passes through one institution, then the sentence names it as the single point of failure', () => {
    expect(resilienceSentence(entry({}), nameOf)).toBe(
      '1 independent route: every route passes through Migration authority, a single point of failure.',
    );
  });

  test('when the only holder is the single point of failure, then the sentence says a second holder is needed', () => {
    const only = entry({ singleHolder: true, holders: ['h1'], cut: ['h1'] });
    expect(resilienceSentence(only, nameOf)).toBe(
      '1 independent route: Reception centre is its only holder and a single point of failure; a second route needs a second holder.',
    );
  });

  test('when the indicator is a gap, held by the NCP or not collected, then the sentence says why routes do not count', () => {
    expect(resilienceSentence(entry({ status: 'collected_not_reaching', resilience: 0, cut: [] }), nameOf)).toContain(
      '0 independent routes',
    );
    expect(resilienceSentence(entry({ status: 'held_by_ncp', resilience: null, cut: [] }), nameOf)).toBe(
      'The NCP holds it itself: no route is needed.',
    );
    expect(resilienceSentence(entry({ status: 'not_collected', resilience: null, cut: [] }), nameOf)).toContain(
      'Nobody in the country collects it',
    );
  });

  test('when entries are listed, then only reaching ones come, fewest routes first, then by code (UTF-16 order)', () => {
    const list = [
      entry({ indicator: 'B', resilience: 2 }),
      entry({ indicator: 'a', resilience: 1 }),
      entry({ indicator: 'C', resilience: 1 }),
      entry({ indicator: 'D', status: 'held_by_ncp', resilience: null }),
    ];
    expect(byFewestRoutes(list).map((e) => e.indicator)).toEqual(['C', 'a', 'B']);
  });
});

describe("a plan's flows in the what-if panel", () => {
  const graph = {
    stakeholders: [{ id: 'h' }, { id: 'k' }, { id: 'ncp', ncp: true }],
    datasets: [],
    reportingLines: [],
    networks: [],
    memberships: [],
    interviews: [],
    flows: [{ id: 'f1', from: 'h', to: 'ncp', basis: 'statutory', status: 'active' }],
  } as unknown as GraphResponse;

  test('when a key names no suggestion, then the flow is read off the key; a key that names nothing gives nothing', () => {
    expect(proposedFlow('h>ncp:UAM-03', new Map())).toEqual({ from: 'h', to: 'ncp', indicator: 'UAM-03' });
    for (const bad of ['h>ncp', '>ncp:X', 'h>:X', 'h>ncp:', 'garbage']) expect(proposedFlow(bad, new Map())).toBeNull();
  });

  test("when a plan flow extends an existing active flow, then the what-if request puts it on that flow's basis; a new pair on an agreement; ends the map lacks give nothing", () => {
    const request = toRequest(
      'XX',
      { removeStakeholders: [], removeFlows: [], add: ['h>ncp:X-1', 'k>ncp:X-2', 'gone>ncp:X-3'] },
      [],
      graph,
    );
    expect(request.addFlows).toEqual([
      { id: 'proposed-1', from: 'h', to: 'ncp', indicators: ['X-1'], basis: 'statutory' },
      { id: 'proposed-2', from: 'k', to: 'ncp', indicators: ['X-2'], basis: 'agreement' },
    ]);
  });
});
