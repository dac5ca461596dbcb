// The plan chart's numbers: the measure the goal improves after 0, 1, ... n steps, and the linear scales
// and ticks of its axes. Pure, so the drawing (components/PlanChart.tsx) only places what these return.
import type { PlanGoal, PlanResponse } from '../analysis/api/planTypes';

export interface ChartPoint {
  /** Number of steps taken (0: before the plan). */
  steps: number;
  value: number | null;
}

/** Coverage ratio (close_gaps) or resilient indicators (harden) before the plan and after each step. */
export function planSeries(plan: Pick<PlanResponse, 'goal' | 'before' | 'steps'>): ChartPoint[] {
  const measure = (f: { coverageRatio: number | null; resilientIndicators: number }) =>
    plan.goal === 'close_gaps' ? f.coverageRatio : f.resilientIndicators;
  return [{ steps: 0, value: measure(plan.before) }, ...plan.steps.map((s) => ({ steps: s.step, value: measure(s) }))];
}

/** A linear map from [d0, d1] to [r0, r1]; a domain of zero width maps everything to r0. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => r0;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * The value axis: 0 to 1 for a ratio; for a count, 0 to the largest value rounded up to a nice
 * integer step (at least 1), so that the ticks are whole numbers.
 */
export function valueDomain(goal: PlanGoal, values: ReadonlyArray<number | null>): [number, number] {
  if (goal === 'close_gaps') return [0, 1];
  const max = Math.max(1, ...values.filter((v): v is number => v !== null));
  const step = integerStep(max, 5);
  return [0, Math.ceil(max / step) * step];
}

/** The integer tick step that gives at most `count` intervals up to `max`: 1, 2, 5, 10, 20, 50 ... */
export function integerStep(max: number, count: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const f of [1, 2, 5]) {
      const step = f * magnitude;
      if (max / step <= count) return step;
    }
  }
}

/** Ticks of the value axis: quarters of a ratio, whole numbers of a count. */
export function valueTicks(goal: PlanGoal, domain: readonly [number, number]): number[] {
  if (goal === 'close_gaps') return [0, 0.25, 0.5, 0.75, 1];
  const step = integerStep(domain[1], 5);
  const ticks: number[] = [];
  for (let v = 0; v <= domain[1]; v += step) ticks.push(v);
  return ticks;
}

/** Ticks of the steps axis: every step when there are few, else a whole-number step. */
export function stepTicks(lastStep: number): number[] {
  const step = integerStep(Math.max(lastStep, 1), 10);
  const ticks: number[] = [];
  for (let v = 0; v <= lastStep; v += step) ticks.push(v);
  return ticks;
}

/** How a value reads on the chart and in its table: "71%" or "4". */
export function formatMeasure(goal: PlanGoal, value: number | null): string {
  if (value === null) return 'n/a';
  return goal === 'close_gaps' ? `${Math.round(value * 100)}%` : String(value);
}

export const MEASURE_LABEL: Record<PlanGoal, string> = {
  close_gaps: 'Coverage ratio',
  harden: 'Indicators with two or more independent routes',
};
