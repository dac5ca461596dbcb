// The NCP's position, the comparison metrics, bottlenecks and what-if on hand-built graphs
// (ANALYSIS.md §3-5), with every expected value worked out by hand below.
import { bottlenecks } from '../../../server/analysis/bottlenecks/bottlenecks';
import { whatIf, WhatIfInput } from '../../../server/analysis/bottlenecks/what-if';
import { compare, cosine } from '../../../server/analysis/compare/compare';
import { ncpPosition } from '../../../server/analysis/ncp/position';
import { graphOf } from '../../support/graph-builder';

// XA, six stakeholders: ncp (ministry, governance), stat (statistics office, governance),
// min (ministry, governance), pol (police, law enforcement), pol2 (border guard, law enforcement),
// cw (child welfare, child protection). Flows: stat->ncp, pol->ncp, ncp->min, ncp->cw, ncp->pol2,
// stat->pol2. XB: police -> ministry NCP. International: the XA NCP sends VIC-01 to the CBSS.
const fg = graphOf({
  stakeholders: [
    'xa-ncp:ministry:ncp',
    'xa-stat:statistics_office',
    'xa-min:ministry',
    'xa-pol:police',
    'xa-pol2:border_guard',
    'xa-cw:child_welfare',
    'xb-ncp:ministry:ncp',
    'xb-pol:police',
    'int-cbss:cbss',
  ],
  holds: { 'xa-pol': ['VIC-01'], 'xa-ncp': ['SYS-03'] },
  flows: [
    { id: 'f1', from: 'xa-stat', to: 'xa-ncp' },
    { id: 'f2', from: 'xa-pol', to: 'xa-ncp', indicators: ['VIC-01'] },
    { id: 'f3', from: 'xa-ncp', to: 'xa-min' },
    { id: 'f4', from: 'xa-ncp', to: 'xa-cw' },
    { id: 'f5', from: 'xa-ncp', to: 'xa-pol2' },
    { id: 'f6', from: 'xa-stat', to: 'xa-pol2' },
    { id: 'f7', from: 'xa-ncp', to: 'int-cbss', indicators: ['VIC-01'] },
    { id: 'g1', from: 'xb-pol', to: 'xb-ncp' },
  ],
  networks: [{ id: 'xa-net', country: 'XA' }],
});

describe('NCP position', () => {
  const p = ncpPosition(fg, 'XA');

  test('when degrees and indicators are asked, then they follow the country graph and the coverage', () => {
    expect(p).toMatchObject({ status: 'ok', ncp: 'xa-ncp', inDegree: 2, outDegree: 3 });
    expect(p.status === 'ok' && [p.indicatorsReceived, p.indicatorsHeld, p.indicatorsPassedOn]).toEqual([
      ['VIC-01'],
      ['SYS-03'],
      ['VIC-01'],
    ]);
  });

  test('when betweenness is computed, then the NCP lies on 5 of the 20 ordered pairs and ranks first', () => {
    // Through the NCP only: stat->min, stat->cw, pol->min, pol->cw, pol->pol2 (stat->pol2 is direct). 5 / ((6-1)(6-2)) = 0.25.
    expect(p).toMatchObject({ betweenness: 0.25, betweennessRank: 1 });
  });

  test('when closeness and reach are computed, then 2 of 5 reach the NCP and it reaches 3 of 5, all in one hop', () => {
    expect(p).toMatchObject({
      harmonicClosenessIn: 0.4,
      harmonicClosenessOut: 0.6,
      reach: { in: { k1: 0.4, k2: 0.4, any: 0.4 }, out: { k1: 0.6, k2: 0.6, any: 0.6 } },
    });
  });

  test('when brokerage is counted, then each of the five roles occurs once', () => {
    // stat->NCP->min coordinator; pol->NCP->min gatekeeper; stat->NCP->cw representative (stat->pol2 is direct);
    // pol->NCP->pol2 itinerant; pol->NCP->cw liaison.
    expect(p.status === 'ok' && p.brokerage).toEqual({
      coordinator: 1,
      gatekeeper: 1,
      representative: 1,
      itinerant: 1,
      liaison: 1,
    });
  });

  test("when Burt's constraint is computed, then it is 0.30", () => {
    // Five neighbours, p = 1/5 each; pol2 and stat are tied (each has two neighbours, p = 1/2):
    // 2 x (0.2 + 0.2 x 0.5)^2 + 3 x 0.2^2 = 0.18 + 0.12.
    expect(p.status === 'ok' && p.constraint).toBeCloseTo(0.3, 12);
  });

  test('when cross-border channels are listed, then the flow to the international body is out', () => {
    expect(p.status === 'ok' && p.crossBorder).toEqual({
      in: [],
      out: [{ flow: 'f7', stakeholder: 'int-cbss', country: 'INT', indicators: ['VIC-01'] }],
    });
  });

  test('when the country has no NCP, then a well-defined no_ncp result', () => {
    expect(ncpPosition(fg, 'INT')).toEqual({ status: 'no_ncp', country: 'INT', ncp: null });
  });
});

