// The reports' recommendations (issue 13, point 5): in a country profile, the close-gaps and the harden plan
// (ANALYSIS.md §6, budget 5) and the flows to formalise; in the regional report, the actions the plans
// recommend in the most countries, by sender type, receiver type and indicator. The plans are the
// analysis's own (server/analysis/plan), run on the report's flow graph, so a report of a frozen round
// recommends from that round's map.
import type { CountryCoverage } from '../analysis/coverage/coverage';
import { nationalCountries, type FlowGraph } from '../analysis/flow-graph';
import { plan, PLAN_GOALS, type Plan, type PlanGoal } from '../analysis/plan/plan';
import type { Block, Section } from '../model/report';
import { percent } from '../model/format';
import { namer, plural, typeNoun, type ReportInput } from './text';

/** The budget of the plans the reports show. */
export const RECOMMENDATION_BUDGET = 5;
/** How many of the most common recommended actions the regional report lists. */
export const TOP_RECOMMENDED_ACTIONS = 10;

const GOAL_TITLES: Record<PlanGoal, string> = {
  close_gaps: 'close coverage gaps',
  harden: 'remove single points of failure',
};

type Names = ReturnType<typeof namer>;

export interface FlowToFormalise {
  flow: string;
  from: string;
  to: string;
  informal: boolean;
  personDependent: boolean;
  /** Reaching indicators whose best path (§1) uses the flow, in catalogue order. */
  indicators: string[];
}

/**
 * Informal or person-dependent flows on the best path of an indicator that reaches the NCP, each with the
 * indicators whose best path uses it; most indicators first, then by flow id (UTF-16 order).
 */
export function flowsToFormalise(input: ReportInput, coverage: CountryCoverage): FlowToFormalise[] {
  const flows = new Map(input.document.flows.map((f) => [f.id, f]));
  const found = new Map<string, FlowToFormalise>();
  for (const cell of coverage.cells) {
    if (cell.status !== 'reaches_ncp') continue;
    for (const id of cell.flows ?? []) {
      const f = flows.get(id);
      if (!f || (f.basis !== 'informal' && !f.personDependent)) continue;
      const entry = found.get(id) ?? {
        flow: id,
        from: f.from,
        to: f.to,
        informal: f.basis === 'informal',
        personDependent: f.personDependent === true,
        indicators: [],
      };
      if (!entry.indicators.includes(cell.indicator)) entry.indicators.push(cell.indicator);
      found.set(id, entry);
    }
  }
  return [...found.values()].sort(
    (a, b) => b.indicators.length - a.indicators.length || (a.flow < b.flow ? -1 : a.flow > b.flow ? 1 : 0),
  );
}

function planBlocks(p: Plan, countryName: string): Block[] {
  const closeGaps = p.goal === 'close_gaps';
  const measure = (f: { coverageRatio: number | null; resilientIndicators: number }) =>
    closeGaps ? percent(f.coverageRatio) : String(f.resilientIndicators);
  const what = closeGaps
    ? 'the coverage ratio'
    : 'the number of indicators that reach the NCP by two or more independent routes';
  if (!p.steps.length) {
    return [
      {
        type: 'paragraph',
        text: closeGaps
          ? `To ${GOAL_TITLES[p.goal]}: no suggested flow would bring another indicator to the NCP of ${countryName}.`
          : `To ${GOAL_TITLES[p.goal]}: no flow straight to the NCP would give an indicator of ${countryName} a second independent route (none reaches it by one route only from two or more holders).`,
      },
    ];
  }
  // A list rather than a table: the steps are sentences, and the profile has to stay short. Each explanation
  // names what its step gains.
  return [
    {
      type: 'paragraph',
      text: `To ${GOAL_TITLES[p.goal]}: ${plural(p.steps.length, 'step')} would take ${what} from ${measure(p.before)} to ${measure(p.after)}, best first:`,
    },
    {
      type: 'list',
      items: p.steps.map(
        (s) =>
          `Step ${s.step}. ${s.explanation} (${closeGaps ? `coverage ratio then ${measure(s)}` : `then ${measure(s)} with two or more routes`})`,
      ),
    },
  ];
}

/** The country profile's "Recommendations" chapter. */
export function recommendationsSection(
  fg: FlowGraph,
  input: ReportInput,
  country: string,
  coverage: CountryCoverage,
): Section {
  const names = namer(input);
  const countryName = names.country(country);
  if (!fg.ncpOf(country)) {
    return {
      id: 'recommendations',
      title: 'Recommendations',
      blocks: [
        {
          type: 'paragraph',
          text: `Without an NCP in the map of ${countryName}, there is nothing to plan for: every recommendation is about what reaches the NCP.`,
        },
      ],
    };
  }
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text:
        `Two plans of at most ${RECOMMENDATION_BUDGET} actions each, chosen one at a time: each step is the action that gains most given the steps before it. ` +
        'Nothing here is an agreement yet; each is a flow to ask for.',
    },
  ];
  for (const goal of PLAN_GOALS)
    blocks.push(...planBlocks(plan(fg, country, goal, RECOMMENDATION_BUDGET), countryName));
  blocks.push(...formaliseBlocks(flowsToFormalise(input, coverage), names, countryName));
  return { id: 'recommendations', title: 'Recommendations', blocks };
}

