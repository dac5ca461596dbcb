// Plans (ANALYSIS.md §6): hand-computed cases for every tie-break, and the greedy plans against a
// brute-force search over every set of candidate actions on small cases (optimal where greedy is, and
// one case where it is not).
import { countryCoverage } from '../../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries, type FlowGraph } from '../../../server/analysis/flow-graph';
import { plan, planCandidates, type PlanGoal } from '../../../server/analysis/plan/plan';
import type { Candidate } from '../../../server/analysis/plan/candidates';
import { resilience } from '../../../server/analysis/resilience/resilience';
import { suggestions } from '../../../server/analysis/suggestions/suggestions';
import { readCatalogue, readSeedDocument } from '../../../seed/loader';
import { graphOf, type MapSpec } from '../../support/graph-builder';

const X = 'UAM-03';
const Y = 'TRF-02';
const actionsOf = (p: ReturnType<typeof plan>) =>
  p.steps.map((s) => ({
    kind: s.action.kind,
    from: s.action.from,
    to: s.action.to,
    flow: s.action.flow,
    gained: s.gained,
  }));

describe('close_gaps tie-breaks, hand-computed', () => {
  test('when an extend_flow and a new_flow gain the same, then the extension comes first', () => {
    // Police hold X; the hub passes X on to the NCP; the police send the hub only TRF-01 (flow a2).
    // Candidates: new_flow pol -> NCP (direct), new_flow pol -> hub (join the route), extend_flow pol -> hub (a2): each gains X.
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-pol:police', 'xa-hub:national_coordinator'],
      holds: { 'xa-pol': [X] },
      flows: [
        { id: 'a1', from: 'xa-hub', to: 'xa-ncp', indicators: [X] },
        { id: 'a2', from: 'xa-pol', to: 'xa-hub', indicators: ['TRF-01'] },
      ],
    });
    expect(
      planCandidates(fg, 'XA', 'close_gaps')
        .map((c) => `${c.kind} ${c.from}>${c.to}`)
        .sort(),
    ).toEqual(['extend_flow xa-pol>xa-hub', 'new_flow xa-pol>xa-hub', 'new_flow xa-pol>xa-ncp']);
    const p = plan(fg, 'XA', 'close_gaps', 3);
    expect(actionsOf(p)).toEqual([{ kind: 'extend_flow', from: 'xa-pol', to: 'xa-hub', flow: 'a2', gained: [X] }]);
    expect(p.steps[0]!.explanation).toBe(
      'Ask XA-POL to add UAM-03 to what it already sends XA-HUB (flow a2): UAM-03 would then reach the NCP through XA-HUB, which already passes it on.',
    );
    expect(p.before).toEqual({ coverageRatio: 0, resilientIndicators: 0 });
    expect(p.after).toEqual({ coverageRatio: 1, resilientIndicators: 0 });
  });

  test('when two new flows gain the same, then the higher peer score wins over the pair order', () => {
    // XA: an NGO (xa-a) and the police (xa-b) hold X, nothing flows. In XB the police send X to the NCP:
    // peer score 1 for xa-b -> NCP, 0 for xa-a -> NCP; the pair order alone would pick xa-a.
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:ngo', 'xa-b:police', 'xb-ncp:ministry:ncp', 'xb-pol:police'],
      holds: { 'xa-a': [X], 'xa-b': [X] },
      flows: [{ from: 'xb-pol', to: 'xb-ncp', indicators: [X] }],
    });
    const p = plan(fg, 'XA', 'close_gaps', 5);
    expect(actionsOf(p)).toEqual([{ kind: 'new_flow', from: 'xa-b', to: 'xa-ncp', flow: undefined, gained: [X] }]);
    expect(p.steps[0]!.explanation).toBe(
      'Ask XA-B to send UAM-03 straight to the NCP: UAM-03 would then reach the NCP, which it does not today.',
    );
  });

  test('when everything else ties, then the pair string decides in UTF-16 code-unit order, not locale order', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-B:police'],
      holds: { 'xa-a': [X], 'xa-B': [X] },
    });
    expect('xa-a'.localeCompare('xa-B')).toBeLessThan(0); // locale order would put xa-a first
    expect(actionsOf(plan(fg, 'XA', 'close_gaps', 5))).toEqual([
      { kind: 'new_flow', from: 'xa-B', to: 'xa-ncp', flow: undefined, gained: [X] },
    ]);
  });
});

