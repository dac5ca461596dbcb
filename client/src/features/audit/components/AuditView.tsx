// The history view: the audit trail newest first, filtered by country (or all), kind and person (the
// filters live in the URL), a page at a time; each change opens to show its before and after.
import { useId } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import '../../../lib/page.css';
import { useSearchParams } from '../../../lib/useSearchParams';
import type { CountrySummary } from '../../../graph/api/types';
import { useAllStakeholders } from '../../rounds/api/getAllStakeholders';
import { useActors } from '../api/getActors';
import { useAudit } from '../api/getAudit';
import '../audit.css';
import { filtersFromParams, KIND_NAMES, KIND_ORDER } from '../filters';
import { namerOf } from '../names';
import { AuditTable } from './AuditTable';

const PARAMS = ['scope', 'kind', 'actor'] as const;

export function AuditView({ country, countries }: { country: string | null; countries: CountrySummary[] | undefined }) {
  const [params, setParams] = useSearchParams(PARAMS);
  const filters = filtersFromParams(params, country);
  const audit = useAudit(filters);
  const actors = useActors();
  const ids = { scope: useId(), kind: useId(), actor: useId() };
  const countryName = countries?.find((c) => c.code === country)?.name ?? country;
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  const actorList = actors.data?.actors ?? [];
  const stakeholders = useAllStakeholders();
  const names = namerOf(entries, stakeholders.data?.items ?? [], countries ?? []);
  const where = filters.country ? (countryName ?? filters.country) : 'every country';

  return (
    <div className="page audit-view">
      <header>
        <h2>History</h2>
        <p className="page-lede">
          Every change to the map: who made it, when, and the item before and after. Newest first.
        </p>
      </header>
      <section className="page-section" aria-labelledby="audit-filters-heading">
        <h3 id="audit-filters-heading" className="visually-hidden">
          Filters
        </h3>
        <div className="filters">
          <div className="field">
            <label htmlFor={ids.scope}>Changes in</label>
            <select
              id={ids.scope}
              value={filters.country === null ? 'all' : ''}
              onChange={(e) => setParams({ scope: e.target.value || null })}
            >
              {country && <option value="">{countryName} (the country chosen above)</option>}
              <option value="all">All countries</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.kind}>Kind of item</label>
            <select
              id={ids.kind}
              value={filters.kind ?? ''}
              onChange={(e) => setParams({ kind: e.target.value || null })}
            >
              <option value="">All kinds</option>
              {KIND_ORDER.map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.actor}>Person</label>
            <select
              id={ids.actor}
              value={filters.actor ?? ''}
              onChange={(e) => setParams({ actor: e.target.value || null })}
            >
              <option value="">Everyone</option>
              {filters.actor && !actorList.includes(filters.actor) && (
                <option value={filters.actor}>{filters.actor}</option>
              )}
              {actorList.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          {(params.scope || filters.kind || filters.actor) && (
            <button type="button" className="btn" onClick={() => setParams({ scope: null, kind: null, actor: null })}>
              Clear filters
            </button>
          )}
        </div>
        {actors.isError && <p className="field-error">Could not load the list of people: {actors.error.message}</p>}
      </section>

      <section className="page-section" aria-labelledby="audit-list-heading">
        <h3 id="audit-list-heading">
          Changes in {where}
          {filters.kind ? `, ${KIND_NAMES[filters.kind].toLowerCase()}s` : ''}
          {filters.actor ? `, by ${filters.actor}` : ''}
        </h3>
        {audit.isPending && <Loading>Loading the history…</Loading>}
        {audit.isError && (
          <ErrorMessage title="Could not load the history" error={audit.error} onRetry={() => void audit.refetch()} />
        )}
        {audit.data && entries.length === 0 && <p>No changes match these filters.</p>}
        {entries.length > 0 && <AuditTable entries={entries} names={names} />}
        {audit.hasNextPage && (
          <div className="actions">
            <button
              type="button"
              className="btn"
              disabled={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              {audit.isFetchingNextPage ? 'Loading older changes…' : 'Older changes'}
            </button>
            <span className="page-note">{entries.length} shown</span>
          </div>
        )}
        {audit.data && !audit.hasNextPage && entries.length > 0 && (
          <p className="page-note">{entries.length} shown: that is all.</p>
        )}
      </section>
    </div>
  );
}
