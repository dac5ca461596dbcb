// The parts of a stakeholder's details that edit mode adds or makes editable: the actions on the
// stakeholder itself, its reporting lines, and the networks it is a member of (memberships).
import { humanize } from '../../../lib/format';
import type { EditRequest } from '../../edit/components/Editor';
import { ItemActions } from '../../edit/components/ItemActions';
import type { StoredItem } from '../../edit/kinds';
import type { GraphStakeholder, MapGraph } from '../../../graph/api/types';

interface ActionsProps {
  stakeholder: GraphStakeholder;
  /** Values a new flow or reporting line starts with (the active interview as evidence). */
  linkPreset: Readonly<Record<string, unknown>>;
  onRequest: (request: EditRequest) => void;
}

export function StakeholderActions({ stakeholder: s, linkPreset, onRequest }: ActionsProps) {
  return (
    <div className="details-actions" role="group" aria-label={`Edit ${s.name}`}>
      <button
        type="button"
        className="edit-button"
        onClick={() => onRequest({ type: 'edit', kind: 'stakeholder', item: s })}
      >
        Edit
      </button>
      <button
        type="button"
        className="edit-button"
        onClick={() => onRequest({ type: 'delete', kind: 'stakeholder', item: s })}
      >
        Delete
      </button>
      <button
        type="button"
        className="edit-button"
        onClick={() => onRequest({ type: 'create', kind: 'dataset', preset: { holder: s.id } })}
      >
        Add dataset it holds
      </button>
      <button
        type="button"
        className="edit-button"
        onClick={() => onRequest({ type: 'create', kind: 'reportingLine', preset: { from: s.id, ...linkPreset } })}
      >
        Add reporting line
      </button>
      <button
        type="button"
        className="edit-button"
        onClick={() => onRequest({ type: 'create', kind: 'flow', preset: { from: s.id, ...linkPreset } })}
      >
        New flow from here
      </button>
    </div>
  );
}

interface SectionProps {
  graph: MapGraph;
  stakeholder: GraphStakeholder;
  /** Present in edit mode. */
  onRequest?: (request: EditRequest) => void;
}

export function ReportingLinesSection({ graph, stakeholder: s, onRequest }: SectionProps) {
  const names = new Map(graph.stakeholders.map((x) => [x.id, x.name]));
  const lines = graph.reportingLines.filter((r) => r.from === s.id || r.to === s.id);
  if (lines.length === 0 && !onRequest) return null;
  return (
    <section aria-labelledby="details-reporting">
      <h3 id="details-reporting">Reporting lines ({lines.length})</h3>
      {lines.length === 0 ? (
        <p className="muted">None recorded in this map.</p>
      ) : (
        <ul className="details-list">
          {lines.map((r) => {
            const text =
              r.from === s.id
                ? `Reports to ${names.get(r.to) ?? r.to}`
                : `${names.get(r.from) ?? r.from} reports to it`;
            return (
              <li key={r.id}>
                <span>
                  {text} <span className="muted">({humanize(r.kind).toLowerCase()})</span>
                </span>
                {onRequest && (
                  <ItemActions
                    kind="reportingLine"
                    item={r}
                    what={`the reporting line: ${text}`}
                    onRequest={onRequest}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function NetworksSection({ graph, stakeholder: s, onRequest }: SectionProps) {
  const networks = new Map(graph.networks.map((n) => [n.id, n]));
  const memberships = graph.memberships.filter((m) => m.stakeholder === s.id);
  if (memberships.length === 0 && !onRequest) return null;
  // A network created from here opens the membership form for it next.
  const joinNew = (network: StoredItem): EditRequest => ({
    type: 'create',
    kind: 'membership',
    preset: { stakeholder: s.id, network: network.id, role: 'member' },
    note: `Add ${s.name} to the network just created.`,
  });
  return (
    <section aria-labelledby="details-networks">
      <h3 id="details-networks">Networks ({memberships.length})</h3>
      {memberships.length === 0 ? (
        <p className="muted">Not a member of any network in this map.</p>
      ) : (
        <ul className="details-list">
          {memberships.map((m) => {
            const network = networks.get(m.network);
            const name = network?.name ?? m.network;
            return (
              <li key={m.network}>
                <span>
                  {name} <span className="muted">({humanize(m.role).toLowerCase()})</span>
                </span>
                {onRequest && (
                  <ItemActions
                    kind="membership"
                    item={m}
                    what={name}
                    onRequest={onRequest}
                    labels={{
                      edit: 'Change role',
                      delete: 'Remove',
                      editAria: `Change role in ${name}`,
                      deleteAria: `Remove from ${name}`,
                    }}
                  />
                )}
                {onRequest && network && (
                  <ItemActions
                    kind="network"
                    item={network}
                    what={`the network ${name}`}
                    onRequest={onRequest}
                    labels={{
                      edit: 'Edit network',
                      delete: 'Delete network',
                      editAria: `Edit network ${name}`,
                      deleteAria: `Delete network ${name}`,
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {onRequest && (
        <div className="details-actions">
          <button
            type="button"
            className="edit-button"
            onClick={() => onRequest({ type: 'create', kind: 'membership', preset: { stakeholder: s.id } })}
          >
            Add to a network
          </button>
          <button
            type="button"
            className="edit-button"
            onClick={() =>
              onRequest({ type: 'create', kind: 'network', preset: { country: s.country }, then: joinNew })
            }
          >
            Create a network
          </button>
        </div>
      )}
    </section>
  );
}
