// The URL's selection after the map changes: ids the graph does not hold are dropped, and right after a
// country switch so is a stakeholder that is only a foreign end of the new map (and a flow not of its own).
import type { MapGraph } from '../../../client/src/graph/api/types';
import { staleSelection } from '../../../client/src/features/map/selection';

const node = (id: string, country: string, external = false) =>
  ({ id, country, external }) as unknown as MapGraph['stakeholders'][number];
const flow = (id: string, from: string, to: string) => ({ id, from, to }) as unknown as MapGraph['flows'][number];
const noGraph = {
  stakeholders: [node('no-police', 'NO'), node('no-ncp', 'NO'), node('se-police', 'SE', true)],
  flows: [flow('no-f1', 'no-police', 'no-ncp'), flow('x-f1', 'se-police', 'no-police')],
} as unknown as MapGraph;

describe('stale selection', () => {
  test('when the URL names ids the map holds, then nothing is cleared', () => {
    expect(staleSelection(noGraph, { selected: 'no-police', flow: null }, null)).toBeNull();
    expect(staleSelection(noGraph, { selected: null, flow: 'x-f1' }, null)).toBeNull();
    expect(staleSelection(noGraph, { selected: 'se-police', flow: null }, null)).toBeNull();
  });

  test('when the URL names a stakeholder or flow the map does not hold, then it is cleared', () => {
    expect(staleSelection(noGraph, { selected: 'se-ncp', flow: 'se-f9' }, null)).toEqual({
      selected: null,
      flow: null,
    });
    expect(staleSelection(noGraph, { selected: 'no-ncp', flow: 'se-f9' }, null)).toEqual({ flow: null });
  });

  test("when the country was just switched, then a foreign end is cleared too, but the new country's own items and its cross-border flows stay", () => {
    expect(staleSelection(noGraph, { selected: 'se-police', flow: null }, 'NO')).toEqual({ selected: null });
    expect(staleSelection(noGraph, { selected: 'no-ncp', flow: null }, 'NO')).toBeNull();
    expect(staleSelection(noGraph, { selected: null, flow: 'x-f1' }, 'NO')).toBeNull();
  });
});
