// The pieces every field of a form is made of: its label (or legend), hint and message, tied to the
// control with aria-invalid and aria-describedby; a group of checkboxes; the filter over a long list.
import { useState, type FocusEvent, type ReactNode } from 'react';
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

export function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

/** Calls `onBlur` when focus leaves a group of controls (not when it moves inside it). */
function groupBlur(onBlur: () => void) {
  return (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) onBlur();
  };
}

export function Label({ field, id, required }: { field: FieldSpec; id: string; required: boolean }) {
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
export function describedBy(id: string, field: FieldSpec, error?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', field.hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The hint and the message under a label. */
export function Notes({ id, field, error }: { id: string; field: FieldSpec; error?: string }) {
  return (
    <>
      <Hint id={id} field={field} />
      <Message id={id} error={error} />
    </>
  );
}

/** A field made of several checkboxes: a fieldset with its legend, hint and message; leaving it counts as a blur. */
export function CheckGroup({
  field,
  id,
  error,
  required,
  onBlur,
  children,
}: Pick<FieldProps, 'field' | 'id' | 'error' | 'required' | 'onBlur'> & { children: ReactNode }) {
  return (
    <fieldset
      id={id}
      className="edit-field edit-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, field, error)}
      onBlur={groupBlur(onBlur)}
    >
      <Legend field={field} required={required} />
      <Notes id={id} field={field} error={error} />
      {children}
    </fieldset>
  );
}

/** A filter box over a long list of choices. */
export function useFilter<T>(items: readonly T[], text: (item: T) => string) {
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length ? items.filter((item) => words.every((w) => text(item).toLowerCase().includes(w))) : items;
  return { query, setQuery, shown };
}

/** The box that narrows a long list of choices; Enter never submits the form (it may pick the first match). */
export function FilterBox({
  field,
  query,
  setQuery,
  onEnter,
}: {
  field: FieldSpec;
  query: string;
  setQuery: (q: string) => void;
  onEnter?: () => void;
}) {
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
