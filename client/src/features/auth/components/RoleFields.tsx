// The role of an account and, for an NCP, its countries: shared by "Add an account" and "Change".
import { useId } from 'react';
import { INTERNATIONAL } from '@model/countries';
import { sortCountries } from '../../../components/CountryPicker';
import type { CountrySummary } from '../../../graph/api/types';
import { ROLES, type Role } from '../api/types';
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from '../permissions';

interface Props {
  role: Role;
  countries: readonly string[];
  allCountries: readonly CountrySummary[];
  onRole: (role: Role) => void;
  onCountries: (codes: string[]) => void;
  errors: { role?: string; countries?: string };
}

export function RoleFields({ role, countries, allCountries, onRole, onCountries, errors }: Props) {
  const id = useId();
  const national = sortCountries(allCountries).filter((c) => c.code !== INTERNATIONAL);
  const toggle = (code: string) =>
    onCountries(
      countries.includes(code)
        ? countries.filter((c) => c !== code)
        : national.map((c) => c.code).filter((c) => c === code || countries.includes(c)),
    );
  return (
    <>
      <div className="auth-field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={role}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={`${id}-role-hint${errors.role ? ` ${id}-role-error` : ''}`}
          onChange={(e) => onRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_NAMES[r]}: {ROLE_DESCRIPTIONS[r]}
            </option>
          ))}
        </select>
        <span id={`${id}-role-hint`} className="field-hint">
          Viewers never see contact details or flows that carry personal data.
        </span>
        {errors.role && (
          <span id={`${id}-role-error`} className="field-error">
            {errors.role}
          </span>
        )}
      </div>
      {role === 'ncp' && (
        <fieldset
          className="auth-countries"
          aria-invalid={errors.countries ? true : undefined}
          aria-describedby={errors.countries ? `${id}-countries-error` : undefined}
        >
          <legend>Countries this NCP edits</legend>
          <div className="auth-country-list">
            {national.map((c) => (
              <label key={c.code}>
                <input type="checkbox" checked={countries.includes(c.code)} onChange={() => toggle(c.code)} />
                <span>
                  {c.name} ({c.code})
                </span>
              </label>
            ))}
          </div>
          {errors.countries && (
            <span id={`${id}-countries-error`} className="field-error">
              {errors.countries}
            </span>
          )}
        </fieldset>
      )}
    </>
  );
}
