// The fields that choose among items or codes: one item of the country (a select with a filter), several
// (checkboxes with a filter), indicator codes by theme, and several values of an enumeration.
import { useMemo } from 'react';
import { humanize } from '../../../lib/format';
import type { EditContext } from '../context';
import type { FieldSpec } from '../fields';
import { CheckGroup, describedBy, FilterBox, Label, Notes, toggle, useFilter, type FieldProps } from './fieldParts';

interface Choice {
  id: string;
  label: string;
}

function choicesOf(field: FieldSpec, ctx: EditContext): Choice[] {
  const names = new Map(ctx.stakeholders.map((s) => [s.id, s.name]));
  if (field.target === 'stakeholder') {
    return [...ctx.stakeholders]
      .sort((a, b) => Number(a.external ?? false) - Number(b.external ?? false) || a.name.localeCompare(b.name))
      .map((s) => ({ id: s.id, label: s.external || s.country !== ctx.country ? `${s.name} (${s.country})` : s.name }));
  }
  if (field.target === 'network')
    return [...ctx.networks].sort((a, b) => a.name.localeCompare(b.name)).map((n) => ({ id: n.id, label: n.name }));
  return [...ctx.interviews]
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((i) => ({
      id: i.id,
      label: `${i.date} · ${names.get(i.stakeholder) ?? i.stakeholder} · round ${i.round} (${i.id})`,
    }));
}

/** One item of the country, as a select with a filter box above it. */
export function RefPicker({ field, id, value, error, required, locked, context, onChange, onBlur }: FieldProps) {
  const choices = useMemo(() => choicesOf(field, context), [field, context]);
  const { query, setQuery, shown } = useFilter(choices, (c) => `${c.label} ${c.id}`);
  const current = typeof value === 'string' ? value : '';
  // The chosen item stays listed whatever the filter (and so does an id not in this map).
  const chosen = current ? (choices.find((c) => c.id === current) ?? { id: current, label: current }) : null;
  const listed = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  return (
    <div className="edit-field">
      <Label field={field} id={id} required={required} />
      <Notes id={id} field={field} error={error} />
      {!locked && choices.length > 8 && (
        <FilterBox field={field} query={query} setQuery={setQuery} onEnter={() => shown[0] && onChange(shown[0].id)} />
      )}
      <select
        id={id}
        value={current}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, field, error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        <option value="">{shown.length === 0 && query ? 'No match' : 'Choose…'}</option>
        {listed.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Several items of the country (interviews as evidence), as checkboxes with a filter box. */
export function RefChecks({ field, id, value, error, required, context, onChange, onBlur }: FieldProps) {
  const choices = useMemo(() => choicesOf(field, context), [field, context]);
  const chosen = Array.isArray(value) ? value : [];
  const { query, setQuery, shown } = useFilter(choices, (c) => `${c.label} ${c.id}`);
  // Chosen items stay listed whatever the filter, and so do ids not in this map.
  const extra = chosen.filter((c) => !choices.some((x) => x.id === c)).map((c) => ({ id: c, label: c }));
  const listed = [...choices.filter((c) => chosen.includes(c.id) && !shown.includes(c)), ...shown, ...extra];
  return (
    <CheckGroup field={field} id={id} error={error} required={required} onBlur={onBlur}>
      {choices.length > 6 && <FilterBox field={field} query={query} setQuery={setQuery} />}
      {listed.length === 0 ? (
        <p className="edit-hint">{choices.length === 0 ? 'None recorded for this country yet.' : 'No match.'}</p>
      ) : (
        <ul className="edit-checks edit-checks-list">
          {listed.map((c) => (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(c.id)}
                  onChange={() => onChange(toggle(chosen, c.id))}
                />{' '}
                {c.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </CheckGroup>
  );
}

/** Indicator codes, as checkboxes grouped by their first theme (as the map's filter lists them). */
export function IndicatorChecks({ field, id, value, error, required, context, onChange, onBlur }: FieldProps) {
  const chosen = Array.isArray(value) ? value : [];
  const themes = context.reference?.themes ?? [];
  const indicators = context.reference?.indicators ?? [];
  const unknown = chosen.filter((c) => !indicators.some((i) => i.code === c));
  return (
    <CheckGroup field={field} id={id} error={error} required={required} onBlur={onBlur}>
      {indicators.length === 0 && <p className="edit-hint">Loading the indicator catalogue…</p>}
      {themes.map((t) => {
        const own = indicators.filter((i) => i.themes[0] === t.code);
        if (own.length === 0) return null;
        return (
          <fieldset key={t.code} className="edit-theme">
            <legend>{t.name}</legend>
            <ul className="edit-checks">
              {own.map((i) => (
                <li key={i.code}>
                  <label title={i.description ?? i.name}>
                    <input
                      type="checkbox"
                      checked={chosen.includes(i.code)}
                      onChange={() => onChange(toggle(chosen, i.code))}
                    />{' '}
                    <span className="edit-code">{i.code}</span> {i.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      {unknown.length > 0 && (
        <ul className="edit-checks">
          {unknown.map((code) => (
            <li key={code}>
              <label>
                <input type="checkbox" checked onChange={() => onChange(toggle(chosen, code))} /> {code} (not in the
                catalogue)
              </label>
            </li>
          ))}
        </ul>
      )}
    </CheckGroup>
  );
}

export function MultiChecks({ field, id, value, error, required, onChange, onBlur }: FieldProps) {
  const chosen = Array.isArray(value) ? value : [];
  return (
    <CheckGroup field={field} id={id} error={error} required={required} onBlur={onBlur}>
      <ul className="edit-checks edit-checks-inline">
        {(field.options ?? []).map((o) => (
          <li key={o}>
            <label>
              <input type="checkbox" checked={chosen.includes(o)} onChange={() => onChange(toggle(chosen, o))} />{' '}
              {humanize(o)}
            </label>
          </li>
        ))}
      </ul>
    </CheckGroup>
  );
}
