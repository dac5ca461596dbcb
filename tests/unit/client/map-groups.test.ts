// Grouping the map by sector or type (client/src/graph/grouping.ts, groupLayout.ts): each group's members and
// counts, the flows aggregated between collapsed groups and the stakeholders drawn on their own, counts of what
// the viewer may see (the API strips flows carrying personal data, server/auth/personal-data.ts), and places
// that do not change when a group opens.
import { visibleItems } from '../../../server/auth/personal-data';
import type { SessionUser } from '../../../server/model/roles';
import { groupMap, groupLabel, groupShortLabel, type GroupSummary } from '../../../client/src/graph/grouping';
import { groupPlaces } from '../../../client/src/graph/groupLayout';

const person = (id: string, type: string, sector: string, extra: { ncp?: boolean; external?: boolean } = {}) => ({
  id,
  name: id.toUpperCase(),
  type,
  sector,
  ncp: extra.ncp ?? false,
  external: extra.external ?? false,
});
const STAKEHOLDERS = [
  person('ncp', 'ministry', 'governance', { ncp: true }),
  person('stat', 'statistics_office', 'governance'),
  person('p1', 'police', 'law_enforcement'),
  person('p2', 'police', 'law_enforcement'),
  person('bg', 'border_guard', 'law_enforcement'),
  person('pros', 'prosecution', 'justice'),
  person('ngo', 'ngo', 'civil_society'),
  person('x', 'police', 'law_enforcement', { external: true }),
];
const flow = (id: string, from: string, to: string, personalData?: 'personal' | 'none') => ({
  id,
  from,
  to,
  ...(personalData ? { personalData } : {}),
});
const FLOWS = [
  flow('f1', 'p1', 'p2'),
  flow('f2', 'p2', 'p1', 'personal'),
  flow('f3', 'p1', 'pros'),
  flow('f4', 'bg', 'pros', 'personal'),
  flow('f5', 'pros', 'ncp'),
  flow('f6', 'p2', 'ncp'),
  flow('f7', 'bg', 'ncp'),
  flow('f8', 'ngo', 'ncp', 'none'),
  flow('f9', 'ncp', 'stat'),
  flow('f10', 'x', 'p1'),
];
/** The test's stakeholders have plain strings for their sector and type. */
type Graph = Parameters<typeof groupMap>[0];
const graph = { stakeholders: STAKEHOLDERS, flows: FLOWS } as unknown as Graph;
const NONE = new Set<string>();

const byKey = (groups: readonly GroupSummary[]) => Object.fromEntries(groups.map((g) => [g.key, g]));
const counts = (g: GroupSummary) => ({ members: g.members.length, inside: g.inside, out: g.out, in: g.in });

