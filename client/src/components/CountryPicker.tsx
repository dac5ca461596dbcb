// The country select in the header: national maps by name, then the international layer.
import type { CountrySummary } from '../graph/api/types';
import { INTERNATIONAL } from '@model/countries';

interface Props {
  countries: CountrySummary[];
  value: string | null;
  onChange: (code: string) => void;
}

export function sortCountries(countries: readonly CountrySummary[]): CountrySummary[] {
  return [...countries].sort(
    (a, b) => Number(a.code === INTERNATIONAL) - Number(b.code === INTERNATIONAL) || a.name.localeCompare(b.name),
  );
}

/** The map to open when the URL names none: the first national map by name. */
export function defaultCountry(countries: readonly CountrySummary[]): string | null {
  return sortCountries(countries).find((c) => c.code !== INTERNATIONAL)?.code ?? null;
}

export function CountryPicker({ countries, value, onChange }: Props) {
  const sorted = sortCountries(countries);
  const known = value !== null && sorted.some((c) => c.code === value);
  return (
    <label className="country-picker">
      <span>Country</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {!known && (
          <option value={value ?? ''} disabled>
            {value ? `${value} (unknown)` : 'Choose a country'}
          </option>
        )}
        {sorted.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
            {c.illustrative ? ' (illustrative)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
