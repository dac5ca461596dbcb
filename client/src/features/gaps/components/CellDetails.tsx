// Details of one matrix cell (a country and an indicator): the status in words, the route to the
// NCP or the gap, who holds the information, whether the NCP passes it on, and the ranked
// suggestions that would close a gap.
import { CountryHiddenNotice } from '../../../components/HiddenNotice';
import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { navigate, viewHref } from '../../../lib/views';
import { useCoverage } from '../../analysis/api/getCoverage';
import { useSuggestions } from '../../analysis/api/getSuggestions';
import { useGraph } from '../../../graph/api/getGraph';
import { cellSymbol, statusWords, type CoverageStatus } from '../matrix';
import { useStakeholderNames } from '../useStakeholderNames';
import { passedOnWords, ResilienceWords, Route, StakeholderName } from './CellRoute';
import { SuggestionList } from './SuggestionList';

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
    ...(detail?.path ?? []),
    ...(detail?.holders ?? []),
    ...forCell.flatMap((s) => [s.from, s.to]),
    ...(ncp ? [ncp] : []),
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

      <CountryHiddenNotice
        country={country}
        counts="The coverage counts them: a route to the NCP may run through a flow you cannot see."
      />
      {coverage.isPending && <Loading>Loading the coverage of {countryName}…</Loading>}
      {coverage.isError && (
        <ErrorMessage
          title={`Could not load the coverage of ${countryName}`}
          error={coverage.error}
          onRetry={() => void coverage.refetch()}
        />
      )}
      {coverage.data && !detail && (
        <p className="state">
          {countryName} has no result for {indicator.code}.
        </p>
      )}
      {coverage.data && detail && (
        <div className={`gaps-details-body${gap ? '' : ' gaps-details-body-two'}`}>
          <div className={gap ? 'gaps-details-side' : 'gaps-details-contents'}>
            <Block title={gap || detail.status === 'not_collected' ? 'The gap' : 'Route to the NCP'}>
              <Route
                detail={detail}
                flows={flowsById}
                lookup={names.lookup}
                ncp={ncp}
                countryName={countryName}
                countryNames={countryNames}
                country={country}
                indicator={indicator}
              />
            </Block>
            <Block title={`Who holds it (${detail.holders.length})`}>
              {detail.holders.length === 0 ? (
                <p>
                  No stakeholder in {countryName} holds a dataset covering {indicator.code}.
                </p>
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
                <ErrorMessage
                  title="Could not load the suggestions"
                  error={suggestions.error}
                  onRetry={() => void suggestions.refetch()}
                />
              )}
              {suggestions.data && forCell.length === 0 && <p>No candidate flow found for {indicator.code}.</p>}
              {forCell.length > 0 && (
                <SuggestionList
                  suggestions={forCell}
                  country={country}
                  countryName={countryName}
                  countryNames={countryNames}
                  indicator={indicator.code}
                  ncp={ncp}
                  lookup={names.lookup}
                />
              )}
              <p className="gaps-note">
                Peer score: the share of the other countries with an NCP where the same kind of stakeholder sends{' '}
                {indicator.code} the same way.
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

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
