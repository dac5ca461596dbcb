// What a matrix cell's details say about the route: the path to the NCP step by step (or the gap in
// words), a stakeholder's name with its NCP badge and foreign country, the number of independent routes,
// and whether the NCP passes the indicator on.
import { Loading } from '../../../components/States';
import { humanize } from '../../../lib/format';
import { useResilience } from '../../analysis/api/getResilience';
import type { CountryCoverageResponse } from '../../analysis/api/types';
import type { GraphFlow } from '../../../graph/api/types';
import { resilienceSentence } from '../../plan/resilience';
import type { NamedStakeholder } from '../useStakeholderNames';

type CoverageDetail = CountryCoverageResponse['cells'][number];

interface RouteProps {
  detail: CoverageDetail;
  flows: ReadonlyMap<string, GraphFlow>;
  lookup: (id: string) => NamedStakeholder;
  ncp: string | null;
  country: string;
  countryName: string;
  countryNames: ReadonlyMap<string, string>;
  indicator: { code: string; typicalHolders?: readonly string[] };
}

export function Route({ detail, flows, lookup, ncp, country, countryName, countryNames, indicator }: RouteProps) {
  switch (detail.status) {
    case 'held_by_ncp':
      return (
        <p>
          The NCP, {ncp ? lookup(ncp).name : 'unknown'}, holds a dataset covering {indicator.code} itself: nothing has
          to travel (0 hops).
        </p>
      );
    case 'reaches_ncp':
      if (detail.hidden?.route === 'every')
        return (
          <p className="hidden-notice" role="note" data-hidden-route="every">
            {indicator.code} reaches the NCP
            {detail.hops !== undefined ? ` in ${detail.hops} ${hopsWord(detail.hops)}` : ''}, but every route goes along
            a flow that carries personal data, which your account may not see: the route is not shown.
          </p>
        );
      return (
        <>
          {detail.hidden?.route === 'best' && (
            <p className="hidden-notice" role="note" data-hidden-route="best">
              A shorter or stronger route goes along a flow that carries personal data, which your account may not see.
              Shown is the best route along the flows you see.
            </p>
          )}
          <ol className="gaps-path" aria-label="Path to the NCP">
            {(detail.path ?? []).map((id, i) => {
              const flowId = i > 0 ? detail.flows?.[i - 1] : undefined;
              return (
                <li key={`${id}-${i}`}>
                  {flowId && <FlowStep id={flowId} flows={flows} />}
                  <StakeholderName s={lookup(id)} ncp={ncp} home={country} countryNames={countryNames} />
                </li>
              );
            })}
          </ol>
          <dl className="gaps-facts">
            <dt>Hops</dt>
            <dd>{detail.hops ?? 'unknown'}</dd>
            <dt>Weakest basis</dt>
            <dd>{detail.weakestBasis ? humanize(detail.weakestBasis) : 'not recorded'}</dd>
            <dt>Slowest frequency</dt>
            <dd>{detail.slowestFrequency ? humanize(detail.slowestFrequency) : 'not recorded'}</dd>
            <dt>Latency</dt>
            <dd>
              {detail.latencyDays !== undefined
                ? `${detail.latencyDays} days (sum of the known delays)`
                : 'not recorded'}
            </dd>
          </dl>
        </>
      );
    case 'collected_not_reaching':
      return (
        <p>
          {detail.holders.length === 1 ? 'One stakeholder' : `${detail.holders.length} stakeholders`} in {countryName}{' '}
          {detail.holders.length === 1 ? 'holds' : 'hold'} {indicator.code}, but no chain of flows carrying it leads to
          the NCP.
        </p>
      );
    case 'not_collected':
      return (
        <>
          <p>
            Nobody in {countryName} collects {indicator.code}, so there is nothing to pass on to the NCP.
          </p>
          {indicator.typicalHolders && indicator.typicalHolders.length > 0 && (
            <p>Usually held by: {indicator.typicalHolders.map((t) => humanize(t).toLowerCase()).join(', ')}.</p>
          )}
        </>
      );
    case 'no_ncp':
      return <p>{countryName} has no national contact point in its map, so nothing can reach one.</p>;
  }
}

const hopsWord = (hops: number) => (hops === 1 ? 'hop' : 'hops');

/** The flow a path step travels along, with what makes it weak or slow. */
function FlowStep({ id, flows }: { id: string; flows: ReadonlyMap<string, GraphFlow> }) {
  const f = flows.get(id);
  const facts = f
    ? [
        humanize(f.basis),
        f.frequency ? humanize(f.frequency).toLowerCase() : null,
        f.latencyDays !== undefined ? `${f.latencyDays} days` : null,
        f.personDependent ? 'person-dependent' : null,
      ]
    : [];
  return (
    <span className="gaps-via">
      via flow {id}
      {facts.filter(Boolean).length > 0 && `: ${facts.filter(Boolean).join(', ')}`}
    </span>
  );
}

export function StakeholderName({
  s,
  ncp,
  home,
  countryNames,
}: {
  s: NamedStakeholder;
  ncp: string | null;
  home: string;
  countryNames: ReadonlyMap<string, string>;
}) {
  const foreign = s.country !== null && s.country !== home;
  return (
    <span className="gaps-stakeholder">
      {s.name}
      {s.id === ncp && <span className="badge badge-ncp">NCP</span>}
      {foreign && <span className="gaps-foreign"> ({countryNames.get(s.country ?? '') ?? s.country})</span>}
    </span>
  );
}

/** The cell's resilience (ANALYSIS.md §6): "2 independent routes", or the single point of failure named. */
export function ResilienceWords({
  country,
  indicator,
  lookup,
}: {
  country: string;
  indicator: string;
  lookup: (id: string) => NamedStakeholder;
}) {
  const resilience = useResilience(country);
  const entry = resilience.data?.indicators.find((e) => e.indicator === indicator);
  if (resilience.isPending) return <Loading>Counting independent routes…</Loading>;
  if (resilience.isError) return <p>Could not count the independent routes: {resilience.error.message}</p>;
  if (!entry) return <p>Not known.</p>;
  return <p className="gaps-resilience">{resilienceSentence(entry, (id) => lookup(id).name)}</p>;
}

export function passedOnWords(detail: CoverageDetail): string {
  if (detail.status !== 'held_by_ncp' && detail.status !== 'reaches_ncp')
    return 'Not applicable: the NCP does not have it.';
  if (detail.passedOn === true)
    return 'Yes: it travels on from the NCP to another country’s NCP or to an international body.';
  if (detail.passedOn === false)
    return 'No: no chain of flows carries it from the NCP to another country’s NCP or to an international body.';
  return 'Not known.';
}
