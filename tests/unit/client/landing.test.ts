// The country a page opens on when its URL names none (client/src/lib/landing.ts, issue 18 point 8).
import { landingCountry } from '../../../client/src/lib/landing';
import type { CountrySummary } from '../../../client/src/graph/api/types';

const country = (code: string, name: string): CountrySummary => ({
  code,
  name,
  euMember: true,
  cbssMember: true,
  ncp: null,
  stakeholders: 1,
  flows: 0,
});
const COUNTRIES = [
  country('SE', 'Sweden'),
  country('DK', 'Denmark'),
  country('INT', 'International'),
  country('FI', 'Finland'),
];

describe('landingCountry', () => {
  test("when the account has countries, then the first of them that has a map is opened, in the account's order", () => {
    expect(landingCountry(['SE', 'FI'], COUNTRIES)).toBe('SE');
    expect(landingCountry(['FI', 'SE'], COUNTRIES)).toBe('FI');
    expect(landingCountry(['NO', 'FI'], COUNTRIES)).toBe('FI');
  });

  test('when the account has no country with a map, then the first national map by name is opened (never the international layer)', () => {
    expect(landingCountry([], COUNTRIES)).toBe('DK');
    expect(landingCountry(['NO'], COUNTRIES)).toBe('DK');
    expect(landingCountry([], [country('INT', 'International')])).toBeNull();
  });
});
