// The details beside the map (MapScreen): the selected stakeholder's or flow's panel, with its edit
// actions when edit mode is on and the person may edit the item, or the reason they may not.
import type { RefObject } from 'react';
import type { SessionUser } from '@model/roles';
import { canEditItem, readOnlyReason } from '../../auth/permissions';
import type { EditRequest } from '../../edit/components/Editor';
import type { MapGraph } from '../../../graph/api/types';
import { DetailsPanel } from './DetailsPanel';
import { FlowDetails } from './FlowDetails';

interface Props {
  panelRef: RefObject<HTMLElement | null>;
  graph: MapGraph;
  stakeholder: MapGraph['stakeholders'][number] | undefined;
  flow: MapGraph['flows'][number] | undefined;
  indicatorNames: ReadonlyMap<string, string>;
  onSelect: (id: string | null) => void;
  onSelectFlow: (id: string) => void;
  onClose: () => void;
  onEditRequest: (request: EditRequest) => void;
  linkPreset: Readonly<Record<string, unknown>>;
  editMode: boolean;
  user: SessionUser | null;
  country: string;
  countryNames: ReadonlyMap<string, string>;
}

export function SelectionDetails({
  panelRef,
  graph,
  stakeholder: selected,
  flow: selectedFlow,
  indicatorNames,
  onSelect: select,
  onSelectFlow: selectFlow,
  onClose: close,
  onEditRequest: setRequest,
  linkPreset,
  editMode,
  user,
  country,
  countryNames,
}: Props) {
  const countryOf = (id: string) => graph.stakeholders.find((s) => s.id === id)?.country;
  const editSelected = editMode && selected !== undefined && canEditItem(user, [selected.country]);
  const editSelectedFlow =
    editMode &&
    selectedFlow !== undefined &&
    canEditItem(user, [countryOf(selectedFlow.from), countryOf(selectedFlow.to)]);
  return (
    <>
      {selected && (
        <DetailsPanel
          ref={panelRef}
          graph={graph}
          stakeholder={selected}
          indicatorNames={indicatorNames}
          onSelect={select}
          onSelectFlow={selectFlow}
          onClose={close}
          onEditRequest={editSelected ? setRequest : undefined}
          linkPreset={linkPreset}
          readOnlyNote={editMode && !editSelected ? readOnlyReason(user, 'edit', selected.country, countryNames) : null}
        />
      )}
      {selectedFlow && (
        <FlowDetails
          ref={panelRef}
          graph={graph}
          flow={selectedFlow}
          indicatorNames={indicatorNames}
          onSelect={select}
          onClose={close}
          onEditRequest={editSelectedFlow ? setRequest : undefined}
          readOnlyNote={
            editMode && !editSelectedFlow
              ? readOnlyReason(user, 'edit', countryOf(selectedFlow.from) ?? country, countryNames)
              : null
          }
        />
      )}
    </>
  );
}
