// Small pure helpers of EntityForm: control ids, the form's error bookkeeping and a new item's id.
import type { EditContext } from '../context';
import type { FieldErrors, FieldValue, FormValues } from '../form';
import { suggestId } from '../ids';
import type { EditKind } from '../kinds';

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

/** A new item's missing id, made from its name or the next free number (the values as they are when it has one). */
export function withSuggestedId(kind: EditKind, v: FormValues, context: EditContext): FormValues {
  if (!isEmpty(v.id)) return v;
  const country = typeof v.country === 'string' && v.country ? v.country : context.country;
  const id = suggestId(kind, country, typeof v.name === 'string' ? v.name : '', context.takenIds);
  return id ? { ...v, id } : v;
}
