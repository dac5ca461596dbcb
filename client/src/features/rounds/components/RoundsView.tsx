// Mapping rounds of a country: the rounds frozen so far (the country's and the region's), freezing the
// current map as a new round, and comparing any two rounds or a round with now (from/to in the URL).
// Freezing and deleting are offered only to those who may (not a viewer; an NCP for its own countries).
import { ErrorMessage, Loading } from '../../../components/States';
import '../../../lib/page.css';
import { useSearchParams } from '../../../lib/useSearchParams';
import { useMe } from '../../auth/api/getMe';
import { can, readOnlyReason, REGION } from '../../auth/permissions';
import { useCountries } from '../../../graph/api/getCountries';
import { useGraph } from '../../../graph/api/getGraph';
import { useRounds } from '../api/getRounds';
import { NOW } from '../api/types';
import '../rounds.css';
import { CitedRounds } from './CitedRounds';
import { ComparePanel } from './ComparePanel';
import { FreezeForm } from './FreezeForm';
import { RoundList } from './RoundList';

const PARAMS = ['from', 'to'] as const;

export function RoundsView({ country }: { country: string }) {
  const rounds = useRounds(country);
  const graph = useGraph(country);
  const countries = useCountries();
  const countryName = countries.data?.countries.find((c) => c.code === country)?.name ?? country;
  const [params, setParams] = useSearchParams(PARAMS);
  const user = useMe();
  const mayFreeze = can(user, 'rounds', country);
  const names = new Map((countries.data?.countries ?? []).map((c) => [c.code, c.name]));
  const readOnly = user?.role === 'ncp' && !mayFreeze ? readOnlyReason(user, 'rounds', country, names) : null;

  const list = rounds.data?.rounds ?? [];
  // Without a choice in the URL: the newest round against now.
  const from = params.from ?? list[0]?.id ?? null;
  const to = params.to ?? (from === null ? null : NOW);

  return (
    <div className="page rounds-view">
      <header>
        <h2>Mapping rounds of {countryName}</h2>
        <p className="page-lede">
          Freeze the map after each round of interviews, then see what changed: stakeholders and flows added, removed
          and changed, and what that did to the NCP’s coverage and position.
        </p>
      </header>
      {rounds.isPending && <Loading>Loading the rounds of {countryName}…</Loading>}
      {rounds.isError && (
        <ErrorMessage
          title={`Could not load the rounds of "${country}"`}
          error={rounds.error}
          onRetry={() => void rounds.refetch()}
        />
      )}
      {rounds.data && (
        <>
          <RoundList
            rounds={list}
            countryName={countryName}
            canDelete={(round) => can(user, 'rounds', round.country ?? REGION)}
            onCompareWithNow={(id) => {
              setParams({ from: id, to: NOW });
              requestAnimationFrame(() =>
                document.getElementById('compare-heading')?.scrollIntoView({ block: 'start' }),
              );
            }}
            onDeleted={(id) =>
              setParams(
                { from: params.from === id ? null : undefined, to: params.to === id ? null : undefined },
                { replace: true },
              )
            }
          />
          {graph.data && <CitedRounds interviews={graph.data.interviews} frozen={list} countryName={countryName} />}
          {mayFreeze && (
            <FreezeForm country={country} countryName={countryName} regionAllowed={can(user, 'rounds', REGION)} />
          )}
          {readOnly && <p className="read-only-note">{readOnly}</p>}
          {list.length > 0 ? (
            <ComparePanel
              country={country}
              countryName={countryName}
              rounds={list}
              from={from}
              to={to}
              onChange={(sides) => setParams({ from: sides.from ?? from, to: sides.to ?? to })}
            />
          ) : (
            <section className="page-section" aria-labelledby="compare-heading">
              <h3 id="compare-heading">Compare</h3>
              <p>Freeze a round first; then compare it with the map as it changes, or with later rounds.</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
