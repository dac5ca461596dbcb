// The map grouped by sector or type (issue 18, point 2), as the URL says it: `group` (sector or type; a
// country's map only), `open` (the groups drawn open) and `selectedGroup` (the group whose details are
// shown). The groups count what the filters leave. Picking a stakeholder inside a collapsed group (search,
// the stakeholder list, a flow's end) opens its group.
import { useCallback, useMemo } from 'react';
import { listParam, type SetSearchParams } from '../../lib/useSearchParams';
import type { MapGraph } from '../../graph/api/types';
import type { Scope } from '../../graph/elements';
import { groupByOf, groupKeyOf, groupMap, ownNcp } from '../../graph/grouping';
import { groupPlaces } from '../../graph/groupLayout';
import type { CanvasGrouping } from '../../graph/useCanvasGrouping';
import type { FilterResult } from './filters';

export const GROUP_PARAMS = ['group', 'open', 'selectedGroup'] as const;
type GroupParam = (typeof GROUP_PARAMS)[number];
type Patch = Partial<Record<'selected' | 'flow' | GroupParam, string | null>>;

export function useMapGroups(
  graph: MapGraph,
  scope: Scope,
  params: Readonly<Record<GroupParam, string | null>>,
  setParams: SetSearchParams<'selected' | 'flow' | GroupParam>,
  result: FilterResult,
) {
  const by = scope === 'country' ? groupByOf(params.group) : null;
  const openParam = params.open;
  const open = useMemo(() => new Set(listParam(openParam)), [openParam]);
  const places = useMemo(() => (by ? groupPlaces(graph.stakeholders, by) : null), [graph, by]);
  const grouped = useMemo(
    () => (by ? groupMap(graph, { by, open, visibleNodes: result.nodes, visibleFlows: result.flows }) : null),
    [graph, by, open, result],
  );
  const keyOf = useMemo(
    () => (by ? new Map(graph.stakeholders.map((s) => [s.id, groupKeyOf(s, by)])) : null),
    [graph, by],
  );
  const ncp = useMemo(() => ownNcp(graph.stakeholders), [graph]);

  /** The URL patch that shows these stakeholders on their own: their collapsed groups opened (the NCP always is). */
  const reveal = useCallback(
    (...ids: Array<string | null>): Patch => {
      const keys = new Set(open);
      for (const id of ids) {
        const key = id === null || id === ncp ? undefined : keyOf?.get(id);
        if (key !== undefined) keys.add(key);
      }
      return { selectedGroup: null, ...(keys.size > open.size ? { open: [...keys].join(',') } : {}) };
    },
    [open, keyOf, ncp],
  );

  /** Opens or collapses a group, and shows its details. */
  const setOpen = useCallback(
    (key: string, isOpen: boolean) => {
      const keys = [...open].filter((k) => k !== key);
      if (isOpen) keys.push(key);
      setParams({ open: keys.length ? keys.join(',') : null, selectedGroup: key, selected: null, flow: null });
    },
    [open, setParams],
  );
  const selectGroup = useCallback(
    (key: string | null) => setParams({ selectedGroup: key, selected: null, flow: null }),
    [setParams],
  );

  /** A group picked from the list (the keyboard's way): opened if collapsed, as a click on the map does. */
  const pickGroup = useCallback(
    (key: string) => {
      if (open.has(key)) selectGroup(key);
      else setOpen(key, true);
    },
    [open, selectGroup, setOpen],
  );

  const selectedGroup = grouped?.groups.find((g) => g.key === params.selectedGroup) ?? null;
  const selectedKey = selectedGroup?.key ?? null;
  const canvas = useMemo<CanvasGrouping | undefined>(
    () =>
      grouped && places
        ? {
            grouped,
            places,
            selected: selectedKey,
            onOpen: (key) => setOpen(key, true),
            onCollapse: (key) => setOpen(key, false),
          }
        : undefined,
    [grouped, places, selectedKey, setOpen],
  );
  return { by, grouped, selectedGroup, canvas, reveal, setOpen, selectGroup, pickGroup };
}