describe('groupMap', () => {
  test('when a map is grouped by sector, then each group counts its members and the flows inside, out and in', () => {
    const { groups } = groupMap(graph, { by: 'sector', open: NONE });
    expect(groups.map((g) => g.key)).toEqual([
      'law_enforcement',
      'justice',
      'civil_society',
      'governance',
      'other-countries',
    ]);
    const g = byKey(groups);
    expect(counts(g.law_enforcement!)).toEqual({ members: 3, inside: 2, out: 4, in: 1 });
    expect(counts(g.justice!)).toEqual({ members: 1, inside: 0, out: 1, in: 2 });
    expect(counts(g.governance!)).toEqual({ members: 2, inside: 1, out: 0, in: 4 });
    expect(counts(g['other-countries']!)).toEqual({ members: 1, inside: 0, out: 1, in: 0 });
    expect(g.governance!.ncp).toBe(true);
    expect(g.governance!.members[0]).toBe('ncp');
    expect(g.law_enforcement!.ncp).toBe(false);
    // Every flow is counted once inside a group, or once out of one group and once into another.
    const total = groups.reduce((sum, x) => sum + x.inside + x.out, 0);
    expect(total).toBe(FLOWS.length);
    expect(groupLabel(g.governance!)).toBe('Governance (with the NCP)\n2 stakeholders\n1 flow inside · 0 out · 4 in');
    expect(groupShortLabel(g.governance!)).toBe('Governance (with the NCP)\n2 stakeholders');
  });

  test('when grouped by type, then the groups are the types, written as people write them', () => {
    const { groups } = groupMap(graph, { by: 'type', open: NONE });
    const g = byKey(groups);
    expect(Object.keys(g)).toEqual(expect.arrayContaining(['police', 'border_guard', 'ngo', 'ministry']));
    expect(g.ngo!.name).toBe('NGO');
    expect(counts(g.police!)).toEqual({ members: 2, inside: 2, out: 2, in: 1 });
  });

  test('when every group is collapsed, then flows are aggregated into one edge per direction, and the NCP is drawn on its own', () => {
    const grouped = groupMap(graph, { by: 'sector', open: NONE });
    expect(grouped.shown).toEqual(['ncp']);
    expect(grouped.flows).toEqual([]);
    const edges = Object.fromEntries(grouped.edges.map((e) => [`${e.source} > ${e.target}`, e.flows]));
    expect(edges).toEqual({
      'group:law_enforcement > group:justice': 2,
      'group:justice > ncp': 1,
      'group:law_enforcement > ncp': 2,
      'group:civil_society > ncp': 1,
      'ncp > group:governance': 1,
      'group:other-countries > group:law_enforcement': 1,
    });
  });

  test('when a group is opened, then its members are drawn with their own flows, and flows to collapsed groups go to the member', () => {
    const grouped = groupMap(graph, { by: 'sector', open: new Set(['law_enforcement']) });
    expect([...grouped.shown].sort()).toEqual(['bg', 'ncp', 'p1', 'p2']);
    expect([...grouped.flows].sort()).toEqual(['f1', 'f2', 'f6', 'f7']);
    const edges = Object.fromEntries(grouped.edges.map((e) => [`${e.source} > ${e.target}`, e.flows]));
    expect(edges).toEqual({
      'p1 > group:justice': 1,
      'bg > group:justice': 1,
      'group:justice > ncp': 1,
      'group:civil_society > ncp': 1,
      'ncp > group:governance': 1,
      'group:other-countries > p1': 1,
    });
    // The counts do not depend on what is open.
    expect(byKey(grouped.groups).law_enforcement!.out).toBe(4);
  });

  test('when a viewer may not see flows carrying personal data, then the groups count only the flows it sees', () => {
    const viewer: SessionUser = { username: 'v', role: 'viewer', countries: [] };
    const seen = visibleItems('flow', FLOWS, viewer);
    expect(seen).toHaveLength(FLOWS.length - 2);
    const grouped = groupMap({ stakeholders: STAKEHOLDERS, flows: seen } as unknown as Graph, {
      by: 'sector',
      open: NONE,
    });
    const g = byKey(grouped.groups);
    expect(counts(g.law_enforcement!)).toEqual({ members: 3, inside: 1, out: 3, in: 1 });
    expect(counts(g.justice!)).toEqual({ members: 1, inside: 0, out: 1, in: 1 });
    const edges = Object.fromEntries(grouped.edges.map((e) => [`${e.source} > ${e.target}`, e.flows]));
    expect(edges['group:law_enforcement > group:justice']).toBe(1);
    // An editor sees them all.
    const editor: SessionUser = { username: 'e', role: 'editor', countries: [] };
    expect(visibleItems('flow', FLOWS, editor)).toHaveLength(FLOWS.length);
  });

  test('when filters leave some stakeholders and flows, then only those count, and a group left empty is not drawn', () => {
    const grouped = groupMap(graph, {
      by: 'sector',
      open: NONE,
      visibleNodes: new Set(['ncp', 'p1', 'p2', 'bg', 'stat']),
      visibleFlows: new Set(['f1', 'f6', 'f9']),
    });
    expect(grouped.groups.map((g) => g.key)).toEqual(['law_enforcement', 'governance']);
    const g = byKey(grouped.groups);
    expect(counts(g.law_enforcement!)).toEqual({ members: 3, inside: 1, out: 1, in: 0 });
    expect(counts(g.governance!)).toEqual({ members: 2, inside: 1, out: 0, in: 1 });
  });
});

describe('groupPlaces', () => {
  const many = Array.from({ length: 300 }, (_, i) =>
    person(
      `s${String(i).padStart(3, '0')}`,
      ['police', 'ngo', 'court', 'ministry'][i % 4]!,
      ['law_enforcement', 'civil_society', 'justice', 'governance'][i % 4]!,
      { ncp: i === 7 },
    ),
  );
  const big = many as unknown as Parameters<typeof groupPlaces>[0];

  test('when a map is grouped twice, then every group and member gets the same place', () => {
    const a = groupPlaces(big, 'sector');
    const b = groupPlaces([...big].reverse(), 'sector');
    expect([...b.centres.entries()].sort()).toEqual([...a.centres.entries()].sort());
    expect([...b.members.entries()].sort()).toEqual([...a.members.entries()].sort());
  });

  test('when groups are opened, then their members fill blocks that do not overlap, around the group centre', () => {
    const places = groupPlaces(big, 'type');
    const boxes = [...places.centres.keys()].map((key) => {
      const members = big.filter((s) => s.type === key).map((s) => places.members.get(s.id)!);
      const xs = members.map((p) => p.x);
      const ys = members.map((p) => p.y);
      return { key, x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) };
    });
    for (const box of boxes) {
      const c = places.centres.get(box.key)!;
      expect(c.x).toBeGreaterThanOrEqual(box.x1);
      expect(c.x).toBeLessThanOrEqual(box.x2);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        expect(p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2).toBe(false);
      }
    // Compact: the blocks are spread round a ring, not pushed far apart (300 stakeholders in cells of 110 x 80).
    const all = [...places.members.values()];
    const extent = (axis: 'x' | 'y') => Math.max(...all.map((p) => p[axis])) - Math.min(...all.map((p) => p[axis]));
    expect(extent('x')).toBeLessThan(6000);
    expect(extent('y')).toBeLessThan(6000);
    const small = groupPlaces(big.slice(0, 24), 'type');
    const centres = [...small.centres.values()];
    expect(Math.max(...centres.map((c) => Math.hypot(c.x, c.y)))).toBeLessThan(1000);
    // The NCP has its own place above its group's grid.
    const ncp = places.members.get('s007')!;
    const ministry = big
      .filter((s) => s.type === 'ministry' && s.id !== 's007')
      .map((s) => places.members.get(s.id)!.y);
    expect(ncp.y).toBeLessThan(Math.min(...ministry));
  });
});
