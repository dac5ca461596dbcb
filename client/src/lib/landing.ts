// The country a page opens on when its URL names none: an account's own country (an NCP's first country in
// its account's list that has a map), else the first national map by name.
import type { CountrySummary } from '../graph/api/types';
import { defaultCountry } from '../components/CountryPicker';

export function landingCountry(own: readonly string[], countries: readonly CountrySummary[]): string | null {
  const mapped = new Set(countries.map((c) => c.code));
  return own.find((code) => mapped.has(code)) ?? defaultCountry(countries);
}
