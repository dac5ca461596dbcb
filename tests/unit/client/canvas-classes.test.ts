// What the graph canvas draws from React state (client/src/graph/canvasClasses.ts): labels and classes of
// stakeholders and flows for filters, marks, a path, what-if removals, a difference and the selection.
import { canvasClasses, type ClassState, type DrawnGraph } from '../../../client/src/graph/canvasClasses';
import { DEFAULT_MARK_SUFFIX, DIFF_NODE_SUFFIX, REMOVED_SUFFIX } from '../../../client/src/graph/styles';

const edge = (flowId: string, source: string, target: string, added = false) => ({
  id: `flow:${flowId}`,
  flowId,
  source,
  target,
  added,
});
// police -> ncp -> ngo, ngo -> court; a proposed flow court -> police; a country box holding all four.
const graph: DrawnGraph = {
  nodes: ['police', 'ncp', 'ngo', 'court'].map((id) => ({ id, baseLabel: id.toUpperCase() })),
  edges: [
    edge('f1', 'police', 'ncp'),
    edge('f2', 'ncp', 'ngo'),
    edge('f3', 'ngo', 'court'),
    edge('p1', 'court', 'police', true),
  ],
  groups: [
    { id: 'country:SE', members: ['police', 'ncp', 'ngo', 'court'] },
    { id: 'country:NO', members: ['ngo'] },
  ],
};
const NONE: ClassState = {
  marked: [],
  markSuffix: DEFAULT_MARK_SUFFIX,
  highlightNodes: [],
  highlightFlows: [],
  removedNodes: [],
  removedFlows: [],
  removedLook: 'faded',
  selectedId: null,
  selectedFlowId: null,
};
const nodeClasses = (state: Partial<ClassState>, id: string) =>
  canvasClasses(graph, { ...NONE, ...state }).nodes.get(id)?.classes;
const edgeClasses = (state: Partial<ClassState>, flowId: string) =>
  canvasClasses(graph, { ...NONE, ...state }).edges.get(`flow:${flowId}`);

