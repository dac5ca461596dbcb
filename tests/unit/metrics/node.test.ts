// Reach, brokerage roles and Burt's constraint of one node, on graphs worked out by hand.
import { brokerage, burtConstraint, reach, type Reach } from '../../../server/analysis/metrics';
import { digraph } from './graphs';

const expectReach = (actual: Reach, expected: Reach) => {
  expect(actual.k1).toBeCloseTo(expected.k1, 12);
  expect(actual.k2).toBeCloseTo(expected.k2, 12);
  expect(actual.any).toBeCloseTo(expected.any, 12);
};

const NO_ROLES = { coordinator: 0, gatekeeper: 0, representative: 0, itinerant: 0, liaison: 0 };

describe('reach', () => {
  test('when the graph is a chain a->b->c->d, then a reaches 1/3 in one hop, 2/3 in two, all 3 in any', () => {
    const g = digraph('a>b b>c c>d');

    expectReach(reach(g, 'a', 'out'), { k1: 1 / 3, k2: 2 / 3, any: 1 });
    expectReach(reach(g, 'd', 'in'), { k1: 1 / 3, k2: 2 / 3, any: 1 });
    expectReach(reach(g, 'b', 'out'), { k1: 1 / 3, k2: 2 / 3, any: 2 / 3 });
    expectReach(reach(g, 'b', 'in'), { k1: 1 / 3, k2: 1 / 3, any: 1 / 3 });
    expectReach(reach(g, 'a', 'in'), { k1: 0, k2: 0, any: 0 });
  });

  test('when flows go both ways around a star, then the centre reaches every leaf in one hop and a leaf needs two', () => {
    const g = digraph('h<>x h<>y h<>z');

    expectReach(reach(g, 'h', 'in'), { k1: 1, k2: 1, any: 1 });
    expectReach(reach(g, 'x', 'out'), { k1: 1 / 3, k2: 1, any: 1 });
  });

  test('when the node is isolated, or alone in the graph, then all shares are 0', () => {
    expectReach(reach(digraph('a>b', { isolated: ['z'] }), 'z', 'out'), { k1: 0, k2: 0, any: 0 });
    expectReach(reach(digraph('', { isolated: ['a'] }), 'a', 'in'), { k1: 0, k2: 0, any: 0 });
  });
});

