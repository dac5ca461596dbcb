// An open edit form hears of a change to its item as it happens (issue 15), before its person saves into a
// conflict: someone else's save shows the form's conflict panel ("Changed meanwhile by X", field by field, with
// "Keep mine" and "Take theirs"), a delete says who deleted the item. While it is open, the tab's presence says
// which item it edits.
import { useEffect, useRef } from 'react';
import { apiFetch } from '../../lib/apiFetch';
import { itemUrl, type EditKind, type StoredItem } from '../edit/kinds';
import { onChange } from './feed';
import { setEditing } from './presence';

/** The key the change feed names an item by (a membership: `stakeholder|network`). */
export function feedKeyOf(kind: EditKind, item: Readonly<Record<string, unknown>>): string {
  return kind === 'membership' ? `${String(item.stakeholder)}|${String(item.network)}` : String(item.id);
}

export interface MeanwhileHandlers {
  /** The item as saved now, when its version is no longer the one the form holds. */
  changed(current: StoredItem): void;
  /** The item was deleted (`by`: who, when the user may know). */
  deleted(by: string | null): void;
}

/** Follows the item an edit form holds (none for a new item); `version`: the version the form would save over. */
export function useChangedMeanwhile(
  kind: EditKind,
  item: StoredItem | undefined,
  version: number | undefined,
  handlers: MeanwhileHandlers,
): void {
  const latest = useRef({ version, handlers });
  useEffect(() => {
    latest.current = { version, handlers };
  });
  useEffect(() => {
    if (!item) return;
    const key = feedKeyOf(kind, item);
    const url = itemUrl(kind, item);
    let live = true;
    setEditing({ kind, key }); // others see who has the item's form open (presence)
    const stop = onChange((change) => {
      if (change.kind !== kind || change.key !== key) return;
      if (change.action === 'delete') {
        latest.current.handlers.deleted(change.actor);
        return;
      }
      apiFetch<StoredItem>(url)
        .then((current) => {
          if (live && current.version !== latest.current.version) latest.current.handlers.changed(current);
        })
        .catch(() => {}); // gone or unreachable: saving will say so
    });
    return () => {
      live = false;
      stop();
      setEditing(null);
    };
  }, [kind, item]);
}

/** What the form says when its item was deleted while it was open. */
export function deletedMeanwhile(noun: string, by: string | null): string {
  return `This ${noun} was deleted${by ? ` by ${by}` : ''} since you opened it. Close the form; your change cannot be saved.`;
}
