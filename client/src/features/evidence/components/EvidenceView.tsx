// Interviews of a country and the flows still to confirm: record, edit and delete interviews, start
// entering one's findings on the map (the active interview), and work through the "to confirm" list.
// Who may not edit this country (a viewer, another country's NCP) reads it all without those actions.
import { useMemo, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useSearchParams } from '../../../lib/useSearchParams';
import { useMe } from '../../auth/api/getMe';
import { can, canEditItem, readOnlyReason } from '../../auth/permissions';
import { EditDialog } from '../../edit/components/EditDialog';
import { Editor, type EditRequest } from '../../edit/components/Editor';
import { editContextOf, itemTitle } from '../../edit/context';
import type { StoredItem } from '../../edit/kinds';
import { useCountries } from '../../../graph/api/getCountries';
import { useGraph } from '../../../graph/api/getGraph';
import { useReference } from '../../../graph/api/getReference';
import type { MapGraph } from '../../../graph/api/types';
import { reasonsFromParam } from '../reasons';
import '../evidence.css';
import { AddEvidence } from './AddEvidence';
import { InterviewsTable } from './InterviewsTable';
import { ToConfirmList } from './ToConfirmList';

const PARAMS = ['reason'] as const;

/** Today as YYYY-MM-DD, in the person's own time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The round of the latest interview (the one being worked on), else this year. */
function currentRound(graph: MapGraph): string {
  const latest = [...graph.interviews].sort((a, b) => b.date.localeCompare(a.date))[0];
  return latest?.round ?? String(new Date().getFullYear());
}

export function EvidenceView({ country }: { country: string }) {
  const graph = useGraph(country);
  const countries = useCountries();
  const name = countries.data?.countries.find((c) => c.code === country)?.name ?? country;
  if (graph.isPending) return <Loading>Loading the interviews of {name}…</Loading>;
  if (graph.isError)
    return (
      <ErrorMessage
        title={`Could not open the evidence for "${country}"`}
        error={graph.error}
        onRetry={() => void graph.refetch()}
      />
    );
  return <EvidenceScreen graph={graph.data} country={country} countryName={name} />;
}

function EvidenceScreen({ graph, country, countryName }: { graph: MapGraph; country: string; countryName: string }) {
  const [params, setParams] = useSearchParams(PARAMS);
  const reference = useReference();
  const countries = useCountries();
  const context = useMemo(
    () => editContextOf(graph, country, reference.data, countries.data?.countries),
    [graph, country, reference.data, countries.data],
  );
  const [request, setRequest] = useState<EditRequest | null>(null);
  const [addingTo, setAddingTo] = useState<StoredItem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const chosen = reasonsFromParam(params.reason);
  const user = useMe();
  const editable = can(user, 'edit', country);
  const names = useMemo(
    () => new Map((countries.data?.countries ?? []).map((c) => [c.code, c.name])),
    [countries.data],
  );
  const readOnly = user?.role === 'ncp' ? readOnlyReason(user, 'edit', country, names) : null;
  const countryOf = useMemo(() => new Map(graph.stakeholders.map((s) => [s.id, s.country])), [graph]);
  const canEditFlow = (flow: StoredItem) =>
    canEditItem(user, [countryOf.get(String(flow.from)), countryOf.get(String(flow.to))]);
  const interviewer = user ? (user.displayName ?? user.username) : '';

  const addInterview = () =>
    setRequest({
      type: 'create',
      kind: 'interview',
      preset: { date: today(), round: currentRound(graph), ...(interviewer ? { interviewer } : {}) },
    });

  return (
    <div className="evidence-view">
      <section className="evidence-section" aria-labelledby="interviews-heading">
        <div className="evidence-head">
          <h2 id="interviews-heading">
            Interviews in {countryName} ({graph.interviews.length})
          </h2>
          {editable && (
            <button type="button" className="edit-button edit-primary" onClick={addInterview} data-edit-return>
              Add interview
            </button>
          )}
        </div>
        {readOnly && <p className="read-only-note">{readOnly}</p>}
        <p className="evidence-intro">
          Record who you interviewed, then <strong>enter its findings</strong>: on the map, every flow or reporting line
          you add cites that interview as its evidence.
        </p>
        {status && (
          <p className="evidence-status" role="status">
            {status}
          </p>
        )}
        <InterviewsTable
          graph={graph}
          country={country}
          editable={editable}
          onEdit={(item) => setRequest({ type: 'edit', kind: 'interview', item })}
          onDelete={(item) => setRequest({ type: 'delete', kind: 'interview', item })}
        />
      </section>
      <section className="evidence-section" aria-labelledby="to-confirm-heading">
        <h2 id="to-confirm-heading">To confirm</h2>
        <p className="evidence-intro">
          Flows touching {countryName} that rest on thin evidence: reported by only one of their two ends, assumed, or
          without any interview.
        </p>
        <ToConfirmList
          country={country}
          graph={graph}
          chosen={chosen}
          onChoose={(reasons) => setParams({ reason: reasons }, { replace: true })}
          onAddEvidence={setAddingTo}
          canEditFlow={canEditFlow}
        />
      </section>
      {request && (
        <Editor
          request={request}
          context={context}
          onClose={(next) => setRequest(next ?? null)}
          onDone={(o) =>
            setStatus(
              `${o.action === 'deleted' ? 'Deleted' : o.action === 'created' ? 'Recorded' : 'Saved'} ${o.title}.`,
            )
          }
        />
      )}
      {addingTo && (
        <EditDialog
          title="Add evidence"
          subtitle={`Flow ${itemTitle('flow', addingTo, context)} (${String(addingTo.id)})`}
          onClose={() => setAddingTo(null)}
        >
          <AddEvidence
            flow={addingTo}
            context={context}
            onCancel={() => setAddingTo(null)}
            onDone={(message) => {
              setStatus(message);
              setAddingTo(null);
            }}
          />
        </EditDialog>
      )}
    </div>
  );
}
