// The flows of the map as a table: the keyboard and screen-reader alternative to the edges of the graph.
import type { GraphFlow, GraphStakeholder } from '../../../graph/api/types';
import { compareText } from '../../../graph/compareText';
import { FlowRows, stakeholderLabel } from './FlowRows';

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
    return s ? stakeholderLabel(s) : id;
  };
  const rows = [...flows].sort(
    (a, b) => compareText(name(a.from), name(b.from)) || compareText(name(a.to), name(b.to)),
  );
  return (
    <section className="flows-table" aria-labelledby="flows-table-heading">
      <h2 id="flows-table-heading">
        Flows ({flows.length === total ? total : `${flows.length} of ${total}, filtered`})
      </h2>
      <div className="map-scroll-box">
        <FlowRows
          flows={rows}
          ends="both"
          byId={byId}
          indicatorNames={indicatorNames}
          onSelectFlow={onSelectFlow}
          selectedFlowId={selectedFlowId}
        />
      </div>
    </section>
  );
}
