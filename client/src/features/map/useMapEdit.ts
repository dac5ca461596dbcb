// Edit mode on the map as React state: the editor's request (add, change, delete, a flow drawn by
// dragging), what new links start with while an interview is active, and the status line a saved edit
// leaves.
import { useCallback, useMemo, useState } from 'react';
import type { EditOutcome, EditRequest } from '../edit/components/Editor';
import { describeCounts } from '../edit/kinds';

/** What a saved edit did, in a sentence for the status line. */
export function outcomeText(o: EditOutcome): string {
  if (o.action === 'deleted') {
    const others = { ...(o.result?.deleted ?? {}) };
    if (others[o.kind]) others[o.kind] = (others[o.kind] ?? 1) - 1;
    const also = describeCounts(others);
    const updated = describeCounts(o.result?.updated ?? {});
    return `Deleted ${o.title}${also ? ` and ${also}` : ''}${updated ? `; updated ${updated}` : ''}.`;
  }
  return `${o.action === 'created' ? 'Added' : 'Saved'} ${o.title}.`;
}

/**
 * `interviewId`: the interview whose findings are being entered (new flows and reporting lines cite it).
 * `onDeleted`: called with the kind and id of a deleted item (the view closes its details).
 */
export function useMapEdit(interviewId: string | null, onDeleted: (kind: string, id: unknown) => void) {
  const [request, setRequest] = useState<EditRequest | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // With an interview active, new flows and reporting lines cite it; a flow reported in an interview is "reported".
  const linkPreset = useMemo(
    () => (interviewId ? { evidence: [interviewId], confidence: 'reported' } : {}),
    [interviewId],
  );
  const drawFlow = useCallback(
    (from: string, to: string) =>
      setRequest({
        type: 'create',
        kind: 'flow',
        preset: { from, to, ...linkPreset },
        note: 'Drawn on the map: choose what it carries and on which basis.',
      }),
    [linkPreset],
  );
  const onEdited = (o: EditOutcome) => {
    setStatus(outcomeText(o));
    if (o.action === 'deleted') onDeleted(o.kind, o.item.id);
  };
  return { request, setRequest, status, setStatus, linkPreset, drawFlow, onEdited };
}
