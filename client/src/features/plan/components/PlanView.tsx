// The plan view (issue 13): for one country, the few actions that close the most gaps (`close_gaps`) or
// give the most indicators a second independent route to the NCP (`harden`), greedily chosen by the
// server (ANALYSIS.md §6): the steps in order with their explanations, a chart of what each step buys,
// the proposed flows drawn dashed on the map, and a link that loads them into the what-if panel.
// Goal, budget and the map switch are in the URL (`goal`, `budget`, `map`).
import { useId } from 'react';
import { InAppLink } from '../../../components/InAppLink';
import { ErrorMessage, Loading } from '../../../components/States';
import { HiddenBeside } from '../../../components/HiddenNotice';
import { useSearchParams } from '../../../lib/useSearchParams';
import { viewHref } from '../../../lib/views';
import { usePlan } from '../../analysis/api/getPlan';
import type { PlanGoal, PlanResponse } from '../../analysis/api/planTypes';
import { useGraph } from '../../../graph/api/getGraph';
import type { GraphResponse } from '../../../graph/api/types';
import { percent } from '@model/format';
import { useStakeholderNames, type NamedStakeholder } from '../../gaps/useStakeholderNames';
import '../../map/map.css';
import '../plan.css';
import {
  GOALS,
  MAX_BUDGET,
  MIN_BUDGET,
  PLAN_PARAMS,
  planParams,
  planStateFromParams,
  whatIfKeys,
  type PlanState,
} from '../state';
import { PlanChart } from './PlanChart';
import { PlanMap } from './PlanMap';

const GOAL_WORDS: Record<PlanGoal, { label: string; hint: string }> = {
  close_gaps: {
    label: 'Close gaps',
    hint: 'Flows that bring the most indicators collected in the country to the NCP.',
  },
  harden: {
    label: 'Remove single points of failure',
    hint: 'Flows straight to the NCP that give the most indicators a second route sharing no institution with the first.',
  },
};

const BUDGETS = Array.from({ length: MAX_BUDGET - MIN_BUDGET + 1 }, (_, i) => MIN_BUDGET + i);

export function PlanView({ country }: { country: string }) {
  const graph = useGraph(country);
  const name = graph.data?.country.name ?? country;
  if (graph.isPending) return <Loading>Loading the map of {name}…</Loading>;
  if (graph.isError) {
    return (
      <ErrorMessage
        title={`Could not load the map of "${country}"`}
        error={graph.error}
        onRetry={() => void graph.refetch()}
      />
    );
  }
  return <Plan key={country} country={country} countryName={name} graph={graph.data} />;
}

