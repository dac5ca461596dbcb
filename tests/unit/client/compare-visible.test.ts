// A viewer's comparison: the flow counts leave out the hidden flows (the hidden number kept beside them), and the
// notice's words; rows without `hidden` (every other role) stay as they are.
import { hiddenFlowsText } from '../../../client/src/components/HiddenNotice';
import type { CountryMetrics } from '../../../client/src/features/compare/metrics';
import { hiddenOf, totalHidden, visibleRows } from '../../../client/src/features/compare/visible';

const row = (country: string, flows: number, crossBorderChannels: number, hidden?: CountryMetrics['hidden']) =>
  ({ country, flows, crossBorderChannels, density: 0.5, ...(hidden ? { hidden } : {}) }) as CountryMetrics;

describe('visibleRows', () => {
  test('when a row says 22 of its 32 flows are hidden, then it counts 10, and the hidden number stays beside it', () => {
    const [se, no] = visibleRows([row('SE', 32, 5, { flows: 22, crossBorderChannels: 2 }), row('NO', 7, 1)]);
    expect(se).toMatchObject({ flows: 10, crossBorderChannels: 3, density: 0.5 });
    expect(hiddenOf(se!, 'flows')).toBe(22);
    expect(hiddenOf(se!, 'crossBorderChannels')).toBe(2);
    expect(hiddenOf(se!, 'density')).toBe(0);
    expect(no).toEqual(row('NO', 7, 1));
    expect(totalHidden([se!, no!])).toBe(22);
  });

  test('the notice says the number, one or many, and nothing when none is hidden', () => {
    expect(hiddenFlowsText(10)).toBe('10 flows hidden');
    expect(hiddenFlowsText(1)).toBe('1 flow hidden');
    expect(hiddenFlowsText(0)).toBeNull();
    expect(hiddenFlowsText(undefined)).toBeNull();
  });
});
