// One field of a form, by its widget: a labelled control, its hint, and its message when invalid
// (tied to the control with aria-invalid and aria-describedby, so a screen reader reads it too).
import { useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { humanize } from '../../../lib/format';
import { sortCountries } from '../../../components/CountryPicker';
import type { EditContext } from '../context';
import type { FieldSpec } from '../fields';
import type { FieldValue } from '../form';

export interface FieldProps {
  field: FieldSpec;
  /** The control's id; the hint and message ids derive from it. */
  id: string;
  value: FieldValue;
  error?: string;
  required: boolean;
  /** Read-only: the key of an item being edited. */
  locked?: boolean;
  context: EditContext;
  onChange: (value: FieldValue) => void;
  onBlur: () => void;
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

/** Calls `onBlur` when focus leaves a group of controls (not when it moves inside it). */
function groupBlur(onBlur: () => void) {
  return (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onBlur();
  };
}

function Label({ field, id, required }: { field: FieldSpec; id: string; required: boolean }) {
  return (
    <label htmlFor={id} className="edit-label">
      {field.label}
      {required && <span className="edit-required"> (required)</span>}
    </label>
  );
}

function Legend({ field, required }: { field: FieldSpec; required: boolean }) {
  return (
    <legend className="edit-label">
      {field.label}
      {required && <span className="edit-required"> (required)</span>}
    </legend>
  );
}

function Message({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="edit-error">
      {sentence(error)}
    </p>
  );
}

function Hint({ id, field }: { id: string; field: FieldSpec }) {
  if (!field.hint) return null;
  return (
    <p id={`${id}-hint`} className="edit-hint">
      {field.hint}
    </p>
  );
}

/** The ids of the hint and the message, for aria-describedby. */
function describedBy(id: string, field: FieldSpec, error?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', field.hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A filter box over a long list of choices. */
function useFilter<T>(items: readonly T[], text: (item: T) => string) {
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length ? items.filter((item) => words.every((w) => text(item).toLowerCase().includes(w))) : items;
  return { query, setQuery, shown };
}

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
  if (field.target === 'network') return [...ctx.networks].sort((a, b) => a.name.localeCompare(b.name)).map((n) => ({ id: n.id, label: n.name }));
  return [...ctx.interviews]
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((i) => ({ id: i.id, label: `${i.date} · ${names.get(i.stakeholder) ?? i.stakeholder} · round ${i.round} (${i.id})` }));
}

/** One item of the country, as a select with a filter box above it. */
function RefPicker({ field, id, value, error, required, locked, context, onChange, onBlur }: FieldProps) {
  const choices = useMemo(() => choicesOf(field, context), [field, context]);
  const { query, setQuery, shown } = useFilter(choices, (c) => `${c.label} ${c.id}`);
  const current = typeof value === 'string' ? value : '';
  // The chosen item stays listed whatever the filter (and so does an id not in this map).
  const chosen = current ? (choices.find((c) => c.id === current) ?? { id: current, label: current }) : null;
  const listed = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  return (
    <div className="edit-field">
      <Label field={field} id={id} required={required} />
      <Hint id={id} field={field} />
      <Message id={id} error={error} />
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

/** The box that narrows a long list of choices; Enter never submits the form (it may pick the first match). */
function FilterBox({ field, query, setQuery, onEnter }: { field: FieldSpec; query: string; setQuery: (q: string) => void; onEnter?: () => void }) {
  return (
    <input
      type="search"
      className="edit-filter"
      aria-label={`Filter the choices of ${field.label}`}
      placeholder="Type to filter…"
      value={query}
      onChange={(e) => setQuery(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        onEnter?.();
      }}
    />
  );
}

/** Several items of the country (interviews as evidence), as checkboxes with a filter box. */
function RefChecks({ field, id, value, error, required, context, onChange, onBlur }: FieldProps) {
  const choices = useMemo(() => choicesOf(field, context), [field, context]);
  const chosen = Array.isArray(value) ? value : [];
  const { query, setQuery, shown } = useFilter(choices, (c) => `${c.label} ${c.id}`);
  // Chosen items stay listed whatever the filter, and so do ids not in this map.
  const extra = chosen.filter((c) => !choices.some((x) => x.id === c)).map((c) => ({ id: c, label: c }));
  const listed = [...choices.filter((c) => chosen.includes(c.id) && !shown.includes(c)), ...shown, ...extra];
  return (
    <fieldset id={id} className="edit-field edit-group" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, field, error)} onBlur={groupBlur(onBlur)}>
      <Legend field={field} required={required} />
      <Hint id={id} field={field} />
      <Message id={id} error={error} />
      {choices.length > 6 && (
        <FilterBox field={field} query={query} setQuery={setQuery} />
      )}
      {listed.length === 0 ? (
        <p className="edit-hint">{choices.length === 0 ? 'None recorded for this country yet.' : 'No match.'}</p>
      ) : (
        <ul className="edit-checks edit-checks-list">
          {listed.map((c) => (
            <li key={c.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => onChange(toggle(chosen, c.id))} /> {c.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** Indicator codes, as checkboxes grouped by their first theme (as the map's filter lists them). */
function IndicatorChecks({ field, id, value, error, required, context, onChange, onBlur }: FieldProps) {
  const chosen = Array.isArray(value) ? value : [];
  const themes = context.reference?.themes ?? [];
  const indicators = context.reference?.indicators ?? [];
  const unknown = chosen.filter((c) => !indicators.some((i) => i.code === c));
  return (
    <fieldset id={id} className="edit-field edit-group" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, field, error)} onBlur={groupBlur(onBlur)}>
      <Legend field={field} required={required} />
      <Hint id={id} field={field} />
      <Message id={id} error={error} />
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
                    <input type="checkbox" checked={chosen.includes(i.code)} onChange={() => onChange(toggle(chosen, i.code))} />{' '}
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
                <input type="checkbox" checked onChange={() => onChange(toggle(chosen, code))} /> {code} (not in the catalogue)
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function MultiChecks({ field, id, value, error, required, onChange, onBlur }: FieldProps) {
  const chosen = Array.isArray(value) ? value : [];
  return (
    <fieldset id={id} className="edit-field edit-group" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, field, error)} onBlur={groupBlur(onBlur)}>
      <Legend field={field} required={required} />
      <Hint id={id} field={field} />
      <Message id={id} error={error} />
      <ul className="edit-checks edit-checks-inline">
        {(field.options ?? []).map((o) => (
          <li key={o}>
            <label>
              <input type="checkbox" checked={chosen.includes(o)} onChange={() => onChange(toggle(chosen, o))} /> {humanize(o)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Options({ field, required }: { field: FieldSpec; required: boolean }): ReactNode {
  const first = field.optional ? <option value="">Not recorded</option> : <option value="">{required ? 'Choose…' : '—'}</option>;
  if (field.groups) {
    return (
      <>
        {first}
        {field.groups.map((g) => (
          <optgroup key={g.label} label={humanize(g.label)}>
            {g.options.map((o) => (
              <option key={o} value={o}>
                {humanize(o)}
              </option>
            ))}
          </optgroup>
        ))}
      </>
    );
  }
  return (
    <>
      {first}
      {(field.options ?? []).map((o) => (
        <option key={o} value={o}>
          {humanize(o)}
        </option>
      ))}
    </>
  );
}

export function FieldControl(props: FieldProps) {
  const { field, id, value, error, required, locked, context, onChange, onBlur } = props;
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, field, error) } as const;
  const text = typeof value === 'string' ? value : '';
  switch (field.widget) {
    case 'ref':
      return <RefPicker {...props} />;
    case 'refs':
      return <RefChecks {...props} />;
    case 'indicators':
      return <IndicatorChecks {...props} />;
    case 'multi':
      return <MultiChecks {...props} />;
    case 'checkbox':
      return (
        <div className="edit-field edit-field-checkbox">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} onBlur={onBlur} {...aria} />
          <label htmlFor={id}>{field.label}</label>
          <Hint id={id} field={field} />
          <Message id={id} error={error} />
        </div>
      );
    case 'select':
    case 'tristate':
    case 'country':
      return (
        <div className="edit-field">
          <Label field={field} id={id} required={required} />
          <Hint id={id} field={field} />
          <Message id={id} error={error} />
          <select id={id} value={text} disabled={locked} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} {...aria}>
            {field.widget === 'select' && <Options field={field} required={required} />}
            {field.widget === 'tristate' && (
              <>
                <option value="">Not recorded</option>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </>
            )}
            {field.widget === 'country' && (
              <>
                <option value="">Choose…</option>
                {text && !context.countries.some((c) => c.code === text) && <option value={text}>{text}</option>}
                {sortCountries([...context.countries]).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </>
            )}
          </select>
        </div>
      );
    case 'textarea':
      return (
        <div className="edit-field">
          <Label field={field} id={id} required={required} />
          <Hint id={id} field={field} />
          <Message id={id} error={error} />
          <textarea id={id} rows={3} value={text} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} {...aria} />
        </div>
      );
    default:
      return (
        <div className="edit-field">
          <Label field={field} id={id} required={required} />
          <Hint id={id} field={field} />
          <Message id={id} error={error} />
          <input
            id={id}
            type={field.widget === 'date' ? 'date' : 'text'}
            inputMode={field.widget === 'number' ? 'numeric' : undefined}
            value={text}
            readOnly={locked}
            aria-readonly={locked || undefined}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
            {...aria}
          />
        </div>
      );
  }
}
