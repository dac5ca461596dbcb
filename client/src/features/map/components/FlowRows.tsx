// The flows of a map as table rows, one component for the map's flows table and the flows out and in of
// a stakeholder's details; the indicator chips and stakeholder links the details panels share.
import { humanize } from '../../../lib/format';
import type { GraphFlow, GraphStakeholder } from '../../../graph/api/types';

export function Indicators({ codes, names }: { codes: string[]; names: ReadonlyMap<string, string> }) {
  if (codes.length === 0) return <span className="muted">none</span>;
  return (
    <span className="indicators">
      {codes.map((code) => (
        <abbr key={code} title={names.get(code) ?? code} className="chip">
          {code}
        </abbr>
      ))}
    </span>
  );
}

/** A stakeholder's name, with its country when it is foreign to the map. */
export function stakeholderLabel(s: GraphStakeholder): string {
  return `${s.name}${s.external ? ` (${s.country})` : ''}`;
}

/** A stakeholder as a link that selects it; its bare id when the map does not hold it. */
export function StakeholderLink({
  id,
  byId,
  onSelect,
}: {
  id: string;
  byId: ReadonlyMap<string, GraphStakeholder>;
  onSelect: (id: string) => void;
}) {
  const s = byId.get(id);
  if (!s) return <span>{id}</span>;
  return (
    <button type="button" className="link" onClick={() => onSelect(s.id)}>
      {stakeholderLabel(s)}
    </button>
  );
}

interface Props {
  flows: readonly GraphFlow[];
  /** The map's flows (both ends), or a stakeholder's flows out or in (the other end, as a link). */
  ends: 'both' | 'out' | 'in';
  byId: ReadonlyMap<string, GraphStakeholder>;
  indicatorNames: ReadonlyMap<string, string>;
  onSelectFlow: (flowId: string) => void;
  /** With `out` and `in`: selects the other end. */
  onSelect?: (id: string) => void;
  selectedFlowId?: string | null;
}

export function FlowRows({ flows, ends, byId, indicatorNames, onSelectFlow, onSelect, selectedFlowId = null }: Props) {
  const name = (id: string) => {
    const s = byId.get(id);
    return s ? stakeholderLabel(s) : id;
  };
  const both = ends === 'both';
  const detailsLabel = (f: GraphFlow) => {
    if (both) return `Details of the flow ${name(f.from)} to ${name(f.to)}`;
    const otherId = ends === 'out' ? f.to : f.from;
    const other = byId.get(otherId)?.name ?? otherId;
    return `Details of the flow ${ends === 'out' ? 'to' : 'from'} ${other}${f.indicators.length ? ` (${f.indicators.join(', ')})` : ''}`;
  };
  return (
    <table>
      <thead>
        <tr>
          {both ? (
            <>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </>
          ) : (
            <th scope="col">{ends === 'out' ? 'To' : 'From'}</th>
          )}
          <th scope="col">Indicators</th>
          <th scope="col">Basis</th>
          <th scope="col">Status</th>
          {!both && <th scope="col">Confidence</th>}
          <th scope="col">
            <span className="visually-hidden">{both ? 'Details' : 'Flow'}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((f) => {
          const current = f.id === selectedFlowId;
          return (
            <tr key={f.id} aria-selected={current ? true : undefined} className={current ? 'current' : undefined}>
              {both ? (
                <>
                  <td>{name(f.from)}</td>
                  <td>{name(f.to)}</td>
                </>
              ) : (
                <td>
                  <StakeholderLink
                    id={ends === 'out' ? f.to : f.from}
                    byId={byId}
                    onSelect={onSelect ?? (() => undefined)}
                  />
                </td>
              )}
              <td>
                <Indicators codes={f.indicators} names={indicatorNames} />
              </td>
              <td>{humanize(f.basis)}</td>
              <td className={`status-${f.status}`}>
                {humanize(f.status)}
                {f.personDependent && <span className="flag"> · rests on one person</span>}
              </td>
              {!both && <td>{humanize(f.confidence)}</td>}
              <td>
                <button type="button" className="link" aria-label={detailsLabel(f)} onClick={() => onSelectFlow(f.id)}>
                  Details
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