function formaliseBlocks(list: readonly FlowToFormalise[], names: Names, countryName: string): Block[] {
  if (!list.length) {
    return [
      {
        type: 'paragraph',
        text: `Flows to formalise: none. No indicator reaches the NCP of ${countryName} along a best path with an informal or person-dependent flow.`,
      },
    ];
  }
  return [
    {
      type: 'paragraph',
      text:
        `Flows to formalise: ${plural(list.length, 'informal or person-dependent flow')} on the best path of an indicator that reaches the NCP. ` +
        'An agreement, or a second person who can pass the information on, would keep those indicators coming.',
    },
    {
      type: 'table',
      caption: `Flows to formalise in ${countryName}: each flow, why it is fragile, and the indicators whose best path to the NCP uses it.`,
      columns: ['Flow', 'From', 'To', 'Why', 'Indicators that depend on it'],
      rows: list.map((f) => [
        f.flow,
        names.name(f.from),
        names.name(f.to),
        [f.informal ? 'informal' : '', f.personDependent ? 'person-dependent' : ''].filter(Boolean).join(', '),
        f.indicators.join(', '),
      ]),
    },
  ];
}

export interface RecommendedAction {
  fromType: string;
  /** 'ncp' when the flow goes to the NCP, else the receiver's type. */
  toType: string;
  indicator: string;
  goals: PlanGoal[];
  countries: string[];
}

/**
 * The actions both plans (budget 5) recommend across the national countries with an NCP, by (sender type,
 * receiver type or NCP, indicator), each counted once per country; most countries first.
 */
export function commonRecommendedActions(fg: FlowGraph): RecommendedAction[] {
  const found = new Map<string, RecommendedAction>();
  for (const country of nationalCountries(fg)) {
    const ncp = fg.ncpOf(country);
    if (!ncp) continue;
    for (const goal of PLAN_GOALS) {
      for (const step of plan(fg, country, goal, RECOMMENDATION_BUDGET).steps) {
        const fromType = fg.graph.getNodeAttribute(step.action.from, 'type');
        const toType = step.action.to === ncp ? 'ncp' : fg.graph.getNodeAttribute(step.action.to, 'type');
        for (const indicator of step.action.indicators) {
          const key = `${fromType}|${toType}|${indicator}`;
          const action = found.get(key) ?? { fromType, toType, indicator, goals: [], countries: [] };
          if (!action.countries.includes(country)) action.countries.push(country);
          if (!action.goals.includes(goal)) action.goals.push(goal);
          found.set(key, action);
        }
      }
    }
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const action of found.values()) action.goals.sort((a, b) => PLAN_GOALS.indexOf(a) - PLAN_GOALS.indexOf(b));
  return [...found.values()].sort(
    (a, b) =>
      b.countries.length - a.countries.length ||
      order(a.indicator, b.indicator) ||
      order(a.fromType, b.fromType) ||
      order(a.toType, b.toType),
  );
}

/** The regional report's section on the most common recommended actions. */
export function recommendedActionsSection(fg: FlowGraph, input: ReportInput): Section {
  const names = namer(input);
  const actions = commonRecommendedActions(fg).slice(0, TOP_RECOMMENDED_ACTIONS);
  const receiver = (t: string) => (t === 'ncp' ? 'the NCP' : typeNoun(t));
  const goals = (a: RecommendedAction) => a.goals.map((g) => GOAL_TITLES[g]).join('; ');
  return {
    id: 'recommended-actions',
    title: 'The most common recommended actions',
    blocks: actions.length
      ? [
          {
            type: 'paragraph',
            text:
              `Each national country's plans (to close coverage gaps and to remove single points of failure, at most ${RECOMMENDATION_BUDGET} actions each) ` +
              'recommend flows to ask for; here they are described by the types of their ends and the indicator, each counted once per country that recommends it.',
          },
          {
            type: 'table',
            caption: `The ${plural(actions.length, 'action')} recommended in the most countries: sender, receiver, indicator, the plan that recommends it, and the countries.`,
            columns: ['From', 'To', 'Indicator', 'Plan', 'Countries'],
            rows: actions.map((a) => [
              typeNoun(a.fromType),
              receiver(a.toType),
              names.indicator(a.indicator),
              goals(a),
              `${a.countries.length}: ${a.countries.join(', ')}`,
            ]),
          },
        ]
      : [
          {
            type: 'paragraph',
            text: 'No plan recommends any action in any country: no gap a suggested flow closes, and no single point of failure a flow to the NCP removes.',
          },
        ],
  };
}
