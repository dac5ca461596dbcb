// The country's interviews: when, with whom, by whom, in which round, how many flows cite each; and
// what to do with one (enter its findings on the map, edit, delete).
import { navigate, viewHref } from '../../../lib/views';
import type { StoredItem } from '../../edit/kinds';
import type { GraphInterview, MapGraph } from '../../../graph/api/types';

interface Props {
  graph: MapGraph;
  country: string;
  /** Whether the signed-in user may change this country's interviews (and enter findings on its map). */
  editable: boolean;
  onEdit: (interview: StoredItem) => void;
  onDelete: (interview: StoredItem) => void;
}

/** The map in edit mode with this interview active: what is drawn there cites it. */
export function findingsHref(country: string, interviewId: string): string {
  return viewHref('map', country, { edit: '1', interview: interviewId });
}

export function InterviewsTable({ graph, country, editable, onEdit, onDelete }: Props) {
  const names = new Map(graph.stakeholders.map((s) => [s.id, s.name]));
  const citing = new Map<string, number>();
  for (const f of graph.flows) for (const id of f.evidence) citing.set(id, (citing.get(id) ?? 0) + 1);
  const interviews = [...graph.interviews].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const who = (i: GraphInterview) => names.get(i.stakeholder) ?? i.stakeholder;

  if (interviews.length === 0) return <p className="muted">No interview recorded for this country yet.</p>;
  return (
    <div className="evidence-scroll" role="region" aria-label="Interviews table" tabIndex={0}>
      <table className="evidence-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Stakeholder interviewed</th>
            <th scope="col">Interviewer</th>
            <th scope="col">Round</th>
            <th scope="col">Flows citing it</th>
            {editable && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {interviews.map((i) => {
            const label = `the interview with ${who(i)} on ${i.date}`;
            const href = findingsHref(country, i.id);
            return (
              <tr key={i.id}>
                <td>{i.date}</td>
                <th scope="row">
                  {who(i)}
                  <span className="muted evidence-id"> ({i.id})</span>
                </th>
                <td>{i.interviewer ?? <span className="muted">not recorded</span>}</td>
                <td>{i.round}</td>
                <td className="num">{citing.get(i.id) ?? 0}</td>
                {editable && (
                  <td className="evidence-actions">
                    <a
                      href={href}
                      className="edit-button edit-primary"
                      aria-label={`Enter findings from ${label}`}
                      onClick={(e) => {
                        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                        e.preventDefault();
                        navigate(href);
                      }}
                    >
                      Enter findings
                    </a>
                    <button
                      type="button"
                      className="edit-button"
                      aria-label={`Edit ${label}`}
                      onClick={() => onEdit(i)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="edit-button"
                      aria-label={`Delete ${label}`}
                      onClick={() => onDelete(i)}
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
