// Next to the map when an indicator is filtered: whether it reaches the country's NCP, in words, and
// what the highlighted path is (ANALYSIS.md §1 statuses).
import { humanize } from '../../../lib/format';
import type { MapGraph } from '../../../graph/api/types';
import type { CoverageCell } from '../../analysis/coverageText';

interface Props {
  indicator: string;
  indicatorName: string | undefined;
  countryName: string;
  cell: CoverageCell | undefined;
  loading: boolean;
  error: Error | null;
  graph: MapGraph;
  /** The map shows one country (paths may leave it) rather than the whole region. */
  countryMap: boolean;
}

export function IndicatorNotice({
  indicator,
  indicatorName,
  countryName,
  cell,
  loading,
  error,
  graph,
  countryMap,
}: Props) {
  const title = (
    <strong className="map-notice-title">
      {indicator}
      {indicatorName ? ` · ${indicatorName}` : ''}:
    </strong>
  );
  const byId = new Map(graph.stakeholders.map((s) => [s.id, s]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  let tone = 'info';
  let body;
  if (loading) body = <>Checking whether it reaches the NCP of {countryName}…</>;
  else if (error) {
    tone = 'warn';
    body = <>Could not check its coverage: {error.message}</>;
  } else if (!cell) {
    tone = 'warn';
    body = <>{indicator} is not in the indicator catalogue.</>;
  } else {
    switch (cell.status) {
      case 'held_by_ncp':
        body = <>Held by the NCP of {countryName} itself: no flow is needed.</>;
        break;
      case 'reaches_ncp': {
        const path = cell.path ?? [];
        const flowIds = new Set(graph.flows.map((f) => f.id));
        const outside = (cell.flows ?? []).some((id) => !flowIds.has(id));
        body = (
          <>
            Reaches the NCP of {countryName} in {cell.hops} hop{cell.hops === 1 ? '' : 's'}:{' '}
            <span className="path-words">{path.map(name).join(' → ')}</span> (highlighted).
            {cell.weakestBasis && <> Weakest link: {humanize(cell.weakestBasis).toLowerCase()}</>}
            {cell.slowestFrequency && <>; slowest: {humanize(cell.slowestFrequency).toLowerCase()}</>}
            {cell.latencyDays !== undefined && <>; about {cell.latencyDays} days on the way</>}.
            {outside && countryMap && <> Part of the path runs outside this map: see it on the whole region.</>}
          </>
        );
        break;
      }
      case 'collected_not_reaching':
        tone = 'warn';
        body = (
          <>
            Collected in {countryName} (by {cell.holders.map(name).join(', ')}) but{' '}
            <strong>not reaching the NCP</strong>: no chain of flows carrying {indicator} leads there.
          </>
        );
        break;
      case 'not_collected':
        tone = 'warn';
        body = (
          <>
            <strong>Not collected</strong> in {countryName}: no stakeholder there holds a dataset covering {indicator}.
          </>
        );
        break;
      case 'no_ncp':
        tone = 'warn';
        body = <>{countryName} has no NCP mapped, so there is no path to one.</>;
        break;
    }
  }
  return (
    <div
      className={`indicator-notice map-notice-${tone}`}
      role="status"
      aria-live="polite"
      data-status={cell?.status ?? ''}
    >
      <p>
        {title} {body}
      </p>
    </div>
  );
}