function Plan({ country, countryName, graph }: { country: string; countryName: string; graph: GraphResponse }) {
  const [params, setParams] = useSearchParams(PLAN_PARAMS);
  const state = planStateFromParams(params);
  const setState = (patch: Partial<PlanState>) => setParams(planParams({ ...state, ...patch }));
  const ncp = graph.stakeholders.find((s) => s.ncp && !s.external);
  const plan = usePlan(ncp ? country : null, state.goal, state.budget);
  const id = useId();

  return (
    <div className={`plan-layout${state.map && plan.data ? ' plan-layout-map' : ''}`}>
      <div className="plan-panel">
        <h2>Plan for {countryName}</h2>
        <p className="plan-hint">
          The few actions that would do the most, chosen one at a time: each step is the action that gains most given
          the steps before it. Nothing is changed in the map.
        </p>
        <div className="plan-controls">
          <fieldset>
            <legend>Goal</legend>
            {GOALS.map((g) => (
              <label key={g} className="plan-goal">
                <input
                  type="radio"
                  name={`${id}-goal`}
                  value={g}
                  checked={state.goal === g}
                  onChange={() => setState({ goal: g })}
                />
                <span>
                  <strong>{GOAL_WORDS[g].label}</strong>
                  <span className="plan-goal-hint">{GOAL_WORDS[g].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="plan-budget">
            <label htmlFor={`${id}-budget`}>Budget (at most this many actions)</label>
            <select
              id={`${id}-budget`}
              value={state.budget}
              onChange={(e) => setState({ budget: Number(e.target.value) })}
            >
              {BUDGETS.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </div>
        </div>

        {!ncp && (
          <div className="map-notice map-notice-warn" role="note">
            <strong>{countryName} has no national contact point (NCP) mapped.</strong> A plan is about what reaches an
            NCP, so there is none to make here.
          </div>
        )}
        {ncp && plan.isPending && <Loading>Working out the plan…</Loading>}
        {ncp && plan.isError && (
          <ErrorMessage title="Could not work out the plan" error={plan.error} onRetry={() => void plan.refetch()} />
        )}
        {ncp && plan.data && (
          <PlanResult
            country={country}
            plan={plan.data}
            graph={graph}
            mapShown={state.map}
            onMap={(map) => setState({ map })}
          />
        )}
      </div>
      {state.map && plan.data && <PlanMap country={country} countryName={countryName} graph={graph} plan={plan.data} />}
    </div>
  );
}

interface ResultProps {
  country: string;
  plan: PlanResponse;
  graph: GraphResponse;
  mapShown: boolean;
  onMap: (shown: boolean) => void;
}

function PlanResult({ country, plan, mapShown, onMap }: ResultProps) {
  const names = useStakeholderNames(
    country,
    plan.steps.flatMap((s) => [s.action.from, s.action.to]),
  );
  const whatIfHref = viewHref('bottlenecks', country, { add: whatIfKeys(plan.steps).join(',') });
  const measure =
    plan.goal === 'close_gaps'
      ? `Coverage ratio ${percent(plan.before.coverageRatio)} → ${percent(plan.after.coverageRatio)}`
      : `Indicators with two or more independent routes: ${plan.before.resilientIndicators} → ${plan.after.resilientIndicators}`;

  return (
    <>
      <div className="plan-head">
        <p className="plan-summary">{measure}</p>
        {plan.steps.length > 0 && (
          <div className="plan-actions">
            <button type="button" className="map-button" aria-pressed={mapShown} onClick={() => onMap(!mapShown)}>
              Show on the map
            </button>
            <InAppLink href={whatIfHref} className="plan-what-if">
              Try in what-if
            </InAppLink>
          </div>
        )}
        {plan.goal === 'harden' && plan.steps.length > 0 && (
          <p className="plan-hint plan-what-if-note">
            In what-if these flows change no indicator’s status: they add a second route to what already reaches the
            NCP, not coverage. Each step names the single points of failure its route avoids.
          </p>
        )}
      </div>
      <div className="plan-body">
        <section aria-labelledby="plan-steps-heading" className="plan-steps">
          <h3 id="plan-steps-heading">
            Steps ({plan.steps.length} of at most {plan.budget}
            <HiddenBeside count={plan.hidden?.steps} within />)
          </h3>
          {!!plan.hidden?.steps && (
            <p className="hidden-notice" role="note" data-hidden-steps={plan.hidden.steps}>
              {plan.hidden.steps === 1 ? '1 step hidden' : `${plan.hidden.steps} steps hidden`}:{' '}
              {plan.hidden.steps === 1 ? 'it extends a flow that carries' : 'they extend flows that carry'} personal
              data, which your account may not see. The other steps keep their numbers, and the figures count every
              step.
            </p>
          )}
          {plan.steps.length === 0 ? (
            <p className="muted">
              {plan.goal === 'close_gaps'
                ? 'No action would bring another indicator to the NCP: there is no gap a suggested flow closes.'
                : 'No action would give an indicator a second independent route: none reaches the NCP by one route only from two or more holders.'}
            </p>
          ) : (
            <ol className="plan-step-list" aria-label="Steps, in order">
              {plan.steps.map((s) => (
                <li key={s.step} value={s.step}>
                  <p className="plan-action">
                    <ActionWords action={s.action} lookup={names.lookup} />
                  </p>
                  <p className="plan-explanation">{s.explanation}</p>
                  <p className="plan-gain">
                    Gains {s.gained.join(', ') || 'nothing'} · then{' '}
                    {plan.goal === 'close_gaps'
                      ? `coverage ratio ${percent(s.coverageRatio)}`
                      : `${s.resilientIndicators} with two or more routes`}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
        {plan.steps.length > 0 && (
          <section aria-labelledby="plan-chart-heading" className="plan-chart-box">
            <h3 id="plan-chart-heading">What each step buys</h3>
            <PlanChart plan={plan} />
          </section>
        )}
      </div>
    </>
  );
}

function ActionWords({
  action,
  lookup,
}: {
  action: PlanResponse['steps'][number]['action'];
  lookup: (id: string) => NamedStakeholder;
}) {
  const codes = action.indicators.join(', ');
  const from = <strong>{lookup(action.from).name}</strong>;
  const to = <strong>{lookup(action.to).name}</strong>;
  return action.kind === 'extend_flow' ? (
    <>
      Add {codes} to the flow {from} → {to}
      {action.flow ? ` (${action.flow})` : ''}
    </>
  ) : (
    <>
      New flow {from} → {to} carrying {codes}
    </>
  );
}
