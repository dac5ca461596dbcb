// Shown when someone else saved the item while this person was editing it (409 version_conflict):
// field by field, their change and what was saved meanwhile, the differences marked; then "Keep mine"
// (save again over the new version) or "Take theirs" (reload the form with what was saved).
import { useEffect, useId, useRef } from 'react';
import { formatDateTime as formatTime } from '../../../lib/dates';
import type { ConflictRow } from '../form';

interface Props {
  rows: readonly ConflictRow[];
  updatedBy: string;
  updatedAt: string;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

export function ConflictPanel({ rows, updatedBy, updatedAt, busy, onKeepMine, onTakeTheirs }: Props) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const differing = rows.filter((r) => r.differs);
  // Every field with a value on either side, so nothing is lost silently; fields empty on both sides are left out.
  const shown = rows.filter((r) => r.differs || r.mine || r.theirs);
  const theirs = `Saved meanwhile by ${updatedBy} at ${formatTime(updatedAt)}`;

  useEffect(() => {
    headingRef.current?.focus();
  }, [updatedAt]);

  return (
    <section className="edit-conflict" aria-labelledby={headingId} role="group">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Changed meanwhile by {updatedBy}
      </h3>
      <p>
        {updatedBy} saved this item at {formatTime(updatedAt)}, after you opened it.{' '}
        {differing.length === 0
          ? 'Their version has the same values as yours.'
          : `${differing.length} field${differing.length === 1 ? ' differs' : 's differ'}: ${differing.map((r) => r.label).join(', ')}.`}{' '}
        Keep your change (it replaces theirs) or take theirs (your change is discarded).
      </p>
      <div className="edit-conflict-scroll">
        <table>
          <caption className="visually-hidden">Your change and what was saved meanwhile, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your change</th>
              <th scope="col">{theirs}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.name} className={r.differs ? 'differs' : undefined}>
                <th scope="row">
                  {r.label}
                  {r.differs && <span className="edit-differs"> (differs)</span>}
                </th>
                <td>{r.mine || <span className="muted">empty</span>}</td>
                <td>{r.theirs || <span className="muted">empty</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="edit-actions">
        <button type="button" className="edit-primary" disabled={busy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
    </section>
  );
}