describe('comparison', () => {
  const cmp = compare(fg);
  const xa = cmp.countries.find((c) => c.country === 'XA')!;

  test('when XA is measured, then every metric matches the hand computation', () => {
    expect(xa).toMatchObject({
      stakeholders: 6,
      flows: 6,
      density: 0.2,
      reciprocity: 0,
      meanDegree: 1,
      weakComponents: 1,
      strongComponents: 6,
      sectors: 3,
      basisShare: { statutory: 1, agreement: 0, project: 0, informal: 0 },
      personDependentShare: 0,
      coverageRatio: 1,
      referenceCoverage: 2 / 32,
      meanHopsToNcp: 1,
      ncpBetweennessRank: 1,
      networks: 1,
      crossBorderChannels: 1,
    });
    // Undirected degrees 5,2,1,1,1,2: sum of (5 - d) = 18 over (5 x 4); normalised betweenness 0.25, 0 x 5: 1.25 / 5.
    expect(xa.degreeCentralization).toBeCloseTo(0.9, 12);
    expect(xa.betweennessCentralization).toBeCloseTo(0.25, 12);
  });

  test('when role matrices are built, then each type pair has its share of the flows', () => {
    expect(cmp.roleMatrices.XA).toEqual({
      'ministry>border_guard': 1 / 6,
      'ministry>child_welfare': 1 / 6,
      'ministry>ministry': 1 / 6,
      'police>ministry': 1 / 6,
      'statistics_office>border_guard': 1 / 6,
      'statistics_office>ministry': 1 / 6,
    });
    expect(cmp.sectorMatrices.XA!['governance>governance']).toBeCloseTo(2 / 6, 12);
  });

  test('when countries are compared, then the cosine of their type-level matrices is reported', () => {
    // XB = (police>ministry: 1); XA has 1/6 there among six equal entries: (1/6) / (sqrt(6/36) x 1) = sqrt(1/6).
    expect(cmp.similarity).toEqual([{ a: 'XA', b: 'XB', cosine: expect.closeTo(Math.sqrt(1 / 6), 12) }]);
    expect(cosine({}, { a: 1 })).toBe(0);
  });

  test('when a country has no flows or NCP, then its metrics are numbers or null, never NaN', () => {
    const lone = graphOf({ stakeholders: ['xa-a:ngo'] });
    const [m] = compare(lone).countries;
    expect(JSON.stringify(m)).not.toMatch(/NaN|Infinity/);
    expect(m).toMatchObject({
      flows: 0,
      density: 0,
      coverageRatio: null,
      meanHopsToNcp: null,
      ncpBetweennessRank: null,
    });
  });
});

