// Details of a group of a grouped map: what it holds (its stakeholders, the flows inside it, out of it and into
// it, of those the map shows), the button that opens or collapses it, and its members, each a way to its details.
import type { Ref } from 'react';
import { HiddenNotice } from '../../../components/HiddenNotice';
import { DetailsHead } from './DetailsHead';
import type { GraphStakeholder } from '../../../graph/api/types';
import type { GroupBy, GroupSummary } from '../../../graph/grouping';

interface Props {
  ref?: Ref<HTMLElement>;
  group: GroupSummary;
  by: GroupBy;
  byId: ReadonlyMap<string, GraphStakeholder>;
  /** Flows of the map the viewer may not see (personal data): not counted here. */
  hiddenFlows: number | undefined;
  filtered: boolean;
  onToggle: (key: string, open: boolean) => void;
  onSelect: (id: string) => void;
  onClose: () => void;
}

export function GroupDetails({ ref, group: g, by, byId, hiddenFlows, filtered, onToggle, onSelect, onClose }: Props) {
  return (
    <aside ref={ref} className="details group-details" aria-labelledby="group-heading">
      <DetailsHead headingId="group-heading" itemId={g.key} onClose={onClose}>
        {g.name}
      </DetailsHead>
      <p className="muted">
        A group of the map grouped by {by}
        {g.ncp ? '; it holds the NCP, drawn on its own beside it' : ''}.
      </p>
      <button type="button" className="map-button" aria-expanded={g.open} onClick={() => onToggle(g.key, !g.open)}>
        {g.open ? 'Collapse the group' : 'Open the group'}
      </button>
      <dl className="facts group-counts">
        <dt>Stakeholders</dt>
        <dd>{g.members.length}</dd>
        <dt>Flows inside</dt>
        <dd>{g.inside}</dd>
        <dt>Flows out</dt>
        <dd>{g.out}</dd>
        <dt>Flows in</dt>
        <dd>{g.in}</dd>
      </dl>
      <p className="muted">
        The counts are of the flows the map shows{filtered ? ' with the filters on' : ''}: the flows you may see.
      </p>
      <HiddenNotice flows={hiddenFlows} where="in this map" counts="The counts above leave them out." />
      <section aria-labelledby="group-members">
        <h3 id="group-members">Members ({g.members.length})</h3>
        <ul className="details-list group-members">
          {g.members.map((id) => (
            <li key={id}>
              <button type="button" className="link" onClick={() => onSelect(id)}>
                <bdi>{byId.get(id)?.name ?? id}</bdi>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
