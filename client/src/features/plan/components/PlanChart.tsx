// The plan's chart: coverage ratio (close_gaps) or indicators with two or more independent routes
// (harden) against the number of steps taken, as an SVG line with a point per step, and the same
// values as a table.
import { useId } from 'react';
import type { PlanGoal, PlanResponse } from '../../analysis/api/planTypes';
import { formatMeasure, linearScale, MEASURE_LABEL, planSeries, stepTicks, valueDomain, valueTicks } from '../chart';

const WIDTH = 460;
const HEIGHT = 230;
const M = { top: 14, right: 18, bottom: 40, left: 64 };
const LINE_COLOR = '#0b5a8c';

export function PlanChart({ plan }: { plan: Pick<PlanResponse, 'goal' | 'before' | 'steps'> & { goal: PlanGoal } }) {
  const id = useId();
  const series = planSeries(plan);
  const lastStep = series[series.length - 1]?.steps ?? 0;
  const domain = valueDomain(
    plan.goal,
    series.map((p) => p.value),
  );
  const x = linearScale([0, Math.max(lastStep, 1)], [M.left, WIDTH - M.right]);
  const y = linearScale(domain, [HEIGHT - M.bottom, M.top]);
  const label = MEASURE_LABEL[plan.goal];
  const title = `${label} after each step of the plan`;
  const drawn = series.filter((p): p is { steps: number; value: number } => p.value !== null);
  const points = drawn.map((p) => `${x(p.steps)},${y(p.value)}`).join(' ');
  const first = series[0]?.value ?? null;
  const last = series[series.length - 1]?.value ?? null;

  return (
    <figure className="plan-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-goal={plan.goal}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {`From ${formatMeasure(plan.goal, first)} before the plan to ${formatMeasure(plan.goal, last)} after ${lastStep} ${lastStep === 1 ? 'step' : 'steps'}. The same values are in the table below the chart.`}
        </desc>
        {valueTicks(plan.goal, domain).map((v) => (
          <g key={`y${v}`} className="plan-tick">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} stroke="#d9d9d9" strokeWidth="1" />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {formatMeasure(plan.goal, v)}
            </text>
          </g>
        ))}
        {stepTicks(lastStep).map((s) => (
          <text key={`x${s}`} x={x(s)} y={HEIGHT - M.bottom + 16} textAnchor="middle" className="plan-tick">
            {s}
          </text>
        ))}
        <line
          x1={M.left}
          x2={WIDTH - M.right}
          y1={HEIGHT - M.bottom}
          y2={HEIGHT - M.bottom}
          stroke="#1a1a1a"
          strokeWidth="1"
        />
        <line x1={M.left} x2={M.left} y1={M.top} y2={HEIGHT - M.bottom} stroke="#1a1a1a" strokeWidth="1" />
        <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="plan-axis-label">
          Steps taken
        </text>
        <text
          x={14}
          y={(M.top + HEIGHT - M.bottom) / 2}
          textAnchor="middle"
          className="plan-axis-label"
          transform={`rotate(-90 14 ${(M.top + HEIGHT - M.bottom) / 2})`}
        >
          {plan.goal === 'close_gaps' ? 'Coverage ratio' : 'Indicators, 2+ routes'}
        </text>
        {drawn.length > 1 && <polyline points={points} fill="none" stroke={LINE_COLOR} strokeWidth="2.5" />}
        {drawn.map((p) => (
          <circle
            key={p.steps}
            className="plan-point"
            cx={x(p.steps)}
            cy={y(p.value)}
            r="4.5"
            fill={LINE_COLOR}
            data-steps={p.steps}
            data-value={p.value}
          >
            <title>{`${p.steps === 0 ? 'Before the plan' : `After step ${p.steps}`}: ${formatMeasure(plan.goal, p.value)}`}</title>
          </circle>
        ))}
      </svg>
      <details className="chart-table">
        <summary>The values as a table</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Steps taken</th>
              <th scope="col" className="num">
                {label}
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.steps}>
                <th scope="row">{p.steps === 0 ? '0 (before)' : p.steps}</th>
                <td className="num">{formatMeasure(plan.goal, p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
