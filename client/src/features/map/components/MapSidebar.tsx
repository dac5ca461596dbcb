// The map's sidebar: the filters, the legend and the stakeholder list. The theme filters come with the
// reference lists: the sidebar waits for them, so nothing in it moves when they arrive.
import { Loading } from '../../../components/States';
import type { GraphStakeholder, ReferenceResponse } from '../../../graph/api/types';
import type { MapFilters } from '../filters';
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
}: Props) {
  return (
    <div className="sidebar">
      {loading ? (
        <Loading>Loading the filters…</Loading>
      ) : (
        <>
          <FilterPanel filters={filters} reference={reference} onChange={onFilters} />
          <Legend extras={{ countryBoxes: region, holders: filters.indicator, path }} />
          <StakeholderList stakeholders={stakeholders} selectedId={selectedId} onSelect={onSelect} region={region} />
        </>
      )}
    </div>
  );
}
