// Missing-link suggestions and peer patterns on a hand-built region (ANALYSIS.md §2).
import { suggestions } from '../../../server/analysis/suggestions/suggestions';
import { graphOf } from '../../support/graph-builder';

const X = 'UAM-03';

// XA: the police hold X; the national coordinator (hub) already sends X to the NCP; the police send
// the hub only TRF-01. XB and XD: police send X straight to their NCP. XC: police send X to their
// national coordinator.
const region = () =>
  graphOf({
    stakeholders: [
      'xa-ncp:ministry:ncp',
      'xa-pol:police',
      'xa-hub:national_coordinator',
      'xb-ncp:ministry:ncp',
      'xb-pol:police',
      'xc-ncp:ministry:ncp',
      'xc-pol:police',
      'xc-hub:national_coordinator',
      'xd-ncp:ncp_office:ncp',
      'xd-pol:police',
    ],
    holds: { 'xa-pol': [X] },
    flows: [
      { id: 'a1', from: 'xa-hub', to: 'xa-ncp', indicators: [X] },
      { id: 'a2', from: 'xa-pol', to: 'xa-hub', indicators: ['TRF-01'] },
      { id: 'b1', from: 'xb-pol', to: 'xb-ncp', indicators: [X] },
      { id: 'c1', from: 'xc-pol', to: 'xc-hub', indicators: [X] },
      { id: 'd1', from: 'xd-pol', to: 'xd-ncp', indicators: [X] },
    ],
  });

describe('suggestions', () => {
  test('when X is held but does not reach the NCP, then direct, join-route and extend-flow are proposed in rank order', () => {
    const { suggestions: list } = suggestions(region(), 'XA');
    // direct xa-pol -> NCP: police send X to the NCP (or to a ministry) in XB and XD: 2 of 3 -> score 3 x 5/3 = 5
    // join xa-pol -> xa-hub: police send X to the NCP or a national coordinator in XB, XC, XD: 3 of 3 -> 2 x 2 = 4
    // extend a2 (xa-pol -> xa-hub): same types as the join -> 1 x 2 = 2
    expect(
      list.map(({ kind, from, to, flow, peerScore, score }) => ({ kind, from, to, flow, peerScore, score })),
    ).toEqual([
      { kind: 'direct', from: 'xa-pol', to: 'xa-ncp', flow: undefined, peerScore: 2 / 3, score: 5 },
      { kind: 'join_route', from: 'xa-pol', to: 'xa-hub', flow: undefined, peerScore: 1, score: 4 },
      { kind: 'extend_flow', from: 'xa-pol', to: 'xa-hub', flow: 'a2', peerScore: 1, score: 2 },
    ]);
    expect(list[0]!.explanation).toBe(
      'In 2 of 3 other countries a police authority sends UAM-03 directly to the NCP; here XA-POL holds it but it never reaches the NCP.',
    );
    expect(list[1]!.explanation).toContain('XA-HUB already passes UAM-03 on to the NCP in 1 hop');
    expect(list.every((s) => s.indicator === X)).toBe(true);
  });

  test('when peer patterns are listed, then type-level flows in at least half the other countries and absent here appear', () => {
    const { peerPatterns } = suggestions(region(), 'XA');
    // police -> NCP carrying X: XB and XD (2 of 3); police -> national coordinator: XC only (1 of 3).
    expect(peerPatterns).toEqual([{ fromType: 'police', toType: 'ncp', indicator: X, share: 2 / 3 }]);
  });

  test('when nothing is collected without reaching the NCP, then there are no suggestions', () => {
    expect(suggestions(region(), 'XB').suggestions).toEqual([]);
  });

  test('when the country has no NCP or is the international layer, then no suggestions and no error', () => {
    const fg = graphOf({ stakeholders: ['xa-pol:police', 'int-europol:europol'], holds: { 'xa-pol': [X] } });
    expect(suggestions(fg, 'XA').suggestions).toEqual([]);
    expect(suggestions(fg, 'INT')).toEqual({ country: 'INT', suggestions: [], peerPatterns: [] });
  });

  test('when there are no other countries, then peer scores are 0 and explanations say 0 of 0', () => {
    const fg = graphOf({ stakeholders: ['xa-ncp:ministry:ncp', 'xa-pol:police'], holds: { 'xa-pol': [X] } });
    const [s] = suggestions(fg, 'XA').suggestions;
    expect(s).toMatchObject({ kind: 'direct', peerScore: 0, score: 3 });
    expect(s!.explanation).toMatch(/^In 0 of 0 other countries/);
  });
});
