// The compare view, for the CBSS secretariat: national network topologies side by side (GET
// /api/analysis/compare) as a sortable table, one metric as a bar chart, sketches of the maps, role
// matrices and country similarity. The selection (countries, sort, metric, role matrix) is in the URL.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useLater } from '../../../lib/useLater';
import { useSearchParams } from '../../../lib/useSearchParams';
import { INTERNATIONAL } from '@model/countries';
import { compareQueryOptions } from '../../analysis/api/getCompare';
import { useCountries } from '../../../graph/api/getCountries';
import { useReference } from '../../../graph/api/getReference';
import { sortCountries } from '../../../components/CountryPicker';
import {
  countriesParam,
  metricKeyOf,
  nextSort,
  PARAMS,
  selectedCountries,
  sortDirOf,
  sortKeyOf,
  unknownCountries,
  type SortKey,
} from '../selection';
import { HiddenNotice } from '../../../components/HiddenNotice';
import { totalHidden, visibleRows } from '../visible';
import { CountryFilter } from './CountryFilter';
import { CountrySketches } from './CountrySketches';
import { MetricChart } from './MetricChart';
import { MetricGlossary } from './MetricGlossary';
import { MetricsTable } from './MetricsTable';
import { RoleMatrix } from './RoleMatrix';
import { SimilarityMatrix } from './SimilarityMatrix';
import '../compare.css';

export function CompareView() {
  const countries = useCountries();
  const [params, setParams] = useSearchParams(PARAMS);
  const national = useMemo(
    () => sortCountries(countries.data?.countries ?? []).filter((c) => c.code !== INTERNATIONAL),
    [countries.data],
  );
  const available = useMemo(() => national.map((c) => c.code), [national]);
  const names = useMemo(() => new Map(national.map((c) => [c.code, c.name])), [national]);
  const nameOf = (code: string) => names.get(code) ?? code;

  const selected = selectedCountries(params.countries, available);
  const unknown = countries.data ? unknownCountries(params.countries, available) : [];
  const all = params.countries === null || selected.length === available.length;
  // Every national country: ask without a list, so the answer is shared with other default requests.
  const requested = all ? [] : [...selected].sort();
  const ready = countries.isSuccess && selected.length > 0;
  const compare = useQuery({ ...compareQueryOptions(requested), enabled: ready });

  const sortKey = sortKeyOf(params.sort);
  const sortDir = sortDirOf(params.dir, sortKey);
  const metric = metricKeyOf(params.metric);
  const setSort = (clicked: SortKey) => {
    const next = nextSort({ key: sortKey, dir: sortDir }, clicked);
    setParams({ sort: next.key, dir: next.dir }, { replace: true });
  };

  // Drawn at once, not as a transition (a847b37 tried it: quiet, at 3 x 1,000 the answer took 563 ms to become a
  // table against 242 ms, and Lighthouse's desktop score fell 92 -> 86).
  const data = compare.data;
  // A viewer's counts: what it may see, the hidden number beside them.
  const shown = useMemo(() => visibleRows(data?.countries ?? []), [data]);
  // The role matrix orders its rows and columns as the catalogue does: asked for with the comparison, so that the
  // matrix is drawn once in that order, not first by name and then all moved (some 700 DOM changes in one task).
  const reference = useReference();
  // The table and the chart first; the sketches, role matrix, similarity and glossary below them a task later (once
  // the catalogue is in, or failed: the matrix then falls back to names).
  const rest = useLater(Boolean(data && ready && !reference.isPending));

  return (
    <div className="compare">
      <div className="compare-intro">
        <h2>Compare national networks</h2>
        <p>
          How each country’s institutions pass information on child trafficking among themselves, measured the same way
          everywhere. Each figure counts the country’s own institutions and the flows running now between them; hover
          over a column heading to read what it measures, or see <a href="#compare-glossary">what the metrics mean</a>.
        </p>
      </div>

      {countries.isPending && <Loading>Loading the list of countries…</Loading>}
      {countries.isError && (
        <ErrorMessage
          title="Could not load the list of countries"
          error={countries.error}
          onRetry={() => void countries.refetch()}
        />
      )}
      {countries.isSuccess && available.length === 0 && (
        <p className="state">There are no national maps to compare yet. Import a map document to start.</p>
      )}

      {available.length > 0 && (
        <CountryFilter
          countries={national}
          selected={selected}
          onChange={(next) => setParams({ countries: countriesParam(next, available) }, { replace: true })}
          unknown={unknown}
        />
      )}

      {countries.isSuccess && available.length > 0 && selected.length === 0 && (
        <p className="state" role="status">
          Choose at least one country to compare.
        </p>
      )}
      {ready && (compare.isPending || (compare.data && !data)) && (
        <Loading>Comparing {selected.length} countries…</Loading>
      )}
      {compare.isError && (
        <ErrorMessage
          title="Could not compare the countries"
          error={compare.error}
          onRetry={() => void compare.refetch()}
        />
      )}

      {data && ready && (
        <>
          <section className="compare-section" aria-labelledby="compare-table-heading">
            <h3 id="compare-table-heading">Countries side by side</h3>
            <HiddenNotice
              flows={totalHidden(shown)}
              where="among the compared countries' own flows"
              counts="The flow counts below leave them out (the hidden number is beside each); the shares and other measures are computed over every flow."
            />
            <MetricsTable rows={shown} sortKey={sortKey} sortDir={sortDir} onSort={setSort} nameOf={nameOf} />
          </section>

          <section className="compare-section" aria-labelledby="compare-chart-heading">
            <h3 id="compare-chart-heading">One measure across countries</h3>
            <MetricChart
              rows={shown}
              metricKey={metric}
              onMetric={(key) => setParams({ metric: key }, { replace: true })}
              nameOf={nameOf}
            />
          </section>
        </>
      )}
      {data && ready && rest && (
        <>
          <section className="compare-section" aria-labelledby="compare-sketches-heading">
            <h3 id="compare-sketches-heading">The maps at a glance</h3>
            <CountrySketches countries={shown.map((c) => c.country)} nameOf={nameOf} />
          </section>

          <section className="compare-section" aria-labelledby="compare-roles-heading">
            <h3 id="compare-roles-heading">Who sends to whom</h3>
            <RoleMatrix
              data={data}
              country={params.roles}
              level={params.level === 'sector' ? 'sector' : 'type'}
              onCountry={(code) => setParams({ roles: code }, { replace: true })}
              onLevel={(level) => setParams({ level: level === 'type' ? null : level }, { replace: true })}
              nameOf={nameOf}
            />
          </section>

          <section className="compare-section" aria-labelledby="compare-similarity-heading">
            <h3 id="compare-similarity-heading">Which countries are organised alike</h3>
            <SimilarityMatrix countries={shown.map((c) => c.country)} similarity={data.similarity} nameOf={nameOf} />
          </section>

          <MetricGlossary />

          <p className="compare-computed muted">
            Computed from store version {data.computedFrom.storeVersion} at{' '}
            {new Date(data.computedFrom.snapshotTakenAt).toLocaleString('en-GB')}; flows with status{' '}
            {data.computedFrom.options.includeStatuses.join(', ')}.
          </p>
        </>
      )}
    </div>
  );
}
