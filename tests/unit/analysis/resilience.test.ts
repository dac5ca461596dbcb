// Resilience (ANALYSIS.md §6): hand-computed cases, agreement with the single points of failure of §3 on
// every seed country, and NetworkX's local_node_connectivity (Debian's /usr/bin/python3) on random graphs and the seed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bottlenecks } from '../../../server/analysis/bottlenecks/bottlenecks';
import { buildFlowGraph, nationalCountries } from '../../../server/analysis/flow-graph';
import { disjointRoutes, type DisjointRoutesInput } from '../../../server/analysis/resilience/disjoint-routes';
import { resilience } from '../../../server/analysis/resilience/resilience';
import { readCatalogue, readSeedDocument } from '../../../seed/loader';
import { graphOf } from '../../support/graph-builder';
import { mulberry32 } from '../../support/random';

const X = 'UAM-03';
const byIndicator = (r: ReturnType<typeof resilience>) => Object.fromEntries(r.indicators.map((i) => [i.indicator, i]));

describe('resilience on hand-computed cases', () => {
  test('when two holders reach the NCP by routes that share no stakeholder, then resilience 2 and a cut of two', () => {
    // xa-a -> xa-m -> NCP and xa-b -> int-x -> NCP (a route may leave the country and come back).
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-b:border_guard', 'xa-m:ngo', 'int-x:europol'],
      holds: { 'xa-a': [X], 'xa-b': [X] },
      flows: [
        { from: 'xa-a', to: 'xa-m', indicators: [X] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X] },
        { from: 'xa-b', to: 'int-x', indicators: [X] },
        { from: 'int-x', to: 'xa-ncp', indicators: [X], basis: 'informal' },
      ],
    });
    const cell = byIndicator(resilience(fg, 'XA'))[X]!;
    expect(cell).toEqual({
      indicator: X,
      status: 'reaches_ncp',
      resilience: 2,
      singleHolder: false,
      holders: ['xa-a', 'xa-b'],
      cut: ['xa-a', 'xa-b'],
    });
  });

  test('when every route passes one stakeholder, then resilience 1 and the cut names it; parallel flows count once', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-b:border_guard', 'xa-m:ngo'],
      holds: { 'xa-a': [X], 'xa-b': [X] },
      flows: [
        { from: 'xa-a', to: 'xa-m', indicators: [X] },
        { from: 'xa-b', to: 'xa-m', indicators: [X] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X, 'TRF-01'] },
        { from: 'xa-a', to: 'xa-ncp', indicators: ['TRF-01'] },
        { from: 'xa-m', to: 'xa-ncp', indicators: [X], status: 'planned' },
      ],
    });
    expect(byIndicator(resilience(fg, 'XA'))[X]).toMatchObject({ resilience: 1, cut: ['xa-m'], singleHolder: false });
  });

  test('when one holder sends straight to the NCP, then resilience 1, single holder, and the holder is the cut', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-b:ngo'],
      holds: { 'xa-a': [X] },
      flows: [
        { from: 'xa-a', to: 'xa-ncp', indicators: [X] },
        { from: 'xa-a', to: 'xa-b', indicators: [X] },
        { from: 'xa-b', to: 'xa-ncp', indicators: [X] },
      ],
    });
    expect(byIndicator(resilience(fg, 'XA'))[X]).toMatchObject({ resilience: 1, cut: ['xa-a'], singleHolder: true });
  });

  test('when the statuses differ, then 0 for a gap, null otherwise, empty cuts, and the summary counts them', () => {
    const fg = graphOf({
      stakeholders: ['xa-ncp:ministry:ncp', 'xa-a:police', 'xa-b:ngo'],
      holds: { 'xa-ncp': ['VIC-01'], 'xa-a': ['VIC-01', 'TRF-01', X], 'xa-b': [X] },
      flows: [
        { from: 'xa-a', to: 'xa-ncp', indicators: [X] },
        { from: 'xa-b', to: 'xa-ncp', indicators: [X] },
      ],
    });
    const r = resilience(fg, 'XA');
    const cells = byIndicator(r);
    expect(cells['VIC-01']).toMatchObject({
      status: 'held_by_ncp',
      resilience: null,
      singleHolder: false,
      holders: ['xa-a', 'xa-ncp'],
      cut: [],
    });
    expect(cells['TRF-01']).toMatchObject({
      status: 'collected_not_reaching',
      resilience: 0,
      singleHolder: true,
      cut: [],
    });
    expect(cells['TRF-02']).toMatchObject({
      status: 'not_collected',
      resilience: null,
      singleHolder: false,
      holders: [],
      cut: [],
    });
    expect(cells[X]).toMatchObject({ status: 'reaches_ncp', resilience: 2 });
    expect(r.indicators).toHaveLength(fg.indicators.length);
    expect(r.summary).toEqual({ held: 1, gaps: 1, one: 0, two: 1, threeOrMore: 0, singleHolder: 0 });
  });

  test('when the country has no NCP, then ncp is null and every indicator is no_ncp with null resilience', () => {
    const fg = graphOf({ stakeholders: ['xa-a:police', 'xb-ncp:ministry:ncp'], holds: { 'xa-a': [X] } });
    const r = resilience(fg, 'XA');
    expect(r.ncp).toBeNull();
    expect(r.indicators.every((i) => i.status === 'no_ncp' && i.resilience === null && i.cut.length === 0)).toBe(true);
    expect(byIndicator(r)[X]!.singleHolder).toBe(true);
    expect(() => resilience(fg, 'XQ')).toThrow(/XQ/);
  });
});

