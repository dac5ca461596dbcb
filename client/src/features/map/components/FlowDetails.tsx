// Details of one information flow: who passes what to whom, on which basis and how, how sure we are,
// and the interviews it rests on. In edit mode, with Edit and Delete.
import type { Ref } from 'react';
import { humanize } from '../../../lib/format';
import type { EditRequest } from '../../edit/components/Editor';
import type { GraphFlow, MapGraph } from '../../../graph/api/types';
import { DetailsHead } from './DetailsHead';
import { Indicators, StakeholderLink } from './FlowRows';

interface Props {
  ref?: Ref<HTMLElement>;
  graph: MapGraph;
  flow: GraphFlow;
  indicatorNames: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
  onClose: () => void;
  /** Edit mode: asks the editor to edit or delete the flow. */
  onEditRequest?: (request: EditRequest) => void;
  /** In edit mode, why this flow cannot be changed by the signed-in user. */
  readOnlyNote?: string | null;
}

export function FlowDetails({
  ref,
  graph,
  flow: f,
  indicatorNames,
  onSelect,
  onClose,
  onEditRequest,
  readOnlyNote,
}: Props) {
  const byId = new Map(graph.stakeholders.map((s) => [s.id, s]));
  const from = byId.get(f.from);
  const to = byId.get(f.to);
  const interviews = new Map(graph.interviews.map((i) => [i.id, i]));
  const optional = (value: string | undefined) =>
    value ? humanize(value) : <span className="muted">not recorded</span>;

  return (
    <aside ref={ref} className="details flow-details" aria-labelledby="flow-details-heading">
      <DetailsHead headingId="flow-details-heading" itemId={f.id} kind="flow" onClose={onClose}>
        Flow: {from?.name ?? f.from} → {to?.name ?? f.to}
      </DetailsHead>
      <p className="muted flow-id">Flow {f.id}</p>
      {readOnlyNote && <p className="note read-only-note">{readOnlyNote}</p>}
      {onEditRequest && (
        <div className="details-actions" role="group" aria-label="Edit this flow">
          <button
            type="button"
            className="edit-button"
            onClick={() => onEditRequest({ type: 'edit', kind: 'flow', item: f })}
          >
            Edit
          </button>
          <button
            type="button"
            className="edit-button"
            onClick={() => onEditRequest({ type: 'delete', kind: 'flow', item: f })}
          >
            Delete
          </button>
        </div>
      )}
      <dl className="facts">
        <dt>From</dt>
        <dd>
          <StakeholderLink id={f.from} byId={byId} onSelect={onSelect} />
        </dd>
        <dt>To</dt>
        <dd>
          <StakeholderLink id={f.to} byId={byId} onSelect={onSelect} />
        </dd>
        <dt>Basis</dt>
        <dd>{humanize(f.basis)}</dd>
        <dt>Trigger</dt>
        <dd>{optional(f.trigger)}</dd>
        <dt>Frequency</dt>
        <dd>{optional(f.frequency)}</dd>
        <dt>Channel</dt>
        <dd>{optional(f.channel)}</dd>
        <dt>Status</dt>
        <dd className={`status-${f.status}`}>{humanize(f.status)}</dd>
        <dt>Confidence</dt>
        <dd>{humanize(f.confidence)}</dd>
        <dt>Rests on one person</dt>
        <dd>{f.personDependent ? 'Yes: it stops if that person leaves' : 'No'}</dd>
        {f.latencyDays !== undefined && (
          <>
            <dt>Delay</dt>
            <dd>about {f.latencyDays} days</dd>
          </>
        )}
        {f.since !== undefined && (
          <>
            <dt>Since</dt>
            <dd>{f.since}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="flow-details-indicators">
        <h3 id="flow-details-indicators">Indicators carried ({f.indicators.length})</h3>
        {f.indicators.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul className="indicator-list">
            {f.indicators.map((code) => (
              <li key={code}>
                <Indicators codes={[code]} names={indicatorNames} /> {indicatorNames.get(code) ?? ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="flow-details-evidence">
        <h3 id="flow-details-evidence">Evidence ({f.evidence.length})</h3>
        {f.evidence.length === 0 ? (
          <p className="muted">No interview recorded for this flow.</p>
        ) : (
          <ul className="evidence-list">
            {f.evidence.map((id) => {
              const interview = interviews.get(id);
              const who = interview ? byId.get(interview.stakeholder) : undefined;
              return (
                <li key={id}>
                  <strong>Interview {id}</strong>
                  {interview ? (
                    <>
                      {' '}
                      on {interview.date}, round {interview.round}
                      {who ? `, with ${who.name}` : ''}
                      {interview.interviewer ? `, by ${interview.interviewer}` : ''}
                    </>
                  ) : (
                    <span className="muted"> (recorded on another country's map)</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {f.note && (
        <section aria-labelledby="flow-details-note">
          <h3 id="flow-details-note">Note</h3>
          <p className="description">{f.note}</p>
        </section>
      )}
    </aside>
  );
}
