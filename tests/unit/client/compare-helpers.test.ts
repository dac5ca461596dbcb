// The pure helpers behind the compare view: the selection read from the URL, sorting with missing
// values, number formats, role matrix grids and the heat map colours (text always readable).
import { contrast, heatColors, heatFill } from '../../../client/src/features/compare/heat';
import {
  formatValue,
  metricOf,
  METRICS,
  scaleMax,
  type CountryMetrics,
} from '../../../client/src/features/compare/metrics';
import { roleGrid, roleLabel } from '../../../client/src/features/compare/roles';
import {
  countriesParam,
  nextSort,
  selectedCountries,
  sortDirOf,
  sortKeyOf,
  sortRows,
  unknownCountries,
} from '../../../client/src/features/compare/selection';

const row = (country: string, over: Partial<CountryMetrics> = {}): CountryMetrics => ({
  country,
  stakeholders: 10,
  flows: 12,
  density: 0.1,
  reciprocity: 0.2,
  meanDegree: 1.2,
  degreeCentralization: 0.3,
  betweennessCentralization: 0.1,
  weakComponents: 1,
  strongComponents: 8,
  sectors: 6,
  basisShare: { statutory: 0.5, agreement: 0.25, project: 0.125, informal: 0.125 },
  personDependentShare: 0.1,
  coverageRatio: 0.5,
  referenceCoverage: 0.4,
  meanHopsToNcp: 1.5,
  ncpBetweennessRank: 2,
  networks: 1,
  crossBorderChannels: 3,
  ...over,
});
const names: Record<string, string> = { SE: 'Sweden', NO: 'Norway', FI: 'Finland', DK: 'Denmark' };
const nameOf = (code: string) => names[code] ?? code;

describe('selection from the URL', () => {
  const available = ['DK', 'FI', 'NO', 'SE'];

  test('when the URL names no countries (or an empty list), then every available country is compared', () => {
    expect(selectedCountries(null, available)).toEqual(available);
    expect(selectedCountries('', available)).toEqual(available);
  });

  test('when the URL names some, in any case and order, then those are compared in the list order; unknown codes are reported', () => {
    expect(selectedCountries('se,NO, fi,XQ', available)).toEqual(['FI', 'NO', 'SE']);
    expect(unknownCountries('se,NO,XQ,xq', available)).toEqual(['XQ']);
  });

  test('when the selection is every country, then the parameter is dropped; otherwise it lists them in order', () => {
    expect(countriesParam(['SE', 'DK', 'NO', 'FI'], available)).toBeNull();
    expect(countriesParam(['SE', 'FI'], available)).toBe('FI,SE');
  });

  test('when the selection is cleared, then the URL says "none" and reads back as no country, not as all', () => {
    expect(countriesParam([], available)).toBe('none');
    expect(selectedCountries('none', available)).toEqual([]);
    expect(unknownCountries('none', available)).toEqual([]);
  });

  test('when sort and dir are missing or unknown, then countries sort A to Z and metrics highest first', () => {
    expect(sortKeyOf(null)).toBe('country');
    expect(sortKeyOf('nonsense')).toBe('country');
    expect(sortKeyOf('density')).toBe('density');
    expect(sortDirOf(null, 'country')).toBe('asc');
    expect(sortDirOf('sideways', 'density')).toBe('desc');
    expect(sortDirOf('asc', 'density')).toBe('asc');
  });

  test('when the sorted column is clicked again, then its direction flips; another column starts in its default direction', () => {
    expect(nextSort({ key: 'density', dir: 'desc' }, 'density')).toEqual({ key: 'density', dir: 'asc' });
    expect(nextSort({ key: 'density', dir: 'asc' }, 'country')).toEqual({ key: 'country', dir: 'asc' });
    expect(nextSort({ key: 'country', dir: 'asc' }, 'flows')).toEqual({ key: 'flows', dir: 'desc' });
  });
});

describe('sortRows', () => {
  const rows = [
    row('SE', { density: 0.2, meanHopsToNcp: null, ncpBetweennessRank: null }),
    row('NO', { density: 0.1, meanHopsToNcp: 2 }),
    row('FI', { density: 0.2, meanHopsToNcp: 1 }),
    row('DK', { density: 0.05, meanHopsToNcp: null }),
  ];

  test('when sorted by a metric, then ties keep name order, in both directions', () => {
    expect(sortRows(rows, 'density', 'desc', nameOf).map((r) => r.country)).toEqual(['FI', 'SE', 'NO', 'DK']);
    expect(sortRows(rows, 'density', 'asc', nameOf).map((r) => r.country)).toEqual(['DK', 'NO', 'FI', 'SE']);
  });

  test('when some values are missing, then those rows come last in either direction', () => {
    expect(sortRows(rows, 'meanHopsToNcp', 'asc', nameOf).map((r) => r.country)).toEqual(['FI', 'NO', 'DK', 'SE']);
    expect(sortRows(rows, 'meanHopsToNcp', 'desc', nameOf).map((r) => r.country)).toEqual(['NO', 'FI', 'DK', 'SE']);
  });

  test('when sorted by country, then by name, not by code', () => {
    expect(sortRows(rows, 'country', 'asc', nameOf).map((r) => r.country)).toEqual(['DK', 'FI', 'NO', 'SE']);
  });
});