describe('brokerage', () => {
  // The broker is b, in the police sector, between a sender a and a receiver c.
  const roleCase = (sectorA: string, sectorC: string) =>
    digraph('a>b b>c', { sectors: { a: sectorA, b: 'police', c: sectorC } });

  test('when a, b and c share a sector, then b is a coordinator', () => {
    expect(brokerage(roleCase('police', 'police'), 'b')).toEqual({ ...NO_ROLES, coordinator: 1 });
  });

  test("when a is outside b's sector and c inside it, then b is a gatekeeper", () => {
    expect(brokerage(roleCase('health', 'police'), 'b')).toEqual({ ...NO_ROLES, gatekeeper: 1 });
  });

  test("when a is in b's sector and c outside it, then b is a representative", () => {
    expect(brokerage(roleCase('police', 'health'), 'b')).toEqual({ ...NO_ROLES, representative: 1 });
  });

  test("when a and c share a sector that is not b's, then b is itinerant (a consultant)", () => {
    expect(brokerage(roleCase('health', 'health'), 'b')).toEqual({ ...NO_ROLES, itinerant: 1 });
  });

  test('when a, b and c are in three sectors, then b is a liaison', () => {
    expect(brokerage(roleCase('health', 'social'), 'b')).toEqual({ ...NO_ROLES, liaison: 1 });
  });

  test('when a also sends directly to c, then b brokers nothing', () => {
    const g = digraph('a>b b>c a>c', { sectors: { a: 'police', b: 'police', c: 'police' } });

    expect(brokerage(g, 'b')).toEqual(NO_ROLES);
  });

  test('when only c sends back to a, then the pair a -> b -> c still counts', () => {
    // The rule cancels a direct A -> C flow; C -> A is another pair's business.
    const g = digraph('a>b b>c c>a', { sectors: { a: 'police', b: 'police', c: 'police' } });

    expect(brokerage(g, 'b')).toEqual({ ...NO_ROLES, coordinator: 1 });
  });

  test('when a and b send to each other only, then the pair (a, a) is not counted', () => {
    const g = digraph('a<>b', { sectors: { a: 'police', b: 'police' } });

    expect(brokerage(g, 'b')).toEqual(NO_ROLES);
  });

  test('when b has two senders and two receivers, then each uncancelled pair counts once', () => {
    // Pairs: (a1, c1) police-police-police coordinator; (a1, c2) police-police-social
    // representative; (a2, c1) cancelled by a2 -> c1; (a2, c2) health-police-social liaison.
    const g = digraph('a1>b a2>b b>c1 b>c2 a2>c1', {
      sectors: { a1: 'police', a2: 'health', b: 'police', c1: 'police', c2: 'social' },
    });

    expect(brokerage(g, 'b')).toEqual({ ...NO_ROLES, coordinator: 1, representative: 1, liaison: 1 });
  });

  test('when groups come from another attribute, then that attribute decides the role', () => {
    // Same sector everywhere, but the ids' first letter as group: a / b / c, three groups.
    const g = digraph('a>b b>c', { sectors: { a: 'police', b: 'police', c: 'police' } });

    expect(brokerage(g, 'b', (_attributes, id) => id.slice(0, 1))).toEqual({ ...NO_ROLES, liaison: 1 });
  });

  test('when the node is isolated, then every role is 0', () => {
    expect(brokerage(digraph('a>b', { isolated: ['z'] }), 'z')).toEqual(NO_ROLES);
  });

  test('when a node on a brokered pair has no group, then the error names the function and the node', () => {
    const g = digraph('a>b b>c');
    g.setNodeAttribute('c', 'sector', undefined as unknown as string);

    expect(() => brokerage(g, 'b')).toThrow('brokerage: node "c" has no group');
  });
});

describe('burtConstraint', () => {
  test('when the node is the centre of a star with k = 3 leaves, then its constraint is 3 * (1/3)^2 = 1/3', () => {
    // Flow directions do not matter: each tie is undirected, and x<>h is one tie.
    const g = digraph('h>x y>h h<>z');

    expect(burtConstraint(g, 'h')).toBeCloseTo(1 / 3, 12);
  });

  test('when the node is a leaf, then its one contact constrains it fully: 1', () => {
    const g = digraph('h>x h>y h>z');

    expect(burtConstraint(g, 'x')).toBeCloseTo(1, 12);
  });

  test('when the node is in a triangle, then each contact adds (1/2 + 1/2 * 1/2)^2 = 9/16: 9/8', () => {
    // p_ab = 1/2 directly, plus p_ac * p_cb = 1/2 * 1/2 through c; the same for c via b.
    const g = digraph('a>b b>c c>a');

    expect(burtConstraint(g, 'a')).toBeCloseTo(9 / 8, 12);
  });

  test('when the node is the middle of a path, then its two unconnected contacts give 2 * (1/2)^2 = 1/2', () => {
    const g = digraph('a>b c>b');

    expect(burtConstraint(g, 'b')).toBeCloseTo(0.5, 12);
  });

  test('when a contact is tied to another contact, then the indirect path adds to both', () => {
    // b: contacts a, c, d (p = 1/3), and a - c. For a: 1/3 + p_bc * p_ca = 1/3 + 1/3 * 1/2 = 1/2;
    // c likewise 1/2; d: 1/3. Constraint = 1/4 + 1/4 + 1/9 = 11/18.
    const g = digraph('b>a b>c b>d a<>c');

    expect(burtConstraint(g, 'b')).toBeCloseTo(11 / 18, 12);
  });

  test('when the node is isolated, then constraint is null (NetworkX: NaN)', () => {
    expect(burtConstraint(digraph('a>b', { isolated: ['z'] }), 'z')).toBeNull();
    expect(burtConstraint(digraph('', { isolated: ['a'] }), 'a')).toBeNull();
  });
});