describe('canvas classes', () => {
  test('when nothing is set, then every element is drawn plain with its own label', () => {
    const drawn = canvasClasses(graph, NONE);
    expect([...drawn.nodes.values()].every((n) => n.classes.length === 0)).toBe(true);
    expect([...drawn.edges.values()].every((c) => c.length === 0)).toBe(true);
    expect(drawn.nodes.get('ncp')?.label).toBe('NCP');
    expect(drawn.hiddenGroups.size).toBe(0);
  });

  test('when a filter leaves some stakeholders and flows out, then they, the flows touching them and emptied boxes are hidden', () => {
    const drawn = canvasClasses(graph, {
      ...NONE,
      visibleNodes: new Set(['police', 'ncp', 'court']),
      visibleFlows: new Set(['f2', 'f3']),
    });
    expect(drawn.nodes.get('ngo')?.classes).toEqual(['hidden']);
    expect(drawn.edges.get('flow:f1')).toEqual(['hidden']); // filtered out itself
    expect(drawn.edges.get('flow:f2')).toEqual(['hidden']); // an end hidden
    expect(drawn.edges.get('flow:p1')).toEqual([]); // a proposed flow ignores the flow filter
    expect([...drawn.hiddenGroups]).toEqual(['country:NO']);
  });

  test('when stakeholders are muted, hold the indicator or are marked, then they say so (and a mark adds to the label)', () => {
    const drawn = canvasClasses(graph, {
      ...NONE,
      mutedNodes: new Set(['ngo']),
      holders: new Set(['ncp']),
      marked: ['police'],
    });
    expect(drawn.nodes.get('ngo')?.classes).toEqual(['muted']);
    expect(drawn.nodes.get('ncp')?.classes).toEqual(['holder']);
    expect(drawn.nodes.get('police')).toEqual({ label: `POLICE${DEFAULT_MARK_SUFFIX}`, classes: ['marked'] });
  });

  test('when a stakeholder is removed in a what-if, then it and its stored flows are drawn removed, or hidden when asked', () => {
    const faded = canvasClasses(graph, { ...NONE, removedNodes: ['ngo'], removedFlows: ['f1'] });
    expect(faded.nodes.get('ngo')).toEqual({ label: `NGO${REMOVED_SUFFIX}`, classes: ['removed'] });
    expect(['f1', 'f2', 'f3'].map((f) => faded.edges.get(`flow:${f}`))).toEqual([
      ['removed'],
      ['removed'],
      ['removed'],
    ]);
    expect(faded.edges.get('flow:p1')).toEqual([]);
    const hidden = canvasClasses(graph, { ...NONE, removedNodes: ['ngo'], removedLook: 'hidden' });
    expect(hidden.nodes.get('ngo')?.classes).toEqual(['hidden']);
    expect(hidden.edges.get('flow:f2')).toEqual(['hidden', 'hidden']);
    expect(hidden.hiddenGroups.has('country:NO')).toBe(true);
  });

  test('when a path is highlighted, then its elements are drawn as the path and the rest quieter, but holders keep their look', () => {
    const state = { highlightNodes: ['police', 'ncp'], highlightFlows: ['f1'], holders: new Set(['court']) };
    expect(nodeClasses(state, 'police')).toEqual(['path']);
    expect(nodeClasses(state, 'ngo')).toEqual(['path-dimmed']);
    expect(nodeClasses(state, 'court')).toEqual(['holder']);
    expect(edgeClasses(state, 'f1')).toEqual(['path']);
    expect(edgeClasses(state, 'f2')).toEqual(['path-dimmed']);
  });

  test('when a stakeholder is selected, then it is drawn selected and all but it, its flows and their other ends dim', () => {
    const state = { selectedId: 'ncp' };
    expect(nodeClasses(state, 'ncp')).toEqual(['selected']);
    expect(['police', 'ngo', 'court'].map((id) => nodeClasses(state, id))).toEqual([[], [], ['dimmed']]);
    expect(['f1', 'f2', 'f3', 'p1'].map((f) => edgeClasses(state, f))).toEqual([[], [], ['dimmed'], ['dimmed']]);
  });

  test('when a flow is selected, then it is drawn selected and all but it and its two ends dim', () => {
    const state = { selectedFlowId: 'f3' };
    expect(edgeClasses(state, 'f3')).toEqual(['selected']);
    expect(['police', 'ncp', 'ngo', 'court'].map((id) => nodeClasses(state, id))).toEqual([
      ['dimmed'],
      ['dimmed'],
      [],
      [],
    ]);
    expect(edgeClasses(state, 'f1')).toEqual(['dimmed']);
  });

  test('when a selection and a path are both shown, then the path decides what is quiet and nothing dims', () => {
    const state = { selectedId: 'court', highlightNodes: ['police'], highlightFlows: [] };
    expect(nodeClasses(state, 'court')).toEqual(['path-dimmed', 'selected']);
    expect(nodeClasses(state, 'ngo')).toEqual(['path-dimmed']);
  });

  test('when a stakeholder or flow that is not drawn is selected, then nothing is selected or dimmed', () => {
    expect(
      [...canvasClasses(graph, { ...NONE, selectedId: 'gone', selectedFlowId: 'gone' }).nodes.values()].flatMap(
        (n) => n.classes,
      ),
    ).toEqual([]);
  });

  test('when two rounds are compared, then each element shows its mark and the node label its sign; the rest is the same', () => {
    const diff = { nodes: new Map([['ngo', 'added' as const]]), flows: new Map([['f2', 'changed' as const]]) };
    const drawn = canvasClasses(graph, { ...NONE, diff });
    expect(drawn.nodes.get('ngo')).toEqual({ label: `NGO${DIFF_NODE_SUFFIX.added}`, classes: ['diff-added'] });
    expect(drawn.nodes.get('police')?.classes).toEqual(['diff-same']);
    expect(drawn.edges.get('flow:f2')).toEqual(['diff-changed']);
    expect(drawn.edges.get('flow:f1')).toEqual(['diff-same']);
    expect(drawn.edges.get('flow:p1')).toEqual([]);
  });
});
