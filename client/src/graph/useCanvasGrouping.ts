// GraphCanvas's part of a grouped map: the elements of what is drawn (canvasGroups.ts), kept for the instance
// mountCanvas makes, and drawn onto the instance in place whenever a group opens or closes or a filter changes.
import type cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { MapGraph } from './api/types';
import { baseElements, drawGrouped, fresh, GROUPED, groupElements, type GroupedLive } from './canvasGroups';
import type { GroupedMap } from './grouping';
import type { GroupPlaces } from './groupLayout';
import { setFlag } from './canvasFlags';

export interface CanvasGrouping {
  grouped: GroupedMap;
  /** From groupPlaces: a new value lays the map out anew. */
  places: GroupPlaces;
  /** The group whose details are shown. */
  selected: string | null;
  /** A collapsed group was clicked; an open group's box was clicked. */
  onOpen: (key: string) => void;
  onCollapse: (key: string) => void;
}

export function useCanvasGrouping(
  cyRef: RefObject<cytoscape.Core | null>,
  graph: MapGraph,
  grouping: CanvasGrouping | undefined,
  generation: number,
) {
  const on = grouping !== undefined;
  const base = useMemo(() => (on ? baseElements(graph) : null), [graph, on]);
  const elements = useMemo(
    () => (grouping && base ? groupElements(grouping.grouped, grouping.places, base, grouping.selected) : null),
    [grouping, base],
  );
  const elementsRef = useRef(elements);
  const groupingRef = useRef(grouping);
  // Declared before GraphCanvas's instance effect, so a new instance starts from this render's drawing.
  useEffect(() => {
    elementsRef.current = elements;
    groupingRef.current = grouping;
  }, [elements, grouping]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !elements) return;
    setFlag(cy, GROUPED, grouping?.places.by);
    drawGrouped(cy, elements);
  }, [cyRef, elements, grouping, generation]);

  const live = useMemo<GroupedLive>(
    () => ({
      grouped: () => (elementsRef.current ? fresh(elementsRef.current) : null),
      onGroup: (key, action) => {
        const g = groupingRef.current;
        if (action === 'open') g?.onOpen(key);
        else g?.onCollapse(key);
      },
    }),
    [],
  );
  return { elements, places: grouping?.places ?? null, live };
}
