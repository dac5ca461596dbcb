// The suggestions that would close one gap, best first: one entry per proposed link (a direct and an
// extend suggestion for the same pair shown once, the other as its alternative), each with its peer score.
// An editor of the country may add the proposed flow: the flow form opens filled in (from, to, the
// indicator, the basis the peer countries use) and saving creates it; when the only proposal is to extend an
// existing flow, the editor may open that flow's form with the indicator added. A viewer reads the list only.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { percent } from '@model/format';
import { Loading } from '../../../components/States';
import { useMe } from '../../auth/api/getMe';
import { canEditItem } from '../../auth/permissions';
import type { EditRequest } from '../../edit/components/Editor';
import { editContextOf } from '../../edit/context';
import { useCountries } from '../../../graph/api/getCountries';
import { useGraph } from '../../../graph/api/getGraph';
import { regionGraphQueryOptions } from '../../../graph/api/getRegionGraph';
import { useReference } from '../../../graph/api/getReference';
import {
  extensionOf,
  extensionPresetOf,
  flowPresetOf,
  groupSuggestions,
  newFlowOf,
  peerBasis,
  type Suggestion,
} from '../suggestions';
import type { NamedStakeholder } from '../useStakeholderNames';
import { StakeholderName } from './CellRoute';

// The flow form (and the zod model it validates with) loads when an editor first opens it, not with the view.
const Editor = lazy(() => import('../../edit/components/Editor').then((m) => ({ default: m.Editor })));

const KIND_WORDS: Record<Suggestion['kind'], string> = {
  direct: 'New direct flow to the NCP',
  join_route: 'Send it to a stakeholder already on a route to the NCP',
  extend_flow: 'Add it to an existing flow on a route to the NCP',
};

interface Props {
  suggestions: readonly Suggestion[];
  country: string;
  countryName: string;
  countryNames: ReadonlyMap<string, string>;
  indicator: string;
  ncp: string | null;
  lookup: (id: string) => NamedStakeholder;
}

export function SuggestionList({ suggestions, country, countryName, countryNames, indicator, ncp, lookup }: Props) {
  const user = useMe();
  const queryClient = useQueryClient();
  const graph = useGraph(country);
  const reference = useReference();
  const countries = useCountries();
  const [request, setRequest] = useState<EditRequest | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const name = (id: string) => <StakeholderName s={lookup(id)} ncp={ncp} home={country} countryNames={countryNames} />;
  const mayAdd = (s: Suggestion) =>
    canEditItem(user, [lookup(s.from).country ?? undefined, lookup(s.to).country ?? undefined]);

  // An extend-only suggestion: the existing flow's form opens with the indicator added (the flow may lie abroad, on
  // the route, so it is looked up in the region's map when the country's does not hold it).
  const extend = async (s: Suggestion & { flow: string }) => {
    setStatus(null);
    let flow = graph.data?.flows.find((f) => f.id === s.flow);
    if (!flow) {
      try {
        flow = (await queryClient.fetchQuery(regionGraphQueryOptions())).flows.find((f) => f.id === s.flow);
      } catch {
        flow = undefined;
      }
    }
    if (!flow) {
      setStatus(`Could not open flow ${s.flow}: it is no longer in the map.`);
      return;
    }
    setRequest({
      type: 'edit',
      kind: 'flow',
      item: flow,
      preset: extensionPresetOf(flow, s.indicator),
      note: `Suggested to close the gap in ${s.indicator}: this flow already lies on a route to the NCP, so ${s.indicator} is added to the indicators it carries.`,
    });
  };

  const add = async (s: Suggestion) => {
    setStatus(null);
    let basis;
    try {
      const region = await queryClient.fetchQuery(regionGraphQueryOptions());
      basis = peerBasis(s, country, region);
    } catch {
      basis = undefined; // The form opens without the peers' basis.
    }
    const words = basis ? `; the basis most peer countries use, ${basis}` : '';
    setRequest({
      type: 'create',
      kind: 'flow',
      preset: flowPresetOf(s, basis),
      note: `Suggested to close the gap in ${s.indicator}${words}.`,
    });
  };

  return (
    <>
      <ol className="gaps-suggestions" aria-label={`Suggestions for ${countryName}, ${indicator}, best first`}>
        {groupSuggestions(suggestions).map((group) => {
          const s = group.best;
          const proposed = newFlowOf(group);
          const extension = extensionOf(group);
          return (
            <li key={`${s.kind}|${s.from}|${s.to}|${s.flow ?? ''}`} data-suggestion={`${s.from}>${s.to}`}>
              <p className="gaps-suggestion-kind">{KIND_WORDS[s.kind]}</p>
              <p className="gaps-suggestion-route">
                {s.flow && <>Flow {s.flow}: </>}
                {name(s.from)}
                {' → '}
                {name(s.to)}
              </p>
              <p className="gaps-suggestion-explanation">{s.explanation}</p>
              <p className="gaps-peer">
                Peer score <strong>{percent(s.peerScore)}</strong>
                <span className="gaps-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(s.peerScore * 100)}%` }} />
                </span>
              </p>
              {group.alternatives.map((alt) => (
                <p key={`${alt.kind}|${alt.flow ?? ''}`} className="gaps-suggestion-alternative">
                  Or: {KIND_WORDS[alt.kind].toLowerCase()}
                  {alt.flow ? ` (flow ${alt.flow})` : ''}, peer score {percent(alt.peerScore)}.
                </p>
              ))}
              {proposed && mayAdd(proposed) && graph.data && (
                <button type="button" className="gaps-add-flow" onClick={() => void add(proposed)}>
                  Add this flow
                </button>
              )}
              {extension && mayAdd(extension) && graph.data && (
                <button type="button" className="gaps-add-flow" onClick={() => void extend(extension)}>
                  Add {extension.indicator} to flow {extension.flow}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <p className="gaps-note" role="status">
        {status}
      </p>
      {request && graph.data && (
        <Suspense fallback={<Loading>Opening the form…</Loading>}>
          <Editor
            request={request}
            context={editContextOf(graph.data, country, reference.data, countries.data?.countries)}
            onClose={(next) => setRequest(next ?? null)}
            onDone={(o) => setStatus(`Recorded ${o.title}.`)}
          />
        </Suspense>
      )}
    </>
  );
}
