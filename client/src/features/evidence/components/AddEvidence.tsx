// "Add evidence": pick one of the country's interviews and add it to a flow's evidence. Adding is all
// the change does, so when the flow was changed meanwhile it is added to the saved version instead
// (and the person is told), which loses nothing.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import { formatDateTime } from '../../../lib/dates';
import { useUpdateEntity } from '../../edit/api/updateEntity';
import type { EditContext } from '../../edit/context';
import { entityOf, type StoredItem } from '../../edit/kinds';
import { SubmitCancel } from '../../edit/components/SubmitCancel';

interface Props {
  flow: StoredItem;
  context: EditContext;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function AddEvidence({ flow, context, onDone, onCancel }: Props) {
  const id = useId();
  const [interview, setInterview] = useState('');
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateEntity();
  const names = new Map(context.stakeholders.map((s) => [s.id, s.name]));
  const cited = new Set(Array.isArray(flow.evidence) ? (flow.evidence as string[]) : []);
  const choices = [...context.interviews].filter((i) => !cited.has(i.id)).sort((a, b) => b.date.localeCompare(a.date));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!interview) {
      setError('Choose an interview.');
      return;
    }
    setError(null);
    const add = (item: StoredItem) => {
      const evidence = Array.isArray(item.evidence) ? (item.evidence as string[]) : [];
      return { ...entityOf(item), evidence: evidence.includes(interview) ? evidence : [...evidence, interview] };
    };
    try {
      await update.mutateAsync({ kind: 'flow', entity: add(flow), version: flow.version });
      onDone('Evidence added.');
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.code === 'version_conflict' &&
        err.details.current &&
        typeof err.details.current === 'object'
      ) {
        const current = err.details.current as StoredItem;
        try {
          await update.mutateAsync({ kind: 'flow', entity: add(current), version: current.version });
          onDone(
            `${current.updatedBy} changed this flow at ${formatDateTime(current.updatedAt)}; the interview was added to their version.`,
          );
        } catch (again) {
          setError(again instanceof Error ? again.message : String(again));
        }
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    }
  }

  return (
    <form className="edit-form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="edit-field">
        <label htmlFor={id} className="edit-label">
          Interview
        </label>
        <select
          id={id}
          value={interview}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setInterview(e.target.value)}
        >
          <option value="">Choose…</option>
          {choices.map((i) => (
            <option key={i.id} value={i.id}>
              {i.date} · {names.get(i.stakeholder) ?? i.stakeholder} · round {i.round} ({i.id})
            </option>
          ))}
        </select>
        {choices.length === 0 && (
          <p className="edit-hint">No other interview of this country to add: record one first.</p>
        )}
        {error && (
          <p id={`${id}-error`} className="edit-error">
            {error}
          </p>
        )}
      </div>
      <SubmitCancel label="Add evidence" busyLabel="Adding…" busy={update.isPending} onCancel={onCancel} />
    </form>
  );
}
