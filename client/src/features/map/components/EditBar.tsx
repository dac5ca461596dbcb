// The map's edit mode bar: add a stakeholder, a flow without drawing it (the keyboard route), whose name
// the history records (the signed-in user), and the interview whose findings are being entered (the
// active interview), with a way to end it.
import { useMe } from '../../auth/api/getMe';
import type { MapGraph } from '../../../graph/api/types';

interface Props {
  graph: MapGraph;
  /** The active interview's id (from the URL), or null. */
  interviewId: string | null;
  onAddStakeholder: () => void;
  onNewFlow: () => void;
  onEndInterview: () => void;
}

export function EditBar({ graph, interviewId, onAddStakeholder, onNewFlow, onEndInterview }: Props) {
  const interview = interviewId ? graph.interviews.find((i) => i.id === interviewId) : undefined;
  const user = useMe();
  const who = interview
    ? (graph.stakeholders.find((s) => s.id === interview.stakeholder)?.name ?? interview.stakeholder)
    : null;
  return (
    <div className="edit-bar">
      <div className="edit-bar-row" role="group" aria-label="Edit the map">
        <button type="button" className="map-button" onClick={onAddStakeholder}>
          Add stakeholder
        </button>
        <button type="button" className="map-button" onClick={onNewFlow}>
          New flow
        </button>
        <p className="edit-bar-tip">Drag from one stakeholder to another to draw a flow.</p>
        {user && <p className="edit-bar-tip">Changes are recorded in the history as {user.username}.</p>}
      </div>
      {interviewId && (
        <div className="interview-banner" role="region" aria-label="Active interview">
          <p>
            <strong>Entering findings</strong>{' '}
            {interview ? (
              <>
                from the interview with {who} on {interview.date} (round {interview.round}
                {interview.interviewer ? `, by ${interview.interviewer}` : ''})
              </>
            ) : (
              <>from the interview {interviewId}</>
            )}
            : new flows and reporting lines cite it as evidence, with confidence “reported”.
          </p>
          <button type="button" className="map-button" onClick={onEndInterview}>
            End interview
          </button>
        </div>
      )}
    </div>
  );
}
