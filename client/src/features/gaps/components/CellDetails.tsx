// Details of one matrix cell (a country and an indicator): the status in words, the route to the
// NCP or the gap, who holds the information, whether the NCP passes it on, and the ranked
// suggestions that would close a gap.
import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { humanize } from '../../../lib/format';
import { navigate, viewHref } from '../../../lib/views';
import { useCoverage } from '../../analysis/api/getCoverage';
import { useResilience } from '../../analysis/api/getResilience';
import { useSuggestions } from '../../analysis/api/getSuggestions';
import { useGraph } from '../../../graph/api/getGraph';
import type { GraphFlow } from '../../../graph/api/types';
import type { CountryCoverageResponse, SuggestionsResponse } from '../../analysis/api/types';
import { resilienceSentence } from '../../plan/resilience';
import { percent } from '@model/format';
import { cellSymbol, statusWords, type CoverageStatus } from '../matrix';
import { useStakeholderNames, type NamedStakeholder } from '../useStakeholderNames';

type CoverageDetail = CountryCoverageResponse['cells'][number];
type Suggestion = SuggestionsResponse['suggestions'][number];

const KIND_WORDS: Record<Suggestion['kind'], string> = {
  direct: 'New direct flow to the NCP',
  join_route: 'Send it to a stakeholder already on a route to the NCP',
  extend_flow: 'Add it to an existing flow on a route to the NCP',
};

interface Props {
  country: string;
  countryName: string;
  countryNames: ReadonlyMap<string, string>;
  indicator: { code: string; name: string; typicalHolders?: readonly string[] };
  /** The status from the matrix, shown at once while the country's details load. */
  status: CoverageStatus | undefined;
  hops: number | undefined;
  onClose: () => void;
}

export function CellDetails({ country, countryName, countryNames, indicator, status, hops, onClose }: Props) {
  const coverage = useCoverage(country);
  const detail = coverage.data?.cells.find((c) => c.indicator === indicator.code);
  const shownStatus = detail?.status ?? status;
  const gap = shownStatus === 'collected_not_reaching';
  const suggestions = useSuggestions(gap ? country : null);
  const forCell = (suggestions.data?.suggestions ?? []).filter((s) => s.indicator === indicator.code);
  const ncp = coverage.data?.ncp ?? null;
  const names = useStakeholderNames(country, [
    ...(detail?.path ?? []), ...(detail?.holders ?? []), ...forCell.flatMap((s) => [s.from, s.to]), ...(ncp ? [ncp] : []),
  ]);
  const graph = useGraph(country);
  const flowsById = new Map((graph.data?.flows ?? []).map((f) => [f.id, f]));
  const mapHref = viewHref('map', country, { indicator: indicator.code });
  const titleId = 'gaps-details-title';

  return (
    <section className="gaps-details-panel" aria-labelledby={titleId}>
      <header className="gaps-details-head">
        <span className={`gaps-swatch gaps-swatch-lg${shownStatus ? ` status-${shownStatus}` : ''}`} aria-hidden="true">
          {shownStatus ? cellSymbol(shownStatus, detail?.hops ?? hops) : ''}
        </span>
        <div className="gaps-details-title">
          <h2 id={titleId}>
            {countryName}, {indicator.code}
          </h2>
          <p className="gaps-indicator-name">{indicator.name}</p>
        </div>
        <p className="gaps-status-words">
          {shownStatus ? sentenceCase(statusWords(shownStatus, detail?.hops ?? hops)) : 'No status computed'}
        </p>
        <a
          className="gaps-map-link"
          href={mapHref}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate(mapHref);
          }}
        >
          Show on the map
        </a>
        <button type="button" className="gaps-close" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </header>

      {coverage.isPending && <Loading>Loading the coverage of {countryName}…</Loading>}
      {coverage.isError && (
        <ErrorMessage title={`Could not load the coverage of ${countryName}`} error={coverage.error} onRetry={() => void coverage.refetch()} />
      )}
      {coverage.data && !detail && <p className="state">{countryName} has no result for {indicator.code}.</p>}
      {coverage.data && detail && (
        <div className={`gaps-details-body${gap ? '' : ' gaps-details-body-two'}`}>
          <div className={gap ? 'gaps-details-side' : 'gaps-details-contents'}>
            <Block title={gap || detail.status === 'not_collected' ? 'The gap' : 'Route to the NCP'}>
              <Route detail={detail} flows={flowsById} lookup={names.lookup} ncp={ncp} countryName={countryName} countryNames={countryNames} country={country} indicator={indicator} />
            </Block>
            <Block title={`Who holds it (${detail.holders.length})`}>
              {detail.holders.length === 0 ? (
                <p>No stakeholder in {countryName} holds a dataset covering {indicator.code}.</p>
              ) : (
                <ul className="gaps-names" aria-label="Holders">
                  {detail.holders.map((id) => (
                    <li key={id}>
                      <StakeholderName s={names.lookup(id)} ncp={ncp} home={country} countryNames={countryNames} />
                    </li>
                  ))}
                </ul>
              )}
              <h4>How many independent routes?</h4>
              <ResilienceWords country={country} indicator={indicator.code} lookup={names.lookup} />
              <h4>Does the NCP pass it on?</h4>
              <p>{passedOnWords(detail)}</p>
            </Block>
          </div>
          {gap && (
            <Block title={`What would close the gap${suggestions.data ? ` (${forCell.length})` : ''}`}>
              {suggestions.isPending && <Loading>Loading suggestions…</Loading>}
              {suggestions.isError && (
                <ErrorMessage title="Could not load the suggestions" error={suggestions.error} onRetry={() => void suggestions.refetch()} />
              )}
              {suggestions.data && forCell.length === 0 && <p>No candidate flow found for {indicator.code}.</p>}
              {forCell.length > 0 && (
                <ol className="gaps-suggestions" aria-label={`Suggestions for ${countryName}, ${indicator.code}, best first`}>
                  {forCell.map((s) => (
                    <li key={`${s.kind}|${s.from}|${s.to}|${s.flow ?? ''}`}>
                      <p className="gaps-suggestion-kind">{KIND_WORDS[s.kind]}</p>
                      <p className="gaps-suggestion-route">
                        {s.flow && <>Flow {s.flow}: </>}
                        <StakeholderName s={names.lookup(s.from)} ncp={ncp} home={country} countryNames={countryNames} />
                        {' → '}
                        <StakeholderName s={names.lookup(s.to)} ncp={ncp} home={country} countryNames={countryNames} />
                      </p>
                      <p className="gaps-suggestion-explanation">{s.explanation}</p>
                      <p className="gaps-peer">
                        Peer score <strong>{percent(s.peerScore)}</strong>
                        <span className="gaps-bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(s.peerScore * 100)}%` }} />
                        </span>
                      </p>
                    </li>
                  ))}
                </ol>
              )}
              <p className="gaps-note">
                Peer score: the share of the other countries with an NCP where the same kind of stakeholder sends {indicator.code} the
                same way.
              </p>
            </Block>
          )}
        </div>
      )}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="gaps-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

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

