// The reports' recommendations (issue 13, point 5) against the analyses they come from, for every seed
// country: the two plans (budget 5) step by step, the flows to formalise recomputed from the coverage
// paths and the flows' basis, and the regional count of recommended actions; plus a hand-built map.
import { countryCoverage } from '../../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries } from '../../../server/analysis/flow-graph';
import { plan } from '../../../server/analysis/plan/plan';
import { buildCountryReport } from '../../../server/reports/country';
import {
  commonRecommendedActions,
  flowsToFormalise,
  RECOMMENDATION_BUDGET,
} from '../../../server/reports/recommendations';
import { buildRegionalReport } from '../../../server/reports/regional';
import { section, seedInput, tables, texts } from './seed-input';

const input = seedInput();
const fg = buildFlowGraph(input.document, { indicators: input.catalogue.indicators });
const COUNTRIES = nationalCountries(fg);
const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);

describe.each(COUNTRIES.map((c) => [c]))('the recommendations of %s', (country) => {
  const report = buildCountryReport(input, country);
  const chapter = section(report, 'recommendations');

  test('when the profile is built, then "Recommendations" comes after the suggested links and before the comparison', () => {
    const ids = report.sections.map((s) => s.id);
    expect(ids.indexOf('recommendations')).toBe(ids.indexOf('suggestions') + 1);
    expect(ids[ids.indexOf('recommendations') + 1]).toBe('comparison');
    expect(chapter.title).toBe('Recommendations');
  });

  test('when the profile is built, then each plan with steps is listed step by step as the analysis gives it (budget 5): the explanation, which names the gains, and the figure after', () => {
    const items = chapter.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    for (const [goal, title] of [
      ['close_gaps', 'close coverage gaps'],
      ['harden', 'remove single points of failure'],
    ] as const) {
      const p = plan(fg, country, goal, RECOMMENDATION_BUDGET);
      if (!p.steps.length) {
        expect(texts(chapter).some((t) => t.startsWith(`To ${title}: no `))).toBe(true);
        continue;
      }
      for (const s of p.steps) {
        for (const x of s.gained) expect(s.explanation).toContain(x);
        const after =
          goal === 'close_gaps'
            ? `(coverage ratio then ${pct(s.coverageRatio)})`
            : `(then ${s.resilientIndicators} with two or more routes)`;
        expect(items).toContain(`Step ${s.step}. ${s.explanation} ${after}`);
      }
      const from = goal === 'close_gaps' ? pct(p.before.coverageRatio) : String(p.before.resilientIndicators);
      const to = goal === 'close_gaps' ? pct(p.after.coverageRatio) : String(p.after.resilientIndicators);
      expect(
        texts(chapter).some(
          (t) => t.startsWith(`To ${title}: ${p.steps.length} step`) && t.includes(`from ${from} to ${to}`),
        ),
      ).toBe(true);
    }
  });

  test("when the profile is built, then the flows to formalise are exactly the informal or person-dependent flows on reaching indicators' best paths", () => {
    const coverage = countryCoverage(fg, country);
    const flows = new Map(input.document.flows.map((f) => [f.id, f]));
    const expected = new Map<string, Set<string>>();
    for (const cell of coverage.cells.filter((c) => c.status === 'reaches_ncp')) {
      for (const id of cell.flows ?? []) {
        const f = flows.get(id)!;
        if (f.basis === 'informal' || f.personDependent)
          expected.set(id, (expected.get(id) ?? new Set()).add(cell.indicator));
      }
    }
    const table = tables(chapter).find((t) => t.caption.startsWith('Flows to formalise'));
    const listed = new Map((table?.rows ?? []).map((r) => [r[0]!, new Set(r[4]!.split(', '))]));
    expect(listed).toEqual(expected);
    for (const row of table?.rows ?? []) {
      const f = flows.get(row[0]!)!;
      expect(row[3]).toBe(
        [f.basis === 'informal' ? 'informal' : '', f.personDependent ? 'person-dependent' : '']
          .filter(Boolean)
          .join(', '),
      );
    }
  });
});

