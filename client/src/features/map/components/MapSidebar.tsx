// The map's sidebar: the filters, the legend and the stakeholder list. The theme filters come with the
// reference lists: the sidebar waits for them, so nothing in it moves when they arrive. On a narrow
// screen (map.css) it is a drawer: a button above the map opens it over the map's right side, and
// "Close", Escape or the button again shut it, so that the map keeps the screen.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Loading } from '../../../components/States';
import type { GraphStakeholder, ReferenceResponse } from '../../../graph/api/types';
import { activeFilterCount, type MapFilters } from '../filters';
import { FilterPanel } from './FilterPanel';
import { Legend } from './Legend';
import { StakeholderList } from './StakeholderList';

interface Props {
  /** While the reference lists load (they may also have failed: the filters then offer what they can). */
  loading: boolean;
  reference: ReferenceResponse | undefined;
  filters: MapFilters;
  onFilters: (filters: MapFilters) => void;
  region: boolean;
  /** Whether a path to the NCP is drawn (its key is shown in the legend). */
  path: boolean;
  stakeholders: GraphStakeholder[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** A grouped map's list of groups, above the stakeholders. */
  groupList?: ReactNode;
}

export function MapSidebar({
  loading,
  reference,
  filters,
  onFilters,
  region,
  path,
  stakeholders,
  selectedId,
  onSelect,
  groupList,
}: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  // Opened, the drawer takes the focus (its Close button); on a wide screen the button is not shown.
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  const count = activeFilterCount(filters);
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  return (
    <div className={`sidebar${open ? ' sidebar-open' : ''}`}>
      <button
        ref={toggleRef}
        type="button"
        className="sidebar-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Filters and legend{count > 0 ? ` (${count} on)` : ''}
      </button>
      <div
        id={panelId}
        className="sidebar-panel"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) close();
        }}
      >
        <button ref={closeRef} type="button" className="sidebar-close" onClick={close}>
          Close filters
        </button>
        {loading ? (
          <Loading>Loading the filters…</Loading>
        ) : (
          <>
            <FilterPanel filters={filters} reference={reference} onChange={onFilters} />
            <Legend extras={{ countryBoxes: region, holders: filters.indicator, path }} />
            {groupList}
            <StakeholderList stakeholders={stakeholders} selectedId={selectedId} onSelect={onSelect} region={region} />
          </>
        )}
      </div>
    </div>
  );
}
