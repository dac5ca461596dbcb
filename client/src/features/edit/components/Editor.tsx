// What a view asks the editor to do (create, edit or delete an item), and the dialog that does it.
// Views keep one request in their state; saving or deleting reports back and closes the dialog.
import { mayLeave } from '../../../lib/unsavedChanges';
import type { DeleteResult } from '../api/deleteEntity';
import { itemTitle, type EditContext } from '../context';
import { KIND_NOUN, type EditKind, type StoredItem } from '../kinds';
import '../edit.css';
import { DeleteConfirm } from './DeleteConfirm';
import { EditDialog } from './EditDialog';
import { EntityForm } from './EntityForm';
import { textOf } from '../../../lib/format';

export type EditRequest =
  | {
      type: 'create';
      kind: EditKind;
      preset?: Readonly<Record<string, unknown>>;
      /** A line under the title ("Drawn on the map", "Entering findings from ..."). */
      note?: string;
      /** What to open once it is saved (a network created for a membership: the membership). */
      then?: (saved: StoredItem) => EditRequest | null;
    }
  | {
      type: 'edit';
      kind: EditKind;
      item: StoredItem;
      note?: string;
      /** Changes the form opens with over the item's values (an indicator a suggestion adds): unsaved until saved. */
      preset?: Readonly<Record<string, unknown>>;
    }
  | { type: 'delete'; kind: EditKind; item: StoredItem };

export interface EditOutcome {
  action: 'created' | 'updated' | 'deleted';
  kind: EditKind;
  /** The saved item; for a delete, the item as it was. */
  item: StoredItem;
  title: string;
  result?: DeleteResult;
}

interface Props {
  request: EditRequest;
  context: EditContext;
  /** Closes the dialog, or opens the next request. */
  onClose: (next?: EditRequest | null) => void;
  onDone?: (outcome: EditOutcome) => void;
}

export function Editor({ request, context, onClose, onDone }: Props) {
  const noun = KIND_NOUN[request.kind].one;
  if (request.type === 'delete') {
    const title = itemTitle(request.kind, request.item, context);
    return (
      <EditDialog title={`Delete ${noun}`} role="alertdialog" onClose={() => onClose()}>
        <DeleteConfirm
          kind={request.kind}
          item={request.item}
          title={title}
          onCancel={() => onClose()}
          onDeleted={(result) => {
            onDone?.({ action: 'deleted', kind: request.kind, item: request.item, title, result });
            onClose();
          }}
        />
      </EditDialog>
    );
  }
  // Closing the form (×, Escape, Cancel) asks first when it has unsaved changes; saving closes it at once.
  const leave = () => {
    if (mayLeave()) onClose();
  };
  const editing = request.type === 'edit';
  const heading = editing ? `Edit ${noun}: ${itemTitle(request.kind, request.item, context)}` : `New ${noun}`;
  return (
    <EditDialog title={heading} subtitle={request.note} onClose={leave}>
      <EntityForm
        // A new request is a new form.
        key={editing ? `edit:${request.kind}:${textOf(request.item.id ?? '')}` : `create:${request.kind}`}
        kind={request.kind}
        item={editing ? request.item : undefined}
        preset={request.preset}
        context={context}
        onCancel={leave}
        onSaved={(item) => {
          onDone?.({
            action: editing ? 'updated' : 'created',
            kind: request.kind,
            item,
            title: itemTitle(request.kind, item, context),
          });
          onClose(request.type === 'create' && request.then ? request.then(item) : null);
        }}
      />
    </EditDialog>
  );
}
