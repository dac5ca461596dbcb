// Deleting an item: a confirmation that names it; when others depend on it (409 has_dependants), what
// depends on it ("3 flows, 1 dataset, 2 memberships") and the choice to delete it with them or not.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/apiFetch';
import { formatDateTime as formatTime } from '../../../lib/dates';
import { useDeleteEntity, type DeleteResult } from '../api/deleteEntity';
import { describeCounts, kindNoun, KIND_NOUN, type EditKind, type StoredItem } from '../kinds';

interface Props {
  kind: EditKind;
  item: StoredItem;
  /** What the item is called ("Police Authority", "Police Authority → Migration Agency"). */
  title: string;
  onDeleted: (result: DeleteResult) => void;
  onCancel: () => void;
}

/** Kinds whose dependants only lose a reference (evidence) rather than being deleted with them. */
const CITED: ReadonlySet<EditKind> = new Set(['interview']);

export function DeleteConfirm({ kind, item, title, onDeleted, onCancel }: Props) {
  const [version, setVersion] = useState(item.version);
  const [dependants, setDependants] = useState<Record<string, number> | null>(null);
  const [changed, setChanged] = useState<StoredItem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useDeleteEntity();
  const noun = KIND_NOUN[kind].one;
  const dependantsRef = useRef<HTMLDivElement>(null);

  // The button that was pressed is replaced: focus goes to what now needs reading.
  useEffect(() => {
    if (dependants) dependantsRef.current?.focus();
  }, [dependants]);

  async function run(cascade: boolean) {
    setFailure(null);
    try {
      onDeleted(await remove.mutateAsync({ kind, item, version, cascade }));
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.code === 'has_dependants' &&
        err.details.dependants &&
        typeof err.details.dependants === 'object'
      ) {
        setDependants(err.details.dependants as Record<string, number>);
      } else if (
        err instanceof ApiError &&
        err.code === 'version_conflict' &&
        err.details.current &&
        typeof err.details.current === 'object'
      ) {
        const current = err.details.current as StoredItem;
        setChanged(current);
        setVersion(current.version);
      } else {
        setFailure(err instanceof Error ? err.message : String(err));
      }
    }
  }

  const busy = remove.isPending;
  return (
    <div className="edit-delete">
      {!dependants && (
        <p>
          Delete the {noun} <strong>{title}</strong>? This cannot be undone here (the history keeps what it was).
        </p>
      )}
      {changed && (
        <p className="edit-note" role="status">
          {changed.updatedBy} changed it at {formatTime(changed.updatedAt)}, after you opened it. Delete it as it is
          now?
        </p>
      )}
      {dependants && (
        <div role="alert" className="edit-dependants" ref={dependantsRef} tabIndex={-1}>
          <p>
            <strong>{title}</strong> {CITED.has(kind) ? 'is cited by' : 'has items that depend on it'}:{' '}
            {describeCounts(dependants)}.
          </p>
          <ul>
            {Object.entries(dependants)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => (
                <li key={k}>
                  {n} {kindNoun(k, n)}
                </li>
              ))}
          </ul>
          <p>
            {CITED.has(kind)
              ? 'Deleting it removes it from their evidence; they stay on the map.'
              : `Deleting it deletes these too (flows citing a deleted interview only lose that citation).`}
          </p>
        </div>
      )}
      {failure && (
        <p className="edit-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="edit-actions">
        {dependants ? (
          <button type="button" className="edit-danger" disabled={busy} onClick={() => void run(true)}>
            {CITED.has(kind) ? 'Delete it and remove it from these' : 'Delete it and these'}
          </button>
        ) : (
          <button type="button" className="edit-danger" disabled={busy} onClick={() => void run(false)}>
            {busy ? 'Deleting…' : `Delete ${noun}`}
          </button>
        )}
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
