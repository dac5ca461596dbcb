// The lines above the map: what it shows (stakeholders, foreign ones, flows, cross-border ones, how many
// the filters leave), the chosen indicator's coverage, what the last edit did, and a warning when the
// NCP layout has no NCP to centre.
import { useMemo } from 'react';
import type { CoverageCell } from '../../analysis/coverageText';
import type { MapGraph } from '../../../graph/api/types';
import type { Scope } from '../../../graph/elements';
import type { LayoutName } from '../../../graph/layouts';
import { HiddenNotice } from '../../../components/HiddenNotice';
import { IndicatorNotice } from './IndicatorNotice';

interface Props {
  graph: MapGraph;
  scope: Scope;
  country: string;
  countryName: string;
  layout: LayoutName;
  /** The number of flows the filters leave, when any filter is on. */
  shownFlows: number | null;
  indicator: {
    code: string;
    name: string | undefined;
    cell: CoverageCell | undefined;
    loading: boolean;
    error: Error | null;
  } | null;
  editStatus: string | null;
}

export function GraphInfo({ graph, scope, country, countryName, layout, shownFlows, indicator, editStatus }: Props) {
  const own = graph.stakeholders.filter((s) => !s.external).length;
  const crossBorder = useMemo(() => {
    const countryOf = new Map(graph.stakeholders.map((s) => [s.id, s.country]));
    return graph.flows.filter((f) => countryOf.get(f.from) !== countryOf.get(f.to)).length;
  }, [graph]);
  const countries = new Set(graph.stakeholders.map((s) => s.country)).size;
  const hasNcp = graph.stakeholders.some((s) => s.ncp && !s.external && s.country === country);
  return (
    <div className="graph-info">
      <p className="graph-summary">
        {scope === 'region'
          ? `Whole region: ${countries} countries, ${graph.stakeholders.length} stakeholders, ${graph.flows.length} flows of which ${crossBorder} cross-border`
          : `${countryName}: ${own} stakeholders, ${graph.stakeholders.length - own} foreign, ${graph.flows.length} flows`}
        {shownFlows !== null && ` · showing ${shownFlows} flows`}
      </p>
      <HiddenNotice flows={graph.hidden?.flows} counts="The counts above leave them out." />
      {indicator && (
        <IndicatorNotice
          indicator={indicator.code}
          indicatorName={indicator.name}
          countryName={countryName}
          cell={indicator.cell}
          loading={indicator.loading}
          error={indicator.error}
          graph={graph}
          countryMap={scope === 'country'}
        />
      )}
      {editStatus && (
        <p className="map-notice edit-status" role="status">
          {editStatus}
        </p>
      )}
      {layout === 'ncp' && !hasNcp && (
        <p className="map-notice map-notice-warn" role="status">
          {countryName} has no NCP mapped: nothing is at the centre{scope === 'region' ? ' of its box' : ''}, every
          stakeholder is on one ring.
        </p>
      )}
    </div>
  );
}
