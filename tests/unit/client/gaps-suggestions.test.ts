// The gaps view's suggestions: a direct and an extend suggestion for the same pair shown once (the better
// ranked first, the other as its alternative), the peers' basis and the new flow's form filled in from one.
import {
  flowPresetOf,
  groupSuggestions,
  newFlowOf,
  peerBasis,
  type Suggestion,
} from '../../../client/src/features/gaps/suggestions';

const s = (kind: Suggestion['kind'], from: string, to: string, extra: Partial<Suggestion> = {}): Suggestion => ({
  indicator: 'VIC-01',
  kind,
  from,
  to,
  peerScore: 0.5,
  score: 1,
  explanation: `${kind} ${from} ${to}`,
  ...extra,
});

describe('groupSuggestions', () => {
  test('when a direct and an extend suggestion name the same pair, then they appear once, the better ranked first', () => {
    const direct = s('direct', 'se-police', 'se-ncp');
    const extend = s('extend_flow', 'se-police', 'se-ncp', { flow: 'se-f1' });
    const join = s('join_route', 'se-police', 'se-court');
    const groups = groupSuggestions([direct, join, extend]);
    expect(groups).toEqual([
      { best: direct, alternatives: [extend] },
      { best: join, alternatives: [] },
    ]);
  });

  test('when the extend suggestion ranks first, then it leads and the direct one is its alternative', () => {
    const extend = s('extend_flow', 'a', 'ncp', { flow: 'f' });
    const direct = s('direct', 'a', 'ncp');
    expect(groupSuggestions([extend, direct])).toEqual([{ best: extend, alternatives: [direct] }]);
    expect(newFlowOf({ best: extend, alternatives: [direct] })).toBe(direct);
    expect(newFlowOf({ best: extend, alternatives: [] })).toBeUndefined();
  });

  test('when the same pair carries other indicators, then each indicator keeps its own entry', () => {
    const a = s('direct', 'a', 'ncp');
    const b = s('direct', 'a', 'ncp', { indicator: 'VIC-02' });
    expect(groupSuggestions([a, b])).toHaveLength(2);
  });
});

describe('peerBasis and the form', () => {
  const st = (id: string, country: string, type: string, ncp = false) => ({ id, country, type, ncp });
  const region = {
    stakeholders: [
      st('se-police', 'SE', 'police'),
      st('se-ncp', 'SE', 'ministry', true),
      st('no-police', 'NO', 'police'),
      st('no-ncp', 'NO', 'child_welfare', true),
      st('dk-police', 'DK', 'police'),
      st('dk-ncp', 'DK', 'ministry', true),
      st('fi-police', 'FI', 'police'),
      st('fi-ncp', 'FI', 'ministry', true),
    ],
    flows: [
      { from: 'no-police', to: 'no-ncp', indicators: ['VIC-01'], basis: 'agreement' as const },
      { from: 'dk-police', to: 'dk-ncp', indicators: ['VIC-01'], basis: 'statutory' as const },
      { from: 'fi-police', to: 'fi-ncp', indicators: ['VIC-01'], basis: 'statutory' as const },
      // Not peers: the country itself, another indicator, a planned flow, the NCP of another country.
      { from: 'se-police', to: 'se-ncp', indicators: ['VIC-01'], basis: 'informal' as const },
      { from: 'no-police', to: 'no-ncp', indicators: ['VIC-02'], basis: 'informal' as const },
      { from: 'no-police', to: 'no-ncp', indicators: ['VIC-01'], basis: 'informal' as const, status: 'planned' },
      { from: 'no-police', to: 'dk-ncp', indicators: ['VIC-01'], basis: 'informal' as const },
    ],
  };

  test('when peers send the indicator the same way, then their most frequent basis is proposed', () => {
    expect(peerBasis(s('direct', 'se-police', 'se-ncp'), 'SE', region)).toBe('statutory');
  });

  test('when no peer has such a flow, then no basis is proposed and the form leaves it as it is', () => {
    const lone = s('direct', 'se-ncp', 'se-police');
    expect(peerBasis(lone, 'SE', region)).toBeUndefined();
    expect(flowPresetOf(lone, undefined)).toEqual({ from: 'se-ncp', to: 'se-police', indicators: ['VIC-01'] });
  });

  test('when there is a tie, then the stronger basis is proposed', () => {
    const tie = { ...region, flows: region.flows.slice(0, 2) };
    expect(peerBasis(s('direct', 'se-police', 'se-ncp'), 'SE', tie)).toBe('statutory');
    expect(flowPresetOf(s('direct', 'se-police', 'se-ncp'), 'statutory')).toEqual({
      from: 'se-police',
      to: 'se-ncp',
      indicators: ['VIC-01'],
      basis: 'statutory',
    });
  });
});