function Route({ detail, flows, lookup, ncp, country, countryName, countryNames, indicator }: RouteProps) {
  switch (detail.status) {
    case 'held_by_ncp':
      return (
        <p>
          The NCP, {ncp ? lookup(ncp).name : 'unknown'}, holds a dataset covering {indicator.code} itself: nothing has to
          travel (0 hops).
        </p>
      );
    case 'reaches_ncp':
      return (
        <>
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
            <dd>{detail.latencyDays !== undefined ? `${detail.latencyDays} days (sum of the known delays)` : 'not recorded'}</dd>
          </dl>
        </>
      );
    case 'collected_not_reaching':
      return (
        <p>
          {detail.holders.length === 1 ? 'One stakeholder' : `${detail.holders.length} stakeholders`} in {countryName}{' '}
          {detail.holders.length === 1 ? 'holds' : 'hold'} {indicator.code}, but no chain of flows carrying it leads to the NCP.
        </p>
      );
    case 'not_collected':
      return (
        <>
          <p>Nobody in {countryName} collects {indicator.code}, so there is nothing to pass on to the NCP.</p>
          {indicator.typicalHolders && indicator.typicalHolders.length > 0 && (
            <p>Usually held by: {indicator.typicalHolders.map((t) => humanize(t).toLowerCase()).join(', ')}.</p>
          )}
        </>
      );
    case 'no_ncp':
      return <p>{countryName} has no national contact point in its map, so nothing can reach one.</p>;
  }
}

/** The flow a path step travels along, with what makes it weak or slow. */
function FlowStep({ id, flows }: { id: string; flows: ReadonlyMap<string, GraphFlow> }) {
  const f = flows.get(id);
  const facts = f
    ? [humanize(f.basis), f.frequency ? humanize(f.frequency).toLowerCase() : null, f.latencyDays !== undefined ? `${f.latencyDays} days` : null, f.personDependent ? 'person-dependent' : null]
    : [];
  return (
    <span className="gaps-via">
      via flow {id}
      {facts.filter(Boolean).length > 0 && `: ${facts.filter(Boolean).join(', ')}`}
    </span>
  );
}

function StakeholderName({ s, ncp, home, countryNames }: { s: NamedStakeholder; ncp: string | null; home: string; countryNames: ReadonlyMap<string, string> }) {
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
function ResilienceWords({ country, indicator, lookup }: { country: string; indicator: string; lookup: (id: string) => NamedStakeholder }) {
  const resilience = useResilience(country);
  const entry = resilience.data?.indicators.find((e) => e.indicator === indicator);
  if (resilience.isPending) return <Loading>Counting independent routes…</Loading>;
  if (resilience.isError) return <p>Could not count the independent routes: {resilience.error.message}</p>;
  if (!entry) return <p>Not known.</p>;
  return <p className="gaps-resilience">{resilienceSentence(entry, (id) => lookup(id).name)}</p>;
}

function passedOnWords(detail: CoverageDetail): string {
  if (detail.status !== 'held_by_ncp' && detail.status !== 'reaches_ncp') return 'Not applicable: the NCP does not have it.';
  if (detail.passedOn === true) return 'Yes: it travels on from the NCP to another country’s NCP or to an international body.';
  if (detail.passedOn === false) return 'No: no chain of flows carries it from the NCP to another country’s NCP or to an international body.';
  return 'Not known.';
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
