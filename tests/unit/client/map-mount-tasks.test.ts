// A small map's force layout is asked for in a task after the one that made its instance (issue 18 point 6): the
// instance's making (with React's commit) and the measuring of each stakeholder's room for the spaced layout
// (canvasLayout.ts) were one long task of the map's first load. What is drawn is the same: the rooms are those of
// the instance as made (nothing is drawn onto it while it is laid out), and the places are the worker's.
import cytoscape from 'cytoscape';
import type { MapGraph } from '../../../client/src/graph/api/types';
import { flagOf } from '../../../client/src/graph/canvasFlags';
import { LOADING } from '../../../client/src/graph/canvasLabels';

// Required, not imported: canvasLayout.ts reaches layoutWorker.ts (import.meta) and canvasViewport.ts (an untyped
// module), which the tests' TypeScript project does not compile; their types are restated here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { LAID_OUT_IN_WORKER, ROOMS_DEFERRED, runLayout } = require('../../../client/src/graph/canvasLayout') as {
  LAID_OUT_IN_WORKER: string;
  ROOMS_DEFERRED: string;
  runLayout: (
    cy: cytoscape.Core,
    spec: { graph: MapGraph; scope: 'country'; layout: 'fcose'; countryOrder: readonly string[] },
    kept: null,
    done: () => void,
  ) => { stop: () => void };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { workerLayout } = require('../../../client/src/graph/layoutWorker') as {
  workerLayout: jest.Mock<Promise<unknown>, [{ rooms?: unknown }]>;
};

jest.mock('../../../client/src/graph/layoutWorker', () => ({
  // The module itself makes its worker from import.meta (not for Jest); canvasLayout.ts uses these of it.
  WORKER_LAYOUT_ABOVE: 1000,
  workerRequest: () => ({ nodes: [], edges: [], blockOrder: [] }),
  workerLayout: jest.fn(() =>
    Promise.resolve({
      positions: { a: { x: 10, y: 20 }, b: { x: 200, y: 40 } },
      inWorker: true,
    }),
  ),
}));

const asked = workerLayout;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const graph = {
  stakeholders: [
    { id: 'a', name: 'A', country: 'SE', sector: 'government', ncp: true, external: false },
    { id: 'b', name: 'B', country: 'SE', sector: 'research', ncp: false, external: false },
  ],
  flows: [{ id: 'f', from: 'a', to: 'b', status: 'active' }],
} as unknown as MapGraph;

function instance(): cytoscape.Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { data: { id: 'a', stakeholder: true } },
      { data: { id: 'b', stakeholder: true, size: 40 } },
      { data: { id: 'e', source: 'a', target: 'b' } },
    ],
    style: [
      { selector: 'node', style: { width: 30, height: 30 } },
      { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    ],
  });
}

const spec = { graph, scope: 'country' as const, layout: 'fcose' as const, countryOrder: ['SE'] };

beforeEach(() => asked.mockClear());

describe("a small map's force layout", () => {
  test('is asked for in the task after the instance is made, with its rooms; placed as the worker answers', async () => {
    const cy = instance();
    const done = jest.fn();
    runLayout(cy, spec, null, done);
    // Not in the making's task: nothing is drawn meanwhile (LOADING, and a batch), and nothing asked yet.
    expect(asked).not.toHaveBeenCalled();
    expect(flagOf(cy, LOADING)).toBe(true);
    expect(flagOf(cy, ROOMS_DEFERRED)).toBe(true);
    await nextTask();
    expect(asked).toHaveBeenCalledTimes(1);
    expect(flagOf(cy, ROOMS_DEFERRED)).toBeUndefined();
    expect(asked.mock.calls[0]![0].rooms).toEqual({
      a: { node: 30, labelWidth: 0, labelHeight: 0 },
      b: { node: 40, labelWidth: 0, labelHeight: 0 },
    });
    await nextTask();
    expect(done).toHaveBeenCalledTimes(1);
    expect(flagOf(cy, LOADING)).toBeUndefined();
    expect(flagOf(cy, LAID_OUT_IN_WORKER)).toBe(true);
    expect(cy.getElementById('b').position()).toEqual({ x: 200, y: 40 });
    cy.destroy();
  });

  test('stopped before its task, it asks nothing and places nothing', async () => {
    const cy = instance();
    const done = jest.fn();
    runLayout(cy, spec, null, done).stop();
    await nextTask();
    await nextTask();
    expect(asked).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
    cy.destroy();
  });
});
