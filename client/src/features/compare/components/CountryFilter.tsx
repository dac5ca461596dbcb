// Which national countries to compare: a checkbox each, and "all" to reset (the URL's `countries`).
import type { CountrySummary } from '../../../graph/api/types';

interface Props {
  countries: readonly CountrySummary[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Codes in the URL that are not national maps. */
  unknown: readonly string[];
}

export function CountryFilter({ countries, selected, onChange, unknown }: Props) {
  const chosen = new Set(selected);
  const toggle = (code: string, on: boolean) =>
    onChange(countries.map((c) => c.code).filter((c) => (c === code ? on : chosen.has(c))));
  return (
    <fieldset className="compare-filter">
      <legend>
        Countries compared ({selected.length} of {countries.length})
      </legend>
      <ul>
        {countries.map((c) => (
          <li key={c.code}>
            <label>
              <input type="checkbox" checked={chosen.has(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />
              {c.name} <span className="muted">{c.code}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="compare-filter-actions">
        <button
          type="button"
          onClick={() => onChange(countries.map((c) => c.code))}
          disabled={selected.length === countries.length}
        >
          All countries
        </button>
        <button type="button" onClick={() => onChange([])} disabled={selected.length === 0}>
          Clear
        </button>
      </div>
      {unknown.length > 0 && (
        <p className="compare-note" role="note">
          Not compared: {unknown.join(', ')} {unknown.length === 1 ? 'is' : 'are'} not a national map in Flow Atlas.
        </p>
      )}
    </fieldset>
  );
}
