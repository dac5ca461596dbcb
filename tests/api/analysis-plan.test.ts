// The resilience and plan endpoints (ANALYSIS.md §6) on the seeded region: the documented fields for every
// seed country, agreement with the bottlenecks endpoint, bad input naming the field, and caching by version.
import request from 'supertest';
import type { GraphStore } from '../../server/store/port';
import { SEED_NATIONAL as COUNTRIES, seededApp } from '../support/seeded-app';

let store: GraphStore;
let app: Awaited<ReturnType<typeof seededApp>>['app'];

beforeAll(async () => {
  ({ store, app } = await seededApp('viewer'));
});
afterAll(() => store.close());

describe('resilience and plans for every seed country', () => {
  test.each(COUNTRIES)(
    'when %s is asked, then resilience and both plans answer with the documented fields',
    async (country) => {
      const r = (await request(app).get(`/api/analysis/resilience?country=${country}`).expect(200)).body;
      expect(Object.keys(r)).toEqual(['country', 'ncp', 'indicators', 'summary', 'computedFrom']);
      expect(r.indicators).toHaveLength(32);
      expect(Object.keys(r.summary)).toEqual(['held', 'gaps', 'one', 'two', 'threeOrMore', 'singleHolder']);
      const spof = (await request(app).get(`/api/analysis/bottlenecks?country=${country}`).expect(200)).body
        .singlePointsOfFailure as Array<{ indicators: string[] }>;
      const one = r.indicators
        .filter((i: { resilience: number | null }) => i.resilience === 1)
        .map((i: { indicator: string }) => i.indicator);
      expect(one.sort()).toEqual([...new Set(spof.flatMap((s) => s.indicators))].sort());
      for (const goal of ['close_gaps', 'harden']) {
        const p = (await request(app).get(`/api/analysis/plan?country=${country}&goal=${goal}&budget=3`).expect(200))
          .body;
        expect(p).toMatchObject({ country, goal, budget: 3 });
        // A viewer (this app's role) is also told how many steps it does not see (issue 18 point 9).
        expect(Object.keys(p)).toEqual([
          'country',
          'goal',
          'budget',
          'before',
          'steps',
          'after',
          'computedFrom',
          'hidden',
        ]);
        expect(p.steps.length).toBeLessThanOrEqual(3);
        expect(p.before.resilientIndicators).toBe(r.summary.two + r.summary.threeOrMore);
        for (const s of p.steps)
          expect(Object.keys(s)).toEqual([
            'step',
            'action',
            'gained',
            'coverageRatio',
            'resilientIndicators',
            'explanation',
          ]);
      }
    },
  );

  test('when the budget is left out, then it is 5', async () => {
    const p = (await request(app).get('/api/analysis/plan?country=SE&goal=close_gaps').expect(200)).body;
    expect(p.budget).toBe(5);
  });
});

describe('bad input', () => {
  test.each([
    ['country=SE&goal=close_gaps&budget=0', 'budget'],
    ['country=SE&goal=close_gaps&budget=21', 'budget'],
    ['country=SE&goal=close_gaps&budget=2.5', 'budget'],
    ['country=SE&goal=close_gaps&budget=three', 'budget'],
    ['country=SE&goal=everything', 'goal'],
    ['country=SE', 'goal'],
    ['goal=harden', 'country'],
    ['country=sweden&goal=harden', 'country'],
    ['country=SE&goal=harden&includeInformal=false', 'includeInformal'],
  ])('when the plan is asked with %s, then 400 names %s', async (query, field) => {
    const res = await request(app).get(`/api/analysis/plan?${query}`).expect(400);
    expect(res.body.error.problems.map((p: { field: string }) => p.field)).toEqual([field]);
  });

  test('when the country is unknown, then 404 for both; a country without an NCP: resilience says so, a plan is a 400 naming country', async () => {
    await request(app).get('/api/analysis/resilience?country=XQ').expect(404);
    await request(app).get('/api/analysis/plan?country=XQ&goal=harden').expect(404);
    await request(app).get('/api/analysis/resilience').expect(400);
    const r = (await request(app).get('/api/analysis/resilience?country=INT').expect(200)).body;
    expect(r.ncp).toBeNull();
    expect(
      r.indicators.every((i: { status: string; resilience: null }) => i.status === 'no_ncp' && i.resilience === null),
    ).toBe(true);
    const p = await request(app).get('/api/analysis/plan?country=INT&goal=harden').expect(400);
    expect(p.body.error.problems).toEqual([
      expect.objectContaining({ field: 'country', message: expect.stringContaining('no NCP') }),
    ]);
  });
});

describe('caching and what counts', () => {
  test('when asked twice, then the same answer; after a write that adds a route, resilience is computed again on the new version', async () => {
    const a = (await request(app).get('/api/analysis/resilience?country=NO').expect(200)).body;
    expect((await request(app).get('/api/analysis/resilience?country=NO').expect(200)).body).toEqual(a);
    const p = (await request(app).get('/api/analysis/plan?country=NO&goal=harden&budget=1').expect(200)).body;
    const { from, to, indicators } = p.steps[0].action;
    await store.create(
      'flow',
      { id: 'no-plan-test', from, to, indicators, basis: 'informal', confidence: 'assumed' },
      'test',
    );
    const b = (await request(app).get('/api/analysis/resilience?country=NO').expect(200)).body;
    expect(b.computedFrom.storeVersion).toBeGreaterThan(a.computedFrom.storeVersion);
    // An informal, merely assumed flow counts (§6 always reads every active flow).
    expect(b.summary.two + b.summary.threeOrMore).toBe(
      a.summary.two + a.summary.threeOrMore + p.steps[0].gained.length,
    );
    const v = await store.get('flow', 'no-plan-test');
    await store.delete('flow', 'no-plan-test', v.version, 'test');
  });
});