describe('harden tie-breaks, hand-computed', () => {
  // X: holders h1 and h2, both only through m. Y: holders h2 and h3, h3 -> h2 -> m2 -> NCP (h2 and m2 on every route).
  const spec: MapSpec = {
    stakeholders: [
      'xa-ncp:ministry:ncp',
      'xa-h1:police',
      'xa-h2:border_guard',
      'xa-h3:ngo',
      'xa-m:national_coordinator',
      'xa-m2:ngo',
    ],
    holds: { 'xa-h1': [X], 'xa-h2': [X, Y], 'xa-h3': [Y] },
    flows: [
      { from: 'xa-h1', to: 'xa-m', indicators: [X] },
      { from: 'xa-h2', to: 'xa-m', indicators: [X] },
      { from: 'xa-m', to: 'xa-ncp', indicators: [X] },
      { from: 'xa-h3', to: 'xa-h2', indicators: [Y] },
      { from: 'xa-h2', to: 'xa-m2', indicators: [Y] },
      { from: 'xa-m2', to: 'xa-ncp', indicators: [Y] },
    ],
  };

  test('when candidates gain the same, then the one carrying more indicators comes first', () => {
    // h1 {X} gains X; h2 {X, Y} gains only X (Y's routes all pass h2); h3 {Y} gains Y. h2 first, then h3; h1 then gains nothing.
    const p = plan(graphOf(spec), 'XA', 'harden', 5);
    expect(actionsOf(p)).toEqual([
      { kind: 'new_flow', from: 'xa-h2', to: 'xa-ncp', flow: undefined, gained: [X] },
      { kind: 'new_flow', from: 'xa-h3', to: 'xa-ncp', flow: undefined, gained: [Y] },
    ]);
    expect(p.steps[0]!.action.indicators).toEqual([Y, X]); // catalogue order
    expect(p.steps[0]!.explanation).toBe(
      `Ask XA-H2 to send TRF-02 and UAM-03 straight to the NCP: UAM-03 would then reach it by a second route that does not pass through XA-M.`,
    );
    // Step 1 also sent Y from h2 to the NCP (an action carries all its indicators): Y's one remaining single point is h2.
    expect(p.steps[1]!.explanation).toBe(
      'Ask XA-H3 to send TRF-02 straight to the NCP: TRF-02 would then reach it by a second route that does not pass through XA-H2.',
    );
    expect(p.steps.map((s) => s.resilientIndicators)).toEqual([1, 2]);
    expect(p.before.resilientIndicators).toBe(0);
  });

  test('when a holder has several active flows to the NCP, then the extension names the smallest id in code-unit order, and comes before a new flow', () => {
    // h2 sends the NCP TRF-01 on f9 and f10 (active) and f0 (planned): "f10" < "f9" in code units; f0 is not active.
    const fg = graphOf({
      ...spec,
      flows: [
        ...spec.flows!,
        { id: 'f9', from: 'xa-h2', to: 'xa-ncp', indicators: ['TRF-01'] },
        { id: 'f10', from: 'xa-h2', to: 'xa-ncp', indicators: ['TRF-01'] },
        { id: 'f0', from: 'xa-h2', to: 'xa-ncp', indicators: ['TRF-01'], status: 'planned' },
      ],
    });
    const p = plan(fg, 'XA', 'harden', 1);
    expect(actionsOf(p)).toEqual([{ kind: 'extend_flow', from: 'xa-h2', to: 'xa-ncp', flow: 'f10', gained: [X] }]);
    expect(p.steps[0]!.explanation).toMatch(
      /^Ask XA-H2 to add .* to what it already sends the NCP \(flow f10\): UAM-03 would then reach the NCP by a second route that does not pass through XA-M\.$/,
    );
  });

  test('when an indicator has a single holder, then harden proposes nothing for it', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-h1:police', 'xa-m:ngo'],
      holds: { 'xa-h1': [X] },
      flows: [
        { from: 'xa-h1', to: 'xa-m', indicators: [X] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X] },
      ],
    });
    expect(planCandidates(fg, 'XA', 'harden')).toEqual([]);
    expect(plan(fg, 'XA', 'harden', 5).steps).toEqual([]);
  });
});

describe('bad input', () => {
  const fg = graphOf({ stakeholders: ['xa-ncp:ministry:ncp', 'xb-a:police'] });
  test.each([
    ['XA', 'close_gaps', 0, 'budget'],
    ['XA', 'close_gaps', 21, 'budget'],
    ['XA', 'close_gaps', 2.5, 'budget'],
    ['XA', 'fix_all', 5, 'goal'],
    ['XB', 'harden', 5, 'country'],
  ])('when %s / %s / budget %s is asked, then a 400 names %s', (country, goal, budget, field) => {
    expect(() => plan(fg, country, goal as PlanGoal, budget)).toThrow(
      expect.objectContaining({ status: 400, problems: [expect.objectContaining({ field })] }),
    );
  });
  test('when the country is unknown, then 404', () => {
    expect(() => plan(fg, 'XQ', 'harden', 5)).toThrow(expect.objectContaining({ status: 404 }));
  });
});