describe('metrics', () => {
  test('every field of the API row has a metric (the basis shares one each), with an explanation', () => {
    const keys = METRICS.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(21);
    for (const m of METRICS) expect(m.explanation.length).toBeGreaterThan(30);
    const values = METRICS.map((m) => m.value(row('SE')));
    expect(values).toEqual([
      10, 12, 0.1, 0.2, 1.2, 0.3, 0.1, 1, 8, 6, 0.5, 0.25, 0.125, 0.125, 0.1, 0.5, 0.4, 1.5, 2, 1, 3,
    ]);
  });

  test('when a value is formatted, then shares are percentages, indices and means have two decimals, counts none', () => {
    expect(formatValue(metricOf('density')!, 0.054022988)).toBe('5.4%');
    expect(formatValue(metricOf('degreeCentralization')!, 0.26108)).toBe('0.26');
    expect(formatValue(metricOf('meanHopsToNcp')!, 1.1764)).toBe('1.18');
    expect(formatValue(metricOf('crossBorderChannels')!, 1234)).toBe('1,234');
    expect(formatValue(metricOf('coverageRatio')!, null)).toBe('–');
  });

  test('when a country has no NCP, then the missing values say so; with an NCP, the reason is the other one', () => {
    const noNcp = row('SE', {
      coverageRatio: null,
      referenceCoverage: null,
      meanHopsToNcp: null,
      ncpBetweennessRank: null,
    });
    for (const key of ['coverageRatio', 'referenceCoverage', 'meanHopsToNcp', 'ncpBetweennessRank']) {
      expect(metricOf(key)!.missing!(noNcp)).toMatch(/no national contact point/);
    }
    expect(metricOf('meanHopsToNcp')!.missing!(row('SE', { meanHopsToNcp: null }))).toMatch(
      /no kind of information reaches the NCP/,
    );
  });

  test('when every value is 0 or missing, then the bar scale still has a positive end', () => {
    expect(scaleMax([0, null])).toBe(1);
    expect(scaleMax([0.2, 0.5, null])).toBe(0.5);
  });
});

describe('roleGrid', () => {
  const matrix = { 'police>prosecution': 0.5, 'ngo>police': 0.25, 'child_welfare>police': 0.25, 'police>police': 0 };
  const order = ['police', 'prosecution', 'child_welfare', 'ngo'];

  test('when a matrix is laid out, then senders and receivers follow the catalogue order and zero entries are left out', () => {
    const grid = roleGrid(matrix, order);

    expect(grid.rows).toEqual(['police', 'child_welfare', 'ngo']);
    expect(grid.cols).toEqual(['police', 'prosecution']);
    expect(grid.share('ngo', 'police')).toBe(0.25);
    expect(grid.share('ngo', 'prosecution')).toBe(0);
    expect(grid.max).toBe(0.5);
    expect(grid.entries.map((e) => `${e.from}>${e.to}`)).toEqual([
      'police>prosecution',
      'child_welfare>police',
      'ngo>police',
    ]);
  });

  test('when a type is not in the catalogue order, then it goes last, by name', () => {
    expect(roleGrid({ 'zeta>police': 0.5, 'alpha>police': 0.5 }, order).rows).toEqual(['alpha', 'zeta']);
  });

  test('when a code is an acronym, then its label keeps the capitals', () => {
    expect(roleLabel('ngo')).toBe('NGO');
    expect(roleLabel('child_welfare')).toBe('Child welfare');
  });
});

describe('heat colours', () => {
  test('when t runs from 0 to 1, then the fill darkens from near white to dark blue, clamped outside', () => {
    expect(heatFill(0)).toBe('#f7fbff');
    expect(heatFill(1)).toBe('#08306b');
    expect(heatFill(-1)).toBe('#f7fbff');
    expect(heatFill(2)).toBe('#08306b');
  });

  test('whatever the value, then the text colour contrasts at least 4.5:1 with the fill (WCAG AA)', () => {
    for (let i = 0; i <= 100; i++) {
      const { fill, text } = heatColors(i / 100);
      expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
