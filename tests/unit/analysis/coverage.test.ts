// Coverage on small hand-built graphs whose answers are worked out by hand (ANALYSIS.md §1).
import { countryCoverage, coverageCell, coverageMatrix } from '../../../server/analysis/coverage/coverage';
import { graphOf } from '../../support/graph-builder';

const X = 'VIC-01';

describe('coverage status', () => {
  test('when the NCP itself holds X, then held_by_ncp with 0 hops', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-pol:police'],
      holds: { 'xa-ncp': [X], 'xa-pol': [X] },
    });
    expect(coverageCell(fg, 'XA', X)).toMatchObject({
      status: 'held_by_ncp',
      hops: 0,
      path: ['xa-ncp'],
      holders: ['xa-ncp', 'xa-pol'],
    });
  });

  test('when a holder passes X through one intermediary, then reaches_ncp in 2 hops with that path', () => {
    // xa-pol -(statutory, monthly, 10d)-> xa-hub -(agreement, annual, 30d)-> xa-ncp
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-pol:police', 'xa-hub:national_coordinator'],
      holds: { 'xa-pol': [X] },
      flows: [
        {
          id: 'a',
          from: 'xa-pol',
          to: 'xa-hub',
          indicators: [X],
          basis: 'statutory',
          frequency: 'monthly',
          latencyDays: 10,
        },
        {
          id: 'b',
          from: 'xa-hub',
          to: 'xa-ncp',
          indicators: [X],
          basis: 'agreement',
          frequency: 'annual',
          latencyDays: 30,
        },
      ],
    });
    expect(coverageCell(fg, 'XA', X)).toEqual({
      indicator: X,
      status: 'reaches_ncp',
      hops: 2,
      path: ['xa-pol', 'xa-hub', 'xa-ncp'],
      flows: ['a', 'b'],
      weakestBasis: 'agreement',
      slowestFrequency: 'annual',
      latencyDays: 40,
      holders: ['xa-pol'],
      passedOn: false,
    });
  });

  test('when holders exist but no flow carrying X reaches the NCP, then collected_not_reaching', () => {
    // The only flow to the NCP carries another indicator.
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-pol:police'],
      holds: { 'xa-pol': [X] },
      flows: [{ from: 'xa-pol', to: 'xa-ncp', indicators: ['TRF-01'] }],
    });
    expect(coverageCell(fg, 'XA', X)).toEqual({ indicator: X, status: 'collected_not_reaching', holders: ['xa-pol'] });
  });

  test('when no stakeholder of the country holds X, then not_collected, even if another country holder reaches the NCP', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xb-pol:police'],
      holds: { 'xb-pol': [X] },
      flows: [{ from: 'xb-pol', to: 'xa-ncp', indicators: [X] }],
    });
    expect(coverageCell(fg, 'XA', X)).toEqual({ indicator: X, status: 'not_collected', holders: [] });
  });

  test('when the country has no NCP, then no_ncp, and the ratios are null rather than NaN', () => {
    const fg = graphOf({ stakeholders: ['xa-pol:police'], holds: { 'xa-pol': [X] } });
    const cov = countryCoverage(fg, 'XA');
    expect(cov).toMatchObject({ ncp: null, coverageRatio: null, referenceCoverage: null });
    expect(cov.cells.every((c) => c.status === 'no_ncp')).toBe(true);
    expect(JSON.stringify(cov)).not.toContain('NaN');
  });
});

describe('choosing the best path', () => {
  test('when two shortest paths exist, then the one whose weakest link is strongest wins, and a longer strong path does not', () => {
    // via xa-a: statutory then informal  -> weakest informal
    // via xa-b: agreement then project   -> weakest project  (better)
    // via xa-c, xa-d: three statutory hops -> longer, never chosen
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-h:police', 'xa-a:ngo', 'xa-b:ngo', 'xa-c:ngo', 'xa-d:ngo'],
      holds: { 'xa-h': [X] },
      flows: [
        { id: 'ha', from: 'xa-h', to: 'xa-a', indicators: [X], basis: 'statutory' },
        { id: 'an', from: 'xa-a', to: 'xa-ncp', indicators: [X], basis: 'informal' },
        { id: 'hb', from: 'xa-h', to: 'xa-b', indicators: [X], basis: 'agreement' },
        { id: 'bn', from: 'xa-b', to: 'xa-ncp', indicators: [X], basis: 'project' },
        { id: 'hc', from: 'xa-h', to: 'xa-c', indicators: [X], basis: 'statutory' },
        { id: 'cd', from: 'xa-c', to: 'xa-d', indicators: [X], basis: 'statutory' },
        { id: 'dn', from: 'xa-d', to: 'xa-ncp', indicators: [X], basis: 'statutory' },
      ],
    });
    expect(coverageCell(fg, 'XA', X)).toMatchObject({
      hops: 2,
      path: ['xa-h', 'xa-b', 'xa-ncp'],
      flows: ['hb', 'bn'],
      weakestBasis: 'project',
    });
  });

  test('when two holders are equally close, then the one with the stronger route wins, then the smaller id', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-h1:police', 'xa-h2:ngo', 'xa-h3:ngo'],
      holds: { 'xa-h1': [X], 'xa-h2': [X], 'xa-h3': [X] },
      flows: [
        { from: 'xa-h1', to: 'xa-ncp', indicators: [X], basis: 'informal' },
        { from: 'xa-h3', to: 'xa-ncp', indicators: [X], basis: 'agreement' },
        { from: 'xa-h2', to: 'xa-ncp', indicators: [X], basis: 'agreement' },
      ],
    });
    expect(coverageCell(fg, 'XA', X)).toMatchObject({ path: ['xa-h2', 'xa-ncp'], weakestBasis: 'agreement' });
  });

  test('when parallel flows join the same pair, then the strongest of them counts', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-h:police'],
      holds: { 'xa-h': [X] },
      flows: [
        { id: 'weak', from: 'xa-h', to: 'xa-ncp', indicators: [X], basis: 'informal' },
        { id: 'strong', from: 'xa-h', to: 'xa-ncp', indicators: [X], basis: 'statutory' },
      ],
    });
    expect(coverageCell(fg, 'XA', X)).toMatchObject({ hops: 1, flows: ['strong'], weakestBasis: 'statutory' });
  });

  test('when the only route leaves the country and comes back, then it counts', () => {
    // xa-pol -> int-europol -> xa-ncp
    const fg = graphOf({
      stakeholders: ['xa-ncp:police:ncp', 'xa-pol:police', 'int-europol:europol'],
      holds: { 'xa-pol': ['MOD-04'] },
      flows: [
        { from: 'xa-pol', to: 'int-europol', indicators: ['MOD-04'] },
        { from: 'int-europol', to: 'xa-ncp', indicators: ['MOD-04'] },
      ],
    });
    expect(coverageCell(fg, 'XA', 'MOD-04')).toMatchObject({
      status: 'reaches_ncp',
      path: ['xa-pol', 'int-europol', 'xa-ncp'],
    });
  });

  test('when latency or frequency are unknown on some flows, then only the known ones count; none known, none reported', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-h:police', 'xa-a:ngo'],
      holds: { 'xa-h': [X] },
      flows: [
        { from: 'xa-h', to: 'xa-a', indicators: [X], latencyDays: 5 },
        { from: 'xa-a', to: 'xa-ncp', indicators: [X] },
      ],
    });
    const cell = coverageCell(fg, 'XA', X);
    expect(cell.latencyDays).toBe(5);
    expect(cell.slowestFrequency).toBeUndefined();
  });
});

