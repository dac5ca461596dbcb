// The pure helpers behind the gaps and NCP views: grouping by theme, ratios read off the matrix,
// status and brokerage wording, ordinals and the reading of Burt's constraint.
import { percent } from '../../../server/model/format';
import {
  cellSymbol,
  countryRatios,
  countStatuses,
  groupByTheme,
  statusWords,
  type CoverageStatus,
} from '../../../client/src/features/gaps/matrix';
import { brokerageMeaning, constraintMeaning, ordinal } from '../../../client/src/features/ncp/explain';

const cells = (...statuses: CoverageStatus[]) => statuses.map((status) => ({ status }));

describe('groupByTheme', () => {
  const themes = [
    { code: 'A', name: 'Alpha' },
    { code: 'B', name: 'Beta' },
    { code: 'C', name: 'Gamma' },
  ];
  const catalogue = [
    { code: 'X-1', name: 'one', themes: ['B', 'A'] },
    { code: 'X-2', name: 'two', themes: ['A'] },
    { code: 'X-3', name: 'three', themes: ['B'] },
  ];

  test('when an indicator is in several themes, then it appears once, under its first theme; themes keep catalogue order', () => {
    const groups = groupByTheme(['X-1', 'X-2', 'X-3'], catalogue, themes);

    expect(groups.map((g) => [g.name, g.indicators.map((i) => i.code)])).toEqual([
      ['Alpha', ['X-2']],
      ['Beta', ['X-1', 'X-3']],
    ]);
  });

  test('when the matrix names an indicator the catalogue lacks, then it goes to "Other" at the end, by its code', () => {
    const groups = groupByTheme(['X-9', 'X-2'], catalogue, themes);

    expect(groups.map((g) => [g.name, g.indicators])).toEqual([
      ['Alpha', [{ code: 'X-2', name: 'two' }]],
      ['Other', [{ code: 'X-9', name: 'X-9' }]],
    ]);
  });
});

describe('countryRatios', () => {
  test('when 3 of 4 collected indicators reach or are held by the NCP out of 5, then coverage is 3/4 and reference coverage 3/5', () => {
    const r = countryRatios(
      cells('held_by_ncp', 'reaches_ncp', 'reaches_ncp', 'collected_not_reaching', 'not_collected'),
      5,
    );

    expect(r.coverageRatio).toBeCloseTo(0.75, 10);
    expect(r.referenceCoverage).toBeCloseTo(0.6, 10);
  });

  test('when nothing is collected, then the coverage ratio is null (never NaN) and reference coverage 0', () => {
    expect(countryRatios(cells('not_collected', 'not_collected'), 2)).toEqual({
      coverageRatio: null,
      referenceCoverage: 0,
    });
  });

  test('when the country has no NCP, then both ratios are null', () => {
    expect(countryRatios(cells('no_ncp', 'no_ncp'), 2)).toEqual({ coverageRatio: null, referenceCoverage: null });
  });
});

describe('status wording', () => {
  test('when a cell reaches the NCP, then it shows and says its hop count, singular or plural', () => {
    expect(cellSymbol('reaches_ncp', 2)).toBe('2');
    expect(statusWords('reaches_ncp', 1)).toBe('reaches the NCP in 1 hop');
    expect(statusWords('reaches_ncp', 3)).toBe('reaches the NCP in 3 hops');
  });

  test('when a cell has another status, then its symbol is not a number, so colour is not the only signal', () => {
    for (const s of ['held_by_ncp', 'collected_not_reaching', 'not_collected', 'no_ncp'] as const) {
      expect(cellSymbol(s)).toMatch(/^\D$/);
    }
    expect(
      new Set((['held_by_ncp', 'collected_not_reaching', 'not_collected', 'no_ncp'] as const).map((s) => cellSymbol(s)))
        .size,
    ).toBe(4);
  });

  test('countStatuses counts each status and percent rounds, with n/a for null', () => {
    expect(countStatuses(cells('held_by_ncp', 'held_by_ncp', 'no_ncp'))).toEqual({
      held_by_ncp: 2,
      reaches_ncp: 0,
      collected_not_reaching: 0,
      not_collected: 0,
      no_ncp: 1,
    });
    expect(percent(0.7096)).toBe('71%');
    expect(percent(null)).toBe('n/a');
  });
});

describe('NCP wording', () => {
  test('ordinal: 1st, 2nd, 3rd, 4th, 11th-13th, 21st, 22nd, 111th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '111th',
    ]);
  });

  test('when the constraint is 1/k, then it reads as k independent contacts; 1 or more reads as a single contact; null as no contacts', () => {
    expect(constraintMeaning(0.25)).toContain('about 4 equally important contacts');
    expect(constraintMeaning(0.1396)).toContain('about 7 equally important contacts');
    expect(constraintMeaning(1)).toContain('single contact');
    expect(constraintMeaning(null)).toContain('no contacts');
  });

  test("the gatekeeper role names the NCP's own sector", () => {
    expect(brokerageMeaning('gatekeeper', 'governance')).toBe(
      'Receives from other sectors and passes on to its own sector (governance).',
    );
  });
});