describe('bottlenecks and what-if', () => {
  // h -> a -> ncp carries VIC-02; h2 -> a too; a single route through a.
  const chain = graphOf({
    stakeholders: ['xa-ncp:ministry:ncp', 'xa-h:police', 'xa-h2:ngo', 'xa-a:national_coordinator', 'xa-x:ngo'],
    holds: { 'xa-h': ['VIC-02'], 'xa-h2': ['VIC-02'] },
    flows: [
      { id: 'ha', from: 'xa-h', to: 'xa-a', indicators: ['VIC-02'] },
      { id: 'h2a', from: 'xa-h2', to: 'xa-a', indicators: ['VIC-02'] },
      { id: 'an', from: 'xa-a', to: 'xa-ncp', indicators: ['VIC-02'], basis: 'informal' },
      { id: 'xh', from: 'xa-x', to: 'xa-h' },
    ],
  });

  test('when every route passes one stakeholder, then it and its flow to the NCP are the bottleneck', () => {
    const b = bottlenecks(chain, 'XA');
    expect(b.singlePointsOfFailure).toEqual([{ id: 'xa-a', indicators: ['VIC-02'] }]);
    expect(b.criticalFlows).toEqual([{ id: 'an', indicators: ['VIC-02'] }]);
    expect(b.fragile).toEqual([{ indicator: 'VIC-02', reasons: ['informal', 'unconfirmed'] }]);
    // Pairs through a: h->ncp, h2->ncp, x->ncp (x->h->a->ncp): 3; through h: x->a, x->ncp: 2. n = 5: / 12.
    expect(b.betweenness.slice(0, 2)).toEqual([
      { id: 'xa-a', value: 3 / 12 },
      { id: 'xa-h', value: 2 / 12 },
    ]);
    // Edge a->ncp lies on h->ncp, h2->ncp, x->ncp, a->ncp: 4 of 20 ordered pairs.
    expect(b.edgeBetweenness[0]).toEqual({ id: 'an', value: 4 / 20 });
  });

  test('when the bottleneck is removed in a what-if, then VIC-02 stops reaching and the store is untouched', () => {
    const result = whatIf(chain, WhatIfInput.parse({ country: 'XA', removeStakeholders: ['xa-a'] }));
    expect(result.changed).toEqual([{ indicator: 'VIC-02', from: 'reaches_ncp', to: 'collected_not_reaching' }]);
    expect(chain.graph.hasNode('xa-a')).toBe(true);
    const ncp = result.ncp.after;
    expect(ncp.status === 'ok' && ncp.inDegree).toBe(0);
  });

  test('when a proposed flow is added, then the indicator it carries starts reaching the NCP', () => {
    const gap = graphOf({ stakeholders: ['xa-ncp:ministry:ncp', 'xa-h:police'], holds: { 'xa-h': ['TRF-01'] } });
    const result = whatIf(
      gap,
      WhatIfInput.parse({
        country: 'XA',
        addFlows: [{ from: 'xa-h', to: 'xa-ncp', indicators: ['TRF-01'], basis: 'agreement' }],
      }),
    );
    expect(result.changed).toEqual([{ indicator: 'TRF-01', from: 'collected_not_reaching', to: 'reaches_ncp' }]);
  });

  test('when the scenario names unknown items, then every one is reported', () => {
    expect(() =>
      whatIf(
        chain,
        WhatIfInput.parse({
          country: 'XA',
          removeFlows: ['nope'],
          addFlows: [{ from: 'ghost', to: 'xa-ncp', indicators: ['ZZZ-01'], basis: 'informal' }],
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ path: 'removeFlows[0]' }),
          expect.objectContaining({ path: 'addFlows[0].from' }),
          expect.objectContaining({ path: 'addFlows[0].indicators[0]' }),
        ],
      }),
    );
  });
});

describe('betweenness rank', () => {
  test('when two values differ only by rounding, then they tie and neither outranks the other', async () => {
    const { rankOf } = await import('../../../server/analysis/ncp/position');
    expect(rankOf({ a: 0.1 + 0.2, b: 0.3, c: 0.5 }, 'b')).toBe(2);
    expect(rankOf({ a: 0.1 + 0.2, b: 0.3, c: 0.5 }, 'a')).toBe(2);
  });
});