// Whether some source still reaches the target once `removed` is gone (breadth-first search).
function stillReaches(input: DisjointRoutesInput, removed: ReadonlySet<string>): boolean {
  const next = new Map<string, string[]>();
  for (const e of input.edges)
    if (!removed.has(e.from) && !removed.has(e.to)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const queue = input.sources.filter((s) => !removed.has(s));
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const w of next.get(queue[i]!) ?? [])
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
  }
  return seen.has(input.target) && !input.sources.every((s) => s === input.target);
}

function randomCase(seed: number): DisjointRoutesInput {
  const rnd = mulberry32(seed);
  const n = 4 + Math.floor(rnd() * 30);
  const p = (1 + rnd() * 3) / n;
  const ids = Array.from({ length: n }, (_x, i) => `n${i}`);
  const edges: Array<{ from: string; to: string }> = [];
  for (const a of ids) for (const b of ids) if (rnd() < p) edges.push({ from: a, to: b }); // self-loops included
  for (let k = 0; k < 3; k++) if (edges.length) edges.push({ ...edges[Math.floor(rnd() * edges.length)]! }); // parallel edges
  const target = ids[Math.floor(rnd() * n)]!;
  const sources = ids.filter((id) => id !== target && rnd() < 0.3);
  return { edges, sources, target };
}
const RANDOM = Array.from({ length: 300 }, (_x, i) => randomCase(1000 + i));

describe('disjoint routes on random graphs, checked by definition', () => {
  test('when a cut is returned, then it has as many stakeholders as there are routes, never the target, and removing it cuts every route', () => {
    let nonTrivial = 0;
    for (const c of RANDOM) {
      const { routes, cut } = disjointRoutes(c);
      expect(cut).toHaveLength(routes);
      expect(cut).not.toContain(c.target);
      expect(stillReaches(c, new Set(cut))).toBe(false);
      // One fewer is never enough (Menger): removing any one of the cut leaves a path.
      for (const v of cut) expect(stillReaches(c, new Set(cut.filter((w) => w !== v)))).toBe(true);
      if (routes >= 2) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(50);
  });

  test('when a limit is given, then the count stops there', () => {
    for (const c of RANDOM.slice(0, 50))
      expect(disjointRoutes({ ...c, limit: 2 }).routes).toBe(Math.min(2, disjointRoutes(c).routes));
  });
});

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'networkx_connectivity.py');
const probe = fs.existsSync(PYTHON) ? spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' }) : undefined;
const networkxMissing = !probe
  ? `${PYTHON} is missing`
  : probe.status !== 0
    ? `${PYTHON} cannot import networkx`
    : null;

