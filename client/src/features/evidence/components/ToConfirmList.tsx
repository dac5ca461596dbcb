// The "to confirm" list: flows reported by one end only, assumed, or without evidence, with their
// reasons in words, counts per reason, a filter by reason, and what to do about each: open it on the
// map, mark it confirmed, or add an interview as evidence.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { ApiError } from '../../../lib/apiFetch';
import { formatDateTime } from '../../../lib/dates';
import { humanize } from '../../../lib/format';
import { navigate, viewHref } from '../../../lib/views';
import { useUpdateEntity } from '../../edit/api/updateEntity';
import { entityOf, type StoredItem } from '../../edit/kinds';
import type { MapGraph } from '../../../graph/api/types';
import { useToConfirm, type ToConfirmItem } from '../api/getToConfirm';
import { CHOICES, choiceCounts, filterByReasons, REASON_LABEL, reasonWords, type ReasonChoice } from '../reasons';

interface Props {
  country: string;
  graph: MapGraph;
  chosen: readonly ReasonChoice[];
  onChoose: (reasons: ReasonChoice[]) => void;
  onAddEvidence: (flow: StoredItem) => void;
  /** Whether the signed-in user may change this flow (mark it confirmed, add evidence). */
  canEditFlow: (flow: StoredItem) => boolean;
}

export function ToConfirmList({ country, graph, chosen, onChoose, onAddEvidence, canEditFlow }: Props) {
  const list = useToConfirm(country);
  const update = useUpdateEntity();
  const [status, setStatus] = useState<string | null>(null);
  const names = new Map(graph.stakeholders.map((s) => [s.id, s]));
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const endName = (id: string) => {
    const s = names.get(id);
    return s ? `${s.name}${s.country !== country ? ` (${s.country})` : ''}` : id;
  };

  async function markConfirmed(item: ToConfirmItem) {
    const flow = item.flow;
    const title = `${endName(flow.from)} → ${endName(flow.to)}`;
    setStatus(null);
    try {
      await update.mutateAsync({
        kind: 'flow',
        entity: { ...entityOf(flow), confidence: 'confirmed' },
        version: flow.version,
      });
      setStatus(`Marked the flow ${title} confirmed.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const current = err.details.current as StoredItem | undefined;
        setStatus(
          `The flow ${title} was changed meanwhile${current ? ` by ${current.updatedBy} at ${formatDateTime(current.updatedAt)}` : ''}: the list shows it as it is now; check it and try again.`,
        );
        void list.refetch();
      } else {
        setStatus(`Could not mark the flow ${title} confirmed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  if (list.isPending) return <Loading>Loading the flows to confirm…</Loading>;
  if (list.isError)
    return (
      <ErrorMessage
        title="Could not load the flows to confirm"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );

  const { items, counts } = list.data;
  const shown = filterByReasons(items, chosen);
  const perChoice = choiceCounts(items);
  const toggle = (r: ReasonChoice) =>
    onChoose(chosen.includes(r) ? chosen.filter((x) => x !== r) : CHOICES.filter((x) => x === r || chosen.includes(x)));

  return (
    <>
      <fieldset className="filter-group evidence-reasons">
        <legend>Show flows that are</legend>
        {CHOICES.map((r) => (
          <label key={r} className="filter-check">
            <input type="checkbox" checked={chosen.includes(r)} onChange={() => toggle(r)} />
            {REASON_LABEL[r]} ({perChoice[r]})
          </label>
        ))}
      </fieldset>
      <p className="evidence-count" role="status">
        {chosen.length === 0
          ? `${counts.total} flow${counts.total === 1 ? '' : 's'} to confirm.`
          : `Showing ${shown.length} of ${counts.total} flows to confirm.`}
        {status && <span className="evidence-status"> {status}</span>}
      </p>
      {shown.length === 0 ? (
        <p className="muted">
          {counts.total === 0
            ? 'Nothing to confirm: every flow is reported by both ends and none is assumed.'
            : 'No flow for the chosen reasons.'}
        </p>
      ) : (
        <div className="evidence-scroll" role="region" aria-label="Flows to confirm" tabIndex={0}>
          <table className="evidence-table">
            <thead>
              <tr>
                <th scope="col">Flow</th>
                <th scope="col">Indicators</th>
                <th scope="col">Confidence</th>
                <th scope="col">Why to confirm</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => {
                const f = item.flow;
                const title = `${endName(f.from)} → ${endName(f.to)}`;
                const href = viewHref('map', country, { flow: f.id });
                return (
                  <tr key={f.id} data-flow={f.id}>
                    <th scope="row">
                      {title}
                      <span className="muted evidence-id"> ({f.id})</span>
                    </th>
                    <td>{f.indicators.join(', ') || <span className="muted">none</span>}</td>
                    <td>{humanize(f.confidence)}</td>
                    <td>
                      <ul className="evidence-reason-list">
                        {reasonWords(item, nameOf).map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="evidence-actions">
                      <a
                        href={href}
                        className="edit-button"
                        aria-label={`Open on the map: the flow ${title}`}
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                          e.preventDefault();
                          navigate(href);
                        }}
                      >
                        Open on the map
                      </a>
                      {f.confidence !== 'confirmed' && canEditFlow(f) && (
                        <button
                          type="button"
                          className="edit-button"
                          disabled={update.isPending}
                          aria-label={`Mark confirmed: the flow ${title}`}
                          onClick={() => void markConfirmed(item)}
                        >
                          Mark confirmed
                        </button>
                      )}
                      {canEditFlow(f) && (
                        <button
                          type="button"
                          className="edit-button"
                          aria-label={`Add evidence to the flow ${title}`}
                          onClick={() => onAddEvidence(f)}
                        >
                          Add evidence
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
