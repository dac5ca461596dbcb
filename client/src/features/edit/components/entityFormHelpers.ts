// Small pure helpers of EntityForm: control ids and the form's error bookkeeping.
import type { FieldErrors, FieldValue } from '../form';

export const controlId = (formId: string, name: string) => `${formId}-${name.replace(/\./g, '-')}`;

/** The errors with a field's message set (or removed when there is none). */
export function withMessage(errors: FieldErrors, name: string, message: string | undefined): FieldErrors {
  const copy = { ...errors };
  if (message) copy[name] = message;
  else delete copy[name];
  return copy;
}

export function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
