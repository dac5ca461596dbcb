// The pure parts of the map explorer and the bottlenecks view, on graphs small enough to check by
// hand: hop distances and the computed layouts, the filters, the search ranking, and what-if requests.
import type { GraphResponse } from '../../../client/src/graph/api/types';
import { applyFilters, filtersFromParams, filtersToParams, NO_FILTERS } from '../../../client/src/features/map/filters';
import { hopsToNcp, ncpPositions, sectorPositions, type LayoutNode } from '../../../client/src/graph/layouts';
import { findStakeholders } from '../../../client/src/features/map/search';
import {
  scenarioFromParams,
  suggestionKey,
  toRequest,
  type Suggestion,
} from '../../../client/src/features/bottlenecks/scenario';

type Stakeholder = GraphResponse['stakeholders'][number];
type Flow = GraphResponse['flows'][number];
const meta = { version: 1, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'test' };

function stakeholder(id: string, sector: Stakeholder['sector'], extra: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id,
    name: id.toUpperCase(),
    country: 'XA',
    type: 'police',
    level: 'national',
    ncp: false,
    tags: [],
    sector,
    external: false,
    ...meta,
    ...extra,
  };
}
function flow(id: string, from: string, to: string, extra: Partial<Flow> = {}): Flow {
  return {
    id,
    from,
    to,
    indicators: ['VIC-01'],
    basis: 'statutory',
    status: 'active',
    personDependent: false,
    evidence: [],
    confidence: 'confirmed',
    ...meta,
    ...extra,
  };
}
function graph(stakeholders: Stakeholder[], flows: Flow[], datasets: GraphResponse['datasets'] = []): GraphResponse {
  return {
    country: { code: 'XA', name: 'Testland', euMember: false, cbssMember: false },
    storeVersion: 1,
    stakeholders,
    flows,
    datasets,
    reportingLines: [],
    networks: [],
    memberships: [],
    interviews: [],
  };
}

type Box = { x1: number; y1: number; x2: number; y2: number };
function box(p: Record<string, { x: number; y: number }>, ids: string[]): Box {
  const xs = ids.map((id) => p[id]!.x);
  const ys = ids.map((id) => p[id]!.y);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}
const disjoint = (a: Box, b: Box) => a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1;

describe('hopsToNcp', () => {
  test('when a path a -> b -> ncp exists, then a is 2 hops away, b 1, and a stakeholder the NCP only sends to is absent', () => {
    const hops = hopsToNcp('ncp', [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'ncp' },
      { from: 'ncp', to: 'c' },
      { from: 'b', to: 'a' },
    ]);

    expect(Object.fromEntries(hops)).toEqual({ ncp: 0, b: 1, a: 2 });
  });
});

describe('ncpPositions', () => {
  const nodes: LayoutNode[] = ['ncp', 'a', 'b', 'c', 'd'].map((id) => ({
    id,
    block: 'map',
    sector: 'justice',
    name: id,
  }));
  const edges = [
    { from: 'a', to: 'ncp' },
    { from: 'b', to: 'ncp' },
    { from: 'c', to: 'a' },
  ];

  test('when laid out, then the NCP is at the origin and each ring (by hops, the unreachable last) lies outside the one before', () => {
    const p = ncpPositions(nodes, edges, () => 'ncp', []);
    // Rings are ellipses 1.5 times wider than high: compare the normalised radius.
    const r = (id: string) => Math.hypot(p[id]!.x / 1.5, p[id]!.y);

    expect(p.ncp).toEqual({ x: 0, y: 0 });
    // Positions are whole pixels.
    expect(Math.abs(r('a') - r('b'))).toBeLessThan(1);
    expect(r('c')).toBeGreaterThan(r('a'));
    expect(r('d')).toBeGreaterThan(r('c'));
  });

  test('when the block has no NCP, then every stakeholder is on one ring', () => {
    const p = ncpPositions(nodes, edges, () => null, []);
    const radii = nodes.map((n) => Math.hypot(p[n.id]!.x / 1.5, p[n.id]!.y));

    for (const r of radii) expect(Math.abs(r - radii[0]!)).toBeLessThan(1);
  });

  test('when there are two countries, then their blocks do not overlap', () => {
    const two: LayoutNode[] = [...nodes, ...nodes.map((n) => ({ ...n, id: `y-${n.id}`, block: 'XB' }))];
    const p = ncpPositions(two, edges, (block) => (block === 'XB' ? 'y-ncp' : 'ncp'), ['map', 'XB']);

    expect(disjoint(box(p, ['ncp', 'a', 'b', 'c', 'd']), box(p, ['y-ncp', 'y-a', 'y-b', 'y-c', 'y-d']))).toBe(true);
  });
});

describe('sectorPositions', () => {
  test("when stakeholders are in two sectors, then each sector forms its own group, in the model's sector order", () => {
    const nodes: LayoutNode[] = [
      { id: 'j1', block: 'map', sector: 'justice', name: 'j1' },
      { id: 'p1', block: 'map', sector: 'law_enforcement', name: 'p1' },
      { id: 'p2', block: 'map', sector: 'law_enforcement', name: 'p2' },
    ];
    const p = sectorPositions(nodes, []);

    // Law enforcement is placed first (top left); the groups do not interleave.
    expect(Math.min(p.p1!.y, p.p2!.y)).toBeLessThanOrEqual(p.j1!.y);
    expect(Math.min(p.p1!.x, p.p2!.x)).toBeLessThanOrEqual(p.j1!.x);
    expect(disjoint(box(p, ['p1', 'p2']), box(p, ['j1']))).toBe(true);
  });
});