test('when a best path has an informal flow and a person-dependent one, then each is listed with the indicators whose path uses it, most first', () => {
  const doc = {
    countries: [{ code: 'XX', name: 'Testland' }],
    stakeholders: [
      { id: 'a', name: 'Agency A', country: 'XX', type: 'police', ncp: false },
      { id: 'b', name: 'Agency B', country: 'XX', type: 'ngo', ncp: false },
      { id: 'n', name: 'The NCP', country: 'XX', type: 'ministry', ncp: true },
    ],
    flows: [
      {
        id: 'f1',
        from: 'a',
        to: 'b',
        indicators: ['X', 'Y'],
        basis: 'informal',
        personDependent: false,
        status: 'active',
        confidence: 'confirmed',
      },
      {
        id: 'f2',
        from: 'b',
        to: 'n',
        indicators: ['X', 'Y', 'Z'],
        basis: 'agreement',
        personDependent: true,
        status: 'active',
        confidence: 'confirmed',
      },
      {
        id: 'f3',
        from: 'a',
        to: 'n',
        indicators: ['W'],
        basis: 'statutory',
        personDependent: false,
        status: 'active',
        confidence: 'confirmed',
      },
    ],
    datasets: [
      { id: 'd', holder: 'a', name: 'register', indicators: ['X', 'Y', 'W'] },
      { id: 'e', holder: 'b', name: 'log', indicators: ['Z'] },
    ],
  };
  const coverage = {
    country: 'XX',
    ncp: 'n',
    coverageRatio: 1,
    referenceCoverage: 1,
    cells: [
      { indicator: 'W', status: 'reaches_ncp' as const, flows: ['f3'], holders: ['a'] },
      { indicator: 'X', status: 'reaches_ncp' as const, flows: ['f1', 'f2'], holders: ['a'] },
      { indicator: 'Y', status: 'reaches_ncp' as const, flows: ['f1', 'f2'], holders: ['a'] },
      { indicator: 'Z', status: 'reaches_ncp' as const, flows: ['f2'], holders: ['b'] },
    ],
  };
  const list = flowsToFormalise({ ...input, document: doc as unknown as typeof input.document }, coverage);
  expect(list).toEqual([
    { flow: 'f2', from: 'b', to: 'n', informal: false, personDependent: true, indicators: ['X', 'Y', 'Z'] },
    { flow: 'f1', from: 'a', to: 'b', informal: true, personDependent: false, indicators: ['X', 'Y'] },
  ]);
});

test("when the regional report is built, then the recommended actions are the plans' actions by type, counted once per country, most first", () => {
  const counted = new Map<string, Set<string>>();
  for (const country of COUNTRIES.filter((c) => fg.ncpOf(c))) {
    for (const goal of ['close_gaps', 'harden'] as const) {
      for (const s of plan(fg, country, goal, RECOMMENDATION_BUDGET).steps) {
        const toType = s.action.to === fg.ncpOf(country) ? 'ncp' : fg.graph.getNodeAttribute(s.action.to, 'type');
        for (const x of s.action.indicators) {
          const key = `${fg.graph.getNodeAttribute(s.action.from, 'type')}|${toType}|${x}`;
          counted.set(key, (counted.get(key) ?? new Set()).add(country));
        }
      }
    }
  }
  const actions = commonRecommendedActions(fg);
  expect(new Map(actions.map((a) => [`${a.fromType}|${a.toType}|${a.indicator}`, new Set(a.countries)]))).toEqual(
    counted,
  );
  for (let i = 1; i < actions.length; i++)
    expect(actions[i - 1]!.countries.length).toBeGreaterThanOrEqual(actions[i]!.countries.length);
  for (const a of actions)
    expect(a.goals).toEqual(['close_gaps', 'harden'].filter((g) => a.goals.includes(g as never)));

  const report = buildRegionalReport(input);
  const table = tables(section(report, 'recommended-actions'))[0]!;
  expect(table.rows.length).toBe(Math.min(10, actions.length));
  expect(table.rows.map((r) => r[4])).toEqual(
    actions.slice(0, 10).map((a) => `${a.countries.length}: ${a.countries.join(', ')}`),
  );
  expect(table.rows[0]![4]!.startsWith(String(actions[0]!.countries.length))).toBe(true);
});
