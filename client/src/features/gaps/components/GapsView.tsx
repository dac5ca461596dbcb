// The gaps view: which kinds of information reach each country's NCP (ANALYSIS.md §1) as a heat map
// of countries by indicators, and the details of the cell named in the URL (`country`, `indicator`).
import { INTERNATIONAL } from '@model/countries';
import { HiddenNotice } from '../../../components/HiddenNotice';
import { useMemo } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useFirstInTransition } from '../../../lib/useFirstInTransition';
import { useSearchParam } from '../../../lib/useSearchParam';
import { navigate, viewHref } from '../../../lib/views';
import { useMatrix } from '../../analysis/api/getMatrix';
import { useCountries } from '../../../graph/api/getCountries';
import { useReference } from '../../../graph/api/getReference';
import { countryRatios, countStatuses, groupByTheme, statusWords, type MatrixCell } from '../matrix';
import { PlanLinks } from '../../plan/components/PlanLinks';
import { CellDetails } from './CellDetails';
import { CoverageMatrix, type MatrixRow } from './CoverageMatrix';
import { StatusLegend } from './StatusLegend';
import '../gaps.css';

export function GapsView({ country }: { country: string | null }) {
  const matrix = useMatrix();
  const reference = useReference();
  const countries = useCountries();
  const [indicatorParam] = useSearchParam('indicator');

  const model = useMemo(() => {
    if (!matrix.data || !reference.data) return null;
    const { cells, indicators } = matrix.data;
    const byKey = new Map<string, MatrixCell>(cells.map((c) => [`${c.country}|${c.indicator}`, c]));
    const names = new Map((countries.data?.countries ?? []).map((c) => [c.code, c.name]));
    const rows: MatrixRow[] = matrix.data.countries
      .map((code) => ({
        code,
        name: names.get(code) ?? code,
        ...countryRatios(
          cells.filter((c) => c.country === code),
          indicators.length,
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      byKey,
      rows,
      names,
      groups: groupByTheme(indicators, reference.data.indicators, reference.data.themes),
      counts: countStatuses(cells),
    };
  }, [matrix.data, reference.data, countries.data]);
  // The matrix is first built in slices, not in one long task the moment the answers arrive.
  const shown = useFirstInTransition(model ?? undefined);

  if (matrix.isError) {
    return (
      <ErrorMessage
        title="Could not load the coverage matrix"
        error={matrix.error}
        onRetry={() => void matrix.refetch()}
      />
    );
  }
  if (reference.isError) {
    return (
      <ErrorMessage
        title="Could not load the indicator catalogue"
        error={reference.error}
        onRetry={() => void reference.refetch()}
      />
    );
  }
  const ready = model && shown ? model : null;
  const indicator = indicatorParam
    ? (reference.data?.indicators.find((i) => i.code === indicatorParam) ?? {
        code: indicatorParam,
        name: indicatorParam,
      })
    : null;
  const selected = country && indicator ? { country, indicator: indicator.code } : null;
  const selectedCell = selected ? ready?.byKey.get(`${selected.country}|${selected.indicator}`) : undefined;
  const names = ready?.names ?? new Map((countries.data?.countries ?? []).map((c) => [c.code, c.name]));
  const countryName = country ? (names.get(country) ?? country) : '';
  // The matrix holds every country but the international one: known from the country list before it arrives.
  const inMatrix =
    country !== null &&
    (ready
      ? ready.rows.some((r) => r.code === country)
      : country !== INTERNATIONAL && (countries.data?.countries ?? []).some((c) => c.code === country));

  // The heading and the words under it are drawn at once, the matrix when its answers are in: the page shows
  // what it is about (the largest text on a phone) without waiting for the data, and nothing above moves later.
  const intro = (
    <div className="gaps-intro">
      <h2>Coverage gaps</h2>
      <p>
        Does each kind of information reach the national contact point (NCP)? Choose a cell for its route or what would
        close its gap; arrow keys move between cells.
      </p>
      <HiddenNotice
        flows={matrix.data?.hidden?.flows}
        where="in the region"
        counts="The coverage counts them: a route to the NCP may run through a flow you cannot see."
      />
      {country && inMatrix && <PlanLinks country={country} countryName={countryName} />}
    </div>
  );
  if (!ready) {
    return (
      <div className="gaps-view">
        <div className="gaps-top">{intro}</div>
        <Loading>Loading the coverage matrix…</Loading>
      </div>
    );
  }

  return (
    <div className="gaps-view">
      <div className="gaps-top">
        {intro}
        <StatusLegend counts={ready.counts} />
      </div>
      {ready.rows.length === 0 ? (
        <p className="state">No national maps yet: import a map document to see its coverage.</p>
      ) : (
        <CoverageMatrix
          rows={ready.rows}
          groups={ready.groups}
          cellAt={(c, i) => ready.byKey.get(`${c}|${i}`)}
          selected={selected}
          onSelect={(c, i) => navigate(viewHref('gaps', c, { indicator: i }))}
        />
      )}
      <p className="visually-hidden" aria-live="polite">
        {selected && selectedCell
          ? `Showing ${countryName}, ${selected.indicator}: ${statusWords(selectedCell.status, selectedCell.hops)}`
          : ''}
      </p>
      <div className="gaps-details">
        {!selected && (
          <p className="gaps-hint">Choose a cell to see its route to the NCP, or what would close its gap.</p>
        )}
        {selected && indicator && !inMatrix && (
          <p className="gaps-hint">
            {countryName} is not in the matrix: it covers the national maps, each with its own NCP. Choose a cell above.
          </p>
        )}
        {selected && indicator && inMatrix && (
          <CellDetails
            key={`${selected.country}|${selected.indicator}`}
            country={selected.country}
            countryName={countryName}
            countryNames={ready.names}
            indicator={indicator}
            status={selectedCell?.status}
            hops={selectedCell?.hops}
            onClose={() => navigate(viewHref('gaps', country))}
          />
        )}
      </div>
    </div>
  );
}
