// Details of one stakeholder: what it is, the datasets it holds, its reporting lines and networks, and
// its flows out and in. In edit mode, with the actions that change them.
import type { Ref } from 'react';
import { humanize } from '../../../lib/format';
import type { EditRequest } from '../../edit/components/Editor';
import type { GraphFlow, GraphStakeholder, MapGraph } from '../../../graph/api/types';
import { NetworksSection, ReportingLinesSection, StakeholderActions } from './StakeholderEditing';
import { ItemActions } from '../../edit/components/ItemActions';
import { DetailsHead } from './DetailsHead';
import { FlowRows, Indicators } from './FlowRows';

interface Props {
  ref?: Ref<HTMLElement>;
  graph: MapGraph;
  stakeholder: GraphStakeholder;
  /** Indicator code -> name, from the reference catalogue (may be empty while it loads). */
  indicatorNames: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
  onSelectFlow: (flowId: string) => void;
  onClose: () => void;
  /** Edit mode: asks the editor to create, edit or delete an item. */
  onEditRequest?: (request: EditRequest) => void;
  /** Values a new flow or reporting line starts with (the active interview as evidence). */
  linkPreset?: Readonly<Record<string, unknown>>;
  /** In edit mode, why this stakeholder cannot be changed by the signed-in user. */
  readOnlyNote?: string | null;
}

const NO_PRESET: Readonly<Record<string, unknown>> = {};

interface FlowTableProps {
  title: string;
  headingId: string;
  flows: GraphFlow[];
  direction: 'out' | 'in';
  byId: ReadonlyMap<string, GraphStakeholder>;
  names: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
  onSelectFlow: (flowId: string) => void;
}

function FlowTable({ title, headingId, flows, direction, byId, names, onSelect, onSelectFlow }: FlowTableProps) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} ({flows.length})
      </h3>
      {flows.length === 0 ? (
        <p className="muted">None recorded in this map.</p>
      ) : (
        <FlowRows
          flows={flows}
          ends={direction}
          byId={byId}
          indicatorNames={names}
          onSelect={onSelect}
          onSelectFlow={onSelectFlow}
        />
      )}
    </section>
  );
}

export function DetailsPanel({
  ref,
  graph,
  stakeholder: s,
  indicatorNames,
  onSelect,
  onSelectFlow,
  onClose,
  onEditRequest,
  linkPreset = NO_PRESET,
  readOnlyNote,
}: Props) {
  const byId = new Map(graph.stakeholders.map((x) => [x.id, x]));
  const datasets = graph.datasets.filter((d) => d.holder === s.id);
  const flowsOut = graph.flows.filter((f) => f.from === s.id);
  const flowsIn = graph.flows.filter((f) => f.to === s.id);

  return (
    <aside ref={ref} className="details" aria-labelledby="details-heading">
      <DetailsHead headingId="details-heading" itemId={s.id} kind="stakeholder" onClose={onClose}>
        {s.name}
      </DetailsHead>
      {readOnlyNote && <p className="note read-only-note">{readOnlyNote}</p>}
      {onEditRequest && <StakeholderActions stakeholder={s} linkPreset={linkPreset} onRequest={onEditRequest} />}
      {s.ncp && <p className="badge badge-ncp">National contact point (NCP){s.external ? ` of ${s.country}` : ''}</p>}
      {s.external && (
        <p className="note">
          Foreign stakeholder ({s.country}): only its flows with {graph.country?.name ?? 'this country'} are shown here;
          its datasets are on the map of {s.country}.
        </p>
      )}
      <dl className="facts">
        <dt>Type</dt>
        <dd>{humanize(s.type)}</dd>
        <dt>Sector</dt>
        <dd>{humanize(s.sector)}</dd>
        <dt>Level</dt>
        <dd>{humanize(s.level)}</dd>
        <dt>Country</dt>
        <dd>{s.country}</dd>
      </dl>
      {s.description && <p className="description">{s.description}</p>}

      <section aria-labelledby="details-datasets">
        <h3 id="details-datasets">Datasets held ({datasets.length})</h3>
        {datasets.length === 0 ? (
          <p className="muted">None recorded in this map.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Indicators</th>
                <th scope="col">Granularity</th>
                <th scope="col">Frequency</th>
                {onEditRequest && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>
                    <Indicators codes={d.indicators} names={indicatorNames} />
                  </td>
                  <td>{humanize(d.granularity)}</td>
                  <td>{humanize(d.frequency)}</td>
                  {onEditRequest && (
                    <td className="details-row-actions">
                      <ItemActions kind="dataset" item={d} what={`the dataset ${d.name}`} onRequest={onEditRequest} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <ReportingLinesSection graph={graph} stakeholder={s} onRequest={onEditRequest} />
      <NetworksSection graph={graph} stakeholder={s} onRequest={onEditRequest} />

      <FlowTable
        title="Flows out"
        headingId="details-flows-out"
        flows={flowsOut}
        direction="out"
        byId={byId}
        names={indicatorNames}
        onSelect={onSelect}
        onSelectFlow={onSelectFlow}
      />
      <FlowTable
        title="Flows in"
        headingId="details-flows-in"
        flows={flowsIn}
        direction="in"
        byId={byId}
        names={indicatorNames}
        onSelect={onSelect}
        onSelectFlow={onSelectFlow}
      />
    </aside>
  );
}
