// Fragile coverage on hand-built graphs (ANALYSIS.md §3).
import { fragileCoverage, fragileReasons } from '../../../server/analysis/bottlenecks/fragile';
import { graphOf } from '../../support/graph-builder';

const X = 'VIC-02';
const base = ['xa-ncp:ministry:ncp', 'xa-h:police', 'xa-a:ngo', 'xa-b:ngo'];

describe('fragile coverage', () => {
  test('when the only path has an informal, person-dependent, assumed flow, then all three reasons are given', () => {
    const fg = graphOf({
      stakeholders: base,
      holds: { 'xa-h': [X] },
      flows: [
        {
          from: 'xa-h',
          to: 'xa-ncp',
          indicators: [X],
          basis: 'informal',
          personDependent: true,
          confidence: 'assumed',
        },
      ],
    });
    expect(fragileReasons(fg, 'XA', X)).toEqual(['informal', 'person_dependent', 'unconfirmed']);
  });

  test('when a second, formal and confirmed path exists, then the indicator is not fragile', () => {
    const fg = graphOf({
      stakeholders: base,
      holds: { 'xa-h': [X] },
      flows: [
        { from: 'xa-h', to: 'xa-ncp', indicators: [X], basis: 'informal', personDependent: true },
        { from: 'xa-h', to: 'xa-a', indicators: [X], basis: 'statutory', confidence: 'confirmed' },
        { from: 'xa-a', to: 'xa-ncp', indicators: [X], basis: 'agreement', confidence: 'confirmed' },
      ],
    });
    expect(fragileReasons(fg, 'XA', X)).toEqual([]);
  });

  test('when one path is informal and the other person-dependent, then only the combined reason is given', () => {
    // h -> a -> ncp: the second flow is informal; h -> b -> ncp: the first flow rests on one person.
    const fg = graphOf({
      stakeholders: base,
      holds: { 'xa-h': [X] },
      flows: [
        { from: 'xa-h', to: 'xa-a', indicators: [X], confidence: 'confirmed' },
        { from: 'xa-a', to: 'xa-ncp', indicators: [X], basis: 'informal', confidence: 'confirmed' },
        { from: 'xa-h', to: 'xa-b', indicators: [X], personDependent: true, confidence: 'confirmed' },
        { from: 'xa-b', to: 'xa-ncp', indicators: [X], confidence: 'confirmed' },
      ],
    });
    expect(fragileReasons(fg, 'XA', X)).toEqual(['informal_or_person_dependent']);
  });

  test('when an indicator is held by the NCP or does not reach it, then it is not listed as fragile', () => {
    const fg = graphOf({
      stakeholders: base,
      holds: { 'xa-ncp': ['VIC-01'], 'xa-h': [X, 'TRF-01'] },
      flows: [{ from: 'xa-h', to: 'xa-ncp', indicators: [X], confidence: 'reported' }],
    });
    expect(fragileCoverage(fg, 'XA')).toEqual([{ indicator: X, reasons: ['unconfirmed'] }]);
  });
});
