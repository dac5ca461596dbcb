// The list of what to correct before a form can be saved: each field's message as a link that moves
// the focus to the field, and the problems that belong to no field.
import type { FieldSpec } from '../fields';
import type { FieldErrors } from '../form';

interface Props {
  id: string;
  fields: readonly FieldSpec[];
  errors: FieldErrors;
  other: readonly string[];
  /** The control's id of a field (the link's target). */
  controlId: (name: string) => string;
  /** Moves the focus to a field (opening "More details" if it is in there). */
  onGoTo: (field: FieldSpec) => void;
}

export function ErrorSummary({ id, fields, errors, other, controlId, onGoTo }: Props) {
  const errorFields = fields.filter((f) => errors[f.name]);
  const count = errorFields.length + other.length;
  if (count === 0) return null;
  return (
    <div id={id} className="edit-summary" role="alert">
      <p>{count === 1 ? 'One thing to correct' : `${count} things to correct`} before saving:</p>
      <ul>
        {errorFields.map((f) => (
          <li key={f.name}>
            <a
              href={`#${controlId(f.name)}`}
              onClick={(e) => {
                e.preventDefault();
                onGoTo(f);
              }}
            >
              {f.label}
            </a>
            : {errors[f.name]}
          </li>
        ))}
        {other.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
