// One field of a form, by its widget: a labelled control, its hint, and its message when invalid
// (tied to the control with aria-invalid and aria-describedby, so a screen reader reads it too). The
// choosing widgets are in ChoiceFields.tsx, the pieces of every field in fieldParts.tsx.
import type { ReactNode } from 'react';
import { humanize } from '../../../lib/format';
import { sortCountries } from '../../../components/CountryPicker';
import type { FieldSpec } from '../fields';
import { IndicatorChecks, MultiChecks, RefChecks, RefPicker } from './ChoiceFields';
import { describedBy, Label, Notes, type FieldProps } from './fieldParts';

function Options({ field, required }: { field: FieldSpec; required: boolean }): ReactNode {
  const first = field.optional ? (
    <option value="">Not recorded</option>
  ) : (
    <option value="">{required ? 'Choose…' : '—'}</option>
  );
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
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            onBlur={onBlur}
            {...aria}
          />
          <label htmlFor={id}>{field.label}</label>
          <Notes id={id} field={field} error={error} />
        </div>
      );
    case 'select':
    case 'tristate':
    case 'country':
      return (
        <div className="edit-field">
          <Label field={field} id={id} required={required} />
          <Notes id={id} field={field} error={error} />
          <select
            id={id}
            value={text}
            disabled={locked}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
            {...aria}
          >
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
          <Notes id={id} field={field} error={error} />
          <textarea
            id={id}
            rows={3}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
            {...aria}
          />
        </div>
      );
    default:
      return (
        <div className="edit-field">
          <Label field={field} id={id} required={required} />
          <Notes id={id} field={field} error={error} />
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
