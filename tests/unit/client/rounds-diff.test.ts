// The pure helpers behind the rounds view: a comparison's marks, a round's document seen from one
// country, the union graph the difference map draws, and the labels and numbers of the change tables.
import { DIFF_EDGE_LABEL, DIFF_NODE_SUFFIX, mapStylesheet } from '../../../client/src/graph/styles';
import type { RoundComparison } from '../../../client/src/features/rounds/api/types';
import {
  diffGraph,
  diffMarks,
  documentScope,
  itemLabel,
  marksByStatus,
  signedChange,
  type FlowLike,
  type StakeholderLike,
} from '../../../client/src/features/rounds/diff';

const s = (id: string, country: string, type = 'police'): StakeholderLike =>
  ({ id, name: `${id} name`, country, type, level: 'national', ncp: false }) as unknown as StakeholderLike;
const f = (id: string, from: string, to: string, basis = 'statutory'): FlowLike =>
  ({
    id,
    from,
    to,
    indicators: ['VIC-01'],
    basis,
    status: 'active',
    confidence: 'reported',
    personDependent: false,
    evidence: [],
  }) as unknown as FlowLike;
const none = { added: [], removed: [], changed: [] };

function comparison(over: Partial<RoundComparison['kinds']>): Pick<RoundComparison, 'country' | 'kinds'> {
  return {
    country: 'XA',
    kinds: {
      stakeholders: none,
      flows: none,
      datasets: none,
      reportingLines: none,
      networks: none,
      memberships: none,
      interviews: none,
      ...over,
    },
  };
}

const sectors: Record<string, 'law_enforcement' | 'child_protection'> = {
  police: 'law_enforcement',
  child_welfare: 'child_protection',
};
const sectorOf = (type: string) => sectors[type];

describe('the marks of a comparison', () => {
  test('when stakeholders and flows are added, removed and changed, then each key gets its mark and nothing else is marked', () => {
    const marks = diffMarks(
      comparison({
        stakeholders: {
          added: [{ key: 'a', item: {} }],
          removed: [{ key: 'r', item: {} }],
          changed: [{ key: 'c', before: {}, after: {}, fields: ['name'] }],
        },
        flows: {
          added: [{ key: 'f1', item: {} }],
          removed: [],
          changed: [{ key: 'f2', before: {}, after: {}, fields: ['basis'] }],
        },
        datasets: { added: [{ key: 'd1', item: {} }], removed: [], changed: [] },
      }),
    );
    expect([...marks.nodes]).toEqual([
      ['a', 'added'],
      ['r', 'removed'],
      ['c', 'changed'],
    ]);
    expect([...marks.flows]).toEqual([
      ['f1', 'added'],
      ['f2', 'changed'],
    ]);
    expect(marksByStatus(marks.flows)).toEqual({ added: ['f1'], removed: [], changed: ['f2'] });
  });
});

describe('a round document seen from one country', () => {
  test('when a region round is scoped to a country, then it keeps its stakeholders, the flows touching them and their foreign ends', () => {
    const doc = {
      stakeholders: [s('xa-1', 'XA'), s('xa-2', 'XA'), s('xb-1', 'XB'), s('xb-2', 'XB')],
      flows: [f('f1', 'xa-1', 'xa-2'), f('f2', 'xb-1', 'xa-1'), f('f3', 'xb-1', 'xb-2')],
    };
    const scoped = documentScope(doc, 'XA');
    expect(scoped.stakeholders.map((x) => x.id)).toEqual(['xa-1', 'xa-2', 'xb-1']);
    expect(scoped.flows.map((x) => x.id)).toEqual(['f1', 'f2']);
  });
});

