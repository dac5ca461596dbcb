// Which labels the map draws (client/src/graph/labels.ts): by priority, none overlapping, on screen only.
import { chooseLabels, countPriorities, labelPriorities, type LabelCandidate } from '../../../client/src/graph/labels';
import { scaleAt, scaleNear } from '../../../client/src/graph/canvasLabels';

const screen = { width: 400, height: 300 };
const at = (id: string, x: number, y: number, priority: number, w = 60, h = 14): LabelCandidate => ({
  id,
  priority,
  box: { x1: x, y1: y, x2: x + w, y2: y + h },
});
const overlap = (a: LabelCandidate['box'], b: LabelCandidate['box']) =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('chooseLabels', () => {
  test('when two labels overlap, then only the one of higher priority is drawn', () => {
    const chosen = chooseLabels([at('low', 10, 10, 1), at('high', 40, 15, 5), at('apart', 200, 200, 0)], screen);
    expect([...chosen].sort()).toEqual(['apart', 'high']);
  });

  test('when a label is off screen, then it is not drawn', () => {
    expect([...chooseLabels([at('out', 500, 10, 9), at('in', 10, 10, 1)], screen)]).toEqual(['in']);
  });

  test('when equal priorities collide, then the first id wins, whatever the input order', () => {
    const a = at('a', 10, 10, 1);
    const b = at('b', 20, 12, 1);
    expect([...chooseLabels([b, a], screen)]).toEqual(['a']);
    expect([...chooseLabels([a, b], screen)]).toEqual(['a']);
  });

  test('when hundreds of labels crowd the screen, then no two drawn overlap and the screen is used', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = Array.from({ length: 600 }, (_, i) =>
      at(`n${i}`, next() * 380, next() * 290, next(), 20 + next() * 80),
    );
    const chosen = chooseLabels(many, screen);
    const drawn = many.filter((c) => chosen.has(c.id));
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++) expect(overlap(drawn[i]!.box, drawn[j]!.box)).toBe(false);
    expect(drawn.length).toBeGreaterThan(20);
  });
});

describe('chooseLabels on a grouped map (its groups and flow counts)', () => {
  const box = (x: number, y: number, w = 60, h = 14) => ({ x1: x, y1: y, x2: x + w, y2: y + h });

  test('when a label does not fit, then its shorter form is drawn where that fits, under its own id', () => {
    const group: LabelCandidate = {
      ...at('g', 10, 10, 5, 200, 40),
      shorter: [{ id: 'g short', box: box(10, 10, 60, 14) }],
    };
    expect([...chooseLabels([group, at('other', 100, 30, 9)], screen)]).toEqual(['other', 'g short']);
    expect([...chooseLabels([group], screen)]).toEqual(['g']);
  });

  test('when a strict label is partly off screen or on a disc (not its own), then it is not drawn; others may be', () => {
    const disc = { id: 'disc', ...box(100, 100, 40, 40) };
    const own = { id: 'mine', ...box(20, 20, 40, 40) };
    const strict = (c: LabelCandidate): LabelCandidate => ({ ...c, strict: true });
    const chosen = chooseLabels(
      [
        strict(at('cut', 370, 10, 1)),
        strict(at('covered', 90, 120, 1)),
        strict(at('mine', 20, 40, 1)),
        at('loose', 370, 200, 1),
        at('over', 90, 95, 1),
      ],
      screen,
      2,
      [disc, own],
    );
    expect([...chosen].sort()).toEqual(['loose', 'mine', 'over']);
  });
});

describe('countPriorities (the counts of a grouped map aggregated flows)', () => {
  const edges = [
    { id: 'heavy', source: 'group:a', target: 'group:b', flows: 100 },
    { id: 'mid', source: 'group:b', target: 'group:c', flows: 40 },
    { id: 'light', source: 'group:c', target: 'group:a', flows: 2 },
    { id: 'light-focus', source: 'group:d', target: 'group:a', flows: 1 },
  ];

  test('when nothing is focused, then the heavy counts come after every node label, heaviest first, and light ones get none', () => {
    const p = countPriorities(edges, []);
    expect([...p.keys()]).toEqual(['heavy', 'mid']);
    expect(p.get('heavy')!).toBeGreaterThan(p.get('mid')!);
    expect(p.get('heavy')!).toBeLessThan(0);
  });

  test('when a group is hovered or selected, then every count of its flows comes first, light ones too', () => {
    const p = countPriorities(edges, ['group:d']);
    expect([...p.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id)).toEqual(['light-focus', 'heavy', 'mid']);
  });
});

describe('labelPriorities', () => {
  const ids = ['ncp', 'hub', 'leaf', 'sel', 'friend'];
  const edges = [
    { source: 'hub', target: 'ncp' },
    { source: 'leaf', target: 'hub' },
    { source: 'hub', target: 'sel' },
    { source: 'friend', target: 'sel' },
  ];
  const order = (p: Map<string, number>) => [...p.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);

  test('when nothing is selected, then the NCP comes first, then the others by their number of flows', () => {
    expect(order(labelPriorities(ids, edges, { focus: [], ncps: ['ncp'] }))).toEqual([
      'ncp',
      'hub',
      'sel',
      'leaf',
      'friend',
    ]);
  });

  test('when a stakeholder is selected, then it and its neighbours come before the NCP', () => {
    const ranked = order(labelPriorities(ids, edges, { focus: ['sel'], ncps: ['ncp'] }));
    expect(ranked.slice(0, 3)).toEqual(['sel', 'hub', 'friend']);
    expect(ranked[3]).toBe('ncp');
  });

  test('when the view gives a rank (betweenness), then it orders the rest instead of the flows', () => {
    const ranked = order(labelPriorities(ids, edges, { focus: [], ncps: ['ncp'], rank: { leaf: 10, hub: 1 } }));
    expect(ranked.slice(0, 3)).toEqual(['ncp', 'leaf', 'hub']);
  });
});

describe('scaleNear (the labels kept at their scale while the zoom hovers between two steps)', () => {
  test('when labels have no scale yet, then they get the zoom own step', () => {
    expect(scaleNear(0.25, undefined)).toBe(scaleAt(0.25));
    expect(scaleAt(0.25)).toBe(4);
  });

  test('when the zoom moves a little past the middle between two steps, then the labels keep their scale', () => {
    // 0.2 is 9.3 quarter-steps below 1: its own step is 2^(9/4); labels at 2^(10/4) are kept (0.7 of a step away).
    expect(scaleAt(0.2)).toBe(2 ** (9 / 4));
    expect(scaleNear(0.2, 2 ** (10 / 4))).toBe(2 ** (10 / 4));
  });

  test('when the zoom moves a step or more, then the labels take its step', () => {
    expect(scaleNear(0.2, 2 ** (11 / 4))).toBe(2 ** (9 / 4));
    expect(scaleNear(1, 2 ** (1 / 4))).toBe(1);
  });
});
