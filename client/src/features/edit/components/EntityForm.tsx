// The form of any kind, driven by its field spec (fields.ts): validated on blur and on submit with the
// kind's shared zod schema, the server's problems shown on the same fields, and a version conflict
// shown side by side (ConflictPanel) until the person keeps their change or takes the saved one.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import { useUnsavedChanges } from '../../../lib/unsavedChanges';
import { useCreateEntity } from '../api/createEntity';
import { useUpdateEntity } from '../api/updateEntity';
import { nameResolver, type EditContext } from '../context';
import { FORM_FIELDS, type FieldSpec } from '../fields';
import {
  conflictRows,
  errorsFromProblems,
  requiredFields,
  schemaDefaults,
  toFormValues,
  validateField,
  validateForm,
  type FieldErrors,
  type FieldValue,
  type FormValues,
} from '../form';
import { KIND_NOUN, type EditKind, type StoredItem } from '../kinds';
import { ConflictPanel } from './ConflictPanel';
import { EditingToo } from '../../live/PresenceBar';
import { deletedMeanwhile, feedKeyOf, useChangedMeanwhile } from '../../live/useChangedMeanwhile';
import { controlId, isEmpty, withMessage, withSuggestedId } from './entityFormHelpers';
import { ErrorSummary } from './ErrorSummary';
import { FieldControl } from './FieldControl';
import { FormFooter } from './FormFooter';

interface Props {
  kind: EditKind;
  /** The stored item to edit; absent to create one. */
  item?: StoredItem;
  /**
   * Values a new item starts with (its country, the ends of a drawn flow, the active interview); for an item to edit,
   * changes the form opens with (unsaved work until saved).
   */
  preset?: Readonly<Record<string, unknown>>;
  context: EditContext;
  onSaved: (item: StoredItem) => void;
  onCancel: () => void;
}