describe('the graph of the difference', () => {
  const now = {
    stakeholders: [s('xa-1', 'XA'), s('xa-new', 'XA', 'child_welfare'), s('xa-2', 'XA')],
    flows: [f('f1', 'xa-1', 'xa-2', 'agreement'), f('f-new', 'xa-new', 'xa-1')],
  };
  const c = comparison({
    stakeholders: {
      added: [{ key: 'xa-new', item: now.stakeholders[1]! }],
      removed: [{ key: 'xa-gone', item: s('xa-gone', 'XA') }],
      changed: [],
    },
    flows: {
      added: [{ key: 'f-new', item: now.flows[1]! }],
      removed: [
        { key: 'f-gone', item: f('f-gone', 'xa-gone', 'xa-1') },
        { key: 'f-abroad', item: f('f-abroad', 'xa-2', 'xb-9') },
      ],
      changed: [{ key: 'f1', before: f('f1', 'xa-1', 'xa-2'), after: now.flows[0]!, fields: ['basis'] }],
    },
  });

  test('when removed items are added to the newer side, then the graph holds the union of both sides with their marks', () => {
    const { graph, marks } = diffGraph({ comparison: c, to: now, known: [s('xb-9', 'XB')], sectorOf, country: 'XA' });
    expect(graph.stakeholders.map((x) => x.id).sort()).toEqual(['xa-1', 'xa-2', 'xa-gone', 'xa-new', 'xb-9']);
    expect(graph.flows.map((x) => x.id).sort()).toEqual(['f-abroad', 'f-gone', 'f-new', 'f1']);
    expect(marks.nodes.get('xa-gone')).toBe('removed');
    expect(marks.nodes.get('xa-new')).toBe('added');
    expect(marks.nodes.has('xa-1')).toBe(false);
    expect(marks.flows.get('f1')).toBe('changed');
    expect(marks.flows.get('f-abroad')).toBe('removed');
  });

  test('when a stakeholder is drawn, then its sector comes from its type, foreign ones are external, and a changed flow is drawn as it is now', () => {
    const { graph } = diffGraph({ comparison: c, to: now, known: [s('xb-9', 'XB')], sectorOf, country: 'XA' });
    const byId = new Map(graph.stakeholders.map((x) => [x.id, x]));
    expect(byId.get('xa-new')?.sector).toBe('child_protection');
    expect(byId.get('xa-1')?.external).toBe(false);
    expect(byId.get('xb-9')).toMatchObject({ external: true, name: 'xb-9 name' });
    expect(graph.flows.find((x) => x.id === 'f1')?.basis).toBe('agreement');
  });

  test('when the foreign end of a removed flow is known nowhere, then a placeholder named by its id stands in, so the flow is still drawn', () => {
    const { graph } = diffGraph({ comparison: c, to: now, known: [], sectorOf, country: 'XA' });
    expect(graph.stakeholders.find((x) => x.id === 'xb-9')).toMatchObject({
      name: 'xb-9',
      external: true,
      sector: 'international',
    });
  });
});

describe('labels and numbers of the change tables', () => {
  const names = new Map([
    ['a', 'Police'],
    ['b', 'NCP office'],
    ['n', 'Task force'],
  ]);

  test('when an item is labelled, then flows show both ends by name, memberships the pair, others their name or id', () => {
    expect(itemLabel('flows', { id: 'f', from: 'a', to: 'b' }, names)).toBe('Police → NCP office');
    expect(itemLabel('memberships', { stakeholder: 'a', network: 'n' }, names)).toBe('Police in Task force');
    expect(itemLabel('stakeholders', { id: 'a', name: 'Police Authority' })).toBe('Police Authority');
    expect(itemLabel('networks', { id: 'nw-1' })).toBe('nw-1');
  });

  test('when a metric moves, then the change is signed with a real minus; no value on a side gives no change', () => {
    expect(signedChange(2, 5)).toBe('+3');
    expect(signedChange(0.5, 0.25)).toBe('−0.25');
    expect(signedChange(1, 1)).toBe('0');
    expect(signedChange(null, 3)).toBeNull();
  });
});

describe('the look of the difference (not by colour alone)', () => {
  const style = (selector: string) =>
    mapStylesheet.find((s) => s.selector === selector)?.style as Record<string, unknown> | undefined;
  const marks = ['added', 'removed', 'changed'] as const;

  test('when each change is drawn, then nodes and edges have a rule per mark, each with its own label mark', () => {
    for (const m of marks) {
      expect(style(`node.diff-${m}`)).toBeDefined();
      expect(style(`edge.diff-${m}`)?.label).toBe(DIFF_EDGE_LABEL[m]);
    }
    expect(new Set(marks.map((m) => DIFF_NODE_SUFFIX[m])).size).toBe(3);
    expect(new Set(marks.map((m) => DIFF_EDGE_LABEL[m])).size).toBe(3);
  });

  test('when removed and added are compared, then they differ in line and ring style too, and unchanged elements recede', () => {
    expect(style('edge.diff-removed')?.['line-style']).toBe('dashed');
    expect(style('edge.diff-added')?.['line-style']).toBe('solid');
    expect(new Set(marks.map((m) => style(`node.diff-${m}`)?.['border-style'])).size).toBe(3);
    expect(style('.diff-same')?.opacity).toBeLessThan(1);
  });
});