function askNetworkx(cases: DisjointRoutesInput[]): Array<{ connectivity: number; cutSize: number | null }> {
  const r = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify({ cases }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.error || r.status !== 0)
    throw new Error(`networkx_connectivity.py failed (${r.status}): ${r.error?.message ?? r.stderr}`);
  return (JSON.parse(r.stdout) as { answers: Array<{ connectivity: number; cutSize: number | null }> }).answers;
}

const seed = buildFlowGraph(readSeedDocument(), readCatalogue() as never);
const SEED_COUNTRIES = nationalCountries(seed);

describe('resilience 1 is exactly a single point of failure (§3), on every seed country', () => {
  test.each(SEED_COUNTRIES)(
    'when %s is analysed, then the indicators of resilience 1 are those with a single point of failure, and the cut is one of them',
    (country) => {
      const r = resilience(seed, country);
      const spof = bottlenecks(seed, country).singlePointsOfFailure;
      const withSpof = new Set(spof.flatMap((s) => s.indicators));
      const one = r.indicators.filter((i) => i.resilience === 1).map((i) => i.indicator);
      expect(one.sort()).toEqual([...withSpof].sort());
      for (const i of r.indicators.filter((c) => c.resilience === 1)) {
        expect(spof.filter((s) => s.indicators.includes(i.indicator)).map((s) => s.id)).toContain(i.cut[0]);
      }
    },
  );
});

if (networkxMissing) {
  describe('against NetworkX', () => {
    test('when NetworkX is missing, then this is allowed only outside CI (CI unset, REQUIRE_NETWORKX not 1)', () => {
      console.warn(`NETWORKX SKIPPED: ${networkxMissing}; resilience was checked by definition only.`);
      expect(process.env.REQUIRE_NETWORKX).not.toBe('1');
      expect(process.env.CI).toBeFalsy();
    });
  });
} else {
  describe("against NetworkX's local_node_connectivity", () => {
    test('when 300 random graphs (self-loops, parallel edges, several sources) are compared, then routes and cut sizes agree', () => {
      const nx = askNetworkx(RANDOM);
      const ours = RANDOM.map((c) => disjointRoutes(c));
      const wrong = RANDOM.flatMap((c, i) => {
        const expected = nx[i]!;
        const got = ours[i]!;
        const ok =
          got.routes === expected.connectivity && (expected.cutSize === null || got.cut.length === expected.cutSize);
        return ok ? [] : [{ i, got: got.routes, cut: got.cut.length, expected }];
      });
      expect(wrong).toEqual([]);
    });

    test('when every indicator of every seed country is compared, then resilience agrees (routes may leave the country)', () => {
      const cases: DisjointRoutesInput[] = [];
      const expected: Array<{ country: string; indicator: string; resilience: number }> = [];
      for (const country of SEED_COUNTRIES) {
        const ncp = seed.ncpOf(country)!;
        for (const cell of resilience(seed, country).indicators) {
          if (cell.resilience === null) continue;
          cases.push({
            edges: seed.flowsCarrying(cell.indicator).map((e) => ({ from: e.from, to: e.to })),
            sources: cell.holders,
            target: ncp,
          });
          expected.push({ country, indicator: cell.indicator, resilience: cell.resilience });
        }
      }
      const nx = askNetworkx(cases);
      expect(
        expected.map((e, i) => ({ ...e, networkx: nx[i]!.connectivity })).filter((e) => e.resilience !== e.networkx),
      ).toEqual([]);
      expect(expected.some((e) => e.resilience >= 3)).toBe(true);
      expect(expected.length).toBeGreaterThan(200);
    });
  });
}
