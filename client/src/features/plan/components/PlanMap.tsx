// The plan view's map: the country's graph with the plan's proposed flows drawn dashed, labelled with their step.
import { useMemo, useRef } from 'react';
import type { PlanResponse } from '../../analysis/api/planTypes';
import type { GraphResponse } from '../../../graph/api/types';
import type { ExtraFlow } from '../../../graph/elements';
import { GraphCanvas, type GraphCanvasHandle } from '../../../graph/GraphCanvas';
import { ADDED_COLOR } from '../../../graph/styles';
import { ZoomControls } from '../../../graph/ZoomControls';

/** The proposed flows of a plan as dashed edges, labelled with their step. */
export function planFlows(steps: PlanResponse['steps']): ExtraFlow[] {
  return steps.map((s) => ({
    id: `plan-${s.step}`,
    from: s.action.from,
    to: s.action.to,
    label: `${s.step}. + ${s.action.indicators.join(', ')}`,
  }));
}

export function PlanMap({
  country,
  countryName,
  graph,
  plan,
}: {
  country: string;
  countryName: string;
  graph: GraphResponse;
  plan: PlanResponse;
}) {
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const added = useMemo(() => planFlows(plan.steps), [plan.steps]);
  return (
    <div className="plan-map">
      <p className="graph-summary plan-map-summary">
        {countryName}: <span style={{ color: ADDED_COLOR, fontWeight: 700 }}>green dashed</span> = proposed by the plan
        (number: step)
      </p>
      <GraphCanvas
        ref={canvasRef}
        graph={graph}
        title={`${countryName} (plan)`}
        hookId={country}
        view="plan"
        addedFlows={added}
      />
      <ZoomControls canvasRef={canvasRef} />
    </div>
  );
}