describe('options', () => {
  const spec = {
    stakeholders: ['xa-ncp:ministry:ncp', 'xa-h:police'],
    holds: { 'xa-h': [X] },
    flows: [
      {
        from: 'xa-h',
        to: 'xa-ncp',
        indicators: [X],
        basis: 'informal' as const,
        status: 'planned' as const,
        confidence: 'assumed' as const,
      },
    ],
  };

  test('when a flow is planned, then by default it does not count; with planned included it does', () => {
    expect(coverageCell(graphOf(spec), 'XA', X).status).toBe('collected_not_reaching');
    expect(coverageCell(graphOf(spec, { includeStatuses: ['active', 'planned'] }), 'XA', X).status).toBe('reaches_ncp');
  });

  test('when informal flows or weak evidence are excluded, then the flow no longer counts', () => {
    const all = { includeStatuses: ['active', 'planned'] as Array<'active' | 'planned'> };
    expect(coverageCell(graphOf(spec, { ...all, includeInformal: false }), 'XA', X).status).toBe(
      'collected_not_reaching',
    );
    expect(coverageCell(graphOf(spec, { ...all, minConfidence: 'reported' }), 'XA', X).status).toBe(
      'collected_not_reaching',
    );
  });
});

describe('ratios, outward side and the matrix', () => {
  // XA collects VIC-01 (held by NCP), VIC-02 (reaches), TRF-01 (not reaching): 2 of 3 collected reach; 2 of 32 in the catalogue.
  const fg = graphOf({
    stakeholders: ['xa-ncp:ministry:ncp', 'xa-pol:police', 'xb-ncp:ministry:ncp', 'int-cbss:cbss'],
    holds: { 'xa-ncp': ['VIC-01'], 'xa-pol': ['VIC-02', 'TRF-01'] },
    flows: [
      { from: 'xa-pol', to: 'xa-ncp', indicators: ['VIC-02'] },
      { from: 'xa-ncp', to: 'xb-ncp', indicators: ['VIC-01'] },
      { from: 'xa-ncp', to: 'int-cbss', indicators: ['TRF-01'] },
    ],
  });

  test('when ratios are computed, then coverage is over collected indicators and reference over the catalogue', () => {
    const cov = countryCoverage(fg, 'XA');
    expect(cov.coverageRatio).toBeCloseTo(2 / 3, 12);
    expect(cov.referenceCoverage).toBeCloseTo(2 / 32, 12);
    expect(cov.cells).toHaveLength(32);
  });

  test('when the NCP passes an indicator on to another NCP, then passedOn is true for it only', () => {
    expect(coverageCell(fg, 'XA', 'VIC-01').passedOn).toBe(true);
    expect(coverageCell(fg, 'XA', 'VIC-02').passedOn).toBe(false);
  });

  test('when the matrix is built, then it has national countries by indicators with statuses and hops', () => {
    const m = coverageMatrix(fg);
    expect(m.countries).toEqual(['XA', 'XB']);
    expect(m.cells).toHaveLength(64);
    expect(m.cells.find((c) => c.country === 'XA' && c.indicator === 'VIC-02')).toEqual({
      country: 'XA',
      indicator: 'VIC-02',
      status: 'reaches_ncp',
      hops: 1,
    });
    expect(m.cells.find((c) => c.country === 'XB' && c.indicator === 'VIC-01')).toEqual({
      country: 'XB',
      indicator: 'VIC-01',
      status: 'not_collected',
    });
  });

  test('when an unknown country is asked, then NotFound', () => {
    expect(() => countryCoverage(fg, 'XQ')).toThrow(/XQ/);
  });
});