// Brute force: every set of at most `budget` candidates applied to the map document, the flow graph
// built again from scratch, and the goal's measure read off §1 coverage and §6 resilience.
function applied(fg: FlowGraph, actions: readonly Candidate[]): FlowGraph {
  const doc = structuredClone(fg.document);
  actions.forEach((a, i) => {
    if (a.kind === 'extend_flow') {
      const flow = doc.flows.find((f) => f.id === a.flow)!;
      flow.indicators = [...new Set([...flow.indicators, ...a.indicators])];
    } else {
      doc.flows.push({
        id: `brute-${i}`,
        from: a.from,
        to: a.to,
        indicators: a.indicators,
        basis: 'statutory',
        status: 'active',
        confidence: 'confirmed',
        personDependent: false,
      } as never);
    }
  });
  return buildFlowGraph(doc, fg.catalogue);
}

function measure(fg: FlowGraph, country: string, goal: PlanGoal): number {
  if (goal === 'close_gaps')
    return countryCoverage(fg, country, false).cells.filter(
      (c) => c.status === 'reaches_ncp' || c.status === 'held_by_ncp',
    ).length;
  return resilience(fg, country).indicators.filter((i) => (i.resilience ?? 0) >= 2).length;
}

function subsets<T>(items: readonly T[], max: number): T[][] {
  const out: T[][] = [[]];
  const grow = (start: number, current: T[]) => {
    for (let i = start; i < items.length; i++) {
      const next = [...current, items[i]!];
      out.push(next);
      if (next.length < max) grow(i + 1, next);
    }
  };
  grow(0, []);
  return out;
}

function bruteForce(fg: FlowGraph, country: string, goal: PlanGoal, budget: number): number {
  const candidates = planCandidates(fg, country, goal);
  return Math.max(...subsets(candidates, budget).map((set) => measure(applied(fg, set), country, goal)));
}

/** The greedy plan's measure, read again from scratch on the map with its actions applied. */
function greedyMeasure(
  fg: FlowGraph,
  country: string,
  goal: PlanGoal,
  budget: number,
): { measure: number; plan: ReturnType<typeof plan> } {
  const p = plan(fg, country, goal, budget);
  const candidates = planCandidates(fg, country, goal);
  const chosen = p.steps.map((s) =>
    candidates.find((c) => c.kind === s.action.kind && c.from === s.action.from && c.to === s.action.to)!,
  );
  return { measure: measure(applied(fg, chosen), country, goal), plan: p };
}

// A country where greedy set cover is not optimal: direct flows from hA (VIC-01, -02, -04, -05), hB (VIC-01, -02, -03), hC (VIC-04, -05, -06).
const NOT_OPTIMAL: MapSpec = {
  stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-b:ngo', 'xa-c:border_guard'],
  holds: {
    'xa-a': ['VIC-01', 'VIC-02', 'VIC-04', 'VIC-05'],
    'xa-b': ['VIC-01', 'VIC-02', 'VIC-03'],
    'xa-c': ['VIC-04', 'VIC-05', 'VIC-06'],
  },
};

