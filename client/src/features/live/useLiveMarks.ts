// What the map marks live (issue 15 points 2 and 3), for GraphCanvas (graph/canvasLive.ts): the stakeholders and
// flows of `graph` that a change just touched (they flash once the map has the change), and those whose edit form
// someone else has open (a badge: username and role only).
import { useCallback, useMemo } from 'react';
import type { ChangeEvent } from '@model/api-events';
import type { LiveMarks } from '../../graph/canvasLive';
import type { MapGraph } from '../../graph/api/types';
import { beingEdited, editorsOf, useOthersPresent } from './presence';
import { useLiveFlash } from './useLiveFlash';

export function useLiveMarks(graph: MapGraph): LiveMarks {
  const shows = useCallback(
    (c: ChangeEvent) =>
      c.action !== 'delete' &&
      ((c.kind === 'stakeholder' && graph.stakeholders.some((s) => s.id === c.key)) ||
        (c.kind === 'flow' && graph.flows.some((f) => f.id === c.key))),
    [graph],
  );
  const flashing = useLiveFlash(graph, shows);
  const others = useOthersPresent();
  return useMemo(() => {
    const editing = (kind: string) => {
      const marks = new Map<string, string>();
      for (const p of others)
        if (p.editing?.kind === kind) marks.set(p.editing.key, beingEdited(editorsOf(others, kind, p.editing.key)));
      return marks;
    };
    const changed = (kind: string) => new Set(flashing.filter((c) => c.kind === kind).map((c) => c.key));
    return {
      changedNodes: changed('stakeholder'),
      changedFlows: changed('flow'),
      editingNodes: editing('stakeholder'),
      editingFlows: editing('flow'),
    };
  }, [flashing, others]);
}
