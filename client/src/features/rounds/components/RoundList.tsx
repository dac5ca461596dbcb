// The rounds of a country (and of the whole region), newest first: name, when and by whom, what they
// hold; each can be compared with now, or deleted after a confirmation.
import { useState } from 'react';
import { formatDateTime } from '../../../lib/dates';
import { useDeleteRound } from '../api/deleteRound';
import type { RoundSummary } from '../api/types';

interface Props {
  rounds: readonly RoundSummary[];
  countryName: string;
  /** Whether the signed-in user may delete this round. */
  canDelete: (round: RoundSummary) => boolean;
  onCompareWithNow: (id: string) => void;
  onDeleted: (id: string) => void;
}

export function RoundList({ rounds, countryName, canDelete, onCompareWithNow, onDeleted }: Props) {
  const remove = useDeleteRound();
  const [confirming, setConfirming] = useState<string | null>(null);

  async function confirmDelete(round: RoundSummary) {
    try {
      await remove.mutateAsync(round.id);
      setConfirming(null);
      onDeleted(round.id);
    } catch {
      // Shown below the table from the mutation's error.
    }
  }

  return (
    <section className="page-section" aria-labelledby="rounds-heading">
      <h3 id="rounds-heading">Rounds ({rounds.length})</h3>
      {rounds.length === 0 ? (
        <p>No rounds yet for {countryName} or the whole region. Freeze the current map below to start.</p>
      ) : (
        <div className="page-table-scroll">
          <table className="page-table rounds-table">
            <caption>Rounds of {countryName} and of the whole region, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Of</th>
                <th scope="col">Frozen</th>
                <th scope="col">By</th>
                <th scope="col" className="num">
                  Stakeholders
                </th>
                <th scope="col" className="num">
                  Flows
                </th>
                <th scope="col" className="num">
                  Datasets
                </th>
                <th scope="col" className="num">
                  Interviews
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id} data-round={r.id}>
                  <th scope="row">
                    {r.name}
                    {r.note && <div className="round-note">{r.note}</div>}
                  </th>
                  <td>{r.country ? countryName : 'Whole region'}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>{r.createdBy}</td>
                  <td className="num">{r.counts.stakeholders}</td>
                  <td className="num">{r.counts.flows}</td>
                  <td className="num">{r.counts.datasets}</td>
                  <td className="num">{r.counts.interviews}</td>
                  <td className="round-actions">
                    {confirming === r.id ? (
                      <div role="group" aria-label={`Confirm deleting the round ${r.name}`} className="confirm">
                        <span>Delete “{r.name}”? The map itself is not changed.</span>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          disabled={remove.isPending}
                          onClick={() => void confirmDelete(r)}
                        >
                          Yes, delete the round
                        </button>
                        {/* The safe choice takes the focus the Delete button had. */}
                        <button type="button" className="btn btn-small" onClick={() => setConfirming(null)} autoFocus>
                          Keep it
                        </button>
                      </div>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => onCompareWithNow(r.id)}
                          aria-label={`Compare with now: ${r.name}`}
                        >
                          Compare with now
                        </button>
                        {canDelete(r) && (
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            onClick={() => {
                              remove.reset();
                              setConfirming(r.id);
                            }}
                            aria-label={`Delete: ${r.name}`}
                          >
                            Delete
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {remove.error && (
        <div className="notice notice-error" role="alert">
          <h4>Could not delete the round</h4>
          <p>{remove.error.message}</p>
        </div>
      )}
    </section>
  );
}