// Small countries where greedy is optimal (checked below): two routes to join, an extension, a foreign hop, and a second indicator.
const OPTIMAL: Array<[string, MapSpec, PlanGoal, number]> = [
  [
    'two gaps, one shared hub',
    {
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-b:ngo', 'xa-hub:national_coordinator', 'int-x:europol'],
      holds: { 'xa-a': [X, Y], 'xa-b': [Y, 'VIC-01'] },
      flows: [
        { from: 'xa-hub', to: 'xa-ncp', indicators: [X] },
        { from: 'xa-a', to: 'xa-hub', indicators: ['TRF-01'] },
        { from: 'int-x', to: 'xa-ncp', indicators: ['VIC-01'] },
        { from: 'xa-b', to: 'xa-a', indicators: [] },
      ],
    },
    'close_gaps',
    3,
  ],
  [
    'the harden case of the tie-breaks',
    {
      stakeholders: [
        'xa-ncp:ministry:ncp',
        'xa-h1:police',
        'xa-h2:border_guard',
        'xa-h3:ngo',
        'xa-m:national_coordinator',
        'xa-m2:ngo',
      ],
      holds: { 'xa-h1': [X], 'xa-h2': [X, Y], 'xa-h3': [Y] },
      flows: [
        { from: 'xa-h1', to: 'xa-m', indicators: [X] },
        { from: 'xa-h2', to: 'xa-m', indicators: [X] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X] },
        { from: 'xa-h3', to: 'xa-h2', indicators: [Y] },
        { from: 'xa-h2', to: 'xa-m2', indicators: [Y] },
        { from: 'xa-m2', to: 'xa-ncp', indicators: [Y] },
      ],
    },
    'harden',
    2,
  ],
  [
    'three holders through one coordinator, budget 1',
    {
      stakeholders: [
        'xa-ncp:ministry:ncp',
        'xa-a:police',
        'xa-b:ngo',
        'xa-c:border_guard',
        'xa-m:national_coordinator',
      ],
      holds: { 'xa-a': [X, Y], 'xa-b': [X], 'xa-c': [Y] },
      flows: [
        { from: 'xa-a', to: 'xa-m', indicators: [X, Y] },
        { from: 'xa-b', to: 'xa-m', indicators: [X] },
        { from: 'xa-c', to: 'xa-m', indicators: [Y] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X, Y] },
      ],
    },
    'harden',
    1,
  ],
];

describe('greedy against brute force', () => {
  test.each(OPTIMAL)(
    'when the case is "%s", then greedy reaches the optimum of every set of at most budget candidates',
    (_name, spec, goal, budget) => {
      const fg = graphOf(spec);
      const greedy = greedyMeasure(fg, 'XA', goal, budget);
      expect(greedy.plan.steps.length).toBeGreaterThan(0);
      expect(greedy.measure).toBe(bruteForce(fg, 'XA', goal, budget));
      // The plan's own figures agree with the map rebuilt from scratch.
      const cov = countryCoverage(applied(fg, []), 'XA', false);
      const collected = cov.cells.filter((c) => c.status !== 'not_collected' && c.status !== 'no_ncp').length;
      if (goal === 'close_gaps') expect(greedy.plan.after.coverageRatio).toBeCloseTo(greedy.measure / collected, 12);
      else expect(greedy.plan.after.resilientIndicators).toBe(greedy.measure);
    },
  );

  test('when greedy set cover meets its classic trap, then greedy is NOT optimal: 5 indicators reach instead of 6 (budget 2)', () => {
    const fg = graphOf(NOT_OPTIMAL);
    const greedy = greedyMeasure(fg, 'XA', 'close_gaps', 2);
    // Greedy takes hA first (4 gaps), then one of hB, hC (1 more each); hB and hC together close all 6.
    expect(actionsOf(greedy.plan).map((a) => [a.from, a.gained.length])).toEqual([
      ['xa-a', 4],
      ['xa-b', 1],
    ]);
    expect(greedy.measure).toBe(5);
    expect(bruteForce(fg, 'XA', 'close_gaps', 2)).toBe(6);
  });
});

describe('the plans of every seed country, read again from scratch', () => {
  const seed = buildFlowGraph(readSeedDocument(), readCatalogue() as never);
  test.each(nationalCountries(seed).flatMap((c) => (['close_gaps', 'harden'] as const).map((g) => [c, g] as const)))(
    "when %s is planned with goal %s, then each step's gains and figures are those of the map with the steps applied, rebuilt",
    (country, goal) => {
      const p = plan(seed, country, goal, 5);
      const candidates = planCandidates(seed, country, goal);
      const chosen = p.steps.map((s) =>
        candidates.find((c) => c.kind === s.action.kind && c.from === s.action.from && c.to === s.action.to)!,
      );
      let previous = measure(seed, country, goal);
      p.steps.forEach((s, i) => {
        const fg = applied(seed, chosen.slice(0, i + 1));
        const now = measure(fg, country, goal);
        expect({ step: s.step, gain: now - previous }).toEqual({ step: i + 1, gain: s.gained.length });
        expect(s.resilientIndicators).toBe(
          resilience(fg, country).summary.two + resilience(fg, country).summary.threeOrMore,
        );
        expect(s.coverageRatio).toBeCloseTo(countryCoverage(fg, country, false).coverageRatio!, 12);
        expect(s.explanation).toMatch(/^Ask .+: .+\.$/);
        previous = now;
      });
    },
  );

  test('when the suggestions answer is handed in (as the service does), then every close_gaps plan is the same', () => {
    for (const country of nationalCountries(seed)) {
      expect(plan(seed, country, 'close_gaps', 20, suggestions(seed, country).suggestions)).toEqual(
        plan(seed, country, 'close_gaps', 20),
      );
    }
  });
});