describe('filters', () => {
  const s = [
    stakeholder('ncp', 'governance', { ncp: true }),
    stakeholder('pol', 'law_enforcement'),
    stakeholder('ngo', 'civil_society'),
    stakeholder('cw', 'child_protection'),
  ];
  const f = [
    flow('f1', 'pol', 'ncp', { basis: 'informal', indicators: ['UAM-03'] }),
    flow('f2', 'ngo', 'pol', { basis: 'statutory', indicators: ['VIC-01'] }),
    flow('f3', 'cw', 'ngo', { basis: 'informal', status: 'broken', indicators: ['VIC-01'] }),
  ];
  const g = graph(s, f, [
    {
      id: 'd1',
      name: 'cases',
      holder: 'cw',
      indicators: ['UAM-03'],
      granularity: 'case',
      frequency: 'monthly',
      ...meta,
    },
  ]);
  const themes = new Map([
    ['UAM-03', ['UNACCOMPANIED']],
    ['VIC-01', ['CASES']],
  ]);

  test('when the URL names unknown values, then they are dropped, and the filters write back to the same parameters', () => {
    const filters = filtersFromParams({
      theme: 'cases',
      indicator: 'uam-03',
      sector: 'justice,nonsense',
      basis: 'informal,weird',
      status: null,
      confidence: '',
    });

    expect(filters).toEqual({
      ...NO_FILTERS,
      themes: ['CASES'],
      indicator: 'UAM-03',
      sectors: ['justice'],
      bases: ['informal'],
    });
    expect(filtersToParams(filters)).toEqual({
      theme: 'CASES',
      indicator: 'UAM-03',
      sector: 'justice',
      basis: 'informal',
      status: null,
      confidence: null,
    });
  });

  test('when only informal active flows are kept, then one flow is drawn, every stakeholder stays, and those left without a flow fade (not the NCP)', () => {
    const r = applyFilters(g, { ...NO_FILTERS, bases: ['informal'], statuses: ['active'] }, themes);

    expect([...r.flows]).toEqual(['f1']);
    expect(r.nodes.size).toBe(4);
    expect([...r.muted].sort()).toEqual(['cw', 'ngo']);
  });

  test('when an indicator is filtered, then its flows are drawn and the holders of a dataset covering it are named', () => {
    const r = applyFilters(g, { ...NO_FILTERS, indicator: 'UAM-03' }, themes);

    expect([...r.flows]).toEqual(['f1']);
    expect([...r.holders]).toEqual(['cw']);
    expect(r.muted.has('cw')).toBe(false);
  });

  test('when a theme is filtered, then the flows carrying one of its indicators are drawn', () => {
    expect([...applyFilters(g, { ...NO_FILTERS, themes: ['CASES'] }, themes).flows].sort()).toEqual(['f2', 'f3']);
  });

  test("when a sector is filtered, then its stakeholders, the flows touching them and the flows' other ends are drawn", () => {
    const r = applyFilters(g, { ...NO_FILTERS, sectors: ['civil_society'] }, themes);

    expect([...r.flows].sort()).toEqual(['f2', 'f3']);
    expect([...r.nodes].sort()).toEqual(['cw', 'ngo', 'pol']);
  });
});

describe('findStakeholders', () => {
  const list = [
    { id: 'se-iom', name: 'International Organization for Migration' },
    { id: 'se-migration', name: 'Swedish Migration Agency' },
    { id: 'se-police', name: 'Police' },
  ];

  test('when searching, then an exact id comes first, then names starting with the text, then names with a word starting with it', () => {
    expect(findStakeholders(list, 'se-police').map((s) => s.id)).toEqual(['se-police']);
    expect(findStakeholders(list, 'swedish mig').map((s) => s.id)).toEqual(['se-migration']);
    expect(findStakeholders(list, 'MIGRATION').map((s) => s.id)).toEqual(['se-iom', 'se-migration']);
    expect(findStakeholders(list, '  ')).toEqual([]);
  });
});

describe('what-if scenario', () => {
  const g = graph(
    [stakeholder('a', 'justice'), stakeholder('b', 'justice'), stakeholder('ncp', 'governance', { ncp: true })],
    [flow('f1', 'a', 'b', { basis: 'project' })],
  );
  const suggestions: Suggestion[] = [
    { indicator: 'VIC-02', kind: 'direct', from: 'a', to: 'ncp', peerScore: 0.5, score: 4.5, explanation: 'x' },
    {
      indicator: 'VIC-03',
      kind: 'extend_flow',
      from: 'a',
      to: 'b',
      flow: 'f1',
      peerScore: 0,
      score: 1,
      explanation: 'y',
    },
  ];

  test('when the URL names ids the map does not know, then they are left out', () => {
    const s = scenarioFromParams({ remove: 'a,zz', removeFlows: 'f1,f9', add: 'a>ncp:VIC-02' }, g);

    expect(s).toEqual({ removeStakeholders: ['a'], removeFlows: ['f1'], add: ['a>ncp:VIC-02'] });
  });

  test("when suggestions are added, then a direct one becomes an agreement flow and an extension a flow on the extended flow's basis", () => {
    const add = suggestions.map(suggestionKey).concat('gone>ncp:VIC-09');
    const request = toRequest('XA', { removeStakeholders: [], removeFlows: [], add }, suggestions, g);

    expect(request.addFlows).toEqual([
      { id: 'proposed-1', from: 'a', to: 'ncp', indicators: ['VIC-02'], basis: 'agreement' },
      { id: 'proposed-2', from: 'a', to: 'b', indicators: ['VIC-03'], basis: 'project' },
    ]);
  });
});
