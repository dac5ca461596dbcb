// The flows of the map as a table: the keyboard and screen-reader alternative to the edges of the graph.
import { humanize } from '../../../lib/format';
import type { GraphFlow, GraphStakeholder } from '../../../graph/api/types';
import { Indicators } from './DetailsPanel';

interface Props {
  flows: GraphFlow[];
  /** All flows of the map, to say how many the filters leave. */
  total: number;
  stakeholders: GraphStakeholder[];
  indicatorNames: ReadonlyMap<string, string>;
  selectedFlowId: string | null;
  onSelectFlow: (flowId: string) => void;
}

export function FlowsTable({ flows, total, stakeholders, indicatorNames, selectedFlowId, onSelectFlow }: Props) {
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const name = (id: string) => {
    const s = byId.get(id);
    return s ? `${s.name}${s.external ? ` (${s.country})` : ''}` : id;
  };
  const rows = [...flows].sort((a, b) => name(a.from).localeCompare(name(b.from)) || name(a.to).localeCompare(name(b.to)));
  return (
    <section className="flows-table" aria-labelledby="flows-table-heading">
      <h2 id="flows-table-heading">
        Flows ({flows.length === total ? total : `${flows.length} of ${total}, filtered`})
      </h2>
      <div className="map-scroll-box">
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Indicators</th>
              <th scope="col">Basis</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id} aria-selected={f.id === selectedFlowId ? true : undefined} className={f.id === selectedFlowId ? 'current' : undefined}>
                <td>{name(f.from)}</td>
                <td>{name(f.to)}</td>
                <td>
                  <Indicators codes={f.indicators} names={indicatorNames} />
                </td>
                <td>{humanize(f.basis)}</td>
                <td className={`status-${f.status}`}>
                  {humanize(f.status)}
                  {f.personDependent && <span className="flag"> · rests on one person</span>}
                </td>
                <td>
                  <button type="button" className="link" aria-label={`Details of the flow ${name(f.from)} to ${name(f.to)}`} onClick={() => onSelectFlow(f.id)}>
                    Details
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