export function EntityForm({ kind, item, preset, context, onSaved, onCancel }: Props) {
  const fields = FORM_FIELDS[kind];
  const editing = item !== undefined;
  const formId = useId().replace(/:/g, '');
  const required = useMemo(() => requiredFields(kind, fields), [kind, fields]);
  const nameOf = useMemo(() => nameResolver(context), [context]);
  const [values, setValues] = useState<FormValues>(() =>
    toFormValues(fields, { ...(item ?? schemaDefaults(kind)), ...preset }),
  );
  // The values the form opened with (an item's own, without the changes preset on it): any difference is unsaved
  // work, and leaving asks first.
  const [opened] = useState(() => (item && preset ? toFormValues(fields, item) : values));
  useUnsavedChanges(useMemo(() => JSON.stringify(values) !== JSON.stringify(opened), [values, opened]));
  const [version, setVersion] = useState(item?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [summary, setSummary] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<StoredItem | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const focusNext = useRef<string | null>(null);
  // Bumped to draw again when only a focus move is pending.
  const [, setFocusTick] = useState(0);
  const create = useCreateEntity();
  const update = useUpdateEntity();
  const busy = create.isPending || update.isPending;
  const main = fields.filter((f) => !f.more);
  const more = fields.filter((f) => f.more);
  const idField = fields.some((f) => f.name === 'id');

  // Focus the first field with a message once it is drawn (inside "More details" if need be).
  useEffect(() => {
    const name = focusNext.current;
    if (!name) return;
    focusNext.current = null;
    const el = document.getElementById(controlId(formId, name));
    const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input') : el;
    target?.focus();
  });

  function showErrors(next: FieldErrors, nextOther: string[] = []) {
    setErrors(next);
    setOther(nextOther);
    setSummary(Object.keys(next).length > 0 || nextOther.length > 0);
    const first = fields.find((f) => next[f.name]);
    if (first) {
      if (first.more) setMoreOpen(true);
      focusNext.current = first.name;
    }
  }

  const withId = (v: FormValues) => (editing || !idField ? v : withSuggestedId(kind, v, context));
  // Someone else's save or delete of this item shows at once, before a save runs into it (issue 15).
  useChangedMeanwhile(kind, item, version, {
    changed: setConflict,
    deleted: (by) => setFailure(deletedMeanwhile(KIND_NOUN[kind].one, by)),
  });

  function change(field: FieldSpec, value: FieldValue) {
    const next = { ...values, [field.name]: value };
    setValues(next);
    // A message goes as soon as the field is right; new ones wait for blur or submit.
    if (errors[field.name]) {
      const message = validateField(kind, fields, next, field.name);
      setErrors((e) => withMessage(e, field.name, message));
    }
  }

  function blur(field: FieldSpec) {
    // A new item's empty id is made on saving, so it is not an error yet.
    if (field.name === 'id' && !editing && isEmpty(values.id)) return;
    const message = validateField(kind, fields, values, field.name);
    setErrors((e) => ((e[field.name] ?? undefined) === message ? e : withMessage(e, field.name, message)));
  }

  async function save(expectedVersion: number | undefined, current: FormValues = values) {
    setFailure(null);
    const v = withId(current);
    if (v !== current) setValues(v);
    const result = validateForm(kind, fields, v);
    if (!result.entity) {
      const found = { ...result.errors };
      // Without a name there is no id to make: the name's message says what to do.
      if (!editing && isEmpty(v.id) && found.name) delete found.id;
      showErrors(found, result.other);
      return;
    }
    try {
      const saved = editing
        ? await update.mutateAsync({ kind, entity: result.entity, version: expectedVersion ?? 0 })
        : await create.mutateAsync({ kind, entity: result.entity });
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setFailure(err instanceof Error ? err.message : String(err));
        return;
      }
      if (err.status === 400 && err.problems.length) {
        const mapped = errorsFromProblems(fields, err.problems);
        showErrors(mapped.errors, mapped.other);
      } else if (err.code === 'version_conflict' && err.details.current && typeof err.details.current === 'object') {
        setConflict(err.details.current as StoredItem);
      } else if (err.code === 'already_exists') {
        const keyField = kind === 'membership' ? 'network' : 'id';
        showErrors({
          [keyField]:
            kind === 'membership'
              ? 'this stakeholder is already a member of this network'
              : `'${String(v.id)}' is taken: choose another id`,
        });
      } else if (err.status === 404 && editing) {
        setFailure(
          `This ${KIND_NOUN[kind].one} was deleted meanwhile (${err.message}). Close the form; your change cannot be saved.`,
        );
      } else {
        setFailure(err.message);
      }
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    void save(version);
  }

  function keepMine() {
    if (!conflict) return;
    const next = conflict.version;
    setVersion(next);
    setConflict(null);
    void save(next);
  }

  function takeTheirs() {
    if (!conflict) return;
    setValues(toFormValues(fields, conflict));
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
    setSummary(false);
  }

  const renderField = (field: FieldSpec) => (
    <FieldControl
      key={field.name}
      field={field}
      id={controlId(formId, field.name)}
      value={values[field.name] ?? ''}
      error={errors[field.name]}
      required={required.has(field.name)}
      locked={editing && field.key}
      context={context}
      onChange={(value) => change(field, value)}
      onBlur={() => blur(field)}
    />
  );

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={submit}
      aria-describedby={summary ? `${formId}-summary` : undefined}
    >
      <EditingToo kind={kind} itemKey={item && feedKeyOf(kind, item)} />
      {conflict && (
        <ConflictPanel
          rows={conflictRows(fields, values, conflict, nameOf)}
          updatedBy={conflict.updatedBy}
          updatedAt={conflict.updatedAt}
          busy={busy}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      {summary && (
        <ErrorSummary
          id={`${formId}-summary`}
          fields={fields}
          errors={errors}
          other={other}
          controlId={(name) => controlId(formId, name)}
          onGoTo={(f) => {
            if (f.more) setMoreOpen(true);
            focusNext.current = f.name;
            setFocusTick((t) => t + 1);
          }}
        />
      )}
      {main.map(renderField)}
      {more.length > 0 && (
        <details className="edit-more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary>More details{more.some((f) => errors[f.name]) ? ' (has a problem)' : ''}</summary>
          {more.map(renderField)}
        </details>
      )}
      <FormFooter
        failure={failure}
        saveLabel={conflict ? null : busy ? 'Saving…' : editing ? 'Save changes' : `Save ${KIND_NOUN[kind].one}`}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
