// The pair of small buttons beside an item in a list: edit it (or change it) and delete it (or remove it).
import type { EditKind, StoredItem } from '../kinds';
import type { EditRequest } from './Editor';

interface Props {
  kind: EditKind;
  item: StoredItem;
  /** What the item is, for the buttons' accessible names: "the dataset Case register". */
  what: string;
  onRequest: (request: EditRequest) => void;
  /** Visible words, when "Edit" and "Delete" do not fit (a membership: "Change role", "Remove"). */
  labels?: { edit: string; delete: string; editAria?: string; deleteAria?: string };
}

export function ItemActions({ kind, item, what, onRequest, labels }: Props) {
  return (
    <span className="details-row-actions">
      <button
        type="button"
        className="link"
        aria-label={labels?.editAria ?? `Edit ${what}`}
        onClick={() => onRequest({ type: 'edit', kind, item })}
      >
        {labels?.edit ?? 'Edit'}
      </button>{' '}
      <button
        type="button"
        className="link"
        aria-label={labels?.deleteAria ?? `Delete ${what}`}
        onClick={() => onRequest({ type: 'delete', kind, item })}
      >
        {labels?.delete ?? 'Delete'}
      </button>
    </span>
  );
}
